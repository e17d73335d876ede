//! The textual form of the IR (`switchyard compile --emit ir`).
//!
//! ```text
//! global $heap_top: mut i32 = i32.const 65536
//! func $max(%0: i32, %1: i32) -> (i32) {
//!   local %2: i32
//!   local %3: i32 "r"
//! bb0:
//!   %2 = i32.gt_s %0, %1
//!   br %2, bb1, bb2
//! bb1:
//!   ...
//! }
//! ```

use crate::module::*;
use std::fmt::{self, Write};

/// Prints a whole module.
pub fn print_module(m: &Module) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_module(&mut out, m);
    out
}

/// Prints one function of a module.
pub fn print_function(m: &Module, f: FuncId) -> String {
    let mut out = String::new();
    if let Some(func) = m.func(f) {
        let _ = write_func(&mut out, m, func);
    }
    out
}

fn write_module(out: &mut String, m: &Module) -> fmt::Result {
    let mem = &m.memory;
    write!(out, "memory {} pages", mem.min_pages)?;
    if let Some(max) = mem.max_pages {
        write!(out, " (max {max})")?;
    }
    if let Some(e) = &mem.export {
        write!(out, " export \"{e}\"")?;
    }
    writeln!(out)?;
    for g in &m.globals {
        write!(
            out,
            "global ${}: {}{} = {}",
            g.name,
            if g.mutable { "mut " } else { "" },
            g.ty,
            g.init
        )?;
        if let Some(e) = &g.export {
            write!(out, " export \"{e}\"")?;
        }
        writeln!(out)?;
    }
    for d in &m.data {
        writeln!(out, "data @{} [{} bytes]", d.offset, d.bytes.len())?;
    }
    if !m.table.is_empty() {
        write!(out, "table [")?;
        for (i, f) in m.table.iter().enumerate() {
            if i > 0 {
                write!(out, ", ")?;
            }
            write!(out, "${}", func_name(m, *f))?;
        }
        writeln!(out, "]")?;
    }
    if let Some(s) = m.start {
        writeln!(out, "start ${}", func_name(m, s))?;
    }
    for f in &m.funcs {
        writeln!(out)?;
        write_func(out, m, f)?;
    }
    Ok(())
}

fn func_name(m: &Module, f: FuncId) -> String {
    m.func(f)
        .map(|f| f.name.clone())
        .unwrap_or_else(|| format!("<invalid {f}>"))
}

fn write_func(out: &mut String, m: &Module, f: &Func) -> fmt::Result {
    match &f.kind {
        FuncKind::Import { module, name } => {
            writeln!(
                out,
                "import \"{module}\" \"{name}\" func ${} {}",
                f.name, f.sig
            )
        }
        FuncKind::Defined(None) => writeln!(out, "declare func ${} {}", f.name, f.sig),
        FuncKind::Defined(Some(body)) => {
            write!(out, "func ${}(", f.name)?;
            for (i, ty) in f.sig.params.iter().enumerate() {
                if i > 0 {
                    write!(out, ", ")?;
                }
                write!(out, "%{i}: {ty}")?;
                write_local_attrs(out, body, Local(i as u32))?;
            }
            write!(out, ") -> (")?;
            for (i, ty) in f.sig.results.iter().enumerate() {
                if i > 0 {
                    write!(out, ", ")?;
                }
                write!(out, "{ty}")?;
            }
            write!(out, ")")?;
            if f.coroutine_entry {
                write!(out, " coroutine_entry")?;
            }
            if let Some(e) = &f.export {
                write!(out, " export \"{e}\"")?;
            }
            writeln!(out, " {{")?;
            for i in f.sig.params.len()..body.locals.len() {
                write!(out, "  local %{i}: {}", body.locals[i].ty)?;
                write_local_attrs(out, body, Local(i as u32))?;
                writeln!(out)?;
            }
            for (i, block) in body.blocks.iter().enumerate() {
                write!(out, "bb{i}")?;
                if let Some(l) = &block.label {
                    write!(out, ".{l}")?;
                }
                if BlockId(i as u32) == body.entry {
                    write!(out, " (entry)")?;
                }
                writeln!(out, ":")?;
                for inst in &block.insts {
                    write!(out, "  ")?;
                    write_inst(out, m, inst)?;
                    writeln!(out)?;
                }
                write!(out, "  ")?;
                match &block.term {
                    Some(t) => write_term(out, m, t)?,
                    None => write!(out, "<no terminator>")?,
                }
                writeln!(out)?;
            }
            writeln!(out, "}}")
        }
    }
}

fn write_local_attrs(out: &mut String, body: &Body, l: Local) -> fmt::Result {
    if let Some(d) = body.locals.get(l.index()) {
        if let Some(n) = &d.name {
            write!(out, " \"{n}\"")?;
        }
        if d.heap_ref {
            write!(out, " heapref")?;
        }
    }
    Ok(())
}

fn list(locals: &[Local]) -> String {
    locals
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn dsts_prefix(dsts: &[Local]) -> String {
    if dsts.is_empty() {
        String::new()
    } else {
        format!("{} = ", list(dsts))
    }
}

fn write_inst(out: &mut String, m: &Module, inst: &Inst) -> fmt::Result {
    match inst {
        Inst::Const { dst, value } => write!(out, "{dst} = {value}"),
        Inst::Copy { dst, src } => write!(out, "{dst} = {src}"),
        Inst::Unary { dst, op, arg } => write!(out, "{dst} = {op} {arg}"),
        Inst::Binary { dst, op, lhs, rhs } => write!(out, "{dst} = {op} {lhs}, {rhs}"),
        Inst::Select {
            dst,
            cond,
            if_true,
            if_false,
        } => write!(out, "{dst} = select {cond}, {if_true}, {if_false}"),
        Inst::Load {
            dst,
            kind,
            addr,
            offset,
        } => write!(out, "{dst} = {kind} [{addr} + {offset}]"),
        Inst::Store {
            kind,
            addr,
            offset,
            value,
        } => write!(out, "{kind} [{addr} + {offset}], {value}"),
        Inst::GlobalGet { dst, global } => {
            let name = m
                .globals
                .get(global.index())
                .map(|g| g.name.as_str())
                .unwrap_or("<invalid>");
            write!(out, "{dst} = global.get ${name}")
        }
        Inst::GlobalSet { global, value } => {
            let name = m
                .globals
                .get(global.index())
                .map(|g| g.name.as_str())
                .unwrap_or("<invalid>");
            write!(out, "global.set ${name}, {value}")
        }
        Inst::Call { dsts, func, args } => write!(
            out,
            "{}call ${}({})",
            dsts_prefix(dsts),
            func_name(m, *func),
            list(args)
        ),
        Inst::CallIndirect {
            dsts,
            sig,
            index,
            args,
        } => write!(
            out,
            "{}call_indirect {sig} [{index}]({})",
            dsts_prefix(dsts),
            list(args)
        ),
        Inst::FuncAddr { dst, func } => write!(out, "{dst} = func.addr ${}", func_name(m, *func)),
        Inst::MemorySize { dst } => write!(out, "{dst} = memory.size"),
        Inst::MemoryGrow { dst, pages } => write!(out, "{dst} = memory.grow {pages}"),
        Inst::MemoryCopy {
            dst_addr,
            src_addr,
            len,
        } => write!(out, "memory.copy {dst_addr}, {src_addr}, {len}"),
        Inst::MemoryFill { addr, byte, len } => write!(out, "memory.fill {addr}, {byte}, {len}"),
        Inst::CoroNew { dst, entry } => write!(out, "{dst} = coro.new [{entry}]"),
        Inst::CoroResume {
            status,
            value,
            coro,
            arg,
        } => write!(out, "{status}, {value} = coro.resume {coro}, {arg}"),
        Inst::CoroSuspend { dst, value } => write!(out, "{dst} = coro.suspend {value}"),
        Inst::CoroFree { coro } => write!(out, "coro.free {coro}"),
    }
}

fn write_term(out: &mut String, m: &Module, t: &Terminator) -> fmt::Result {
    match t {
        Terminator::Jump(b) => write!(out, "jump {b}"),
        Terminator::Branch {
            cond,
            then_block,
            else_block,
        } => write!(out, "br {cond}, {then_block}, {else_block}"),
        Terminator::Switch {
            index,
            targets,
            default,
        } => {
            let ts = targets
                .iter()
                .map(|b| b.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            write!(out, "switch {index}, [{ts}], default {default}")
        }
        Terminator::Return(vals) => {
            if vals.is_empty() {
                write!(out, "return")
            } else {
                write!(out, "return {}", list(vals))
            }
        }
        Terminator::TailCall { func, args } => {
            write!(out, "return_call ${}({})", func_name(m, *func), list(args))
        }
        Terminator::TailCallIndirect { sig, index, args } => {
            write!(out, "return_call_indirect {sig} [{index}]({})", list(args))
        }
        Terminator::Unreachable => write!(out, "unreachable"),
    }
}
