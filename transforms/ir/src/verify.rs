//! The verifier: checks that a module is well formed before anything lowers
//! it, and reports the first problem in each function as an error naming the
//! function and block. Everything downstream (the strategy transforms, the
//! backend) may assume a verified module.
//!
//! Checked: every referenced function, global, block and local exists; every
//! block has a terminator; operand and result types match each operator,
//! call signature and return type; calls pass the right number of
//! arguments; `FuncAddr` targets are in the table; data segments fit the
//! memory's declared minimum; names are unique. Not checked: that a local is
//! assigned before it is read (Wasm zero-initialises locals, so this is
//! well defined), nor that the CFG is reducible (the backend reports that).

use crate::module::*;
use crate::types::{Signature, Type};
use std::collections::HashSet;
use std::fmt;

/// A verification failure: where, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// The function's name (empty for module-level problems).
    pub function: String,
    /// The block, when the problem is inside one.
    pub block: Option<BlockId>,
    pub message: String,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.function.is_empty(), &self.block) {
            (true, _) => write!(f, "invalid IR: {}", self.message),
            (false, None) => write!(
                f,
                "invalid IR in function `{}`: {}",
                self.function, self.message
            ),
            (false, Some(b)) => write!(
                f,
                "invalid IR in function `{}`, block {}: {}",
                self.function, b, self.message
            ),
        }
    }
}

impl std::error::Error for VerifyError {}

/// Verifies the whole module; returns every function's first error.
pub fn verify(m: &Module) -> Result<(), Vec<VerifyError>> {
    let mut errors = Vec::new();
    verify_module_level(m, &mut errors);
    for (i, f) in m.funcs.iter().enumerate() {
        if let Err(e) = verify_func(m, FuncId(i as u32)) {
            errors.push(e);
        }
        let _ = f;
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn module_err(message: String) -> VerifyError {
    VerifyError {
        function: String::new(),
        block: None,
        message,
    }
}

fn verify_module_level(m: &Module, errors: &mut Vec<VerifyError>) {
    let mut names = HashSet::new();
    for f in &m.funcs {
        if !names.insert(f.name.as_str()) {
            errors.push(module_err(format!("duplicate function name `{}`", f.name)));
        }
    }
    let mut exports = HashSet::new();
    for e in m
        .funcs
        .iter()
        .filter_map(|f| f.export.as_deref())
        .chain(m.globals.iter().filter_map(|g| g.export.as_deref()))
        .chain(m.memory.export.as_deref())
    {
        if !exports.insert(e) {
            errors.push(module_err(format!("duplicate export name `{e}`")));
        }
    }
    let mut gnames = HashSet::new();
    for g in &m.globals {
        if !gnames.insert(g.name.as_str()) {
            errors.push(module_err(format!("duplicate global name `{}`", g.name)));
        }
        if g.init.ty() != g.ty {
            errors.push(module_err(format!(
                "global `{}` has type {} but its initialiser is {}",
                g.name,
                g.ty,
                g.init.ty()
            )));
        }
    }
    for (i, f) in m.table.iter().enumerate() {
        if m.func(*f).is_none() {
            errors.push(module_err(format!(
                "table slot {i} names missing function {f}"
            )));
        }
    }
    if let Some(max) = m.memory.max_pages {
        if max < m.memory.min_pages {
            errors.push(module_err("memory maximum is below its minimum".into()));
        }
    }
    let mem_bytes = m.memory.min_pages as u64 * 65536;
    for d in &m.data {
        if d.offset as u64 + d.bytes.len() as u64 > mem_bytes {
            errors.push(module_err(format!(
                "data segment at {} ({} bytes) does not fit in the memory's {} initial pages",
                d.offset,
                d.bytes.len(),
                m.memory.min_pages
            )));
        }
    }
    if let Some(s) = m.start {
        match m.func(s) {
            None => errors.push(module_err(format!("start function {s} does not exist"))),
            Some(f) if !f.sig.params.is_empty() || !f.sig.results.is_empty() => {
                errors.push(module_err(format!(
                    "start function `{}` must have type () -> ()",
                    f.name
                )))
            }
            _ => {}
        }
    }
}

/// Verifies one function.
pub fn verify_func(m: &Module, id: FuncId) -> Result<(), VerifyError> {
    let Some(f) = m.func(id) else {
        return Err(module_err(format!("function {id} does not exist")));
    };
    let body = match &f.kind {
        FuncKind::Import { .. } => return Ok(()),
        FuncKind::Defined(None) => {
            return Err(VerifyError {
                function: f.name.clone(),
                block: None,
                message: "declared but never defined".into(),
            })
        }
        FuncKind::Defined(Some(body)) => body,
    };
    if f.coroutine_entry && (f.sig.params != [Type::I64] || f.sig.results != [Type::I64]) {
        return Err(VerifyError {
            function: f.name.clone(),
            block: None,
            message: format!(
                "a coroutine entry must have type (i64) -> (i64), not {}",
                f.sig
            ),
        });
    }
    let cx = Checker { m, f, body };
    cx.check()
}

struct Checker<'a> {
    m: &'a Module,
    f: &'a Func,
    body: &'a Body,
}

impl Checker<'_> {
    fn err(&self, block: Option<BlockId>, message: String) -> VerifyError {
        VerifyError {
            function: self.f.name.clone(),
            block,
            message,
        }
    }

    fn check(&self) -> Result<(), VerifyError> {
        let params = &self.f.sig.params;
        if self.body.locals.len() < params.len() {
            return Err(self.err(None, "fewer locals than parameters".into()));
        }
        for (i, p) in params.iter().enumerate() {
            if self.body.locals[i].ty != *p {
                return Err(self.err(
                    None,
                    format!(
                        "parameter %{i} is declared {} but the signature says {p}",
                        self.body.locals[i].ty
                    ),
                ));
            }
        }
        if self.body.blocks.is_empty() {
            return Err(self.err(None, "function has no blocks".into()));
        }
        if self.body.entry.index() >= self.body.blocks.len() {
            return Err(self.err(
                None,
                format!("entry block {} does not exist", self.body.entry),
            ));
        }
        for (i, block) in self.body.blocks.iter().enumerate() {
            let bid = BlockId(i as u32);
            for (n, inst) in block.insts.iter().enumerate() {
                self.check_inst(inst)
                    .map_err(|msg| self.err(Some(bid), format!("instruction {n}: {msg}")))?;
            }
            match &block.term {
                None => return Err(self.err(Some(bid), "block has no terminator".into())),
                Some(t) => self
                    .check_term(t)
                    .map_err(|msg| self.err(Some(bid), format!("terminator: {msg}")))?,
            }
        }
        Ok(())
    }

    fn ty(&self, l: Local) -> Result<Type, String> {
        self.body
            .local_type(l)
            .ok_or_else(|| format!("local {l} does not exist"))
    }

    fn expect(&self, l: Local, ty: Type, what: &str) -> Result<(), String> {
        let actual = self.ty(l)?;
        if actual != ty {
            return Err(format!("{what} {l} has type {actual}, expected {ty}"));
        }
        Ok(())
    }

    fn check_args(&self, args: &[Local], sig: &Signature, callee: &str) -> Result<(), String> {
        if args.len() != sig.params.len() {
            return Err(format!(
                "call to {callee} passes {} arguments, expected {}",
                args.len(),
                sig.params.len()
            ));
        }
        for (a, p) in args.iter().zip(&sig.params) {
            self.expect(*a, *p, "argument")?;
        }
        Ok(())
    }

    fn check_dsts(&self, dsts: &[Local], sig: &Signature, callee: &str) -> Result<(), String> {
        for (i, d) in dsts.iter().enumerate() {
            if dsts[..i].contains(d) {
                return Err(format!("call to {callee} names result local {d} twice"));
            }
        }
        if dsts.len() != sig.results.len() {
            return Err(format!(
                "call to {callee} receives {} results, expected {}",
                dsts.len(),
                sig.results.len()
            ));
        }
        for (d, r) in dsts.iter().zip(&sig.results) {
            self.expect(*d, *r, "result")?;
        }
        Ok(())
    }

    fn callee(&self, func: FuncId) -> Result<&Func, String> {
        self.m
            .func(func)
            .ok_or_else(|| format!("called function {func} does not exist"))
    }

    fn check_inst(&self, inst: &Inst) -> Result<(), String> {
        match inst {
            Inst::Const { dst, value } => self.expect(*dst, value.ty(), "destination"),
            Inst::Copy { dst, src } => {
                let t = self.ty(*src)?;
                self.expect(*dst, t, "destination")
            }
            Inst::Unary { dst, op, arg } => {
                self.expect(*arg, op.operand_types()[0], &format!("{op} operand"))?;
                self.expect(*dst, op.result_type(), &format!("{op} destination"))
            }
            Inst::Binary { dst, op, lhs, rhs } => {
                let ts = op.operand_types();
                self.expect(*lhs, ts[0], &format!("{op} left operand"))?;
                self.expect(*rhs, ts[1], &format!("{op} right operand"))?;
                self.expect(*dst, op.result_type(), &format!("{op} destination"))
            }
            Inst::Select {
                dst,
                cond,
                if_true,
                if_false,
            } => {
                self.expect(*cond, Type::I32, "select condition")?;
                let t = self.ty(*if_true)?;
                self.expect(*if_false, t, "select operand")?;
                self.expect(*dst, t, "select destination")
            }
            Inst::Load {
                dst, kind, addr, ..
            } => {
                self.expect(*addr, Type::I32, "address")?;
                self.expect(*dst, kind.result_type(), &format!("{kind} destination"))
            }
            Inst::Store {
                kind, addr, value, ..
            } => {
                self.expect(*addr, Type::I32, "address")?;
                self.expect(*value, kind.value_type(), &format!("{kind} value"))
            }
            Inst::GlobalGet { dst, global } => {
                let g = self
                    .m
                    .globals
                    .get(global.index())
                    .ok_or_else(|| format!("global {global} does not exist"))?;
                self.expect(*dst, g.ty, "destination")
            }
            Inst::GlobalSet { global, value } => {
                let g = self
                    .m
                    .globals
                    .get(global.index())
                    .ok_or_else(|| format!("global {global} does not exist"))?;
                if !g.mutable {
                    return Err(format!("global `{}` is immutable", g.name));
                }
                self.expect(*value, g.ty, "value")
            }
            Inst::Call { dsts, func, args } => {
                let callee = self.callee(*func)?;
                let name = format!("`{}`", callee.name);
                self.check_args(args, &callee.sig, &name)?;
                self.check_dsts(dsts, &callee.sig, &name)
            }
            Inst::CallIndirect {
                dsts,
                sig,
                index,
                args,
            } => {
                self.expect(*index, Type::I32, "table index")?;
                self.check_args(args, sig, "call_indirect")?;
                self.check_dsts(dsts, sig, "call_indirect")
            }
            Inst::FuncAddr { dst, func } => {
                let callee = self.callee(*func)?;
                if !self.m.table.contains(func) {
                    return Err(format!("function `{}` is not in the table", callee.name));
                }
                self.expect(*dst, Type::I32, "destination")
            }
            Inst::MemorySize { dst } => self.expect(*dst, Type::I32, "destination"),
            Inst::MemoryGrow { dst, pages } => {
                self.expect(*pages, Type::I32, "page count")?;
                self.expect(*dst, Type::I32, "destination")
            }
            Inst::MemoryCopy {
                dst_addr,
                src_addr,
                len,
            } => {
                self.expect(*dst_addr, Type::I32, "destination address")?;
                self.expect(*src_addr, Type::I32, "source address")?;
                self.expect(*len, Type::I32, "length")
            }
            Inst::MemoryFill { addr, byte, len } => {
                self.expect(*addr, Type::I32, "address")?;
                self.expect(*byte, Type::I32, "fill byte")?;
                self.expect(*len, Type::I32, "length")
            }
            Inst::CoroNew { dst, entry } => {
                self.expect(*entry, Type::I32, "coroutine entry slot")?;
                self.expect(*dst, Type::I32, "coroutine handle")
            }
            Inst::CoroResume {
                status,
                value,
                coro,
                arg,
            } => {
                if status == value {
                    return Err(format!("coro.resume writes {status} twice"));
                }
                self.expect(*coro, Type::I32, "coroutine handle")?;
                self.expect(*arg, Type::I64, "resume argument")?;
                self.expect(*status, Type::I32, "resume status")?;
                self.expect(*value, Type::I64, "resume value")
            }
            Inst::CoroSuspend { dst, value } => {
                self.expect(*value, Type::I64, "suspended value")?;
                self.expect(*dst, Type::I64, "resumed value")
            }
            Inst::CoroFree { coro } => self.expect(*coro, Type::I32, "coroutine handle"),
        }
    }

    fn block_exists(&self, b: BlockId) -> Result<(), String> {
        if b.index() < self.body.blocks.len() {
            Ok(())
        } else {
            Err(format!("target block {b} does not exist"))
        }
    }

    fn check_results(&self, callee_results: &[Type], what: &str) -> Result<(), String> {
        if callee_results != self.f.sig.results.as_slice() {
            return Err(format!(
                "{what} returns ({}) but this function returns ({})",
                callee_results
                    .iter()
                    .map(|t| t.name())
                    .collect::<Vec<_>>()
                    .join(", "),
                self.f
                    .sig
                    .results
                    .iter()
                    .map(|t| t.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        Ok(())
    }

    fn check_term(&self, t: &Terminator) -> Result<(), String> {
        match t {
            Terminator::Jump(b) => self.block_exists(*b),
            Terminator::Branch {
                cond,
                then_block,
                else_block,
            } => {
                self.expect(*cond, Type::I32, "branch condition")?;
                self.block_exists(*then_block)?;
                self.block_exists(*else_block)
            }
            Terminator::Switch {
                index,
                targets,
                default,
            } => {
                self.expect(*index, Type::I32, "switch index")?;
                for b in targets {
                    self.block_exists(*b)?;
                }
                self.block_exists(*default)
            }
            Terminator::Return(vals) => {
                let results = &self.f.sig.results;
                if vals.len() != results.len() {
                    return Err(format!(
                        "returns {} values, the signature has {}",
                        vals.len(),
                        results.len()
                    ));
                }
                for (v, r) in vals.iter().zip(results) {
                    self.expect(*v, *r, "returned value")?;
                }
                Ok(())
            }
            Terminator::TailCall { func, args } => {
                let callee = self.callee(*func)?;
                let name = format!("`{}`", callee.name);
                self.check_args(args, &callee.sig, &name)?;
                self.check_results(&callee.sig.results, &format!("tail-called {name}"))
            }
            Terminator::TailCallIndirect { sig, index, args } => {
                self.expect(*index, Type::I32, "table index")?;
                self.check_args(args, sig, "return_call_indirect")?;
                self.check_results(&sig.results, "tail-called signature")
            }
            Terminator::Unreachable => Ok(()),
        }
    }
}
