//! # The asyncify strategy's coroutine runtime
//!
//! What `coro.new`, `coro.resume`, `coro.suspend` and `coro.free` become
//! under the asyncify strategy: five small functions written in IR, plus
//! helpers, installed once into the module by [`install`]. They drive
//! Binaryen's Asyncify through its four in-module imports
//! (`asyncify.start_unwind(data)`, `asyncify.stop_unwind()`,
//! `asyncify.start_rewind(data)`, `asyncify.stop_rewind()`), which the
//! Asyncify pass replaces with its implementation (see
//! `switchyard_asyncify` and the header of Binaryen's `Asyncify.cpp`).
//!
//! ## How a coroutine runs
//! A coroutine is a 32-byte **record** in linear memory (its handle is the
//! record's address):
//!
//! | offset | field                                                        |
//! |--------|--------------------------------------------------------------|
//! | 0      | `state`: 0 free, 1 created, 2 running, 3 suspended, 4 returned |
//! | 4      | `entry`: table slot of the `(i64) -> i64` entry function      |
//! | 8      | `value` (i64): the value handed across the last switch        |
//! | 16     | `storage`: the block holding its unwound frames, or 0         |
//! | 20     | `parent`: the coroutine that resumed it (0 = the main stack)  |
//! | 24     | `next`: free-list link while the record is free               |
//!
//! * `resume(c, arg)` (`__sy_coro_resume`, never instrumented) pushes `c`
//!   on the chain of running coroutines (`parent` = the current one,
//!   `current` = `c`) and calls the entry with `call_indirect`. The first
//!   time, the entry simply runs with `arg`. Later, the runtime first calls
//!   `asyncify.start_rewind(frames of c)`: the instrumented frames of the
//!   entry re-enter one after the other, each restoring its locals and
//!   skipping to the call it was suspended in, down to the call of
//!   `suspend`, which sees the runtime's `rewinding` flag, calls
//!   `asyncify.stop_rewind()` and returns `arg` (stored in `c.value`).
//!   When the entry returns, `resume` pops `c` and looks at the runtime's
//!   `unwinding` flag: set means the coroutine suspended (it calls
//!   `asyncify.stop_unwind()` and returns status SUSPENDED with
//!   `c.value`), clear means the entry returned (status RETURNED with its
//!   result). The status goes through the global `__sy_coro_status`, read
//!   right after the call, so that no instrumented function ever receives
//!   a multi-value result.
//! * `suspend(v)` (`__sy_coro_suspend`, never rewritten by Binaryen because
//!   it calls `start_unwind`, but on the only-list so that its callers check
//!   for unwinding after calling it) stores `v` in the current record, sets
//!   `unwinding` and calls `asyncify.start_unwind(scratch)`, then returns;
//!   every instrumented frame between it and `resume` saves its locals and
//!   call index and returns at once.
//!
//! **Nesting.** A coroutine that resumes another does so through `resume`,
//! which is not instrumented: the inner coroutine's unwind ends in that
//! `resume` and never touches the outer coroutine's frames, which stay
//! live on the native stack. The outer frames are unwound only when the
//! *outer* coroutine suspends, and a coroutine can only suspend itself, so
//! an unwound stack never contains a `resume` frame: it is always exactly
//! `entry → … → suspend`. Unwinds and rewinds therefore never interleave,
//! and one scratch area serves them all.
//!
//! ## Buffers: one scratch area, exact-fit storage per coroutine
//! Asyncify writes an unwinding stack without bounds checks and only traps
//! afterwards (in `stop_unwind`) if it ran past the end. Rather than give
//! every coroutine a large fixed buffer, every unwind goes into one shared
//! **scratch** area of [`SCRATCH_BYTES`] (1 MiB, allocated at the first
//! `coro.new`), whose *owner* is the coroutine that unwound into it last.
//! The frames stay there until another coroutine is about to unwind:
//! `suspend` then first *evicts* the owner, copying the bytes actually used
//! into the owner's own **storage block**. A rewind starts from wherever
//! the frames are: from the scratch area if the coroutine still owns it
//! (the common case of one generator driven by a loop: no copy at all),
//! else straight from its storage block (Asyncify rewinds by popping, so
//! the frames are never copied back).
//!
//! **Sizing rule.** A storage block is 64 << k bytes (k = 0..15, 64 B to
//! 2 MiB) with a 16-byte header (`class`, free-list link, and Asyncify's
//! `{pos, end}` pair), so a coroutine whose unwound frames take `n` bytes
//! gets the smallest block with `n + 16 <= 64 << k`: less than twice what
//! it needs, typically one 64-byte block for a generator one or two frames
//! deep (a frame costs 4 bytes of call index plus its live locals, after
//! Binaryen has coalesced them). A coroutine gets a block only when it is
//! first evicted, keeps it while it is big enough, and exchanges it for a
//! bigger one when it suspends deeper. **Limit:** one suspension may save
//! at most [`SCRATCH_BYTES`] of frames (tens of thousands of small frames;
//! the 50-frame test uses about 1.5 KiB). Beyond that the program stops:
//! `resume` calls the host's `switchyard.fatal(1)` ("stack overflow") when
//! the module imports it, else traps with `unreachable`. The bytes Asyncify
//! wrote past the scratch area before the check are never read: the
//! instance is dead.
//!
//! **Fibers.** A stackful fiber ([`crate::api`], JS's `Fiber`) is one
//! coroutine here, and its "own Asyncify buffer" is its storage block:
//! every frame between the fiber's entry and `fiber_yield` is unwound into
//! the scratch area and, when another coroutine suspends, moved into the
//! fiber's block by the sizing rule above (so a fiber suspended 1,000 JS
//! calls deep, about 70 KB of frames, gets a 128 KiB block; one suspended
//! at depth 1 a 64-byte one). The 1 MiB limit per suspension is what bounds
//! a fiber's depth at a yield under this strategy (about 15,000 frames of a
//! small recursive JS function). Past it the program stops with "stack
//! overflow" (or, when the frames would also run past the end of linear
//! memory, with an out-of-bounds trap: either way a trap, never a crash).
//!
//! ## Memory comes and goes
//! Records and storage blocks are recycled through free lists (one per
//! storage size class), so memory is bounded by the largest number of
//! coroutines alive at once and their stack depths, not by how many were
//! ever created: a million coroutines created, run and freed one after the
//! other reuse one record (and, as each one's frames never leave the
//! scratch area, no block at all). Memory itself comes from
//! [`Config::alloc`] (the front end's allocator, e.g. the JS runtime's
//! `rt_alloc`) or, without one, from `memory.grow` in 64 KiB chunks (only
//! correct if nothing else in the module assumes it owns the memory above
//! its own data). Nothing is ever returned to that allocator.
//!
//! **Reclaiming.** A coroutine that *returns* gives its storage block back
//! at once and keeps only its 32-byte record. `coro.free` returns the
//! record (and, for a coroutine freed while suspended, its storage or its
//! claim on the scratch area: its unwound frames are simply discarded, no
//! code of it runs again). What leaks if a program never frees: the record
//! of every coroutine, plus the storage block of every coroutine abandoned
//! while suspended. The front end decides when to free (for JS generators:
//! when the generator object dies, once a collector exists). Misuse stops
//! the program: resuming a coroutine that is running, returned or freed
//! (`fatal(4)`), freeing one that is running or freed (`fatal(5)`), with
//! plain `unreachable` when the module does not import `fatal`;
//! suspending outside any coroutine traps with `unreachable`.
//!
//! ## Cost
//! A suspend/resume pair is one unwind and one rewind of the frames between
//! the entry and `suspend` (each frame saves and restores its live locals
//! and skips forward to its call), plus one copy of the saved bytes when
//! another coroutine suspends in between. See the asyncify strategy tests
//! for measured numbers (around 10-15 ns per pair for a one-frame
//! generator).

use switchyard_ir::{
    BinOp, Const, FuncId, FunctionBuilder, GlobalId, LoadKind, Local, Module, Signature, StoreKind,
    Type, UnOp,
};

/// Bytes of unwound frames one suspension may save.
pub const SCRATCH_BYTES: u32 = 1 << 20;
/// Size of a coroutine record.
pub const RECORD_SIZE: u32 = 32;
/// Smallest storage block (class 0); class k is `MIN_BLOCK << k` bytes.
pub const MIN_BLOCK: u32 = 64;
/// Number of storage size classes (64 B .. 2 MiB).
pub const NUM_CLASSES: u32 = 16;
/// Header of a storage block: class, link, Asyncify's `{pos, end}`.
pub const BLOCK_HEADER: u32 = 16;

// Record fields.
const R_STATE: u32 = 0;
const R_ENTRY: u32 = 4;
const R_VALUE: u32 = 8;
const R_STORAGE: u32 = 16;
const R_PARENT: u32 = 20;
const R_NEXT: u32 = 24;

// Storage block fields (the Asyncify data structure is at +8).
const B_CLASS: u32 = 0;
const B_NEXT: u32 = 4;
const B_ASYNC: u32 = 8;
const B_DATA: u32 = 16;

/// Record states.
pub const STATE_FREE: i32 = 0;
pub const STATE_CREATED: i32 = 1;
pub const STATE_RUNNING: i32 = 2;
pub const STATE_SUSPENDED: i32 = 3;
pub const STATE_RETURNED: i32 = 4;

/// The host's `fatal` codes this runtime uses (`switchyard_js_runtime::layout::FATAL_*`,
/// shared by every strategy's runtime).
const FATAL_STACK_OVERFLOW: i32 = 1;
const FATAL_OUT_OF_MEMORY: i32 = 2;
const FATAL_CORO_RESUME: i32 = 4;
const FATAL_CORO_FREE: i32 = 5;

/// Pages claimed at once when the runtime grows memory itself.
const CHUNK_BYTES: u32 = 64 << 10;

/// How the runtime gets memory and reports fatal conditions.
#[derive(Clone, Copy, Debug, Default)]
pub struct Config {
    /// A function `(size: i32) -> i32` returning fresh, 8-aligned memory
    /// that nothing else uses. `None`: the runtime claims pages with
    /// `memory.grow`.
    pub alloc: Option<FuncId>,
    /// A function `(code: i32) -> ()` that stops the program (switchyard's
    /// `switchyard.fatal` import: 1 = stack overflow, 2 = out of memory),
    /// called before trapping. `None`: plain `unreachable`.
    pub fatal: Option<FuncId>,
}

/// The installed runtime.
#[derive(Clone, Debug)]
pub struct Runtime {
    /// `(entry: i32) -> i32`: a new coroutine's handle.
    pub new: FuncId,
    /// `(coro: i32, arg: i64) -> i64`: value; the status is in [`Self::status`].
    pub resume: FuncId,
    /// `(value: i64) -> i64`: the next resume's argument.
    pub suspend: FuncId,
    /// `(coro: i32) -> ()`.
    pub free: FuncId,
    /// i32 global: the status of the last resume (`CORO_SUSPENDED` / `CORO_RETURNED`).
    pub status: GlobalId,
    /// Every runtime function except `suspend`: none may be instrumented.
    pub never_instrument: Vec<FuncId>,
}

/// Name prefix of everything the runtime adds to a module.
pub const PREFIX: &str = "__sy_coro_";

struct Globals {
    current: GlobalId,
    rewinding: GlobalId,
    unwinding: GlobalId,
    status: GlobalId,
    scratch: GlobalId,
    owner: GlobalId,
    free_records: GlobalId,
    class_heads: GlobalId,
    chunk_ptr: GlobalId,
    chunk_end: GlobalId,
}

struct Funcs {
    alloc: FuncId,
    init: FuncId,
    acquire: FuncId,
    release: FuncId,
    evict: FuncId,
    new: FuncId,
    resume: FuncId,
    suspend: FuncId,
    free: FuncId,
    start_unwind: FuncId,
    stop_unwind: FuncId,
    start_rewind: FuncId,
    stop_rewind: FuncId,
}

/// Installs the runtime into `m`. Fails if `m` already has functions or
/// globals whose names start with [`PREFIX`].
pub fn install(m: &mut Module, cfg: &Config) -> Result<Runtime, String> {
    if let Some(f) = m.funcs.iter().find(|f| f.name.starts_with(PREFIX)) {
        return Err(format!(
            "the module already has a function `{}`; names starting with `{PREFIX}` are \
             reserved for the coroutine runtime",
            f.name
        ));
    }
    if let Some(g) = m.globals.iter().find(|g| g.name.starts_with(PREFIX)) {
        return Err(format!(
            "the module already has a global `{}`; names starting with `{PREFIX}` are \
             reserved for the coroutine runtime",
            g.name
        ));
    }
    let mut g =
        |name: &str| m.add_global(format!("{PREFIX}{name}"), Type::I32, true, Const::I32(0));
    let gl = Globals {
        current: g("current"),
        rewinding: g("rewinding"),
        unwinding: g("unwinding"),
        status: g("status"),
        scratch: g("scratch"),
        owner: g("owner"),
        free_records: g("free_records"),
        class_heads: g("class_heads"),
        chunk_ptr: g("chunk_ptr"),
        chunk_end: g("chunk_end"),
    };
    use Type::*;
    let mut d = |name: &str, params: &[Type], results: &[Type]| {
        m.declare_func(
            format!("{PREFIX}{name}"),
            Signature::new(params.to_vec(), results.to_vec()),
        )
    };
    let (alloc, init, acquire, release, evict) = (
        d("alloc", &[I32], &[I32]),
        d("init", &[], &[]),
        d("acquire", &[I32], &[I32]),
        d("release", &[I32], &[]),
        d("evict", &[], &[]),
    );
    let (new, resume, suspend, free) = (
        d("new", &[I32], &[I32]),
        d("resume", &[I32, I64], &[I64]),
        d("suspend", &[I64], &[I64]),
        d("free", &[I32], &[]),
    );
    let fx = Funcs {
        alloc,
        init,
        acquire,
        release,
        evict,
        new,
        resume,
        suspend,
        free,
        start_unwind: asyncify_import(m, "start_unwind", &[I32]),
        stop_unwind: asyncify_import(m, "stop_unwind", &[]),
        start_rewind: asyncify_import(m, "start_rewind", &[I32]),
        stop_rewind: asyncify_import(m, "stop_rewind", &[]),
    };
    build_alloc(m, cfg, &gl, &fx);
    build_init(m, &gl, &fx);
    build_acquire(m, &gl, &fx);
    build_release(m, &gl, &fx);
    build_evict(m, &gl, &fx);
    build_new(m, &gl, &fx);
    build_resume(m, cfg, &gl, &fx);
    build_suspend(m, &gl, &fx);
    build_free(m, cfg, &gl, &fx);
    Ok(Runtime {
        new,
        resume,
        suspend,
        free,
        status: gl.status,
        never_instrument: vec![alloc, init, acquire, release, evict, new, resume, free],
    })
}

/// The import `asyncify.<name>`, reusing an existing one.
fn asyncify_import(m: &mut Module, name: &str, params: &[Type]) -> FuncId {
    let existing = m.funcs.iter().position(|f| {
        matches!(&f.kind, switchyard_ir::FuncKind::Import { module, name: n }
            if module == "asyncify" && n == name)
            && f.sig.params == params
            && f.sig.results.is_empty()
    });
    match existing {
        Some(i) => FuncId(i as u32),
        None => m.import_func("asyncify", name, Signature::new(params.to_vec(), [])),
    }
}

/// Small conveniences over [`FunctionBuilder`].
trait Ext {
    fn k(&mut self, v: i32) -> Local;
    fn op(&mut self, op: BinOp, a: Local, k: i32) -> Local;
    fn ld(&mut self, addr: Local, off: u32) -> Local;
    fn ld64(&mut self, addr: Local, off: u32) -> Local;
    fn st(&mut self, addr: Local, off: u32, v: Local);
    fn sti(&mut self, addr: Local, off: u32, v: i32);
    fn st64(&mut self, addr: Local, off: u32, v: Local);
    fn gset(&mut self, g: GlobalId, v: i32);
    fn stop(&mut self, fatal: Option<FuncId>, code: i32);
}

impl Ext for FunctionBuilder<'_> {
    fn k(&mut self, v: i32) -> Local {
        self.i32_const(v)
    }
    fn op(&mut self, op: BinOp, a: Local, k: i32) -> Local {
        let k = self.i32_const(k);
        self.bin(op, a, k)
    }
    fn ld(&mut self, addr: Local, off: u32) -> Local {
        self.load(LoadKind::I32, addr, off)
    }
    fn ld64(&mut self, addr: Local, off: u32) -> Local {
        self.load(LoadKind::I64, addr, off)
    }
    fn st(&mut self, addr: Local, off: u32, v: Local) {
        self.store(StoreKind::I32, addr, off, v);
    }
    fn sti(&mut self, addr: Local, off: u32, v: i32) {
        let v = self.i32_const(v);
        self.store(StoreKind::I32, addr, off, v);
    }
    fn st64(&mut self, addr: Local, off: u32, v: Local) {
        self.store(StoreKind::I64, addr, off, v);
    }
    fn gset(&mut self, g: GlobalId, v: i32) {
        let v = self.i32_const(v);
        self.global_set(g, v);
    }
    /// Stops the program: `fatal(code)` if available, then `unreachable`.
    fn stop(&mut self, fatal: Option<FuncId>, code: i32) {
        if let Some(f) = fatal {
            let c = self.i32_const(code);
            self.call(f, &[c]);
        }
        self.unreachable();
    }
}

/// `alloc(size) -> ptr`: fresh 8-aligned memory.
fn build_alloc(m: &mut Module, cfg: &Config, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.alloc);
    let size = b.param(0);
    if let Some(alloc) = cfg.alloc {
        let p = b.call1(alloc, &[size]);
        b.ret(&[p]);
        b.finish();
        return;
    }
    // Bump allocation in chunks claimed with memory.grow.
    let s7 = b.op(BinOp::I32Add, size, 7);
    let size8 = b.op(BinOp::I32And, s7, -8);
    let p = b.global_get(gl.chunk_ptr);
    let end = b.bin(BinOp::I32Add, p, size8);
    let limit = b.global_get(gl.chunk_end);
    let past = b.bin(BinOp::I32GtU, end, limit);
    let none = b.un(UnOp::I32Eqz, p);
    let refill = b.bin(BinOp::I32Or, past, none);
    b.if_then(refill, |b| {
        let chunk = b.k(CHUNK_BYTES as i32);
        let big = b.bin(BinOp::I32GtU, size8, chunk);
        let bytes = b.select(big, size8, chunk);
        let b_up = b.op(BinOp::I32Add, bytes, 0xFFFF);
        let pages = b.op(BinOp::I32ShrU, b_up, 16);
        let old = b.memory_grow(pages);
        let failed = b.op(BinOp::I32Eq, old, -1);
        b.if_then(failed, |b| b.stop(cfg.fatal, FATAL_OUT_OF_MEMORY));
        let base = b.op(BinOp::I32Shl, old, 16);
        let span = b.op(BinOp::I32Shl, pages, 16);
        let new_end = b.bin(BinOp::I32Add, base, span);
        b.global_set(gl.chunk_end, new_end);
        b.copy(p, base);
        b.binary_into(end, BinOp::I32Add, base, size8);
    });
    b.global_set(gl.chunk_ptr, end);
    b.ret(&[p]);
    b.finish();
}

/// `init()`: the scratch area and the table of free-list heads.
fn build_init(m: &mut Module, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.init);
    let size = b.k((SCRATCH_BYTES + 8) as i32);
    let s = b.call1(fx.alloc, &[size]);
    let data = b.op(BinOp::I32Add, s, 8);
    b.st(s, 0, data);
    let end = b.op(BinOp::I32Add, data, SCRATCH_BYTES as i32);
    b.st(s, 4, end);
    b.global_set(gl.scratch, s);
    let heads_size = b.k((4 * NUM_CLASSES) as i32);
    let heads = b.call1(fx.alloc, &[heads_size]);
    let zero = b.k(0);
    b.memory_fill(heads, zero, heads_size);
    b.global_set(gl.class_heads, heads);
    b.ret(&[]);
    b.finish();
}

/// `acquire(len) -> block`: a storage block whose data area holds `len` bytes.
fn build_acquire(m: &mut Module, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.acquire);
    let len = b.param(0);
    // k = max(0, ceil(log2(len + 16)) - 6); ceil(log2(x)) = 32 - clz(x - 1).
    let need = b.op(BinOp::I32Add, len, BLOCK_HEADER as i32 - 1);
    let lz = b.un(UnOp::I32Clz, need);
    let thirty_two = b.k(32);
    let log = b.bin(BinOp::I32Sub, thirty_two, lz);
    let k0 = b.op(BinOp::I32Sub, log, MIN_BLOCK.trailing_zeros() as i32);
    let neg = b.op(BinOp::I32LtS, k0, 0);
    let zero = b.k(0);
    let k = b.select(neg, zero, k0);
    let too_big = b.op(BinOp::I32GeU, k, NUM_CLASSES as i32);
    b.if_then(too_big, |b| b.unreachable());
    let heads = b.global_get(gl.class_heads);
    let off = b.op(BinOp::I32Shl, k, 2);
    let head = b.bin(BinOp::I32Add, heads, off);
    let blk = b.ld(head, 0);
    let empty = b.un(UnOp::I32Eqz, blk);
    b.if_else(
        empty,
        |b| {
            let min = b.k(MIN_BLOCK as i32);
            let size = b.bin(BinOp::I32Shl, min, k);
            let fresh = b.call1(fx.alloc, &[size]);
            b.copy(blk, fresh);
            b.st(blk, B_CLASS, k);
            let end = b.bin(BinOp::I32Add, blk, size);
            b.st(blk, B_ASYNC + 4, end);
        },
        |b| {
            let next = b.ld(blk, B_NEXT);
            b.st(head, 0, next);
        },
    );
    b.ret(&[blk]);
    b.finish();
}

/// `release(block)`: back to its size class's free list.
fn build_release(m: &mut Module, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.release);
    let blk = b.param(0);
    let k = b.ld(blk, B_CLASS);
    let heads = b.global_get(gl.class_heads);
    let off = b.op(BinOp::I32Shl, k, 2);
    let head = b.bin(BinOp::I32Add, heads, off);
    let first = b.ld(head, 0);
    b.st(blk, B_NEXT, first);
    b.st(head, 0, blk);
    b.ret(&[]);
    b.finish();
}

/// `evict()`: moves the frames of the scratch area's owner into the
/// owner's storage block (exchanging the block for a bigger one if needed),
/// sets the block's `pos` for the rewind, and empties the scratch area. A
/// block's `end` is set once, when it is first allocated.
fn build_evict(m: &mut Module, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.evict);
    let c = b.global_get(gl.owner);
    b.gset(gl.owner, 0);
    let scratch = b.global_get(gl.scratch);
    let src = b.op(BinOp::I32Add, scratch, 8);
    let pos = b.ld(scratch, 0);
    let len = b.bin(BinOp::I32Sub, pos, src);
    let blk = b.ld(c, R_STORAGE);
    let dst = b.local(Type::I32);
    let new_pos = b.local(Type::I32);
    // Fits if blk != 0 and blk + 16 + len <= blk.end.
    let fits = b.local(Type::I32);
    b.if_then(blk, |b| {
        let d = b.op(BinOp::I32Add, blk, B_DATA as i32);
        let p = b.bin(BinOp::I32Add, d, len);
        let end = b.ld(blk, B_ASYNC + 4);
        b.binary_into(fits, BinOp::I32LeU, p, end);
    });
    let refit = b.un(UnOp::I32Eqz, fits);
    b.if_then(refit, |b| {
        b.if_then(blk, |b| {
            b.call(fx.release, &[blk]);
        });
        let fresh = b.call1(fx.acquire, &[len]);
        b.copy(blk, fresh);
        b.st(c, R_STORAGE, blk);
    });
    let header = b.k(B_DATA as i32);
    b.binary_into(dst, BinOp::I32Add, blk, header);
    b.binary_into(new_pos, BinOp::I32Add, dst, len);
    // Copy len bytes (a multiple of 4), eight at a time.
    let i = b.k(0);
    b.loop_(|b, t| {
        let next = b.op(BinOp::I32Add, i, 8);
        let more = b.bin(BinOp::I32LeU, next, len);
        let body = b.new_block();
        b.branch(more, body, t.break_to);
        b.switch_to(body);
        let s = b.bin(BinOp::I32Add, src, i);
        let v = b.ld64(s, 0);
        let d = b.bin(BinOp::I32Add, dst, i);
        b.st64(d, 0, v);
        b.copy(i, next);
    });
    let rest = b.bin(BinOp::I32LtU, i, len);
    b.if_then(rest, |b| {
        let s = b.bin(BinOp::I32Add, src, i);
        let v = b.ld(s, 0);
        let d = b.bin(BinOp::I32Add, dst, i);
        b.st(d, 0, v);
    });
    // Asyncify's `pos` for the rewind: after the last saved byte.
    b.st(blk, B_ASYNC, new_pos);
    // The scratch area is empty again.
    b.st(scratch, 0, src);
    b.ret(&[]);
    b.finish();
}

/// `new(entry) -> c`
fn build_new(m: &mut Module, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.new);
    let entry = b.param(0);
    let scratch = b.global_get(gl.scratch);
    let uninit = b.un(UnOp::I32Eqz, scratch);
    b.if_then(uninit, |b| {
        b.call(fx.init, &[]);
    });
    let c = b.global_get(gl.free_records);
    let empty = b.un(UnOp::I32Eqz, c);
    b.if_else(
        empty,
        |b| {
            let size = b.k(RECORD_SIZE as i32);
            let fresh = b.call1(fx.alloc, &[size]);
            b.copy(c, fresh);
        },
        |b| {
            let next = b.ld(c, R_NEXT);
            b.global_set(gl.free_records, next);
        },
    );
    b.sti(c, R_STATE, STATE_CREATED);
    b.st(c, R_ENTRY, entry);
    b.sti(c, R_STORAGE, 0);
    b.sti(c, R_PARENT, 0);
    b.ret(&[c]);
    b.finish();
}

/// `resume(c, arg) -> value` (status in the global).
fn build_resume(m: &mut Module, cfg: &Config, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.resume);
    let (c, arg) = (b.param(0), b.param(1));
    let null = b.un(UnOp::I32Eqz, c);
    b.if_then(null, |b| b.stop(cfg.fatal, FATAL_CORO_RESUME));
    let state = b.ld(c, R_STATE);
    let fresh = b.op(BinOp::I32Eq, state, STATE_CREATED);
    let not_fresh = b.un(UnOp::I32Eqz, fresh);
    b.if_then(not_fresh, |b| {
        let suspended = b.op(BinOp::I32Eq, state, STATE_SUSPENDED);
        let bad = b.un(UnOp::I32Eqz, suspended);
        b.if_then(bad, |b| b.stop(cfg.fatal, FATAL_CORO_RESUME));
        // The pending suspend will return arg.
        b.st64(c, R_VALUE, arg);
        b.gset(gl.rewinding, 1);
        // Rewind from the scratch area if the frames are still there (no
        // other coroutine suspended since), else from the storage block.
        let owner = b.global_get(gl.owner);
        let here = b.bin(BinOp::I32Eq, owner, c);
        let data = b.local(Type::I32);
        b.if_else(
            here,
            |b| {
                b.gset(gl.owner, 0);
                b.global_get_into(data, gl.scratch);
            },
            |b| {
                let blk = b.ld(c, R_STORAGE);
                let off = b.k(B_ASYNC as i32);
                b.binary_into(data, BinOp::I32Add, blk, off);
            },
        );
        b.call(fx.start_rewind, &[data]);
    });
    b.sti(c, R_STATE, STATE_RUNNING);
    let parent = b.global_get(gl.current);
    b.st(c, R_PARENT, parent);
    b.global_set(gl.current, c);
    let entry = b.ld(c, R_ENTRY);
    let r = b.call_indirect(&Signature::new([Type::I64], [Type::I64]), entry, &[arg]);
    let parent = b.ld(c, R_PARENT);
    b.global_set(gl.current, parent);
    let unwinding = b.global_get(gl.unwinding);
    b.if_then(unwinding, |b| {
        b.gset(gl.unwinding, 0);
        let scratch = b.global_get(gl.scratch);
        let pos = b.ld(scratch, 0);
        let end = b.ld(scratch, 4);
        let overflow = b.bin(BinOp::I32GtU, pos, end);
        b.if_then(overflow, |b| b.stop(cfg.fatal, FATAL_STACK_OVERFLOW));
        b.call(fx.stop_unwind, &[]);
        // The frames stay in the scratch area until another coroutine
        // needs it (see `evict`).
        b.global_set(gl.owner, c);
        b.sti(c, R_STATE, STATE_SUSPENDED);
        b.gset(gl.status, switchyard_ir::CORO_SUSPENDED);
        let v = b.ld64(c, R_VALUE);
        b.ret(&[v]);
    });
    b.sti(c, R_STATE, STATE_RETURNED);
    let blk = b.ld(c, R_STORAGE);
    b.if_then(blk, |b| {
        b.call(fx.release, &[blk]);
        b.sti(c, R_STORAGE, 0);
    });
    b.gset(gl.status, switchyard_ir::CORO_RETURNED);
    b.ret(&r);
    b.finish();
}

/// `suspend(v) -> arg`
fn build_suspend(m: &mut Module, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.suspend);
    let v = b.param(0);
    let rewinding = b.global_get(gl.rewinding);
    b.if_then(rewinding, |b| {
        // Resumed: the frames below are back; hand over the resume argument.
        b.gset(gl.rewinding, 0);
        b.call(fx.stop_rewind, &[]);
        let c = b.global_get(gl.current);
        let arg = b.ld64(c, R_VALUE);
        b.ret(&[arg]);
    });
    let c = b.global_get(gl.current);
    let outside = b.un(UnOp::I32Eqz, c);
    b.if_then(outside, |b| b.unreachable());
    let owner = b.global_get(gl.owner);
    b.if_then(owner, |b| {
        b.call(fx.evict, &[]);
    });
    b.st64(c, R_VALUE, v);
    b.gset(gl.unwinding, 1);
    let scratch = b.global_get(gl.scratch);
    b.call(fx.start_unwind, &[scratch]);
    // Unwinding: the result is ignored by the instrumented caller.
    let zero = b.i64_const(0);
    b.ret(&[zero]);
    b.finish();
}

/// `free(c)`
fn build_free(m: &mut Module, cfg: &Config, gl: &Globals, fx: &Funcs) {
    let mut b = FunctionBuilder::new(m, fx.free);
    let c = b.param(0);
    let null = b.un(UnOp::I32Eqz, c);
    b.if_then(null, |b| b.ret(&[]));
    let state = b.ld(c, R_STATE);
    let running = b.op(BinOp::I32Eq, state, STATE_RUNNING);
    let freed = b.op(BinOp::I32Eq, state, STATE_FREE);
    let bad = b.bin(BinOp::I32Or, running, freed);
    b.if_then(bad, |b| b.stop(cfg.fatal, FATAL_CORO_FREE));
    let owner = b.global_get(gl.owner);
    let here = b.bin(BinOp::I32Eq, owner, c);
    b.if_then(here, |b| {
        // Its frames are in the scratch area: discard them.
        b.gset(gl.owner, 0);
        let scratch = b.global_get(gl.scratch);
        let data = b.op(BinOp::I32Add, scratch, 8);
        b.st(scratch, 0, data);
    });
    let blk = b.ld(c, R_STORAGE);
    b.if_then(blk, |b| {
        b.call(fx.release, &[blk]);
    });
    b.sti(c, R_STATE, STATE_FREE);
    b.sti(c, R_STORAGE, 0);
    let head = b.global_get(gl.free_records);
    b.st(c, R_NEXT, head);
    b.global_set(gl.free_records, c);
    b.ret(&[]);
    b.finish();
}
