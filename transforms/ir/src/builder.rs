//! A builder for function bodies.
//!
//! Low level: create blocks, point the builder at one, append instructions,
//! end it with a terminator. High level: expression helpers that allocate a
//! fresh local for their result (`let s = b.bin(BinOp::I32Add, x, y)`), and
//! structured helpers (`if_else`, `loop_`) that create and wire blocks.
//!
//! The builder never panics on misuse that the verifier can report instead:
//! appending after a terminator starts a fresh (unreachable) block, and a
//! block left without a terminator is reported by [`crate::verify`].
//!
//! ```
//! use switchyard_ir::*;
//! let mut m = Module::new();
//! let f = m.declare_func("max", Signature::new([Type::I32, Type::I32], [Type::I32]));
//! let mut b = FunctionBuilder::new(&mut m, f);
//! let (x, y) = (b.param(0), b.param(1));
//! let gt = b.bin(BinOp::I32GtS, x, y);
//! let r = b.local(Type::I32);
//! b.if_else(gt, |b| b.copy(r, x), |b| b.copy(r, y));
//! b.ret(&[r]);
//! b.finish();
//! assert!(verify(&m).is_ok());
//! ```

use crate::module::*;
use crate::ops::{BinOp, LoadKind, StoreKind, UnOp};
use crate::types::{Const, Signature, Type};

/// Builds the body of one declared function of a module.
pub struct FunctionBuilder<'m> {
    module: &'m mut Module,
    func: FuncId,
    body: Body,
    current: BlockId,
    loops: Vec<LoopTargets>,
}

/// Where `break` and `continue` go inside a loop built with [`FunctionBuilder::loop_`].
#[derive(Clone, Copy, Debug)]
pub struct LoopTargets {
    /// The loop header: jumping here starts the next iteration.
    pub continue_to: BlockId,
    /// The block after the loop.
    pub break_to: BlockId,
}

impl<'m> FunctionBuilder<'m> {
    /// Starts building the body of `func`, which must have been declared with
    /// [`Module::declare_func`]. The parameters become locals `%0..%n`, and
    /// an entry block is created and selected.
    pub fn new(module: &'m mut Module, func: FuncId) -> Self {
        let params = module
            .func(func)
            .map(|f| f.sig.params.clone())
            .unwrap_or_default();
        let mut body = Body::default();
        for ty in params {
            body.locals.push(LocalDecl {
                ty,
                name: None,
                heap_ref: false,
            });
        }
        body.blocks.push(Block::default());
        body.entry = BlockId(0);
        FunctionBuilder {
            module,
            func,
            body,
            current: BlockId(0),
            loops: Vec::new(),
        }
    }

    /// The module, e.g. to declare more functions or globals while building.
    pub fn module(&mut self) -> &mut Module {
        self.module
    }

    /// The module, read-only.
    pub fn module_ref(&self) -> &Module {
        self.module
    }

    /// The function being built.
    pub fn func_id(&self) -> FuncId {
        self.func
    }

    /// Parameter `i` as a local.
    pub fn param(&self, i: usize) -> Local {
        Local(i as u32)
    }

    /// Names a local (for the printer and the Wasm name section).
    pub fn set_local_name(&mut self, l: Local, name: impl Into<String>) {
        if let Some(d) = self.body.locals.get_mut(l.index()) {
            d.name = Some(name.into());
        }
    }

    /// Marks a local as possibly holding a heap reference (a GC root).
    pub fn set_heap_ref(&mut self, l: Local, heap_ref: bool) {
        if let Some(d) = self.body.locals.get_mut(l.index()) {
            d.heap_ref = heap_ref;
        }
    }

    /// A fresh local of type `ty`.
    pub fn local(&mut self, ty: Type) -> Local {
        self.body.locals.push(LocalDecl {
            ty,
            name: None,
            heap_ref: false,
        });
        Local(self.body.locals.len() as u32 - 1)
    }

    /// A fresh named local.
    pub fn named_local(&mut self, ty: Type, name: impl Into<String>) -> Local {
        let l = self.local(ty);
        self.set_local_name(l, name);
        l
    }

    pub fn local_type(&self, l: Local) -> Type {
        self.body.local_type(l).unwrap_or(Type::I32)
    }

    /// A new empty block (not selected).
    pub fn new_block(&mut self) -> BlockId {
        self.body.blocks.push(Block::default());
        BlockId(self.body.blocks.len() as u32 - 1)
    }

    /// A new empty block with a label for the printer.
    pub fn new_labeled_block(&mut self, label: impl Into<String>) -> BlockId {
        let b = self.new_block();
        self.body.blocks[b.index()].label = Some(label.into());
        b
    }

    /// Selects the block that following instructions are appended to.
    pub fn switch_to(&mut self, block: BlockId) {
        self.current = block;
    }

    pub fn current_block(&self) -> BlockId {
        self.current
    }

    /// Whether the current block already has its terminator (code appended
    /// now would be unreachable).
    pub fn is_terminated(&self) -> bool {
        self.body
            .blocks
            .get(self.current.index())
            .is_none_or(|b| b.term.is_some())
    }

    /// Appends an instruction to the current block.
    pub fn push(&mut self, inst: Inst) {
        if self.is_terminated() {
            let fresh = self.new_block();
            self.current = fresh;
        }
        self.body.blocks[self.current.index()].insts.push(inst);
    }

    /// Ends the current block with `term`. If the block is already
    /// terminated this does nothing (the code would be unreachable).
    pub fn terminate(&mut self, term: Terminator) {
        if let Some(block) = self.body.blocks.get_mut(self.current.index()) {
            if block.term.is_none() {
                block.term = Some(term);
            }
        }
    }

    // ---- terminators -------------------------------------------------

    pub fn jump(&mut self, to: BlockId) {
        self.terminate(Terminator::Jump(to));
    }

    pub fn branch(&mut self, cond: Local, then_block: BlockId, else_block: BlockId) {
        self.terminate(Terminator::Branch {
            cond,
            then_block,
            else_block,
        });
    }

    pub fn switch(&mut self, index: Local, targets: Vec<BlockId>, default: BlockId) {
        self.terminate(Terminator::Switch {
            index,
            targets,
            default,
        });
    }

    pub fn ret(&mut self, values: &[Local]) {
        self.terminate(Terminator::Return(values.to_vec()));
    }

    pub fn tail_call(&mut self, func: FuncId, args: &[Local]) {
        self.terminate(Terminator::TailCall {
            func,
            args: args.to_vec(),
        });
    }

    pub fn tail_call_indirect(&mut self, sig: Signature, index: Local, args: &[Local]) {
        self.terminate(Terminator::TailCallIndirect {
            sig,
            index,
            args: args.to_vec(),
        });
    }

    pub fn unreachable(&mut self) {
        self.terminate(Terminator::Unreachable);
    }

    // ---- instructions ------------------------------------------------

    /// `dst = value`, into an existing local.
    pub fn set_const(&mut self, dst: Local, value: Const) {
        self.push(Inst::Const { dst, value });
    }

    /// A fresh local holding `value`.
    pub fn constant(&mut self, value: Const) -> Local {
        let dst = self.local(value.ty());
        self.set_const(dst, value);
        dst
    }

    pub fn i32_const(&mut self, v: i32) -> Local {
        self.constant(Const::I32(v))
    }

    pub fn i64_const(&mut self, v: i64) -> Local {
        self.constant(Const::I64(v))
    }

    pub fn f64_const(&mut self, v: f64) -> Local {
        self.constant(Const::f64(v))
    }

    /// `dst = src`
    pub fn copy(&mut self, dst: Local, src: Local) {
        self.push(Inst::Copy { dst, src });
    }

    /// `dst = op arg`, into an existing local.
    pub fn unary_into(&mut self, dst: Local, op: UnOp, arg: Local) {
        self.push(Inst::Unary { dst, op, arg });
    }

    /// A fresh local holding `op arg`.
    pub fn un(&mut self, op: UnOp, arg: Local) -> Local {
        let dst = self.local(op.result_type());
        self.unary_into(dst, op, arg);
        dst
    }

    /// `dst = op lhs, rhs`, into an existing local.
    pub fn binary_into(&mut self, dst: Local, op: BinOp, lhs: Local, rhs: Local) {
        self.push(Inst::Binary { dst, op, lhs, rhs });
    }

    /// A fresh local holding `op lhs, rhs`.
    pub fn bin(&mut self, op: BinOp, lhs: Local, rhs: Local) -> Local {
        let dst = self.local(op.result_type());
        self.binary_into(dst, op, lhs, rhs);
        dst
    }

    /// A fresh local holding `cond ? if_true : if_false`.
    pub fn select(&mut self, cond: Local, if_true: Local, if_false: Local) -> Local {
        let dst = self.local(self.local_type(if_true));
        self.push(Inst::Select {
            dst,
            cond,
            if_true,
            if_false,
        });
        dst
    }

    /// A fresh local loaded from `[addr + offset]`.
    pub fn load(&mut self, kind: LoadKind, addr: Local, offset: u32) -> Local {
        let dst = self.local(kind.result_type());
        self.load_into(dst, kind, addr, offset);
        dst
    }

    pub fn load_into(&mut self, dst: Local, kind: LoadKind, addr: Local, offset: u32) {
        self.push(Inst::Load {
            dst,
            kind,
            addr,
            offset,
        });
    }

    /// `[addr + offset] = value`
    pub fn store(&mut self, kind: StoreKind, addr: Local, offset: u32, value: Local) {
        self.push(Inst::Store {
            kind,
            addr,
            offset,
            value,
        });
    }

    pub fn global_get(&mut self, global: GlobalId) -> Local {
        let ty = self
            .module
            .globals
            .get(global.index())
            .map(|g| g.ty)
            .unwrap_or(Type::I32);
        let dst = self.local(ty);
        self.push(Inst::GlobalGet { dst, global });
        dst
    }

    pub fn global_get_into(&mut self, dst: Local, global: GlobalId) {
        self.push(Inst::GlobalGet { dst, global });
    }

    pub fn global_set(&mut self, global: GlobalId, value: Local) {
        self.push(Inst::GlobalSet { global, value });
    }

    /// Calls `func`; returns fresh locals holding its results.
    pub fn call(&mut self, func: FuncId, args: &[Local]) -> Vec<Local> {
        let results = self
            .module
            .func(func)
            .map(|f| f.sig.results.clone())
            .unwrap_or_default();
        let dsts: Vec<Local> = results.into_iter().map(|t| self.local(t)).collect();
        self.push(Inst::Call {
            dsts: dsts.clone(),
            func,
            args: args.to_vec(),
        });
        dsts
    }

    /// Calls a function with exactly one result and returns it. For a
    /// function without results, returns a fresh (unassigned) `i32` local,
    /// which the verifier will not complain about but is meaningless.
    pub fn call1(&mut self, func: FuncId, args: &[Local]) -> Local {
        let dsts = self.call(func, args);
        match dsts.first() {
            Some(d) => *d,
            None => self.local(Type::I32),
        }
    }

    /// Calls `func` with results written into existing locals.
    pub fn call_into(&mut self, dsts: &[Local], func: FuncId, args: &[Local]) {
        self.push(Inst::Call {
            dsts: dsts.to_vec(),
            func,
            args: args.to_vec(),
        });
    }

    /// Calls through the table; returns fresh locals holding the results.
    pub fn call_indirect(&mut self, sig: &Signature, index: Local, args: &[Local]) -> Vec<Local> {
        let dsts: Vec<Local> = sig.results.iter().map(|t| self.local(*t)).collect();
        self.push(Inst::CallIndirect {
            dsts: dsts.clone(),
            sig: sig.clone(),
            index,
            args: args.to_vec(),
        });
        dsts
    }

    /// A fresh `i32` local holding `func`'s table slot (adding it to the table).
    pub fn func_addr(&mut self, func: FuncId) -> Local {
        self.module.table_slot(func);
        let dst = self.local(Type::I32);
        self.push(Inst::FuncAddr { dst, func });
        dst
    }

    pub fn memory_size(&mut self) -> Local {
        let dst = self.local(Type::I32);
        self.push(Inst::MemorySize { dst });
        dst
    }

    pub fn memory_grow(&mut self, pages: Local) -> Local {
        let dst = self.local(Type::I32);
        self.push(Inst::MemoryGrow { dst, pages });
        dst
    }

    pub fn memory_copy(&mut self, dst_addr: Local, src_addr: Local, len: Local) {
        self.push(Inst::MemoryCopy {
            dst_addr,
            src_addr,
            len,
        });
    }

    pub fn memory_fill(&mut self, addr: Local, byte: Local, len: Local) {
        self.push(Inst::MemoryFill { addr, byte, len });
    }

    // ---- coroutines ------------------------------------------------------

    /// A fresh `i32` handle of a new coroutine that will run the function in
    /// table slot `entry` (see [`Inst::CoroNew`]).
    pub fn coro_new(&mut self, entry: Local) -> Local {
        let dst = self.local(Type::I32);
        self.push(Inst::CoroNew { dst, entry });
        dst
    }

    /// Resumes `coro` with `arg`; returns fresh `(status: i32, value: i64)`.
    pub fn coro_resume(&mut self, coro: Local, arg: Local) -> (Local, Local) {
        let status = self.local(Type::I32);
        let value = self.local(Type::I64);
        self.push(Inst::CoroResume {
            status,
            value,
            coro,
            arg,
        });
        (status, value)
    }

    /// Suspends with `value`; returns a fresh `i64` with the next resume's argument.
    pub fn coro_suspend(&mut self, value: Local) -> Local {
        let dst = self.local(Type::I64);
        self.push(Inst::CoroSuspend { dst, value });
        dst
    }

    pub fn coro_free(&mut self, coro: Local) {
        self.push(Inst::CoroFree { coro });
    }

    // ---- structured control flow ---------------------------------------

    /// `if cond { then }`; continues in the join block.
    pub fn if_then(&mut self, cond: Local, then: impl FnOnce(&mut Self)) {
        let then_block = self.new_block();
        let join = self.new_block();
        self.branch(cond, then_block, join);
        self.switch_to(then_block);
        then(self);
        self.jump(join);
        self.switch_to(join);
    }

    /// `if cond { then } else { otherwise }`; continues in the join block.
    pub fn if_else(
        &mut self,
        cond: Local,
        then: impl FnOnce(&mut Self),
        otherwise: impl FnOnce(&mut Self),
    ) {
        let then_block = self.new_block();
        let else_block = self.new_block();
        let join = self.new_block();
        self.branch(cond, then_block, else_block);
        self.switch_to(then_block);
        then(self);
        self.jump(join);
        self.switch_to(else_block);
        otherwise(self);
        self.jump(join);
        self.switch_to(join);
    }

    /// A loop. `body` runs with the loop's targets; falling off the end of
    /// `body` starts the next iteration, so leave with
    /// `b.jump(targets.break_to)`. Continues after the loop.
    pub fn loop_(&mut self, body: impl FnOnce(&mut Self, LoopTargets)) {
        let header = self.new_block();
        let exit = self.new_block();
        self.jump(header);
        self.switch_to(header);
        let targets = LoopTargets {
            continue_to: header,
            break_to: exit,
        };
        self.loops.push(targets);
        body(self, targets);
        self.loops.pop();
        self.jump(header);
        self.switch_to(exit);
    }

    /// `while cond() { body }`: `cond` computes an `i32` each iteration.
    pub fn while_(
        &mut self,
        cond: impl FnOnce(&mut Self) -> Local,
        body: impl FnOnce(&mut Self, LoopTargets),
    ) {
        self.loop_(|b, t| {
            let c = cond(b);
            let body_block = b.new_block();
            b.branch(c, body_block, t.break_to);
            b.switch_to(body_block);
            body(b, t);
        });
    }

    /// The innermost loop built with [`Self::loop_`] or [`Self::while_`], if any.
    pub fn innermost_loop(&self) -> Option<LoopTargets> {
        self.loops.last().copied()
    }

    /// Installs the body into the module and returns the function's id.
    ///
    /// Blocks that nothing jumps to and that were left open (the join block
    /// of an `if_else` whose branches both returned, say) are closed with
    /// `unreachable`; an open block that *is* reachable is left for the
    /// verifier to report.
    pub fn finish(self) -> FuncId {
        let FunctionBuilder {
            module,
            func,
            mut body,
            ..
        } = self;
        let preds = body.predecessors();
        for (i, block) in body.blocks.iter_mut().enumerate() {
            if block.term.is_none() && preds[i].is_empty() && BlockId(i as u32) != body.entry {
                block.term = Some(Terminator::Unreachable);
            }
        }
        if let Some(f) = module.funcs.get_mut(func.index()) {
            f.kind = FuncKind::Defined(Some(body));
        }
        func
    }

    /// The body built so far (for inspection in tests).
    pub fn body(&self) -> &Body {
        &self.body
    }
}
