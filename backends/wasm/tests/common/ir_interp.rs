//! A test-only interpreter for IR modules. Defined functions run either
//! directly on their CFG (the reference semantics) or, for functions given a
//! [`Structured`] body, on the structured tree produced by the backend, so
//! the structurer can be checked independently of the Wasm encoding.

use super::sem::{eval_binop, eval_unop, Host, Memory, Trap, Val, MAX_CALL_DEPTH};
use std::collections::HashMap;
use std::rc::Rc;
use switchyard_ir::*;
use switchyard_wasm::{Label, Node, Structured};

pub struct Machine<'m> {
    pub m: &'m Module,
    pub globals: Vec<Val>,
    pub mem: Memory,
    pub host: Host,
    pub fuel: u64,
    depth: usize,
    /// Functions to run from their structured form instead of their CFG.
    pub structured: HashMap<FuncId, Rc<Structured>>,
}

enum Outcome {
    Return(Vec<Val>),
    Tail(FuncId, Vec<Val>),
}

impl<'m> Machine<'m> {
    /// Instantiates `m`: globals, memory, data segments, then the start function.
    pub fn new(m: &'m Module, structured: HashMap<FuncId, Rc<Structured>>) -> Result<Self, Trap> {
        let mut mem = Memory::new(m.memory.min_pages, m.memory.max_pages);
        for d in &m.data {
            let s = d.offset as usize;
            mem.bytes[s..s + d.bytes.len()].copy_from_slice(&d.bytes);
        }
        let mut machine = Machine {
            m,
            globals: m.globals.iter().map(|g| Val::from_const(g.init)).collect(),
            mem,
            host: Host::default(),
            fuel: 5_000_000,
            depth: 0,
            structured,
        };
        if let Some(s) = m.start {
            machine.call(s, vec![])?;
        }
        Ok(machine)
    }

    fn tick(&mut self) -> Result<(), Trap> {
        if self.fuel == 0 {
            return Err("out of fuel".into());
        }
        self.fuel -= 1;
        Ok(())
    }

    pub fn call_export(&mut self, name: &str, args: Vec<Val>) -> Result<Vec<Val>, Trap> {
        let f = self
            .m
            .funcs
            .iter()
            .position(|f| f.export.as_deref() == Some(name))
            .ok_or_else(|| format!("no export {name}"))?;
        self.call(FuncId(f as u32), args)
    }

    pub fn call(&mut self, f: FuncId, args: Vec<Val>) -> Result<Vec<Val>, Trap> {
        self.depth += 1;
        let r = if self.depth > MAX_CALL_DEPTH {
            Err("call stack exhausted".to_string())
        } else {
            self.call_inner(f, args)
        };
        self.depth -= 1;
        r
    }

    fn call_inner(&mut self, mut f: FuncId, mut args: Vec<Val>) -> Result<Vec<Val>, Trap> {
        loop {
            let func = self.m.func(f).ok_or("missing function")?;
            let outcome = match &func.kind {
                FuncKind::Import { module, name } => {
                    return Ok(self.host.call(module, name, &args, &func.sig.results));
                }
                FuncKind::Defined(None) => return Err("undefined function".into()),
                FuncKind::Defined(Some(body)) => {
                    let mut locals: Vec<Val> =
                        body.locals.iter().map(|d| Val::zero(d.ty)).collect();
                    locals[..args.len()].copy_from_slice(&args);
                    match self.structured.get(&f).cloned() {
                        Some(s) => self.run_structured(body, &s, &mut locals)?,
                        None => self.run_cfg(body, &mut locals)?,
                    }
                }
            };
            match outcome {
                Outcome::Return(v) => return Ok(v),
                Outcome::Tail(g, a) => {
                    f = g;
                    args = a;
                }
            }
        }
    }

    fn run_cfg(&mut self, body: &Body, locals: &mut [Val]) -> Result<Outcome, Trap> {
        let mut b = body.entry;
        loop {
            let block = &body.blocks[b.index()];
            for inst in &block.insts {
                self.exec(inst, locals)?;
            }
            self.tick()?;
            match block.term.as_ref().ok_or("no terminator")? {
                Terminator::Jump(t) => b = *t,
                Terminator::Branch {
                    cond,
                    then_block,
                    else_block,
                } => {
                    b = if locals[cond.index()].i32()? != 0 {
                        *then_block
                    } else {
                        *else_block
                    }
                }
                Terminator::Switch {
                    index,
                    targets,
                    default,
                } => {
                    let i = locals[index.index()].i32()? as u32 as usize;
                    b = *targets.get(i).unwrap_or(default);
                }
                t => return self.exit(t, locals),
            }
        }
    }

    fn exit(&mut self, t: &Terminator, locals: &[Val]) -> Result<Outcome, Trap> {
        let get = |ls: &[Local]| ls.iter().map(|l| locals[l.index()]).collect::<Vec<_>>();
        match t {
            Terminator::Return(vals) => Ok(Outcome::Return(get(vals))),
            Terminator::TailCall { func, args } => Ok(Outcome::Tail(*func, get(args))),
            Terminator::TailCallIndirect { sig, index, args } => {
                let f = self.resolve_indirect(sig, locals[index.index()])?;
                Ok(Outcome::Tail(f, get(args)))
            }
            Terminator::Unreachable => Err("unreachable".into()),
            _ => Err("not an exit".into()),
        }
    }

    fn resolve_indirect(&self, sig: &Signature, index: Val) -> Result<FuncId, Trap> {
        let i = index.i32()? as u32 as usize;
        let f = *self.m.table.get(i).ok_or("undefined element")?;
        if self.m.funcs[f.index()].sig != *sig {
            return Err("indirect call type mismatch".into());
        }
        Ok(f)
    }

    pub fn exec(&mut self, inst: &Inst, locals: &mut [Val]) -> Result<(), Trap> {
        self.tick()?;
        match inst {
            Inst::Const { dst, value } => locals[dst.index()] = Val::from_const(*value),
            Inst::Copy { dst, src } => locals[dst.index()] = locals[src.index()],
            Inst::Unary { dst, op, arg } => {
                locals[dst.index()] = eval_unop(*op, locals[arg.index()])?
            }
            Inst::Binary { dst, op, lhs, rhs } => {
                locals[dst.index()] = eval_binop(*op, locals[lhs.index()], locals[rhs.index()])?
            }
            Inst::Select {
                dst,
                cond,
                if_true,
                if_false,
            } => {
                locals[dst.index()] = if locals[cond.index()].i32()? != 0 {
                    locals[if_true.index()]
                } else {
                    locals[if_false.index()]
                }
            }
            Inst::Load {
                dst,
                kind,
                addr,
                offset,
            } => {
                locals[dst.index()] = self.mem.load(*kind, locals[addr.index()].i32()?, *offset)?
            }
            Inst::Store {
                kind,
                addr,
                offset,
                value,
            } => self.mem.store(
                *kind,
                locals[addr.index()].i32()?,
                *offset,
                locals[value.index()],
            )?,
            Inst::GlobalGet { dst, global } => locals[dst.index()] = self.globals[global.index()],
            Inst::GlobalSet { global, value } => {
                self.globals[global.index()] = locals[value.index()]
            }
            Inst::Call { dsts, func, args } => {
                let a = args.iter().map(|l| locals[l.index()]).collect();
                let r = self.call(*func, a)?;
                for (d, v) in dsts.iter().zip(r) {
                    locals[d.index()] = v;
                }
            }
            Inst::CallIndirect {
                dsts,
                sig,
                index,
                args,
            } => {
                let f = self.resolve_indirect(sig, locals[index.index()])?;
                let a = args.iter().map(|l| locals[l.index()]).collect();
                let r = self.call(f, a)?;
                for (d, v) in dsts.iter().zip(r) {
                    locals[d.index()] = v;
                }
            }
            Inst::FuncAddr { dst, func } => {
                let slot = self
                    .m
                    .table
                    .iter()
                    .position(|f| f == func)
                    .ok_or("not in table")?;
                locals[dst.index()] = Val::I32(slot as i32);
            }
            Inst::MemorySize { dst } => locals[dst.index()] = Val::I32(self.mem.pages() as i32),
            Inst::MemoryGrow { dst, pages } => {
                locals[dst.index()] = Val::I32(self.mem.grow(locals[pages.index()].i32()?))
            }
            Inst::MemoryCopy {
                dst_addr,
                src_addr,
                len,
            } => self.mem.copy(
                locals[dst_addr.index()].i32()?,
                locals[src_addr.index()].i32()?,
                locals[len.index()].i32()?,
            )?,
            Inst::MemoryFill { addr, byte, len } => self.mem.fill(
                locals[addr.index()].i32()?,
                locals[byte.index()].i32()?,
                locals[len.index()].i32()?,
            )?,
            Inst::CoroNew { .. }
            | Inst::CoroResume { .. }
            | Inst::CoroSuspend { .. }
            | Inst::CoroFree { .. } => {
                return Err("coroutine instructions are not interpreted".into())
            }
        }
        Ok(())
    }

    /// Runs a structured body: the control comes from `s`, the straight-line
    /// code and exits from the IR blocks it names.
    fn run_structured(
        &mut self,
        body: &Body,
        s: &Structured,
        locals: &mut [Val],
    ) -> Result<Outcome, Trap> {
        let m = s.matching();
        let mut else_of = vec![usize::MAX; s.nodes.len()];
        for (i, n) in s.nodes.iter().enumerate() {
            if *n == Node::Else {
                else_of[m[m[i]]] = i;
            }
        }
        // Open constructs: (label, opener index).
        let mut open: Vec<(Option<Label>, usize)> = Vec::new();
        let mut pc = 0usize;
        let truthy = |v: Val, negate: bool| -> Result<bool, Trap> { Ok((v.i32()? != 0) != negate) };
        loop {
            self.tick()?;
            let Some(node) = s.nodes.get(pc) else {
                return Err("fell off the end of a structured body".into());
            };
            let mut target: Option<Label> = None;
            match node {
                Node::Block(_) | Node::Loop(_) => {
                    open.push((node.label(), pc));
                    pc += 1;
                }
                Node::If { cond, negate } => {
                    if truthy(locals[cond.index()], *negate)? {
                        open.push((None, pc));
                        pc += 1;
                    } else if else_of[pc] != usize::MAX {
                        open.push((None, pc));
                        pc = else_of[pc] + 1;
                    } else {
                        pc = m[pc] + 1;
                    }
                }
                Node::Else => pc = m[pc],
                Node::End => {
                    open.pop().ok_or("unbalanced end")?;
                    pc += 1;
                }
                Node::Code(b) => {
                    for inst in &body.blocks[b.index()].insts {
                        self.exec(inst, locals)?;
                    }
                    pc += 1;
                }
                Node::Br(l) => target = Some(*l),
                Node::BrIf {
                    cond,
                    negate,
                    target: l,
                } => {
                    if truthy(locals[cond.index()], *negate)? {
                        target = Some(*l);
                    } else {
                        pc += 1;
                    }
                }
                Node::BrTable {
                    index,
                    targets,
                    default,
                } => {
                    let i = locals[index.index()].i32()? as u32 as usize;
                    target = Some(*targets.get(i).unwrap_or(default));
                }
                Node::Exit(b) => {
                    let t = body.blocks[b.index()]
                        .term
                        .as_ref()
                        .ok_or("no terminator")?;
                    return self.exit(t, locals);
                }
            }
            if let Some(l) = target {
                let p = open
                    .iter()
                    .rposition(|(x, _)| *x == Some(l))
                    .ok_or_else(|| format!("branch to {l}, which is not in scope"))?;
                let opener = open[p].1;
                match l {
                    Label::Loop(_) => {
                        open.truncate(p + 1);
                        pc = opener + 1;
                    }
                    Label::Block(_) => {
                        open.truncate(p);
                        pc = m[opener] + 1;
                    }
                }
            }
        }
    }
}
