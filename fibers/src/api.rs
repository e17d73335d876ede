//! # Stackful fibers: the fiber API (issue #5)
//!
//! A C-like fiber interface, in the shape of the WasmFX benchmarks'
//! `fiber_c.h`, written in switchyard IR over the IR's four coroutine
//! instructions, so that it works unchanged under every strategy (cps,
//! asyncify, wasmfx). [`install`] adds these functions to a module (names
//! as given, so a front end can call or export them):
//!
//! | function | signature | what |
//! |---|---|---|
//! | `fiber_new(entry)` | `(i32) -> i32` | a new fiber that will run the function in table slot `entry`, of type `(i64) -> i64`; returns its handle (never 0), or 0 when [`MAX_LIVE`] fibers are alive |
//! | `fiber_resume(fiber, value)` | `(i32, i64) -> (i32, i64)` | runs the fiber until it yields or its entry returns: `(status, value)`, see below |
//! | `fiber_yield(value)` | `(i64) -> i64` | suspends the running fiber, handing `value` to its resumer; returns the value of the next `fiber_resume` |
//! | `fiber_free(fiber)` | `(i32) -> i32` | releases the fiber (0), or [`FIBER_ERROR`] for an invalid handle or a running fiber |
//! | `fiber_current()` | `() -> i32` | the running fiber's handle, 0 outside fibers |
//!
//! **Status encoding** of `fiber_resume`: [`FIBER_YIELDED`] (0, equal to
//! `CORO_SUSPENDED`): the fiber called `fiber_yield(value)`;
//! [`FIBER_FINISHED`] (1, equal to `CORO_RETURNED`): its entry returned
//! `value`; [`FIBER_ERROR`] (2): nothing ran, `value` is 0: the handle is
//! not a live fiber (never created, freed, or garbage) or the fiber has
//! finished or is running (it is resuming, directly or not, the fiber that
//! tries to resume it). The first `fiber_resume(f, v)` calls `entry(v)`;
//! later ones make the pending `fiber_yield` return `v`.
//!
//! **Stackful.** `fiber_yield` may be called at any call depth inside a
//! fiber: it is an ordinary function containing `coro.suspend`, so the
//! strategies' may-suspend analysis marks its callers (and indirect calls
//! of their signature) suspendable, and every frame between the entry and
//! `fiber_yield` is kept while the fiber is suspended (cps: frames on the
//! fiber's explicit stack; asyncify: unwound into the fiber's buffer;
//! wasmfx: left on the worker continuation's stack). Fibers nest: a fiber
//! may resume another; a yield returns to the innermost resumer.
//! `fiber_yield` outside any fiber stops the program with
//! `fatal(`[`FATAL_FIBER_YIELD`]`)` ("fiber_yield outside a fiber"). A
//! module that also uses the coroutine instructions itself must not call
//! `fiber_yield` from the body of one of its own coroutines running inside
//! a fiber: `coro.suspend` suspends the innermost coroutine, which would
//! then be that one.
//!
//! ## How it is built
//!
//! A fiber is a 16-byte **record** in a table of records; the handle is
//! `generation << 24 | index`, so a stale handle (of a freed fiber whose
//! record was reused, up to 255 reuses) or any other number is recognised
//! and answered with [`FIBER_ERROR`] rather than trusted:
//!
//! | offset | field |
//! |---|---|
//! | 0 | state: [`STATE_FREE`], [`STATE_NEW`], [`STATE_SUSPENDED`], [`STATE_RUNNING`], [`STATE_FINISHED`] |
//! | 4 | generation (1..=255) |
//! | 8 | the coroutine handle (while suspended or running) |
//! | 12 | the entry's table slot; the next free index while free |
//!
//! Records live in chunks of [`CHUNK_RECORDS`] (64 KiB), found through a
//! directory of [`DIRECTORY_ENTRIES`] chunk pointers: chunks never move, so
//! a record's address is stable. Freed records go on a free list (LIFO),
//! so the table holds as many records as were ever alive at once.
//!
//! The coroutine is created by the first `fiber_resume` (so a fiber that
//! is created and freed without running costs no coroutine at all) and is
//! a `coro.new` of one **trampoline**, a coroutine entry that reads the
//! running fiber's entry slot and `call_indirect`s it: user entries are
//! ordinary table functions of type `(i64) -> i64`. The coroutine is freed
//! (`coro.free`) as soon as the entry returns, so a finished fiber holds
//! only its record until `fiber_free`; `fiber_free` of a suspended fiber
//! frees its coroutine too (its frames are discarded; no code of it runs
//! again). What that gives back depends on the strategy: cps returns the
//! coroutine record and explicit stack to its free lists, asyncify the
//! record and storage block; wasmfx returns the worker continuation to the
//! pool when the fiber finished, but a fiber freed *while suspended*
//! abandons its worker (Wasmtime 48 cannot unwind a suspended
//! continuation without GC allocation; see `crate::wasmfx`).
//!
//! `fiber_resume` never reaches the strategies' `coro.resume` misuse checks
//! (`FATAL_CORO_RESUME`, a trap under every strategy): it checks the
//! fiber's state first, so a finished, freed, running or invalid fiber is
//! the error status, never a trap.
//!
//! Memory comes from [`Config::alloc`] (the module's allocator, e.g. the JS
//! runtime's `rt_alloc`) or, without one, from `memory.grow` (one page per
//! chunk). It is never returned, only reused.

use crate::cps::BuilderExt;
use switchyard_ir::{
    BinOp, Const, FuncId, FunctionBuilder, GlobalId, Local, Module, Signature, Type, UnOp,
    CORO_SUSPENDED,
};

/// `fiber_resume` status: the fiber yielded a value.
pub const FIBER_YIELDED: i32 = 0;
/// `fiber_resume` status: the fiber's entry returned a value.
pub const FIBER_FINISHED: i32 = 1;
/// `fiber_resume` status: not resumable (invalid, freed, finished or running).
/// Also `fiber_free`'s result for an invalid handle or a running fiber.
pub const FIBER_ERROR: i32 = 2;

/// Record state: on the free list.
pub const STATE_FREE: i32 = 0;
/// Record state: created, never resumed (no coroutine yet).
pub const STATE_NEW: i32 = 1;
/// Record state: suspended in `fiber_yield`.
pub const STATE_SUSPENDED: i32 = 2;
/// Record state: running (or resuming another fiber).
pub const STATE_RUNNING: i32 = 3;
/// Record state: the entry returned (the coroutine is already freed).
pub const STATE_FINISHED: i32 = 4;

/// The host's `fatal` code for `fiber_yield` outside a fiber
/// (`switchyard_js_runtime::layout::FATAL_FIBER_YIELD`).
pub const FATAL_FIBER_YIELD: i32 = 6;
/// The host's `fatal` code for out of memory.
const FATAL_OUT_OF_MEMORY: i32 = 2;

/// Bytes of a fiber record.
pub const RECORD_BYTES: u32 = 16;
/// Records per chunk (a chunk is 64 KiB).
pub const CHUNK_RECORDS: u32 = 4096;
/// Bits of a handle that are the record index.
pub const INDEX_BITS: u32 = 24;
/// Chunks the directory can point to.
pub const DIRECTORY_ENTRIES: u32 = (1 << INDEX_BITS) / CHUNK_RECORDS;
/// Fibers that may be alive (created and not freed) at once; index 0 is
/// never used.
pub const MAX_LIVE: u32 = (1 << INDEX_BITS) - 1;

const R_STATE: u32 = 0;
const R_GEN: u32 = 4;
const R_CORO: u32 = 8;
const R_ENTRY: u32 = 12;
const R_NEXT: u32 = 12;

/// Names of the functions [`install`] adds (the public ones, then helpers).
#[derive(Clone, Debug)]
pub struct Names {
    pub new: String,
    pub resume: String,
    pub yield_: String,
    pub free: String,
    pub current: String,
    /// Prefix of the private helpers and globals.
    pub prefix: String,
}

impl Default for Names {
    fn default() -> Self {
        Names {
            new: "fiber_new".into(),
            resume: "fiber_resume".into(),
            yield_: "fiber_yield".into(),
            free: "fiber_free".into(),
            current: "fiber_current".into(),
            prefix: "__sy_fiber_".into(),
        }
    }
}

/// Where the API gets memory and how it stops the program.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// `(bytes: i32) -> i32`: fresh 8-aligned memory nothing else uses,
    /// which must not suspend. `None`: `memory.grow`.
    pub alloc: Option<FuncId>,
    /// `(code: i32) -> ()`, the host's `switchyard.fatal`, called before
    /// trapping. `None`: plain `unreachable`.
    pub fatal: Option<FuncId>,
    /// Function names (defaults: `fiber_new`, ...).
    pub names: Names,
}

/// The installed API.
#[derive(Clone, Debug)]
pub struct FiberApi {
    /// `fiber_new(entry: i32) -> i32`
    pub new: FuncId,
    /// `fiber_resume(fiber: i32, value: i64) -> (status: i32, value: i64)`
    pub resume: FuncId,
    /// `fiber_yield(value: i64) -> i64`
    pub yield_: FuncId,
    /// `fiber_free(fiber: i32) -> i32`
    pub free: FuncId,
    /// `fiber_current() -> i32`
    pub current: FuncId,
    /// The coroutine entry every fiber's coroutine starts in.
    pub trampoline: FuncId,
    /// i32 global: the running fiber's handle, 0 outside fibers.
    pub current_global: GlobalId,
    /// i32 global: how many record indices were ever handed out (the
    /// high-water mark of live fibers, plus one).
    pub records_global: GlobalId,
}

/// The signature of fiber entries: `(i64) -> i64`.
pub fn entry_sig() -> Signature {
    Signature::new([Type::I64], [Type::I64])
}

/// Installs the fiber API into `m`. Fails if a function or global with one
/// of the names exists already.
pub fn install(m: &mut Module, cfg: &Config) -> Result<FiberApi, String> {
    let n = &cfg.names;
    let p = &n.prefix;
    let public = [&n.new, &n.resume, &n.yield_, &n.free, &n.current];
    for f in &m.funcs {
        if public.iter().any(|name| **name == f.name) || f.name.starts_with(p.as_str()) {
            return Err(format!(
                "the module already has a function `{}`, a name the fiber API uses",
                f.name
            ));
        }
    }
    if let Some(g) = m.globals.iter().find(|g| g.name.starts_with(p.as_str())) {
        return Err(format!(
            "the module already has a global `{}`, a name the fiber API uses",
            g.name
        ));
    }
    let mut g = |name: &str| m.add_global(format!("{p}{name}"), Type::I32, true, Const::I32(0));
    let gl = Globals {
        current: g("current"),
        dir: g("directory"),
        count: g("records"),
        free: g("free"),
        chunk_ptr: g("chunk_ptr"),
        chunk_end: g("chunk_end"),
    };
    use Type::{I32, I64};
    let sig = |a: &[Type], r: &[Type]| Signature::new(a.to_vec(), r.to_vec());
    let fx = Funcs {
        alloc: m.declare_func(format!("{p}alloc"), sig(&[I32], &[I32])),
        lookup: m.declare_func(format!("{p}lookup"), sig(&[I32], &[I32])),
        trampoline: m.declare_func(format!("{p}trampoline"), entry_sig()),
        new: m.declare_func(n.new.clone(), sig(&[I32], &[I32])),
        resume: m.declare_func(n.resume.clone(), sig(&[I32, I64], &[I32, I64])),
        yield_: m.declare_func(n.yield_.clone(), sig(&[I64], &[I64])),
        free: m.declare_func(n.free.clone(), sig(&[I32], &[I32])),
        current: m.declare_func(n.current.clone(), sig(&[], &[I32])),
    };
    m.mark_coroutine_entry(fx.trampoline);
    m.table_slot(fx.trampoline);
    build_alloc(m, cfg, &gl, &fx);
    build_lookup(m, &gl, &fx);
    build_trampoline(m, &gl, &fx);
    build_new(m, &gl, &fx);
    build_resume(m, &gl, &fx);
    build_yield(m, cfg, &gl, &fx);
    build_free(m, &gl, &fx);
    {
        let mut b = FunctionBuilder::new(m, fx.current);
        let c = b.global_get(gl.current);
        b.ret(&[c]);
        b.finish();
    }
    Ok(FiberApi {
        new: fx.new,
        resume: fx.resume,
        yield_: fx.yield_,
        free: fx.free,
        current: fx.current,
        trampoline: fx.trampoline,
        current_global: gl.current,
        records_global: gl.count,
    })
}

struct Globals {
    current: GlobalId,
    dir: GlobalId,
    count: GlobalId,
    free: GlobalId,
    chunk_ptr: GlobalId,
    chunk_end: GlobalId,
}

struct Funcs {
    alloc: FuncId,
    lookup: FuncId,
    trampoline: FuncId,
    new: FuncId,
    resume: FuncId,
    yield_: FuncId,
    free: FuncId,
    current: FuncId,
}

fn stop(b: &mut FunctionBuilder, fatal: Option<FuncId>, code: i32) {
    if let Some(f) = fatal {
        let c = b.i32_const(code);
        b.call(f, &[c]);
    }
    b.unreachable();
}

/// `alloc(bytes) -> p` (bytes a multiple of 8, at most 64 KiB).
fn build_alloc(m: &mut Module, cfg: &Config, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.alloc);
    let size = b.param(0);
    if let Some(alloc) = cfg.alloc {
        let p = b.call1(alloc, &[size]);
        b.ret(&[p]);
        b.finish();
        return;
    }
    let p = b.global_get(gl.chunk_ptr);
    let end = b.bin(BinOp::I32Add, p, size);
    let limit = b.global_get(gl.chunk_end);
    let past = b.bin(BinOp::I32GtU, end, limit);
    let none = b.un(UnOp::I32Eqz, p);
    let refill = b.bin(BinOp::I32Or, past, none);
    b.if_then(refill, |b| {
        let one = b.i32_const(1);
        let old = b.memory_grow(one);
        let failed = b.opi(BinOp::I32Eq, old, -1);
        b.if_then(failed, |b| stop(b, cfg.fatal, FATAL_OUT_OF_MEMORY));
        let base = b.opi(BinOp::I32Shl, old, 16);
        let e = b.opi(BinOp::I32Add, base, 1 << 16);
        b.global_set(gl.chunk_end, e);
        b.copy(p, base);
        b.binary_into(end, BinOp::I32Add, base, size);
    });
    b.global_set(gl.chunk_ptr, end);
    b.ret(&[p]);
    b.finish();
}

/// Emits "the address of record `idx`" (the chunk must exist).
fn record_addr(b: &mut FunctionBuilder, gl: &Globals, idx: Local) -> Local {
    let dir = b.global_get(gl.dir);
    let shift = CHUNK_RECORDS.trailing_zeros() as i32;
    let ci = b.opi(BinOp::I32ShrU, idx, shift);
    let co = b.opi(BinOp::I32Shl, ci, 2);
    let slot = b.bin(BinOp::I32Add, dir, co);
    let chunk = b.ld(slot, 0);
    let within = b.opi(BinOp::I32And, idx, CHUNK_RECORDS as i32 - 1);
    let off = b.opi(BinOp::I32Shl, within, RECORD_BYTES.trailing_zeros() as i32);
    b.bin(BinOp::I32Add, chunk, off)
}

/// `lookup(handle) -> record address, or 0 if the handle is not a live fiber`.
fn build_lookup(m: &mut Module, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.lookup);
    let h = b.param(0);
    let idx = b.opi(BinOp::I32And, h, (1 << INDEX_BITS) - 1);
    let count = b.global_get(gl.count);
    let out = b.bin(BinOp::I32GeU, idx, count);
    let zero_idx = b.un(UnOp::I32Eqz, idx);
    let bad = b.bin(BinOp::I32Or, out, zero_idx);
    b.if_then(bad, |b| {
        let z = b.i32_const(0);
        b.ret(&[z]);
    });
    let rec = record_addr(&mut b, gl, idx);
    let gen = b.opi(BinOp::I32ShrU, h, INDEX_BITS as i32);
    let rgen = b.ld(rec, R_GEN);
    let stale = b.bin(BinOp::I32Ne, gen, rgen);
    let state = b.ld(rec, R_STATE);
    let free = b.un(UnOp::I32Eqz, state);
    let dead = b.bin(BinOp::I32Or, stale, free);
    b.if_then(dead, |b| {
        let z = b.i32_const(0);
        b.ret(&[z]);
    });
    b.ret(&[rec]);
    b.finish();
}

/// The coroutine entry: `entry(arg)` of the fiber being started.
fn build_trampoline(m: &mut Module, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.trampoline);
    let arg = b.param(0);
    let h = b.global_get(gl.current);
    let rec = b.c1(fx.lookup, &[h]);
    let entry = b.ld(rec, R_ENTRY);
    let r = b.call_indirect(&entry_sig(), entry, &[arg]);
    b.ret(&r);
    b.finish();
}

/// `fiber_new(entry) -> handle`
fn build_new(m: &mut Module, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.new);
    let entry = b.param(0);
    let dir = b.global_get(gl.dir);
    let no_dir = b.un(UnOp::I32Eqz, dir);
    b.if_then(no_dir, |b| {
        let bytes = b.i32_const((DIRECTORY_ENTRIES * 4) as i32);
        let d = b.c1(fx.alloc, &[bytes]);
        let zero = b.i32_const(0);
        b.memory_fill(d, zero, bytes);
        b.global_set(gl.dir, d);
        let one = b.i32_const(1);
        b.global_set(gl.count, one);
    });
    let idx = b.global_get(gl.free);
    let rec = b.local(Type::I32);
    b.if_else(
        idx,
        |b| {
            let r = record_addr(b, gl, idx);
            b.copy(rec, r);
            let next = b.ld(rec, R_NEXT);
            b.global_set(gl.free, next);
        },
        |b| {
            b.global_get_into(idx, gl.count);
            let full = b.opi(BinOp::I32GtU, idx, MAX_LIVE as i32);
            b.if_then(full, |b| {
                let z = b.i32_const(0);
                b.ret(&[z]);
            });
            // A fresh chunk when the index starts one (or chunk 0 is missing).
            let dir = b.global_get(gl.dir);
            let shift = CHUNK_RECORDS.trailing_zeros() as i32;
            let ci = b.opi(BinOp::I32ShrU, idx, shift);
            let co = b.opi(BinOp::I32Shl, ci, 2);
            let slot = b.bin(BinOp::I32Add, dir, co);
            let chunk = b.ld(slot, 0);
            let missing = b.un(UnOp::I32Eqz, chunk);
            b.if_then(missing, |b| {
                let bytes = b.i32_const((CHUNK_RECORDS * RECORD_BYTES) as i32);
                let c = b.c1(fx.alloc, &[bytes]);
                let zero = b.i32_const(0);
                b.memory_fill(c, zero, bytes);
                b.st(slot, 0, c);
            });
            let next = b.opi(BinOp::I32Add, idx, 1);
            b.global_set(gl.count, next);
            let r = record_addr(b, gl, idx);
            b.copy(rec, r);
        },
    );
    // generation = old % 255 + 1: 1..=255, never 0, so a handle is never 0.
    let old = b.ld(rec, R_GEN);
    let k = b.i32_const(255);
    let wrapped = b.bin(BinOp::I32RemU, old, k);
    let gen = b.opi(BinOp::I32Add, wrapped, 1);
    b.st(rec, R_GEN, gen);
    b.sti(rec, R_STATE, STATE_NEW);
    b.st(rec, R_ENTRY, entry);
    b.sti(rec, R_CORO, 0);
    let hi = b.opi(BinOp::I32Shl, gen, INDEX_BITS as i32);
    let h = b.bin(BinOp::I32Or, hi, idx);
    b.ret(&[h]);
    b.finish();
}

/// `fiber_resume(handle, value) -> (status, value)`
fn build_resume(m: &mut Module, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.resume);
    let (h, v) = (b.param(0), b.param(1));
    let rec = b.c1(fx.lookup, &[h]);
    let error = |b: &mut FunctionBuilder| {
        let s = b.i32_const(FIBER_ERROR);
        let z = b.i64_const(0);
        b.ret(&[s, z]);
    };
    let invalid = b.un(UnOp::I32Eqz, rec);
    b.if_then(invalid, error);
    let state = b.ld(rec, R_STATE);
    let coro = b.local(Type::I32);
    let is_new = b.opi(BinOp::I32Eq, state, STATE_NEW);
    b.if_else(
        is_new,
        |b| {
            let slot = b.func_addr(fx.trampoline);
            let c = b.coro_new(slot);
            b.copy(coro, c);
            b.st(rec, R_CORO, c);
        },
        |b| {
            let susp = b.opi(BinOp::I32Eq, state, STATE_SUSPENDED);
            let not = b.un(UnOp::I32Eqz, susp);
            b.if_then(not, error);
            b.load_into(coro, switchyard_ir::LoadKind::I32, rec, R_CORO);
        },
    );
    b.sti(rec, R_STATE, STATE_RUNNING);
    let saved = b.global_get(gl.current);
    b.global_set(gl.current, h);
    let (status, value) = b.coro_resume(coro, v);
    b.global_set(gl.current, saved);
    let suspended = b.opi(BinOp::I32Eq, status, CORO_SUSPENDED);
    b.if_then(suspended, |b| {
        b.sti(rec, R_STATE, STATE_SUSPENDED);
        let s = b.i32_const(FIBER_YIELDED);
        b.ret(&[s, value]);
    });
    b.sti(rec, R_STATE, STATE_FINISHED);
    b.coro_free(coro);
    let s = b.i32_const(FIBER_FINISHED);
    b.ret(&[s, value]);
    b.finish();
}

/// `fiber_yield(value) -> value`
fn build_yield(m: &mut Module, cfg: &Config, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.yield_);
    let v = b.param(0);
    let cur = b.global_get(gl.current);
    let outside = b.un(UnOp::I32Eqz, cur);
    b.if_then(outside, |b| stop(b, cfg.fatal, FATAL_FIBER_YIELD));
    let r = b.coro_suspend(v);
    b.ret(&[r]);
    b.finish();
}

/// `fiber_free(handle) -> 0 | FIBER_ERROR`
fn build_free(m: &mut Module, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.free);
    let h = b.param(0);
    let rec = b.c1(fx.lookup, &[h]);
    let error = |b: &mut FunctionBuilder| {
        let e = b.i32_const(FIBER_ERROR);
        b.ret(&[e]);
    };
    let invalid = b.un(UnOp::I32Eqz, rec);
    b.if_then(invalid, error);
    let state = b.ld(rec, R_STATE);
    let running = b.opi(BinOp::I32Eq, state, STATE_RUNNING);
    b.if_then(running, error);
    let suspended = b.opi(BinOp::I32Eq, state, STATE_SUSPENDED);
    b.if_then(suspended, |b| {
        let c = b.ld(rec, R_CORO);
        b.coro_free(c);
    });
    b.sti(rec, R_STATE, STATE_FREE);
    let head = b.global_get(gl.free);
    b.st(rec, R_NEXT, head);
    let idx = b.opi(BinOp::I32And, h, (1 << INDEX_BITS) - 1);
    b.global_set(gl.free, idx);
    let z = b.i32_const(0);
    b.ret(&[z]);
    b.finish();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installs_and_verifies() {
        let mut m = Module::new();
        let api = install(&mut m, &Config::default()).unwrap();
        assert!(m.funcs[api.trampoline.index()].coroutine_entry);
        assert_eq!(m.funcs[api.resume.index()].name, "fiber_resume");
        if let Err(e) = switchyard_ir::verify(&m) {
            panic!("{}", e[0]);
        }
        assert!(install(&mut m, &Config::default()).is_err());
    }

    #[test]
    fn statuses_match_the_coroutine_statuses() {
        assert_eq!(FIBER_YIELDED, switchyard_ir::CORO_SUSPENDED);
        assert_eq!(FIBER_FINISHED, switchyard_ir::CORO_RETURNED);
        const { assert!(FIBER_ERROR != FIBER_YIELDED && FIBER_ERROR != FIBER_FINISHED) };
    }
}
