//! The wasmfx strategy's coroutine runtime: the IR's coroutine instructions
//! emitted with the Wasm stack-switching proposal (`cont.new`, `resume`,
//! `suspend`) over a **pool of worker continuations**.
//!
//! # Why a pool
//!
//! In Wasmtime (48) every `cont.new` maps a fresh native stack that is only
//! unmapped when the `Store` is dropped: a continuation that ran to
//! completion is not recycled. A program that creates one continuation per
//! generator call would leak a stack per call (~10 µs each, and the process
//! runs out of mappings after a few tens of thousands). So a continuation
//! here is not a coroutine but a *worker* that runs one coroutine entry
//! after another, and coroutines borrow workers from a pool.
//!
//! # Types, tags, tables
//!
//! ```text
//! (type $worker_ft (func (param i32 i64)))           ;; (entry slot, argument)
//! (type $ct (cont $worker_ft))                        ;; every continuation
//! (type $tag_ft (func (param i64) (result i32 i64)))
//! (tag $yield  (type $tag_ft))   ;; coro.suspend: hands a value to the resumer
//! (tag $finish (type $tag_ft))   ;; the entry returned: the worker parks itself
//! (table $conts (ref null $ct))  ;; coroutine handle -> its continuation
//! (table $pool  (ref null $ct))  ;; parked workers (a stack, $pool_len of them)
//! (memory $coro_meta 1)          ;; 8 bytes per handle: state, entry slot / next free
//! ```
//!
//! The tags' results are the worker's parameters, so a fresh worker
//! (`cont.new $ct (ref.func $worker)`), a parked worker (suspended at
//! `$finish`) and a suspended coroutine (suspended at `$yield`) all have the
//! one continuation type `$ct`, and every resume passes `(entry slot,
//! argument)`; a suspended coroutine ignores the slot.
//!
//! The worker loops forever: `call_indirect` the entry (type `(i64) ->
//! i64`, table 0) on the argument, `suspend $finish` with the result, and
//! take the `(slot, argument)` of its next task from that suspend's results.
//!
//! # The generated functions
//!
//! * `coro.new` becomes `call $switchyard.coro_new(entry) -> handle`: pop a
//!   parked worker (or `cont.new` one when the pool is empty), take a handle
//!   from the free list (or the next fresh one, growing `$conts` and the
//!   metadata memory geometrically), store the worker in `$conts[handle]`
//!   and record the entry slot; state `FRESH`.
//! * `coro.resume` becomes `call $switchyard.coro_resume(handle, arg) ->
//!   (status, value)`: check the state (`FRESH` or `SUSPENDED`, else
//!   `fatal(FATAL_CORO_RESUME)`), mark it `RUNNING`, and
//!   `resume $ct (on $yield) (on $finish)` the handle's continuation with
//!   (entry slot, arg). On `$yield` the new continuation goes back into
//!   `$conts[handle]` (`SUSPENDED`, status 0); on `$finish` the worker goes
//!   straight back to the pool (`FINISHED`, status 1). Each resume installs
//!   its own handlers, so nested coroutines (a coroutine resuming another,
//!   e.g. `yield*` chains) work: a suspend is caught by the innermost resume.
//! * `coro.suspend` is inline: `suspend $yield`, keeping the `i64` result.
//!   Outside any coroutine there is no handler and Wasmtime traps.
//! * `coro.free` becomes `call $switchyard.coro_free(handle)`: a `FINISHED`
//!   coroutine just releases its handle (its worker is already back in the
//!   pool); a `FRESH` one (never resumed) gives its untouched worker back to
//!   the pool; a `SUSPENDED` one is *abandoned* (see below). Freeing a
//!   `RUNNING` or already freed coroutine is `fatal(FATAL_CORO_FREE)`. The
//!   handle goes on the free list (threaded through the metadata memory),
//!   so handles and `$conts` stay bounded by the peak number of live
//!   coroutines.
//!
//! # Freeing a suspended coroutine
//!
//! A coroutine suspended mid-body still owns its worker's stack, with its
//! frames on it, and a continuation cannot be reset. `coro_free` drops the
//! continuation (`$conts[handle] = null`) and counts it in the exported
//! global `wasmfx_abandoned`: the worker's stack stays mapped until the
//! Store is dropped, and the pool creates a new worker when it needs one.
//! A program that abandons tens of thousands of suspended coroutines thus
//! runs out of mappings; Wasmtime's `cont.new` then fails with ENOMEM,
//! which the host reports as an out-of-memory trap (not a crash).
//!
//! Unwinding the abandoned stack so that the worker could be reused
//! (`resume_throw` of a private exception tag caught by the worker, or a
//! `throw` at the suspend site) works in principle but is unusable on
//! Wasmtime 48: exceptions are GC-heap objects, and once a few thousand have
//! been allocated a collection runs, and Wasmtime's GC root tracing panics
//! on every *suspended* continuation (`Backtrace::trace_suspended_continuation`:
//! "expected one more VMStackLimits than continuations", because a
//! suspended continuation's parent chain is `Absent`). The same holds for
//! any GC allocation: code emitted for the wasmfx strategy must never
//! allocate GC objects (exceptions, structs, arrays) while a coroutine is
//! suspended, and this runtime allocates none.
//!
//! # Limits
//!
//! Every *live* coroutine (created and not yet finished or freed) holds a
//! worker, i.e. a Wasmtime continuation stack (`async_stack_size`, mapped
//! lazily, plus a guard page: two mappings). With Linux's default
//! `vm.max_map_count` (65,530) that allows roughly 30,000 live coroutines
//! at once, however many are created over the program's life. Workers are
//! never released (Wasmtime could not unmap them anyway): the pool keeps as
//! many as were ever live at once. Handles are `i32` indices; the metadata
//! memory and the tables grow geometrically and trap with
//! [`FATAL_OUT_OF_MEMORY`] if they cannot.
//!
//! # Observability and errors
//!
//! Exported globals: `wasmfx_workers` (i64, `cont.new`s executed = stacks
//! mapped), `wasmfx_abandoned` (i64, suspended coroutines freed),
//! `wasmfx_handles` (i32, the high-water mark of handles). Misuse calls the
//! host's `switchyard.fatal` import (when the module imports it, which the
//! wasmfx strategy ensures; otherwise `unreachable`) with
//! [`FATAL_CORO_RESUME`] / [`FATAL_CORO_FREE`], or [`FATAL_OUT_OF_MEMORY`]
//! when `$conts`, the pool or the metadata memory cannot grow.

use crate::types::TypeTable;
use std::borrow::Cow;
use wasm_encoder::{
    BlockType, ConstExpr, ExportKind, ExportSection, Function, GlobalSection, GlobalType, Handle,
    HeapType, Instruction, MemArg, MemorySection, MemoryType, NameMap, RefType, TableSection,
    TableType, TagKind, TagSection, TagType, ValType,
};

/// `fatal` code: out of memory (`layout::FATAL_OUT_OF_MEMORY`).
pub const FATAL_OUT_OF_MEMORY: i32 = 2;
/// `fatal` code: a resumed coroutine is running, finished, freed or not a
/// coroutine handle (`layout::FATAL_CORO_RESUME` in the JS runtime, which
/// the host maps to its message).
pub const FATAL_CORO_RESUME: i32 = 4;
/// `fatal` code: a freed coroutine is running, already freed or not a
/// coroutine handle (`layout::FATAL_CORO_FREE`).
pub const FATAL_CORO_FREE: i32 = 5;

/// The import the runtime reports misuse through: `switchyard.fatal: (i32) -> ()`.
pub const FATAL_IMPORT: (&str, &str) = ("switchyard", "fatal");

/// Exported global (i64): continuations created (`cont.new`), i.e. worker
/// stacks mapped.
pub const EXPORT_WORKERS: &str = "wasmfx_workers";
/// Exported global (i64): suspended coroutines freed (their stacks stay
/// mapped until the Store is dropped).
pub const EXPORT_ABANDONED: &str = "wasmfx_abandoned";
/// Exported global (i32): the number of coroutine handles ever in use at
/// once (the size of the handle space).
pub const EXPORT_HANDLES: &str = "wasmfx_handles";
/// Every export name the runtime adds (a module must not export these).
pub const RESERVED_EXPORTS: [&str; 3] = [EXPORT_WORKERS, EXPORT_ABANDONED, EXPORT_HANDLES];

/// Coroutine states, stored at offset 0 of a handle's metadata.
const FREE: i32 = 0;
const FRESH: i32 = 1;
const SUSPENDED: i32 = 2;
const RUNNING: i32 = 3;
const FINISHED: i32 = 4;

/// Bytes of metadata per handle: state (i32) at 0, entry slot (`FRESH`) or
/// next free handle (`FREE`) at 4.
const META_SHIFT: i32 = 3;
/// Handles per 64 KiB page of metadata is `1 << HANDLES_PER_PAGE_LOG2`.
const HANDLES_PER_PAGE_LOG2: i32 = 16 - META_SHIFT;

/// What lowering an IR body needs to emit the coroutine instructions.
#[derive(Clone, Copy, Debug)]
pub struct CoroCalls {
    /// `(entry: i32) -> (handle: i32)`.
    pub new: u32,
    /// `(handle: i32, arg: i64) -> (status: i32, value: i64)`.
    pub resume: u32,
    /// `(handle: i32) -> ()`.
    pub free: u32,
    /// The tag `coro.suspend` suspends with: `(i64) -> (i32, i64)`.
    pub yield_tag: u32,
}

/// The indices of everything the runtime adds to a module.
#[derive(Clone, Debug)]
pub struct Runtime {
    cont_ty: u32,
    tag_ty: u32,
    handler_ty: u32,
    entry_ty: u32,
    worker_ty: u32,
    new_ty: u32,
    resume_ty: u32,
    free_ty: u32,
    worker: u32,
    new: u32,
    resume: u32,
    free: u32,
    fatal: Option<u32>,
    yield_tag: u32,
    finish_tag: u32,
    conts: u32,
    pool: u32,
    meta: u32,
    g_pool_len: u32,
    g_free_head: u32,
    g_num_handles: u32,
    g_workers: u32,
    g_abandoned: u32,
}

/// Where the runtime's entities go in the module's index spaces.
#[derive(Clone, Copy, Debug)]
pub struct Placement {
    /// Index of the first generated function (after every IR function).
    pub first_func: u32,
    /// Index of the first generated table (the IR's funcref table is 0 and
    /// must exist, since the worker calls entries through it).
    pub first_table: u32,
    /// Index of the metadata memory (after the IR's memory).
    pub memory: u32,
    /// Index of the first generated global (after the IR's globals).
    pub first_global: u32,
    /// Index of the first tag.
    pub first_tag: u32,
    /// The Wasm function index of `switchyard.fatal: (i32) -> ()`, if imported.
    pub fatal: Option<u32>,
}

/// Generated function names, in index order.
const FUNC_NAMES: [&str; 4] = [
    "switchyard.coro_worker",
    "switchyard.coro_new",
    "switchyard.coro_resume",
    "switchyard.coro_free",
];

const GLOBAL_NAMES: [&str; 5] = [
    "switchyard.coro_pool_len",
    "switchyard.coro_free_head",
    "switchyard.coro_num_handles",
    "switchyard.coro_workers",
    "switchyard.coro_abandoned",
];

fn mem(offset: u64, align: u32, memory_index: u32) -> MemArg {
    MemArg {
        offset,
        align,
        memory_index,
    }
}

impl Runtime {
    /// Plans the runtime, interning its types into `types`.
    pub fn new(types: &mut TypeTable, at: Placement) -> Runtime {
        use ValType::{I32, I64};
        let worker_ty = types.intern_raw(&[I32, I64], &[]);
        let cont_ty = types.add_cont(worker_ty);
        let cont_ref = ValType::Ref(RefType {
            nullable: false,
            heap_type: HeapType::Concrete(cont_ty),
        });
        let tag_ty = types.intern_raw(&[I64], &[I32, I64]);
        let handler_ty = types.intern_raw(&[], &[I64, cont_ref]);
        let entry_ty = types.intern_raw(&[I64], &[I64]);
        let new_ty = types.intern_raw(&[I32], &[I32]);
        let resume_ty = types.intern_raw(&[I32, I64], &[I32, I64]);
        let free_ty = types.intern_raw(&[I32], &[]);
        let f = at.first_func;
        let g = at.first_global;
        Runtime {
            cont_ty,
            tag_ty,
            handler_ty,
            entry_ty,
            worker_ty,
            new_ty,
            resume_ty,
            free_ty,
            worker: f,
            new: f + 1,
            resume: f + 2,
            free: f + 3,
            fatal: at.fatal,
            yield_tag: at.first_tag,
            finish_tag: at.first_tag + 1,
            conts: at.first_table,
            pool: at.first_table + 1,
            meta: at.memory,
            g_pool_len: g,
            g_free_head: g + 1,
            g_num_handles: g + 2,
            g_workers: g + 3,
            g_abandoned: g + 4,
        }
    }

    /// What body lowering needs.
    pub fn calls(&self) -> CoroCalls {
        CoroCalls {
            new: self.new,
            resume: self.resume,
            free: self.free,
            yield_tag: self.yield_tag,
        }
    }

    fn cont_ref_null(&self) -> RefType {
        RefType {
            nullable: true,
            heap_type: HeapType::Concrete(self.cont_ty),
        }
    }

    /// The generated functions, in index order from `first_func`: (type
    /// index, body).
    pub fn functions(&self) -> Vec<(u32, Function)> {
        vec![
            (self.worker_ty, self.worker_fn()),
            (self.new_ty, self.new_fn()),
            (self.resume_ty, self.resume_fn()),
            (self.free_ty, self.free_fn()),
        ]
    }

    /// Names of the generated functions.
    pub fn function_names(&self, names: &mut NameMap) {
        for (i, n) in FUNC_NAMES.iter().enumerate() {
            names.append(self.worker + i as u32, n);
        }
    }

    /// Names of the generated globals.
    pub fn global_names(&self, names: &mut NameMap) {
        for (i, n) in GLOBAL_NAMES.iter().enumerate() {
            names.append(self.g_pool_len + i as u32, n);
        }
    }

    /// Names of the generated tables, memory and tags:
    /// (tables, memories, tags).
    pub fn other_names(&self) -> (NameMap, NameMap, NameMap) {
        let mut tables = NameMap::new();
        tables.append(self.conts, "switchyard.coro_conts");
        tables.append(self.pool, "switchyard.coro_pool");
        let mut memories = NameMap::new();
        memories.append(self.meta, "switchyard.coro_meta");
        let mut tags = NameMap::new();
        tags.append(self.yield_tag, "switchyard.coro_yield");
        tags.append(self.finish_tag, "switchyard.coro_finish");
        (tables, memories, tags)
    }

    /// Adds `$conts` and `$pool`.
    pub fn tables(&self, section: &mut TableSection) {
        for _ in 0..2 {
            section.table(TableType {
                element_type: self.cont_ref_null(),
                table64: false,
                minimum: 0,
                maximum: None,
                shared: false,
            });
        }
    }

    /// Adds the metadata memory.
    pub fn memory(&self, section: &mut MemorySection) {
        section.memory(MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
    }

    /// The tag section: `$yield` and `$finish`.
    pub fn tags(&self) -> TagSection {
        let mut tags = TagSection::new();
        for ty in [self.tag_ty, self.tag_ty] {
            tags.tag(TagType {
                kind: TagKind::Exception,
                func_type_idx: ty,
            });
        }
        tags
    }

    /// Adds the runtime's globals.
    pub fn globals(&self, section: &mut GlobalSection) {
        let g = |val_type| GlobalType {
            val_type,
            mutable: true,
            shared: false,
        };
        section.global(g(ValType::I32), &ConstExpr::i32_const(0)); // pool_len
        section.global(g(ValType::I32), &ConstExpr::i32_const(-1)); // free_head
        section.global(g(ValType::I32), &ConstExpr::i32_const(0)); // num_handles
        section.global(g(ValType::I64), &ConstExpr::i64_const(0)); // workers
        section.global(g(ValType::I64), &ConstExpr::i64_const(0)); // abandoned
    }

    /// Exports the counters.
    pub fn exports(&self, section: &mut ExportSection) {
        section.export(EXPORT_WORKERS, ExportKind::Global, self.g_workers);
        section.export(EXPORT_ABANDONED, ExportKind::Global, self.g_abandoned);
        section.export(EXPORT_HANDLES, ExportKind::Global, self.g_num_handles);
    }

    /// Functions referenced by `ref.func` (they need a declarative element
    /// segment).
    pub fn declared_functions(&self) -> Vec<u32> {
        vec![self.worker]
    }

    // ---- code ------------------------------------------------------------

    /// `fatal(code)`, then `unreachable` (the host's `fatal` never returns).
    fn fatal(&self, code: i32, out: &mut Vec<Instruction<'static>>) {
        if let Some(f) = self.fatal {
            out.push(Instruction::I32Const(code));
            out.push(Instruction::Call(f));
        }
        out.push(Instruction::Unreachable);
    }

    /// `if (top of stack) { fatal(code) }`.
    fn fatal_if(&self, code: i32, out: &mut Vec<Instruction<'static>>) {
        out.push(Instruction::If(BlockType::Empty));
        self.fatal(code, out);
        out.push(Instruction::End);
    }

    /// Checks handle `h` against the number of handles (else `fatal(code)`),
    /// then leaves its state on the stack, with `addr` = its metadata
    /// address and `state` = its state.
    fn check_handle_load_state(
        &self,
        (h, addr, state): (u32, u32, u32),
        code: i32,
        out: &mut Vec<Instruction<'static>>,
    ) {
        use Instruction as I;
        out.extend([I::LocalGet(h), I::GlobalGet(self.g_num_handles), I::I32GeU]);
        self.fatal_if(code, out);
        out.extend([
            I::LocalGet(h),
            I::I32Const(META_SHIFT),
            I::I32Shl,
            I::LocalTee(addr),
            I::I32Load(mem(0, 2, self.meta)),
            I::LocalTee(state),
        ]);
    }

    /// `if (i32 on the stack == -1) { fatal(out of memory) }` (after a
    /// `table.grow` or `memory.grow`).
    fn fatal_if_grow_failed(&self, out: &mut Vec<Instruction<'static>>) {
        out.push(Instruction::I32Const(-1));
        out.push(Instruction::I32Eq);
        self.fatal_if(FATAL_OUT_OF_MEMORY, out);
    }

    /// Pushes the continuation in local `k` onto the pool.
    fn pool_push(&self, k: u32, out: &mut Vec<Instruction<'static>>) {
        use Instruction as I;
        // Grow the pool geometrically when full.
        out.extend([
            I::GlobalGet(self.g_pool_len),
            I::TableSize(self.pool),
            I::I32GeU,
            I::If(BlockType::Empty),
            I::RefNull(HeapType::Concrete(self.cont_ty)),
            I::TableSize(self.pool),
            I::I32Const(16),
            I::I32Add,
            I::TableGrow(self.pool),
        ]);
        self.fatal_if_grow_failed(out);
        out.extend([
            I::End,
            I::GlobalGet(self.g_pool_len),
            I::LocalGet(k),
            I::TableSet(self.pool),
            I::GlobalGet(self.g_pool_len),
            I::I32Const(1),
            I::I32Add,
            I::GlobalSet(self.g_pool_len),
        ]);
    }

    fn finish(locals: Vec<(u32, ValType)>, body: Vec<Instruction<'static>>) -> Function {
        let mut f = Function::new(locals);
        for ins in &body {
            f.instruction(ins);
        }
        f.instruction(&Instruction::End);
        f
    }

    /// `$worker(slot: i32, arg: i64)`: runs entry after entry.
    fn worker_fn(&self) -> Function {
        use Instruction as I;
        let (slot, arg) = (0, 1);
        let body = vec![
            I::Loop(BlockType::Empty),
            I::LocalGet(arg),
            I::LocalGet(slot),
            I::CallIndirect {
                type_index: self.entry_ty,
                table_index: 0,
            },
            // Park: hand the result to the resumer; the next resume of this
            // worker is the first resume of another coroutine.
            I::Suspend(self.finish_tag),
            I::LocalSet(arg),
            I::LocalSet(slot),
            I::Br(0),
            I::End,
        ];
        Self::finish(vec![], body)
    }

    /// `$coro_new(entry: i32) -> (handle: i32)`.
    fn new_fn(&self) -> Function {
        use Instruction as I;
        let (entry, h, w, n) = (0, 1, 2, 3);
        let m = self.meta;
        let mut out = vec![
            // A worker: a parked one, or a new continuation.
            I::GlobalGet(self.g_pool_len),
            I::If(BlockType::Empty),
            I::GlobalGet(self.g_pool_len),
            I::I32Const(1),
            I::I32Sub,
            I::LocalTee(n),
            I::GlobalSet(self.g_pool_len),
            I::LocalGet(n),
            I::TableGet(self.pool),
            I::LocalSet(w),
            I::LocalGet(n),
            I::RefNull(HeapType::Concrete(self.cont_ty)),
            I::TableSet(self.pool),
            I::Else,
            I::RefFunc(self.worker),
            I::ContNew(self.cont_ty),
            I::LocalSet(w),
            I::GlobalGet(self.g_workers),
            I::I64Const(1),
            I::I64Add,
            I::GlobalSet(self.g_workers),
            I::End,
            // A handle: a recycled one, or the next fresh one.
            I::GlobalGet(self.g_free_head),
            I::I32Const(0),
            I::I32GeS,
            I::If(BlockType::Empty),
            I::GlobalGet(self.g_free_head),
            I::LocalTee(h),
            I::I32Const(META_SHIFT),
            I::I32Shl,
            I::I32Load(mem(4, 2, m)),
            I::GlobalSet(self.g_free_head),
            I::Else,
            I::GlobalGet(self.g_num_handles),
            I::LocalTee(h),
            I::I32Const(1),
            I::I32Add,
            I::GlobalSet(self.g_num_handles),
            // Grow $conts geometrically when full.
            I::LocalGet(h),
            I::TableSize(self.conts),
            I::I32GeU,
            I::If(BlockType::Empty),
            I::RefNull(HeapType::Concrete(self.cont_ty)),
            I::TableSize(self.conts),
            I::I32Const(64),
            I::I32Add,
            I::TableGrow(self.conts),
        ];
        self.fatal_if_grow_failed(&mut out);
        out.extend([
            I::End,
            // Grow the metadata memory (doubling) when full.
            I::LocalGet(h),
            I::I32Const(HANDLES_PER_PAGE_LOG2),
            I::I32ShrU,
            I::MemorySize(m),
            I::I32GeU,
            I::If(BlockType::Empty),
            I::MemorySize(m),
            I::MemoryGrow(m),
        ]);
        self.fatal_if_grow_failed(&mut out);
        out.extend([
            I::End,
            I::End,
            // $conts[h] = worker; meta[h] = (FRESH, entry)
            I::LocalGet(h),
            I::LocalGet(w),
            I::TableSet(self.conts),
            I::LocalGet(h),
            I::I32Const(META_SHIFT),
            I::I32Shl,
            I::LocalTee(n),
            I::I32Const(FRESH),
            I::I32Store(mem(0, 2, m)),
            I::LocalGet(n),
            I::LocalGet(entry),
            I::I32Store(mem(4, 2, m)),
            I::LocalGet(h),
        ]);
        Self::finish(
            vec![
                (1, ValType::I32),
                (1, ValType::Ref(self.cont_ref_null())),
                (1, ValType::I32),
            ],
            out,
        )
    }

    /// `$coro_resume(handle: i32, arg: i64) -> (status: i32, value: i64)`.
    fn resume_fn(&self) -> Function {
        use Instruction as I;
        let (h, arg, addr, slot, state, k, v) = (0, 1, 2, 3, 4, 5, 6);
        let m = self.meta;
        let mut out = Vec::new();
        self.check_handle_load_state((h, addr, state), FATAL_CORO_RESUME, &mut out);
        out.extend([
            I::I32Const(SUSPENDED),
            I::I32Ne,
            I::If(BlockType::Empty),
            // Not suspended: it must be fresh, and then its entry slot goes
            // to the worker.
            I::LocalGet(state),
            I::I32Const(FRESH),
            I::I32Ne,
        ]);
        self.fatal_if(FATAL_CORO_RESUME, &mut out);
        out.extend([
            I::LocalGet(addr),
            I::I32Load(mem(4, 2, m)),
            I::LocalSet(slot),
            I::End,
            I::LocalGet(addr),
            I::I32Const(RUNNING),
            I::I32Store(mem(0, 2, m)),
            I::Block(BlockType::FunctionType(self.handler_ty)), // $finish
            I::Block(BlockType::FunctionType(self.handler_ty)), // $yield
            I::LocalGet(slot),
            I::LocalGet(arg),
            I::LocalGet(h),
            I::TableGet(self.conts),
            I::Resume {
                cont_type_index: self.cont_ty,
                resume_table: Cow::Owned(vec![
                    Handle::OnLabel {
                        tag: self.yield_tag,
                        label: 0,
                    },
                    Handle::OnLabel {
                        tag: self.finish_tag,
                        label: 1,
                    },
                ]),
            },
            // A worker never returns.
            I::Unreachable,
            I::End,
            // Suspended: [value, continuation].
            I::LocalSet(k),
            I::LocalSet(v),
            I::LocalGet(h),
            I::LocalGet(k),
            I::TableSet(self.conts),
            I::LocalGet(addr),
            I::I32Const(SUSPENDED),
            I::I32Store(mem(0, 2, m)),
            I::I32Const(0),
            I::LocalGet(v),
            I::Return,
            I::End,
            // Finished: [result, parked worker]. The worker goes back to
            // the pool at once; the handle stays FINISHED until freed.
            I::LocalSet(k),
            I::LocalSet(v),
        ]);
        self.pool_push(k, &mut out);
        out.extend([
            I::LocalGet(h),
            I::RefNull(HeapType::Concrete(self.cont_ty)),
            I::TableSet(self.conts),
            I::LocalGet(addr),
            I::I32Const(FINISHED),
            I::I32Store(mem(0, 2, m)),
            I::I32Const(1),
            I::LocalGet(v),
        ]);
        Self::finish(
            vec![
                (3, ValType::I32),
                (1, ValType::Ref(self.cont_ref_null())),
                (1, ValType::I64),
            ],
            out,
        )
    }

    /// `$coro_free(handle: i32)`.
    fn free_fn(&self) -> Function {
        use Instruction as I;
        let (h, addr, state, k) = (0, 1, 2, 3);
        let m = self.meta;
        let mut out = Vec::new();
        self.check_handle_load_state((h, addr, state), FATAL_CORO_FREE, &mut out);
        out.extend([
            I::I32Const(FINISHED),
            I::I32Ne,
            I::If(BlockType::Empty),
            I::LocalGet(state),
            I::I32Const(FRESH),
            I::I32Eq,
            I::If(BlockType::Empty),
            // Never resumed: its worker is untouched; back to the pool.
            I::LocalGet(h),
            I::TableGet(self.conts),
            I::LocalSet(k),
        ]);
        self.pool_push(k, &mut out);
        out.extend([
            I::Else,
            I::LocalGet(state),
            I::I32Const(SUSPENDED),
            I::I32Ne,
        ]);
        self.fatal_if(FATAL_CORO_FREE, &mut out);
        out.extend([
            // Suspended mid-body: its continuation (and its stack) is
            // abandoned.
            I::GlobalGet(self.g_abandoned),
            I::I64Const(1),
            I::I64Add,
            I::GlobalSet(self.g_abandoned),
            I::End,
            I::LocalGet(h),
            I::RefNull(HeapType::Concrete(self.cont_ty)),
            I::TableSet(self.conts),
            I::End,
            // meta[h] = (FREE, free_head); free_head = h
            I::LocalGet(addr),
            I::I32Const(FREE),
            I::I32Store(mem(0, 2, m)),
            I::LocalGet(addr),
            I::GlobalGet(self.g_free_head),
            I::I32Store(mem(4, 2, m)),
            I::LocalGet(h),
            I::GlobalSet(self.g_free_head),
        ]);
        Self::finish(
            vec![(2, ValType::I32), (1, ValType::Ref(self.cont_ref_null()))],
            out,
        )
    }
}
