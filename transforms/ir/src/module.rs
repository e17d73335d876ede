//! The IR's data structures: a module of functions, each a control-flow graph
//! of basic blocks over typed, mutable locals.
//!
//! The IR is *not* SSA: a local may be assigned any number of times, exactly
//! like a Wasm local. That keeps front ends simple (a source variable can be a
//! local) and maps one-to-one onto Wasm. Every instruction reads and writes
//! locals; constants are materialised with [`Inst::Const`].
//!
//! Control flow is an explicit CFG: every block ends in a [`Terminator`]. The
//! backend turns the CFG back into Wasm's structured `block`/`loop`/`br`
//! (the CFG must be reducible, which every CFG produced from structured source
//! code is).

use crate::ops::{BinOp, LoadKind, StoreKind, UnOp};
use crate::types::{Const, Signature, Type};

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident, $prefix:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

id_type!(
    /// A function of the module (imported or defined): an index into [`Module::funcs`].
    FuncId,
    "f"
);
id_type!(
    /// A global of the module: an index into [`Module::globals`].
    GlobalId,
    "g"
);
id_type!(
    /// A basic block of a function body: an index into [`Body::blocks`].
    BlockId,
    "bb"
);
id_type!(
    /// A local of a function body (parameters first): an index into [`Body::locals`].
    Local,
    "%"
);

/// A whole program.
#[derive(Clone, Debug, Default)]
pub struct Module {
    /// Imported and defined functions share one index space.
    pub funcs: Vec<Func>,
    pub globals: Vec<Global>,
    /// The one linear memory.
    pub memory: Memory,
    /// Active data segments, copied into memory at instantiation.
    pub data: Vec<DataSegment>,
    /// The function table used by [`Inst::CallIndirect`]: slot `i` holds `table[i]`.
    /// [`Inst::FuncAddr`] yields a function's slot.
    pub table: Vec<FuncId>,
    /// A function run at instantiation (Wasm's start section).
    pub start: Option<FuncId>,
}

/// A function: its name, signature, and either an import or a body.
#[derive(Clone, Debug)]
pub struct Func {
    /// Unique within the module. Used by the printer, in error messages, as
    /// the Wasm name-section entry, and by Asyncify's only/remove lists.
    pub name: String,
    pub sig: Signature,
    pub kind: FuncKind,
    /// Export the function under this name.
    pub export: Option<String>,
    /// The function is started only by [`Inst::CoroNew`] (never called
    /// directly or through the table), so a strategy may give it its own
    /// calling convention. It must have type `(i64) -> i64`.
    pub coroutine_entry: bool,
}

#[derive(Clone, Debug)]
pub enum FuncKind {
    /// Provided by the host.
    Import { module: String, name: String },
    /// Defined here. `None` while declared but not yet defined.
    Defined(Option<Body>),
}

impl Func {
    pub fn body(&self) -> Option<&Body> {
        match &self.kind {
            FuncKind::Defined(Some(body)) => Some(body),
            _ => None,
        }
    }

    pub fn body_mut(&mut self) -> Option<&mut Body> {
        match &mut self.kind {
            FuncKind::Defined(Some(body)) => Some(body),
            _ => None,
        }
    }

    pub fn is_import(&self) -> bool {
        matches!(self.kind, FuncKind::Import { .. })
    }
}

/// A global variable.
#[derive(Clone, Debug)]
pub struct Global {
    pub name: String,
    pub ty: Type,
    pub mutable: bool,
    pub init: Const,
    pub export: Option<String>,
}

/// The linear memory's limits, in 64 KiB pages.
#[derive(Clone, Debug)]
pub struct Memory {
    pub min_pages: u32,
    pub max_pages: Option<u32>,
    /// Export the memory under this name (hosts need it to read strings).
    pub export: Option<String>,
}

impl Default for Memory {
    fn default() -> Self {
        Memory {
            min_pages: 1,
            max_pages: None,
            export: Some("memory".to_string()),
        }
    }
}

/// Bytes placed at a fixed address when the module is instantiated.
#[derive(Clone, Debug)]
pub struct DataSegment {
    pub offset: u32,
    pub bytes: Vec<u8>,
}

/// A function body.
#[derive(Clone, Debug, Default)]
pub struct Body {
    /// All locals; the first `sig.params.len()` are the parameters.
    pub locals: Vec<LocalDecl>,
    pub blocks: Vec<Block>,
    pub entry: BlockId,
}

/// A local's declaration.
#[derive(Clone, Debug)]
pub struct LocalDecl {
    pub ty: Type,
    /// A source-level name, for the printer and the Wasm name section.
    pub name: Option<String>,
    /// The local may hold a reference into the managed heap, and a precise
    /// garbage collector must treat it as a root while it is live. Front ends
    /// set it; a root-spilling pass (not yet written: nothing is collected
    /// today) will save exactly these locals to the shadow stack around calls.
    pub heap_ref: bool,
}

/// A basic block: straight-line instructions then one terminator.
#[derive(Clone, Debug, Default)]
pub struct Block {
    /// An optional label, shown by the printer (`bb3.loop_head`).
    pub label: Option<String>,
    pub insts: Vec<Inst>,
    /// `None` only while a builder is still filling the block; the verifier
    /// rejects a block without a terminator.
    pub term: Option<Terminator>,
}

/// A straight-line instruction.
#[derive(Clone, Debug, PartialEq)]
pub enum Inst {
    /// `dst = constant`
    Const {
        dst: Local,
        value: Const,
    },
    /// `dst = src` (same type)
    Copy {
        dst: Local,
        src: Local,
    },
    /// `dst = op arg`
    Unary {
        dst: Local,
        op: UnOp,
        arg: Local,
    },
    /// `dst = op lhs, rhs`
    Binary {
        dst: Local,
        op: BinOp,
        lhs: Local,
        rhs: Local,
    },
    /// `dst = cond ? if_true : if_false` (cond is `i32`, non-zero is true)
    Select {
        dst: Local,
        cond: Local,
        if_true: Local,
        if_false: Local,
    },
    /// `dst = load [addr + offset]`
    Load {
        dst: Local,
        kind: LoadKind,
        addr: Local,
        offset: u32,
    },
    /// `store [addr + offset] = value`
    Store {
        kind: StoreKind,
        addr: Local,
        offset: u32,
        value: Local,
    },
    GlobalGet {
        dst: Local,
        global: GlobalId,
    },
    GlobalSet {
        global: GlobalId,
        value: Local,
    },
    /// Direct call; `dsts` receive the results (one per result type).
    Call {
        dsts: Vec<Local>,
        func: FuncId,
        args: Vec<Local>,
    },
    /// Call through the function table: `index` (an `i32`) is a table slot,
    /// checked against `sig` at run time.
    CallIndirect {
        dsts: Vec<Local>,
        sig: Signature,
        index: Local,
        args: Vec<Local>,
    },
    /// `dst = the table slot of func` (an `i32`); the function must be in
    /// [`Module::table`].
    FuncAddr {
        dst: Local,
        func: FuncId,
    },
    /// `dst = current memory size in pages`
    MemorySize {
        dst: Local,
    },
    /// `dst = memory.grow pages` (old size, or -1 on failure)
    MemoryGrow {
        dst: Local,
        pages: Local,
    },
    /// `memory.copy dst_addr, src_addr, len`
    MemoryCopy {
        dst_addr: Local,
        src_addr: Local,
        len: Local,
    },
    /// `memory.fill addr, byte, len`
    MemoryFill {
        addr: Local,
        byte: Local,
        len: Local,
    },

    // ---- suspension --------------------------------------------------------
    // The four coroutine instructions are the seam between front ends and
    // the strategies: a front end expresses generators, async functions and
    // fibers with them, and each strategy (cps, asyncify, wasmfx) lowers
    // them its own way. They must be lowered before the backend encodes a
    // module (the wasmfx strategy lowers them in the backend itself).
    /// Creates a coroutine that, when first resumed, runs `entry(arg)`.
    /// `entry` (i32) is the table slot of a function of type `(i64) -> i64`
    /// that is marked [`Func::coroutine_entry`]; `dst` (i32) receives a
    /// handle.
    CoroNew {
        dst: Local,
        entry: Local,
    },
    /// Runs coroutine `coro` until it suspends or its entry returns. The
    /// first resume passes `arg` to the entry; later ones make the pending
    /// [`Inst::CoroSuspend`] return `arg`. `status` (i32) receives
    /// [`CORO_SUSPENDED`] or [`CORO_RETURNED`], `value` (i64) the suspended
    /// value or the entry's result. Resuming a coroutine that returned, or
    /// one that is running, is a program error (it traps).
    CoroResume {
        status: Local,
        value: Local,
        coro: Local,
        arg: Local,
    },
    /// Suspends the innermost running coroutine, handing `value` to its
    /// resumer; `dst` (i64) receives the argument of the next resume.
    /// Outside any coroutine it traps.
    CoroSuspend {
        dst: Local,
        value: Local,
    },
    /// Releases a coroutine that returned, or that will never be resumed
    /// again, so that its stack, buffer or frames can be reused.
    CoroFree {
        coro: Local,
    },
}

/// [`Inst::CoroResume`] status: the coroutine suspended.
pub const CORO_SUSPENDED: i32 = 0;
/// [`Inst::CoroResume`] status: the coroutine's entry returned.
pub const CORO_RETURNED: i32 = 1;

/// How a block ends.
#[derive(Clone, Debug, PartialEq)]
pub enum Terminator {
    Jump(BlockId),
    /// `if cond != 0 goto then_block else goto else_block`
    Branch {
        cond: Local,
        then_block: BlockId,
        else_block: BlockId,
    },
    /// `goto targets[index]`, or `default` when `index` is out of range.
    Switch {
        index: Local,
        targets: Vec<BlockId>,
        default: BlockId,
    },
    Return(Vec<Local>),
    /// A tail call (Wasm `return_call`): the callee's results are this
    /// function's results, and this frame is gone before the callee runs.
    TailCall {
        func: FuncId,
        args: Vec<Local>,
    },
    /// A tail call through the table (Wasm `return_call_indirect`).
    TailCallIndirect {
        sig: Signature,
        index: Local,
        args: Vec<Local>,
    },
    /// Traps if reached.
    Unreachable,
}

impl Terminator {
    /// The blocks this terminator may transfer control to, in order, with
    /// duplicates removed.
    pub fn successors(&self) -> Vec<BlockId> {
        let mut out: Vec<BlockId> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut push = |b: BlockId| {
            if seen.insert(b) {
                out.push(b);
            }
        };
        match self {
            Terminator::Jump(b) => push(*b),
            Terminator::Branch {
                then_block,
                else_block,
                ..
            } => {
                push(*then_block);
                push(*else_block);
            }
            Terminator::Switch {
                targets, default, ..
            } => {
                for t in targets {
                    push(*t);
                }
                push(*default);
            }
            Terminator::Return(_)
            | Terminator::TailCall { .. }
            | Terminator::TailCallIndirect { .. }
            | Terminator::Unreachable => {}
        }
        out
    }

    /// The locals this terminator reads.
    pub fn uses(&self) -> Vec<Local> {
        match self {
            Terminator::Jump(_) | Terminator::Unreachable => vec![],
            Terminator::Branch { cond, .. } => vec![*cond],
            Terminator::Switch { index, .. } => vec![*index],
            Terminator::Return(vals) => vals.clone(),
            Terminator::TailCall { args, .. } => args.clone(),
            Terminator::TailCallIndirect { index, args, .. } => {
                let mut v = args.clone();
                v.push(*index);
                v
            }
        }
    }
}

impl Inst {
    /// The locals this instruction writes.
    pub fn defs(&self) -> Vec<Local> {
        match self {
            Inst::Const { dst, .. }
            | Inst::Copy { dst, .. }
            | Inst::Unary { dst, .. }
            | Inst::Binary { dst, .. }
            | Inst::Select { dst, .. }
            | Inst::Load { dst, .. }
            | Inst::GlobalGet { dst, .. }
            | Inst::FuncAddr { dst, .. }
            | Inst::MemorySize { dst }
            | Inst::MemoryGrow { dst, .. }
            | Inst::CoroNew { dst, .. }
            | Inst::CoroSuspend { dst, .. } => vec![*dst],
            Inst::CoroResume { status, value, .. } => vec![*status, *value],
            Inst::Call { dsts, .. } | Inst::CallIndirect { dsts, .. } => dsts.clone(),
            Inst::Store { .. }
            | Inst::GlobalSet { .. }
            | Inst::MemoryCopy { .. }
            | Inst::MemoryFill { .. }
            | Inst::CoroFree { .. } => vec![],
        }
    }

    /// Whether this is one of the coroutine instructions.
    pub fn is_coroutine_op(&self) -> bool {
        matches!(
            self,
            Inst::CoroNew { .. }
                | Inst::CoroResume { .. }
                | Inst::CoroSuspend { .. }
                | Inst::CoroFree { .. }
        )
    }

    /// The locals this instruction reads, in operand order.
    pub fn uses(&self) -> Vec<Local> {
        match self {
            Inst::Const { .. }
            | Inst::GlobalGet { .. }
            | Inst::FuncAddr { .. }
            | Inst::MemorySize { .. } => vec![],
            Inst::Copy { src, .. } => vec![*src],
            Inst::Unary { arg, .. } => vec![*arg],
            Inst::Binary { lhs, rhs, .. } => vec![*lhs, *rhs],
            Inst::Select {
                cond,
                if_true,
                if_false,
                ..
            } => vec![*cond, *if_true, *if_false],
            Inst::Load { addr, .. } => vec![*addr],
            Inst::Store { addr, value, .. } => vec![*addr, *value],
            Inst::GlobalSet { value, .. } => vec![*value],
            Inst::Call { args, .. } => args.clone(),
            Inst::CallIndirect { index, args, .. } => {
                let mut v = args.clone();
                v.push(*index);
                v
            }
            Inst::MemoryGrow { pages, .. } => vec![*pages],
            Inst::MemoryCopy {
                dst_addr,
                src_addr,
                len,
            } => vec![*dst_addr, *src_addr, *len],
            Inst::MemoryFill { addr, byte, len } => vec![*addr, *byte, *len],
            Inst::CoroNew { entry, .. } => vec![*entry],
            Inst::CoroResume { coro, arg, .. } => vec![*coro, *arg],
            Inst::CoroSuspend { value, .. } => vec![*value],
            Inst::CoroFree { coro } => vec![*coro],
        }
    }
}

impl Body {
    pub fn local_type(&self, l: Local) -> Option<Type> {
        self.locals.get(l.index()).map(|d| d.ty)
    }

    pub fn block(&self, b: BlockId) -> Option<&Block> {
        self.blocks.get(b.index())
    }

    /// Predecessor lists, indexed by block.
    pub fn predecessors(&self) -> Vec<Vec<BlockId>> {
        let mut preds = vec![Vec::new(); self.blocks.len()];
        for (i, block) in self.blocks.iter().enumerate() {
            if let Some(term) = &block.term {
                for s in term.successors() {
                    if let Some(p) = preds.get_mut(s.index()) {
                        p.push(BlockId(i as u32));
                    }
                }
            }
        }
        preds
    }
}

impl Module {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn func(&self, id: FuncId) -> Option<&Func> {
        self.funcs.get(id.index())
    }

    /// Finds a function by name.
    pub fn func_by_name(&self, name: &str) -> Option<FuncId> {
        self.funcs
            .iter()
            .position(|f| f.name == name)
            .map(|i| FuncId(i as u32))
    }

    /// Declares an imported function.
    pub fn import_func(
        &mut self,
        module: impl Into<String>,
        name: impl Into<String>,
        sig: Signature,
    ) -> FuncId {
        let name = name.into();
        let module = module.into();
        self.funcs.push(Func {
            name: format!("{module}.{name}"),
            sig,
            kind: FuncKind::Import { module, name },
            export: None,
            coroutine_entry: false,
        });
        FuncId(self.funcs.len() as u32 - 1)
    }

    /// Declares a function to be defined later (so that functions can call
    /// each other before either has a body). Define it with
    /// [`crate::FunctionBuilder::new`].
    pub fn declare_func(&mut self, name: impl Into<String>, sig: Signature) -> FuncId {
        self.funcs.push(Func {
            name: name.into(),
            sig,
            kind: FuncKind::Defined(None),
            export: None,
            coroutine_entry: false,
        });
        FuncId(self.funcs.len() as u32 - 1)
    }

    /// Marks a function as a coroutine entry (see [`Func::coroutine_entry`]).
    pub fn mark_coroutine_entry(&mut self, func: FuncId) {
        if let Some(f) = self.funcs.get_mut(func.index()) {
            f.coroutine_entry = true;
        }
    }

    /// Whether any function body contains a coroutine instruction.
    pub fn uses_coroutines(&self) -> bool {
        self.defined_funcs().any(|(_, _, body)| {
            body.blocks
                .iter()
                .any(|b| b.insts.iter().any(Inst::is_coroutine_op))
        })
    }

    /// Exports a function under `name`.
    pub fn export_func(&mut self, func: FuncId, name: impl Into<String>) {
        if let Some(f) = self.funcs.get_mut(func.index()) {
            f.export = Some(name.into());
        }
    }

    pub fn add_global(
        &mut self,
        name: impl Into<String>,
        ty: Type,
        mutable: bool,
        init: Const,
    ) -> GlobalId {
        self.globals.push(Global {
            name: name.into(),
            ty,
            mutable,
            init,
            export: None,
        });
        GlobalId(self.globals.len() as u32 - 1)
    }

    /// The table slot of `func`, adding it to the table if needed.
    pub fn table_slot(&mut self, func: FuncId) -> u32 {
        if let Some(i) = self.table.iter().position(|f| *f == func) {
            return i as u32;
        }
        self.table.push(func);
        self.table.len() as u32 - 1
    }

    /// Adds an active data segment at `offset`.
    pub fn add_data(&mut self, offset: u32, bytes: Vec<u8>) {
        self.data.push(DataSegment { offset, bytes });
    }

    /// Iterates over defined functions with bodies.
    pub fn defined_funcs(&self) -> impl Iterator<Item = (FuncId, &Func, &Body)> {
        self.funcs
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.body().map(|b| (FuncId(i as u32), f, b)))
    }
}
