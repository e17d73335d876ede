//! # The cps strategy's coroutine runtime
//!
//! Written in switchyard IR and installed into a module by the cps strategy
//! (`switchyard_strategies::cps`), which splits every function that may
//! suspend into *pieces* joined by tail calls. This module owns everything
//! those pieces share at run time: the coroutine records, the explicit
//! stacks the pieces keep their frames on, the allocator behind both, and
//! the inline instruction sequences (push a frame, pop a frame, return to
//! the continuation on top of the stack, suspend) that the transform emits
//! into the pieces.
//!
//! ## Coroutine records
//!
//! `coro.new` allocates one [`REC_BLOCK`]-byte block: a [`REC_HEADER`]-byte
//! record followed by a small inline stack ([`INLINE_STACK`] bytes), so a
//! generator that keeps a few values across its `yield` needs exactly one
//! allocation. The handle is the block's address.
//!
//! | offset | field |
//! |---|---|
//! | [`REC_STATE`] | [`STATE_SUSPENDED`] (also "not started"), [`STATE_RETURNED`], [`STATE_RUNNING`], [`STATE_FREED`] |
//! | [`REC_SP`] | the stack pointer while not running |
//! | [`REC_BASE`], [`REC_LIMIT`] | the stack's bounds |
//! | [`REC_CLASS`] | the stack's size class, or 0 while it is the inline stack |
//! | [`REC_LINK`] | next free record, while on the free list |
//!
//! ## Explicit stacks and frames
//!
//! Each coroutine has its own stack in linear memory, growing upwards;
//! while it runs, its stack pointer and limit live in the globals
//! `cps_sp`/`cps_limit` and the record in `cps_cur`. A *frame* is pushed by
//! a piece before it leaves the Wasm stack at a split point (a suspension
//! or a call to another suspendable function): the locals that are live
//! across that point, then, in the frame's last four bytes, the table slot
//! of the *continuation* piece that will pop the frame and carry on. Frame
//! sizes are multiples of 8, so 8-byte values stay aligned. The top of a
//! suspended coroutine's stack is therefore always a continuation of type
//! `(i64) -> i64` waiting for the resume argument, and the top of a running
//! stack, when a suspendable function returns, is its caller's return
//! continuation of type `(results) -> i64`: returning is "read the slot at
//! `sp - 4`, `return_call_indirect` it with the results".
//!
//! A stack holds no pointers into itself (frames hold values, never
//! addresses of other frames), so a full stack is *moved*: [`CpsRuntime::grow`]
//! allocates a block twice as large (or large enough), copies the live
//! part, and frees the old one. Pushes check the limit inline; pops never
//! check.
//!
//! A new coroutine's stack holds one 8-byte frame whose slot is the entry
//! function's, so the first resume is no different from later ones: read
//! the slot on top, call it with the argument. The entry never pops that
//! frame; it stays at the bottom as a dead sentinel.
//!
//! ## Resume and suspend
//!
//! `coro.resume` (inlined at each resume site, see
//! [`CpsRuntime::resume_insts`]) saves the resumer's `cps_cur`, `cps_sp`,
//! `cps_limit` in Wasm locals, installs the coroutine's, marks it running
//! and makes a native `call_indirect` to the continuation on top of its
//! stack. The pieces of the coroutine then only ever
//! tail-call one another, so the Wasm stack between the resumer and the
//! running piece is that one piece. To suspend, a piece pushes its frame,
//! stores the stack pointer and [`STATE_SUSPENDED`] in the record and
//! simply *returns* the suspended value: the `call_indirect` in
//! returns, and the resumer restores its globals. If the
//! entry returns instead, the state is still [`STATE_RUNNING`], which
//! the resumer turns into [`STATE_RETURNED`]: the entry needs no special
//! return sequence, and an entry that never suspends is not transformed at
//! all.
//!
//! Code that is not inside any coroutine but runs pieces (an exported
//! suspendable function called by the host) runs on a *root* record that
//! [`CpsRuntime::root_init`] allocates on first use; a suspension there is a program
//! error, detected by the adapter that called the pieces (see the strategy).
//!
//! ## Stackful fibers
//!
//! Nothing here is specific to generators: a fiber ([`crate::api`]) is a
//! coroutine whose entry calls functions that call `fiber_yield`, and every
//! one of those calls is a split point of the strategy, so a suspended
//! fiber's stack holds one frame per call between its entry and the yield
//! (only the values live across each call, plus the 4-byte continuation
//! slot), growing by [`CpsRuntime::grow`] as deep as memory allows. When
//! the fiber finishes, `coro.free` returns the record and any grown stack
//! block to the free lists, so fibers created and finished one after the
//! other reuse one 128-byte block.
//!
//! ## Memory
//!
//! There is no garbage collector: `coro.free` returns the record block and
//! any grown stack block to free lists, so creating and finishing any
//! number of coroutines needs only as much memory as the most that are
//! alive at once. Blocks are powers of two ([`MIN_CLASS`]..=[`MAX_CLASS`])
//! carved from 64 KiB chunks. Chunks come from a [`MemorySource`]: either
//! the module's own allocator (so that the runtime never hands out memory
//! that a bump allocator of the module believes to be free), or
//! `memory.grow` when the module has none. Memory is never returned to the
//! source; it is reused through the free lists.

use switchyard_ir::{
    BinOp, Const, FuncId, FunctionBuilder, GlobalId, Inst, LoadKind, Local, Module, Signature,
    StoreKind, Type, UnOp,
};

/// Record field: the coroutine's state.
pub const REC_STATE: u32 = 0;
/// Record field: the stack pointer while the coroutine is not running.
pub const REC_SP: u32 = 4;
/// Record field: the stack's first byte.
pub const REC_BASE: u32 = 8;
/// Record field: one past the stack's last byte.
pub const REC_LIMIT: u32 = 12;
/// Record field: the size class of the stack's block, 0 for the inline stack.
pub const REC_CLASS: u32 = 16;
/// Record field: the next record on the free list.
pub const REC_LINK: u32 = 20;
/// Bytes of record before the inline stack.
pub const REC_HEADER: u32 = 32;
/// Bytes of one coroutine block (record and inline stack).
pub const REC_BLOCK: u32 = 128;
/// Bytes of inline stack.
pub const INLINE_STACK: u32 = REC_BLOCK - REC_HEADER;

/// Not running and resumable (also the state of a coroutine never resumed);
/// equal to `switchyard_ir::CORO_SUSPENDED`.
pub const STATE_SUSPENDED: i32 = 0;
/// The entry returned; equal to `switchyard_ir::CORO_RETURNED`.
pub const STATE_RETURNED: i32 = 1;
/// Running (on the Wasm stack now, or resuming another coroutine).
pub const STATE_RUNNING: i32 = 2;
/// Freed by `coro.free`.
pub const STATE_FREED: i32 = 3;

/// Smallest block size class (`1 << MIN_CLASS` bytes): the first stack
/// grown out of a record's inline stack.
pub const MIN_CLASS: i32 = 8;
/// Largest block size class (1 GiB).
pub const MAX_CLASS: i32 = 30;
/// Bytes requested from the [`MemorySource`] at a time.
pub const CHUNK: i32 = 64 * 1024;

/// Bytes of a continuation slot at the end of a frame.
pub const SLOT_BYTES: u32 = 4;

/// The signature of every piece that continues after a suspension, and of
/// coroutine entries: `(resume argument) -> suspended or returned value`.
pub fn resume_sig() -> Signature {
    Signature::new([Type::I64], [Type::I64])
}

/// Where the runtime gets memory from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemorySource {
    /// `memory.grow`, whole pages at a time. Only correct if nothing else
    /// in the module assumes that the memory past its own data is free.
    Grow,
    /// A function `(bytes: i32) -> (address: i32)` of the module returning
    /// fresh memory that nothing else will use (for JS programs, the JS
    /// runtime's bump allocator `rt_alloc`). It must not suspend.
    Alloc(FuncId),
}

/// The runtime's globals and functions inside one module.
#[derive(Clone, Debug)]
pub struct CpsRuntime {
    /// The running coroutine's record (the root record outside coroutines,
    /// 0 before anything ran).
    pub cur: GlobalId,
    /// The running coroutine's stack pointer.
    pub sp: GlobalId,
    /// The running coroutine's stack limit.
    pub limit: GlobalId,
    /// Set to 1 by a native-return continuation (see the strategy's adapters).
    pub native_returned: GlobalId,
    /// `cps_new(entry slot: i32) -> coro: i32`
    pub new: FuncId,
    /// `cps_free(coro: i32)`
    pub free: FuncId,
    /// `cps_grow(bytes: i32) -> sp: i32`: makes room for `bytes` more on the
    /// running stack (moving it) and returns the new stack pointer.
    pub grow: FuncId,
    /// `cps_root_init()`: installs the root record as the running one.
    pub root_init: FuncId,
}

/// Small builder shorthands used by the runtime and the strategy.
pub trait BuilderExt {
    /// `a op k` with an i32 constant.
    fn opi(&mut self, op: BinOp, a: Local, k: i32) -> Local;
    /// i32 load.
    fn ld(&mut self, addr: Local, off: u32) -> Local;
    /// i32 store.
    fn st(&mut self, addr: Local, off: u32, v: Local);
    /// i32 store of a constant.
    fn sti(&mut self, addr: Local, off: u32, k: i32);
    /// A call with one result.
    fn c1(&mut self, f: FuncId, args: &[Local]) -> Local;
}

impl BuilderExt for FunctionBuilder<'_> {
    fn opi(&mut self, op: BinOp, a: Local, k: i32) -> Local {
        let kl = self.i32_const(k);
        self.bin(op, a, kl)
    }
    fn ld(&mut self, addr: Local, off: u32) -> Local {
        self.load(LoadKind::I32, addr, off)
    }
    fn st(&mut self, addr: Local, off: u32, v: Local) {
        self.store(StoreKind::I32, addr, off, v);
    }
    fn sti(&mut self, addr: Local, off: u32, k: i32) {
        let kl = self.i32_const(k);
        self.store(StoreKind::I32, addr, off, kl);
    }
    fn c1(&mut self, f: FuncId, args: &[Local]) -> Local {
        self.call1(f, args)
    }
}

/// Installs the runtime into `m` (idempotence is the caller's business:
/// install once per module).
pub fn install(m: &mut Module, source: MemorySource) -> CpsRuntime {
    let g = |m: &mut Module, name: &str| m.add_global(name, Type::I32, true, Const::I32(0));
    let cur = g(m, "cps_cur");
    let sp = g(m, "cps_sp");
    let limit = g(m, "cps_limit");
    let native_returned = g(m, "cps_native_returned");
    let bump = g(m, "cps_bump");
    let bump_end = g(m, "cps_bump_end");
    let free_rec = g(m, "cps_free_records");
    let classes = g(m, "cps_free_blocks");

    use Type::I32;
    let sig = |p: &[Type], r: &[Type]| Signature::new(p.to_vec(), r.to_vec());
    let chunk = m.declare_func("cps_chunk", sig(&[I32], &[I32]));
    let alloc = m.declare_func("cps_alloc", sig(&[I32], &[I32]));
    let release = m.declare_func("cps_release", sig(&[I32, I32], &[]));
    let new = m.declare_func("cps_new", sig(&[I32], &[I32]));
    let free = m.declare_func("cps_free", sig(&[I32], &[]));
    let grow = m.declare_func("cps_grow", sig(&[I32], &[I32]));
    let root_init = m.declare_func("cps_root_init", sig(&[], &[]));

    // cps_chunk(bytes) -> p: carve `bytes` (a multiple of 8) from the
    // current chunk, refilling it from the source.
    {
        let mut b = FunctionBuilder::new(m, chunk);
        let bytes = b.param(0);
        let p = b.global_get(bump);
        let end = b.bin(BinOp::I32Add, p, bytes);
        let limit_ = b.global_get(bump_end);
        let full = b.bin(BinOp::I32GtU, end, limit_);
        b.if_then(full, |b| {
            let big = b.opi(BinOp::I32GtU, bytes, CHUNK / 2);
            b.if_then(big, |b| {
                let q = fetch(b, source, bytes);
                b.ret(&[q]);
            });
            let size = b.i32_const(CHUNK);
            let q = fetch(b, source, size);
            b.copy(p, q);
            let e = b.bin(BinOp::I32Add, q, size);
            b.global_set(bump_end, e);
            b.binary_into(end, BinOp::I32Add, p, bytes);
        });
        b.global_set(bump, end);
        b.ret(&[p]);
        b.finish();
    }

    // cps_alloc(class) -> p: a block of `1 << class` bytes.
    {
        let mut b = FunctionBuilder::new(m, alloc);
        let class = b.param(0);
        let table = free_list_table(&mut b, classes, chunk);
        let off = b.opi(BinOp::I32Shl, class, 2);
        let head = b.bin(BinOp::I32Add, table, off);
        let p = b.ld(head, 0);
        let empty = b.un(UnOp::I32Eqz, p);
        b.if_then(empty, |b| {
            let one = b.i32_const(1);
            let size = b.bin(BinOp::I32Shl, one, class);
            let q = b.c1(chunk, &[size]);
            b.ret(&[q]);
        });
        let next = b.ld(p, 0);
        b.st(head, 0, next);
        b.ret(&[p]);
        b.finish();
    }

    // cps_release(p, class)
    {
        let mut b = FunctionBuilder::new(m, release);
        let (p, class) = (b.param(0), b.param(1));
        let table = free_list_table(&mut b, classes, chunk);
        let off = b.opi(BinOp::I32Shl, class, 2);
        let head = b.bin(BinOp::I32Add, table, off);
        let old = b.ld(head, 0);
        b.st(p, 0, old);
        b.st(head, 0, p);
        b.ret(&[]);
        b.finish();
    }

    // cps_new(slot) -> c
    {
        let mut b = FunctionBuilder::new(m, new);
        let slot = b.param(0);
        let c = b.global_get(free_rec);
        let none = b.un(UnOp::I32Eqz, c);
        b.if_else(
            none,
            |b| {
                let size = b.i32_const(REC_BLOCK as i32);
                b.call_into(&[c], chunk, &[size]);
            },
            |b| {
                let next = b.ld(c, REC_LINK);
                b.global_set(free_rec, next);
            },
        );
        b.sti(c, REC_STATE, STATE_SUSPENDED);
        let base = b.opi(BinOp::I32Add, c, REC_HEADER as i32);
        b.st(c, REC_BASE, base);
        let lim = b.opi(BinOp::I32Add, c, REC_BLOCK as i32);
        b.st(c, REC_LIMIT, lim);
        b.sti(c, REC_CLASS, 0);
        // The sentinel frame: [pad][entry slot].
        b.st(base, 4, slot);
        let top = b.opi(BinOp::I32Add, base, 8);
        b.st(c, REC_SP, top);
        b.ret(&[c]);
        b.finish();
    }

    // cps_free(c)
    {
        let mut b = FunctionBuilder::new(m, free);
        let c = b.param(0);
        let state = b.ld(c, REC_STATE);
        let bad = b.opi(BinOp::I32GeU, state, STATE_RUNNING);
        b.if_then(bad, |b| b.unreachable());
        let class = b.ld(c, REC_CLASS);
        b.if_then(class, |b| {
            let base = b.ld(c, REC_BASE);
            b.call(release, &[base, class]);
        });
        b.sti(c, REC_STATE, STATE_FREED);
        let head = b.global_get(free_rec);
        b.st(c, REC_LINK, head);
        b.global_set(free_rec, c);
        b.ret(&[]);
        b.finish();
    }

    // cps_grow(need) -> sp
    {
        let mut b = FunctionBuilder::new(m, grow);
        let need = b.param(0);
        let c = b.global_get(cur);
        let top = b.global_get(sp);
        let base = b.ld(c, REC_BASE);
        let used = b.bin(BinOp::I32Sub, top, base);
        let want = b.bin(BinOp::I32Add, used, need);
        // class = max(ceil(log2(want)), old class + 1, MIN_CLASS)
        let wm1 = b.opi(BinOp::I32Sub, want, 1);
        let lz = b.un(UnOp::I32Clz, wm1);
        let thirty_two = b.i32_const(32);
        let k = b.bin(BinOp::I32Sub, thirty_two, lz);
        let old = b.ld(c, REC_CLASS);
        let next = b.opi(BinOp::I32Add, old, 1);
        let gt = b.bin(BinOp::I32GtS, next, k);
        b.push(switchyard_ir::Inst::Select {
            dst: k,
            cond: gt,
            if_true: next,
            if_false: k,
        });
        let min = b.i32_const(MIN_CLASS);
        let small = b.bin(BinOp::I32LtS, k, min);
        b.push(switchyard_ir::Inst::Select {
            dst: k,
            cond: small,
            if_true: min,
            if_false: k,
        });
        let huge = b.opi(BinOp::I32GtS, k, MAX_CLASS);
        b.if_then(huge, |b| b.unreachable());
        let nb = b.c1(alloc, &[k]);
        b.memory_copy(nb, base, used);
        b.if_then(old, |b| {
            b.call(release, &[base, old]);
        });
        let one = b.i32_const(1);
        let size = b.bin(BinOp::I32Shl, one, k);
        let nl = b.bin(BinOp::I32Add, nb, size);
        b.st(c, REC_BASE, nb);
        b.st(c, REC_LIMIT, nl);
        b.st(c, REC_CLASS, k);
        let nsp = b.bin(BinOp::I32Add, nb, used);
        b.global_set(sp, nsp);
        b.global_set(limit, nl);
        b.ret(&[nsp]);
        b.finish();
    }

    // cps_root_init()
    {
        let mut b = FunctionBuilder::new(m, root_init);
        let zero = b.i32_const(0);
        let c = b.c1(new, &[zero]);
        b.sti(c, REC_STATE, STATE_RUNNING);
        b.global_set(cur, c);
        let csp = b.ld(c, REC_SP);
        b.global_set(sp, csp);
        let clim = b.ld(c, REC_LIMIT);
        b.global_set(limit, clim);
        b.ret(&[]);
        b.finish();
    }

    CpsRuntime {
        cur,
        sp,
        limit,
        native_returned,
        new,
        free,
        grow,
        root_init,
    }
}

/// Emits "get `bytes` of fresh memory from the source" and returns the address.
fn fetch(b: &mut FunctionBuilder, source: MemorySource, bytes: Local) -> Local {
    match source {
        MemorySource::Alloc(f) => b.c1(f, &[bytes]),
        MemorySource::Grow => {
            let rounded = b.opi(BinOp::I32Add, bytes, 0xFFFF);
            let pages = b.opi(BinOp::I32ShrU, rounded, 16);
            let old = b.memory_grow(pages);
            let failed = b.opi(BinOp::I32Eq, old, -1);
            b.if_then(failed, |b| b.unreachable());
            b.opi(BinOp::I32Shl, old, 16)
        }
    }
}

/// Emits "the address of the free-list table, allocating it on first use".
fn free_list_table(b: &mut FunctionBuilder, classes: GlobalId, chunk: FuncId) -> Local {
    let table = b.global_get(classes);
    let missing = b.un(UnOp::I32Eqz, table);
    b.if_then(missing, |b| {
        let bytes = b.i32_const(4 * (MAX_CLASS + 2));
        b.call_into(&[table], chunk, &[bytes]);
        let zero = b.i32_const(0);
        b.memory_fill(table, zero, bytes);
        b.global_set(classes, table);
    });
    table
}

impl CpsRuntime {
    /// The instructions of `coro.resume` (inlined at every resume site:
    /// straight-line code, so that a resume does not cost a call):
    ///
    /// ```text
    /// state = c.state; saved = (cps_cur, cps_sp, cps_limit)
    /// c.state = RUNNING; install c's cur, sp, limit
    /// k = [c.sp - 4]; if state != SUSPENDED { k = -1 }   ;; traps below
    /// value = call_indirect (i64) -> i64 k (arg)
    /// restore saved; status = c.state != SUSPENDED; c.state = status
    /// ```
    ///
    /// Resuming a coroutine that is running, returned or freed calls table
    /// slot -1, which traps (out of bounds) without a branch. `fresh`
    /// makes a new local of the given type.
    pub fn resume_insts(
        &self,
        fresh: &mut dyn FnMut(Type) -> Local,
        [status, value, c, arg]: [Local; 4],
    ) -> Vec<Inst> {
        let mut v = Vec::with_capacity(32);
        let mut i32l = || fresh(Type::I32);
        let (state, s_cur, s_sp, s_lim, tmp, csp, at, k, bad, ok) = (
            i32l(),
            i32l(),
            i32l(),
            i32l(),
            i32l(),
            i32l(),
            i32l(),
            i32l(),
            i32l(),
            i32l(),
        );
        let load = |dst, addr, offset| Inst::Load {
            dst,
            kind: LoadKind::I32,
            addr,
            offset,
        };
        let store = |addr, offset, value| Inst::Store {
            kind: StoreKind::I32,
            addr,
            offset,
            value,
        };
        v.push(load(state, c, REC_STATE));
        v.push(Inst::GlobalGet {
            dst: s_cur,
            global: self.cur,
        });
        v.push(Inst::GlobalGet {
            dst: s_sp,
            global: self.sp,
        });
        v.push(Inst::GlobalGet {
            dst: s_lim,
            global: self.limit,
        });
        v.push(Inst::Const {
            dst: tmp,
            value: Const::I32(STATE_RUNNING),
        });
        v.push(store(c, REC_STATE, tmp));
        v.push(Inst::GlobalSet {
            global: self.cur,
            value: c,
        });
        v.push(load(csp, c, REC_SP));
        v.push(Inst::GlobalSet {
            global: self.sp,
            value: csp,
        });
        v.push(load(tmp, c, REC_LIMIT));
        v.push(Inst::GlobalSet {
            global: self.limit,
            value: tmp,
        });
        v.push(Inst::Const {
            dst: tmp,
            value: Const::I32(SLOT_BYTES as i32),
        });
        v.push(Inst::Binary {
            dst: at,
            op: BinOp::I32Sub,
            lhs: csp,
            rhs: tmp,
        });
        v.push(load(k, at, 0));
        v.push(Inst::Const {
            dst: bad,
            value: Const::I32(-1),
        });
        v.push(Inst::Unary {
            dst: ok,
            op: UnOp::I32Eqz,
            arg: state,
        });
        v.push(Inst::Select {
            dst: k,
            cond: ok,
            if_true: k,
            if_false: bad,
        });
        v.push(Inst::CallIndirect {
            dsts: vec![value],
            sig: resume_sig(),
            index: k,
            args: vec![arg],
        });
        v.push(Inst::GlobalSet {
            global: self.cur,
            value: s_cur,
        });
        v.push(Inst::GlobalSet {
            global: self.sp,
            value: s_sp,
        });
        v.push(Inst::GlobalSet {
            global: self.limit,
            value: s_lim,
        });
        v.push(load(state, c, REC_STATE));
        v.push(Inst::Const {
            dst: tmp,
            value: Const::I32(STATE_SUSPENDED),
        });
        v.push(Inst::Binary {
            dst: status,
            op: BinOp::I32Ne,
            lhs: state,
            rhs: tmp,
        });
        v.push(store(c, REC_STATE, status));
        v
    }

    /// Emits a frame push of `size` bytes (a multiple of 8) on the running
    /// stack and returns the frame's base address and the new stack
    /// pointer. Grows the stack when full.
    pub fn push_frame(&self, b: &mut FunctionBuilder, size: u32) -> (Local, Local) {
        let base = b.global_get(self.sp);
        let end = b.opi(BinOp::I32Add, base, size as i32);
        let lim = b.global_get(self.limit);
        let full = b.bin(BinOp::I32GtU, end, lim);
        let grow = self.grow;
        b.if_then(full, |b| {
            let need = b.i32_const(size as i32);
            b.call_into(&[base], grow, &[need]);
            b.binary_into(end, BinOp::I32Add, base, need);
        });
        b.global_set(self.sp, end);
        (base, end)
    }

    /// Emits a frame pop of `size` bytes and returns the frame's base address.
    pub fn pop_frame(&self, b: &mut FunctionBuilder, size: u32) -> Local {
        let top = b.global_get(self.sp);
        let base = b.opi(BinOp::I32Sub, top, size as i32);
        b.global_set(self.sp, base);
        base
    }

    /// Emits "the continuation slot on top of the running stack".
    pub fn top_slot(&self, b: &mut FunctionBuilder) -> Local {
        let top = b.global_get(self.sp);
        let at = b.opi(BinOp::I32Sub, top, SLOT_BYTES as i32);
        b.ld(at, 0)
    }

    /// Emits the bookkeeping of a suspension (after the frame is pushed,
    /// `top` being the stack pointer): the record keeps the stack pointer
    /// and becomes suspended. The piece then returns the suspended value.
    pub fn mark_suspended(&self, b: &mut FunctionBuilder, top: Local) {
        let c = b.global_get(self.cur);
        b.st(c, REC_SP, top);
        b.sti(c, REC_STATE, STATE_SUSPENDED);
    }
}
