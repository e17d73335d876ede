//! Step 3 of splitting a function: emit each piece as a Wasm function.
//!
//! Piece signatures (every piece returns the `i64` that ends up in the
//! resumer's hands, since pieces only tail-call one another):
//!
//! | piece | parameters |
//! |---|---|
//! | entry of a coroutine entry | the entry itself, `(i64)`: same function, same table slot |
//! | entry of another function `f` | `f`'s parameters (a new function `f$cps`) |
//! | resume after `coro.suspend` | `(i64)`: the resume argument, i.e. the suspend's result |
//! | resume after a call to `g` | `g`'s results |
//! | join | the locals live into the join block, in local order |
//!
//! A resume piece starts by popping its frame into its locals. Inside a
//! piece, blocks and instructions are copied with locals renamed; control
//! leaving the piece becomes a tail call:
//!
//! * to a join: `return_call join(live locals)`;
//! * at a split point: push the frame (live locals + the continuation
//!   piece's table slot), then either mark the coroutine suspended and
//!   `return` the suspended value, or `return_call` the callee's entry
//!   piece (`return_call_indirect` through the mirror table for an
//!   indirect call);
//! * `return vals` of a function other than a coroutine entry: read the
//!   continuation slot on top of the stack and `return_call_indirect` it
//!   with `vals`. A coroutine entry's `return` stays a plain `return`: its
//!   value goes back to the resumer.
//!
//! `coro.new`, `coro.resume`, `coro.free` become calls into the runtime
//! (here and in every other function that uses them).

use super::frames::FrameLayout;
use super::pieces::{partition, HeadKind, Partition};
use super::plan::Plan;
use super::split::{prepare, Prepared};
use crate::analysis::Liveness;
use std::collections::HashMap;
use switchyard_fibers::cps::CpsRuntime;
use switchyard_ir::{
    BinOp, BlockId, Body, Const, FuncId, FunctionBuilder, Inst, LoadKind, Local, LocalDecl, Module,
    Signature, StoreKind, Terminator, Type,
};

/// A suspendable function, analysed and with its pieces declared.
#[derive(Clone, Debug)]
pub struct SplitFunc {
    pub func: FuncId,
    pub coroutine_entry: bool,
    pub prepared: Prepared,
    pub live: Liveness,
    pub part: Partition,
    /// The function of each piece.
    pub piece_funcs: Vec<FuncId>,
    /// Per piece: the locals that arrive as parameters, in order.
    pub params: Vec<Vec<Local>>,
    /// Per resume piece: the layout of the frame it pops.
    pub frames: Vec<Option<FrameLayout>>,
    /// Locals that hold one constant wherever they are live (one
    /// definition, a `Const`, before every use): pieces rematerialise them
    /// instead of saving or passing them.
    pub remat: Vec<Option<Const>>,
}

/// Finds the rematerialisable locals of `body` (see [`SplitFunc::remat`]).
fn constant_locals(body: &Body, n_params: usize, live: &Liveness) -> Vec<Option<Const>> {
    let mut defs = vec![0u32; body.locals.len()];
    let mut value = vec![None; body.locals.len()];
    for block in &body.blocks {
        for inst in &block.insts {
            for d in inst.defs() {
                defs[d.index()] += 1;
            }
            if let Inst::Const { dst, value: v } = inst {
                value[dst.index()] = Some(*v);
            }
        }
    }
    let at_entry = &live.live_in[body.entry.index()];
    (0..body.locals.len())
        .map(|i| {
            let l = Local(i as u32);
            if i < n_params || defs[i] != 1 || at_entry.contains(l) {
                None
            } else {
                value[i]
            }
        })
        .collect()
}

/// A unique function name starting with `base`.
pub fn fresh_name(m: &Module, base: String) -> String {
    if m.func_by_name(&base).is_none() {
        return base;
    }
    (2..)
        .map(|i| format!("{base}{i}"))
        .find(|n| m.func_by_name(n).is_none())
        .unwrap_or(base)
}

/// The cps version of signature `sig`: same parameters, result `i64`.
pub fn cps_sig(params: &[Type]) -> Signature {
    Signature::new(params.to_vec(), [Type::I64])
}

/// Analyses suspendable function `f` and declares its pieces. The entry
/// piece of a coroutine entry is `f` itself; of any other function a new
/// function `f$cps`.
pub fn declare(m: &mut Module, plan: &Plan, f: FuncId) -> SplitFunc {
    let func = &m.funcs[f.index()];
    let coroutine_entry = func.coroutine_entry;
    let name = func.name.clone();
    let body = func.body().expect("suspendable functions are defined");
    let prepared = prepare(m, body, plan, coroutine_entry);
    let live = Liveness::compute(&prepared.body);
    let part = partition(&prepared);
    let pbody = &prepared.body;
    let remat = constant_locals(pbody, m.funcs[f.index()].sig.params.len(), &live);
    let not_remat = |l: &Local| remat[l.index()].is_none();
    let ty = |l: &Local| pbody.locals[l.index()].ty;
    let mut piece_funcs = Vec::new();
    let mut params = Vec::new();
    let mut frames = Vec::new();
    let (mut n_resume, mut n_join) = (0, 0);
    for (pi, (&head, kind)) in part.heads.iter().zip(&part.kinds).enumerate() {
        let (sig, ps, frame, piece_name) = match *kind {
            HeadKind::Entry => {
                let fsig = &m.funcs[f.index()].sig;
                let ps: Vec<Local> = (0..fsig.params.len() as u32).map(Local).collect();
                (cps_sig(&fsig.params), ps, None, format!("{name}$cps"))
            }
            HeadKind::Resume { split } => {
                let inst = prepared.split_inst(split).expect("split block");
                let dsts = inst.defs();
                let mut saved = live.live_in[head.index()].clone();
                for d in &dsts {
                    saved.remove(*d);
                }
                let saved: Vec<Local> = saved.iter().filter(not_remat).collect();
                let layout = FrameLayout::new(pbody, &saved);
                let types: Vec<Type> = dsts.iter().map(ty).collect();
                n_resume += 1;
                (
                    cps_sig(&types),
                    dsts,
                    Some(layout),
                    format!("{name}$resume{n_resume}"),
                )
            }
            HeadKind::Join => {
                let ps: Vec<Local> = live.live_in[head.index()]
                    .iter()
                    .filter(not_remat)
                    .collect();
                let types: Vec<Type> = ps.iter().map(ty).collect();
                n_join += 1;
                (cps_sig(&types), ps, None, format!("{name}$join{n_join}"))
            }
        };
        let id = if pi == 0 && coroutine_entry {
            f
        } else {
            let piece_name = fresh_name(m, piece_name);
            m.declare_func(piece_name, sig)
        };
        piece_funcs.push(id);
        params.push(ps);
        frames.push(frame);
    }
    SplitFunc {
        func: f,
        coroutine_entry,
        prepared,
        live,
        part,
        piece_funcs,
        params,
        frames,
        remat,
    }
}

/// Everything piece emission needs to know about the rest of the module.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub rt: &'a CpsRuntime,
    /// `first_piece[f]`: the cps entry piece of suspendable function `f`.
    pub first_piece: &'a HashMap<FuncId, FuncId>,
}

/// Emits the bodies of all pieces of `s`.
pub fn emit(m: &mut Module, cx: &Context, s: &SplitFunc) {
    for pi in 0..s.part.heads.len() {
        emit_piece(m, cx, s, pi);
    }
}

struct Emitter<'a, 'm> {
    b: FunctionBuilder<'m>,
    cx: &'a Context<'a>,
    s: &'a SplitFunc,
    pi: usize,
    map: Vec<Option<Local>>,
    blocks: HashMap<BlockId, BlockId>,
    stubs: HashMap<BlockId, BlockId>,
    results: Vec<Type>,
}

fn emit_piece(m: &mut Module, cx: &Context, s: &SplitFunc, pi: usize) {
    let results = m.funcs[s.func.index()].sig.results.clone();
    let b = FunctionBuilder::new(m, s.piece_funcs[pi]);
    let mut e = Emitter {
        b,
        cx,
        s,
        pi,
        map: vec![None; s.prepared.body.locals.len()],
        blocks: HashMap::new(),
        stubs: HashMap::new(),
        results,
    };
    for (j, &l) in s.params[pi].iter().enumerate() {
        e.map[l.index()] = Some(Local(j as u32));
        e.copy_decl(l, Local(j as u32));
    }
    // Prologue: a resume piece pops its frame.
    if let Some(frame) = &s.frames[pi] {
        let base = cx.rt.pop_frame(&mut e.b, frame.size);
        for &(l, off) in &frame.slots {
            let dst = e.local(l);
            let kind = LoadKind::for_type(s.prepared.body.locals[l.index()].ty);
            e.b.load_into(dst, kind, base, off);
        }
    }
    // Constants live into the piece are materialised again.
    let head_live = &s.live.live_in[s.part.heads[pi].index()];
    for l in head_live.iter() {
        if let Some(c) = s.remat[l.index()] {
            let dst = e.local(l);
            e.b.set_const(dst, c);
        }
    }
    for &blk in &s.part.blocks[pi] {
        let nb = match &s.prepared.body.blocks[blk.index()].label {
            Some(label) => e.b.new_labeled_block(label.clone()),
            None => e.b.new_block(),
        };
        e.blocks.insert(blk, nb);
    }
    let head = e.blocks[&s.part.heads[pi]];
    e.b.jump(head);
    for &blk in &s.part.blocks[pi] {
        e.b.switch_to(e.blocks[&blk]);
        e.block(blk);
    }
    e.b.finish();
}

impl Emitter<'_, '_> {
    fn copy_decl(&mut self, orig: Local, new: Local) {
        let d = &self.s.prepared.body.locals[orig.index()];
        if let Some(name) = &d.name {
            self.b.set_local_name(new, name.clone());
        }
        if d.heap_ref {
            self.b.set_heap_ref(new, true);
        }
    }

    /// The piece's local for original local `l`.
    fn local(&mut self, l: Local) -> Local {
        if let Some(x) = self.map[l.index()] {
            return x;
        }
        let ty = self.s.prepared.body.locals[l.index()].ty;
        let x = self.b.local(ty);
        self.copy_decl(l, x);
        self.map[l.index()] = Some(x);
        x
    }

    fn locals(&mut self, ls: &[Local]) -> Vec<Local> {
        ls.iter().map(|&l| self.local(l)).collect()
    }

    fn block(&mut self, blk: BlockId) {
        let s = self.s;
        let block = &s.prepared.body.blocks[blk.index()];
        let split = s.prepared.cont_of[blk.index()];
        let n = block.insts.len() - usize::from(split.is_some());
        for inst in &block.insts[..n] {
            self.inst(inst);
        }
        match split {
            Some(cont) => self.split(block.insts.last().expect("split point"), cont),
            None => {
                let term = block.term.clone().expect("verified body");
                self.term(&term);
            }
        }
    }

    fn inst(&mut self, inst: &Inst) {
        let rt = self.cx.rt;
        let mapped = map_inst(inst, |l| self.local(l));
        match mapped {
            Inst::CoroResume {
                status,
                value,
                coro,
                arg,
            } => {
                let b = &mut self.b;
                let insts = rt.resume_insts(&mut |ty| b.local(ty), [status, value, coro, arg]);
                for i in insts {
                    self.b.push(i);
                }
            }
            other => self.b.push(lower_coroutine_inst(rt, other)),
        }
    }

    /// Where a jump to `t` goes: a block of this piece, or a stub that
    /// tail-calls the join piece `t` heads.
    fn target(&mut self, t: BlockId) -> BlockId {
        let s = self.s;
        match s.part.head_piece[t.index()] {
            Some(hp) if hp != self.pi => {
                if let Some(&stub) = self.stubs.get(&t) {
                    return stub;
                }
                let here = self.b.current_block();
                let stub = self.b.new_block();
                self.b.switch_to(stub);
                let args = self.locals(&s.params[hp]);
                self.b.tail_call(s.piece_funcs[hp], &args);
                self.b.switch_to(here);
                self.stubs.insert(t, stub);
                stub
            }
            _ => self.blocks[&t],
        }
    }

    fn term(&mut self, term: &Terminator) {
        let plan = self.cx.plan;
        match term {
            Terminator::Jump(t) => {
                let t = self.target(*t);
                self.b.jump(t);
            }
            Terminator::Branch {
                cond,
                then_block,
                else_block,
            } => {
                let c = self.local(*cond);
                let (t, e) = (self.target(*then_block), self.target(*else_block));
                self.b.branch(c, t, e);
            }
            Terminator::Switch {
                index,
                targets,
                default,
            } => {
                let i = self.local(*index);
                let ts: Vec<BlockId> = targets.iter().map(|&t| self.target(t)).collect();
                let d = self.target(*default);
                self.b.switch(i, ts, d);
            }
            Terminator::Return(vals) => {
                let vals = self.locals(vals);
                self.ret(&vals);
            }
            Terminator::TailCall { func, args } => {
                let args = self.locals(args);
                if plan.suspends(*func) {
                    self.b.tail_call(self.cx.first_piece[func], &args);
                } else if self.s.coroutine_entry {
                    self.b.tail_call(*func, &args);
                } else {
                    let rs = self.b.call(*func, &args);
                    self.ret(&rs);
                }
            }
            Terminator::TailCallIndirect { sig, index, args } => {
                let args = self.locals(args);
                let index = self.local(*index);
                if plan.suspendable_sigs.contains(sig) {
                    let mirrored = self.mirror(index);
                    self.b
                        .tail_call_indirect(cps_sig(&sig.params), mirrored, &args);
                } else if self.s.coroutine_entry {
                    self.b.tail_call_indirect(sig.clone(), index, &args);
                } else {
                    let rs = self.b.call_indirect(sig, index, &args);
                    self.ret(&rs);
                }
            }
            Terminator::Unreachable => self.b.unreachable(),
        }
    }

    /// `return vals` of the original function.
    fn ret(&mut self, vals: &[Local]) {
        if self.s.coroutine_entry {
            self.b.ret(vals);
        } else {
            let k = self.cx.rt.top_slot(&mut self.b);
            let sig = cps_sig(&self.results);
            self.b.tail_call_indirect(sig, k, vals);
        }
    }

    /// The mirror-table slot of table slot `index`.
    fn mirror(&mut self, index: Local) -> Local {
        let off = self.b.i32_const(self.cx.plan.mirror_offset as i32);
        self.b.bin(BinOp::I32Add, index, off)
    }

    /// Leaves the piece at split point `inst`, to continue at `cont`.
    fn split(&mut self, inst: &Inst, cont: BlockId) {
        let s = self.s;
        let cx = self.cx;
        let cp = s.part.head_piece[cont.index()].expect("continuations are heads");
        let frame = s.frames[cp].as_ref().expect("resume pieces have frames");
        let (base, top) = cx.rt.push_frame(&mut self.b, frame.size);
        for &(l, off) in &frame.slots {
            let v = self.local(l);
            let kind = StoreKind::for_type(s.prepared.body.locals[l.index()].ty);
            self.b.store(kind, base, off, v);
        }
        let slot = self.b.func_addr(s.piece_funcs[cp]);
        self.b
            .store(StoreKind::I32, base, frame.slot_offset(), slot);
        match inst {
            Inst::CoroSuspend { value, .. } => {
                let v = self.local(*value);
                cx.rt.mark_suspended(&mut self.b, top);
                self.b.ret(&[v]);
            }
            Inst::Call { func, args, .. } => {
                let args = self.locals(args);
                self.b.tail_call(cx.first_piece[func], &args);
            }
            Inst::CallIndirect {
                sig, index, args, ..
            } => {
                let args = self.locals(args);
                let index = self.local(*index);
                let mirrored = self.mirror(index);
                self.b
                    .tail_call_indirect(cps_sig(&sig.params), mirrored, &args);
            }
            other => unreachable!("not a split point: {other:?}"),
        }
    }
}

/// `inst` with every local (read or written) renamed by `f`.
pub fn map_inst(inst: &Inst, mut f: impl FnMut(Local) -> Local) -> Inst {
    let mut v = |ls: &[Local]| ls.iter().map(|&l| f(l)).collect::<Vec<_>>();
    match inst.clone() {
        Inst::Const { dst, value } => Inst::Const {
            dst: v(&[dst])[0],
            value,
        },
        Inst::Copy { dst, src } => {
            let r = v(&[dst, src]);
            Inst::Copy {
                dst: r[0],
                src: r[1],
            }
        }
        Inst::Unary { dst, op, arg } => {
            let r = v(&[dst, arg]);
            Inst::Unary {
                dst: r[0],
                op,
                arg: r[1],
            }
        }
        Inst::Binary { dst, op, lhs, rhs } => {
            let r = v(&[dst, lhs, rhs]);
            Inst::Binary {
                dst: r[0],
                op,
                lhs: r[1],
                rhs: r[2],
            }
        }
        Inst::Select {
            dst,
            cond,
            if_true,
            if_false,
        } => {
            let r = v(&[dst, cond, if_true, if_false]);
            Inst::Select {
                dst: r[0],
                cond: r[1],
                if_true: r[2],
                if_false: r[3],
            }
        }
        Inst::Load {
            dst,
            kind,
            addr,
            offset,
        } => {
            let r = v(&[dst, addr]);
            Inst::Load {
                dst: r[0],
                kind,
                addr: r[1],
                offset,
            }
        }
        Inst::Store {
            kind,
            addr,
            offset,
            value,
        } => {
            let r = v(&[addr, value]);
            Inst::Store {
                kind,
                addr: r[0],
                offset,
                value: r[1],
            }
        }
        Inst::GlobalGet { dst, global } => Inst::GlobalGet {
            dst: v(&[dst])[0],
            global,
        },
        Inst::GlobalSet { global, value } => Inst::GlobalSet {
            global,
            value: v(&[value])[0],
        },
        Inst::Call { dsts, func, args } => Inst::Call {
            dsts: v(&dsts),
            func,
            args: v(&args),
        },
        Inst::CallIndirect {
            dsts,
            sig,
            index,
            args,
        } => Inst::CallIndirect {
            dsts: v(&dsts),
            sig,
            index: v(&[index])[0],
            args: v(&args),
        },
        Inst::FuncAddr { dst, func } => Inst::FuncAddr {
            dst: v(&[dst])[0],
            func,
        },
        Inst::MemorySize { dst } => Inst::MemorySize { dst: v(&[dst])[0] },
        Inst::MemoryGrow { dst, pages } => {
            let r = v(&[dst, pages]);
            Inst::MemoryGrow {
                dst: r[0],
                pages: r[1],
            }
        }
        Inst::MemoryCopy {
            dst_addr,
            src_addr,
            len,
        } => {
            let r = v(&[dst_addr, src_addr, len]);
            Inst::MemoryCopy {
                dst_addr: r[0],
                src_addr: r[1],
                len: r[2],
            }
        }
        Inst::MemoryFill { addr, byte, len } => {
            let r = v(&[addr, byte, len]);
            Inst::MemoryFill {
                addr: r[0],
                byte: r[1],
                len: r[2],
            }
        }
        Inst::CoroNew { dst, entry } => {
            let r = v(&[dst, entry]);
            Inst::CoroNew {
                dst: r[0],
                entry: r[1],
            }
        }
        Inst::CoroResume {
            status,
            value,
            coro,
            arg,
        } => {
            let r = v(&[status, value, coro, arg]);
            Inst::CoroResume {
                status: r[0],
                value: r[1],
                coro: r[2],
                arg: r[3],
            }
        }
        Inst::CoroSuspend { dst, value } => {
            let r = v(&[dst, value]);
            Inst::CoroSuspend {
                dst: r[0],
                value: r[1],
            }
        }
        Inst::CoroFree { coro } => Inst::CoroFree {
            coro: v(&[coro])[0],
        },
    }
}

/// `coro.new` and `coro.free` as calls into the runtime; other
/// instructions unchanged.
fn lower_coroutine_inst(rt: &CpsRuntime, inst: Inst) -> Inst {
    match inst {
        Inst::CoroNew { dst, entry } => Inst::Call {
            dsts: vec![dst],
            func: rt.new,
            args: vec![entry],
        },
        Inst::CoroFree { coro } => Inst::Call {
            dsts: vec![],
            func: rt.free,
            args: vec![coro],
        },
        other => other,
    }
}

/// Lowers `coro.new`, `coro.resume` and `coro.free` in a function that is
/// not split (in place: the CFG is unchanged).
pub fn lower_coroutine_calls(m: &mut Module, f: FuncId, rt: &CpsRuntime) {
    let Some(body) = m.funcs[f.index()].body_mut() else {
        return;
    };
    let locals = &mut body.locals;
    for block in &mut body.blocks {
        if !block.insts.iter().any(Inst::is_coroutine_op) {
            continue;
        }
        let old = std::mem::take(&mut block.insts);
        for inst in old {
            match inst {
                Inst::CoroResume {
                    status,
                    value,
                    coro,
                    arg,
                } => {
                    let mut fresh = |ty| {
                        locals.push(LocalDecl {
                            ty,
                            name: None,
                            heap_ref: false,
                        });
                        Local(locals.len() as u32 - 1)
                    };
                    block
                        .insts
                        .extend(rt.resume_insts(&mut fresh, [status, value, coro, arg]));
                }
                other => block.insts.push(lower_coroutine_inst(rt, other)),
            }
        }
    }
}
