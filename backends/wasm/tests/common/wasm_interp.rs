//! A small test-only interpreter for the Wasm binaries switchyard emits,
//! decoded with wasmparser. It supports exactly the instruction subset the
//! backend produces (all with empty block types) and shares operator
//! semantics with the IR interpreter (see `sem.rs`): numeric operators are
//! recognised by their wasmparser `Debug` name, which must equal the IR
//! operator's variant name, so a wrong instruction selection shows up as a
//! different result rather than being hidden by a shared mapping table.

use super::sem::*;
use std::collections::HashMap;
use std::sync::LazyLock;
use switchyard_ir::{BinOp, LoadKind, StoreKind, Type, UnOp};
use wasmparser::{
    BlockType, ConstExpr, DataKind, ElementItems, ElementKind, ExternalKind, Operator, Parser,
    Payload, TypeRef, ValType,
};

/// Decoded instructions.
#[derive(Clone, Debug, PartialEq)]
pub enum Ins {
    Block,
    Loop,
    If,
    Else,
    End,
    Br(u32),
    BrIf(u32),
    BrTable(Vec<u32>, u32),
    Return,
    Unreachable,
    Nop,
    Drop,
    Call(u32),
    CallIndirect(u32),
    ReturnCall(u32),
    ReturnCallIndirect(u32),
    LocalGet(u32),
    LocalSet(u32),
    LocalTee(u32),
    GlobalGet(u32),
    GlobalSet(u32),
    Const(Val),
    Un(UnOp),
    Bin(BinOp),
    Select,
    Load(LoadKind, u32),
    Store(StoreKind, u32),
    MemorySize,
    MemoryGrow,
    MemoryCopy,
    MemoryFill,
}

static UNOPS: LazyLock<HashMap<String, UnOp>> =
    LazyLock::new(|| UnOp::ALL.iter().map(|o| (format!("{o:?}"), *o)).collect());
static BINOPS: LazyLock<HashMap<String, BinOp>> =
    LazyLock::new(|| BinOp::ALL.iter().map(|o| (format!("{o:?}"), *o)).collect());

fn ty(v: ValType) -> Type {
    match v {
        ValType::I32 => Type::I32,
        ValType::I64 => Type::I64,
        ValType::F32 => Type::F32,
        ValType::F64 => Type::F64,
        other => panic!("unexpected value type {other:?}"),
    }
}

fn check_mem(m: &wasmparser::MemArg, natural: u32) -> Result<u32, String> {
    if m.memory != 0 {
        return Err("memory index".into());
    }
    if m.align as u32 != natural {
        return Err(format!(
            "alignment {} instead of the natural {natural}",
            m.align
        ));
    }
    Ok(m.offset as u32)
}

pub fn decode(op: &Operator<'_>) -> Result<Ins, String> {
    use Operator as O;
    let block = |bt: &BlockType| -> Result<(), String> {
        if *bt == BlockType::Empty {
            Ok(())
        } else {
            Err(format!("non-empty block type {bt:?}"))
        }
    };
    let load = |k: LoadKind, m: &wasmparser::MemArg| {
        Ok::<Ins, String>(Ins::Load(k, check_mem(m, k.align_log2())?))
    };
    let store = |k: StoreKind, m: &wasmparser::MemArg| {
        Ok::<Ins, String>(Ins::Store(k, check_mem(m, k.align_log2())?))
    };
    Ok(match op {
        O::Block { blockty } => {
            block(blockty)?;
            Ins::Block
        }
        O::Loop { blockty } => {
            block(blockty)?;
            Ins::Loop
        }
        O::If { blockty } => {
            block(blockty)?;
            Ins::If
        }
        O::Else => Ins::Else,
        O::End => Ins::End,
        O::Br { relative_depth } => Ins::Br(*relative_depth),
        O::BrIf { relative_depth } => Ins::BrIf(*relative_depth),
        O::BrTable { targets } => Ins::BrTable(
            targets
                .targets()
                .collect::<Result<Vec<u32>, _>>()
                .map_err(|e| e.to_string())?,
            targets.default(),
        ),
        O::Return => Ins::Return,
        O::Unreachable => Ins::Unreachable,
        O::Nop => Ins::Nop,
        O::Drop => Ins::Drop,
        O::Call { function_index } => Ins::Call(*function_index),
        O::CallIndirect {
            type_index,
            table_index: 0,
        } => Ins::CallIndirect(*type_index),
        O::ReturnCall { function_index } => Ins::ReturnCall(*function_index),
        O::ReturnCallIndirect {
            type_index,
            table_index: 0,
        } => Ins::ReturnCallIndirect(*type_index),
        O::LocalGet { local_index } => Ins::LocalGet(*local_index),
        O::LocalSet { local_index } => Ins::LocalSet(*local_index),
        O::LocalTee { local_index } => Ins::LocalTee(*local_index),
        O::GlobalGet { global_index } => Ins::GlobalGet(*global_index),
        O::GlobalSet { global_index } => Ins::GlobalSet(*global_index),
        O::I32Const { value } => Ins::Const(Val::I32(*value)),
        O::I64Const { value } => Ins::Const(Val::I64(*value)),
        O::F32Const { value } => Ins::Const(Val::F32(value.bits())),
        O::F64Const { value } => Ins::Const(Val::F64(value.bits())),
        O::Select => Ins::Select,
        O::I32Load { memarg } => load(LoadKind::I32, memarg)?,
        O::I64Load { memarg } => load(LoadKind::I64, memarg)?,
        O::F32Load { memarg } => load(LoadKind::F32, memarg)?,
        O::F64Load { memarg } => load(LoadKind::F64, memarg)?,
        O::I32Load8U { memarg } => load(LoadKind::I32U8, memarg)?,
        O::I32Load8S { memarg } => load(LoadKind::I32S8, memarg)?,
        O::I32Load16U { memarg } => load(LoadKind::I32U16, memarg)?,
        O::I32Load16S { memarg } => load(LoadKind::I32S16, memarg)?,
        O::I64Load32U { memarg } => load(LoadKind::I64U32, memarg)?,
        O::I32Store { memarg } => store(StoreKind::I32, memarg)?,
        O::I64Store { memarg } => store(StoreKind::I64, memarg)?,
        O::F32Store { memarg } => store(StoreKind::F32, memarg)?,
        O::F64Store { memarg } => store(StoreKind::F64, memarg)?,
        O::I32Store8 { memarg } => store(StoreKind::I32As8, memarg)?,
        O::I32Store16 { memarg } => store(StoreKind::I32As16, memarg)?,
        O::I64Store32 { memarg } => store(StoreKind::I64As32, memarg)?,
        O::MemorySize { mem: 0 } => Ins::MemorySize,
        O::MemoryGrow { mem: 0 } => Ins::MemoryGrow,
        O::MemoryCopy {
            dst_mem: 0,
            src_mem: 0,
        } => Ins::MemoryCopy,
        O::MemoryFill { mem: 0 } => Ins::MemoryFill,
        other => {
            let name = format!("{other:?}");
            if let Some(u) = UNOPS.get(&name) {
                Ins::Un(*u)
            } else if let Some(b) = BINOPS.get(&name) {
                Ins::Bin(*b)
            } else {
                return Err(format!("unsupported operator {name}"));
            }
        }
    })
}

pub enum WFunc {
    Import {
        module: String,
        name: String,
        ty: u32,
    },
    Defined {
        ty: u32,
        locals: Vec<Type>,
        code: Vec<Ins>,
        /// For each opener, its `end`; for each `else`, the `end` of its `if`.
        end: Vec<usize>,
        /// For each `if`, its `else` (or `usize::MAX`).
        els: Vec<usize>,
    },
}

pub struct WasmModule {
    pub types: Vec<(Vec<Type>, Vec<Type>)>,
    pub funcs: Vec<WFunc>,
    pub global_inits: Vec<Val>,
    pub mem_min: u32,
    pub mem_max: Option<u32>,
    pub data: Vec<(u32, Vec<u8>)>,
    pub table: Vec<u32>,
    pub exports: HashMap<String, u32>,
    pub start: Option<u32>,
}

fn const_val(e: &ConstExpr<'_>) -> Result<Val, String> {
    let mut r = e.get_operators_reader();
    let op = r.read().map_err(|e| e.to_string())?;
    match decode(&op)? {
        Ins::Const(v) => Ok(v),
        other => Err(format!("unsupported constant expression {other:?}")),
    }
}

impl WasmModule {
    pub fn parse(bytes: &[u8]) -> Result<WasmModule, String> {
        let err = |e: wasmparser::BinaryReaderError| e.to_string();
        let mut m = WasmModule {
            types: vec![],
            funcs: vec![],
            global_inits: vec![],
            mem_min: 0,
            mem_max: None,
            data: vec![],
            table: vec![],
            exports: HashMap::new(),
            start: None,
        };
        let mut defined_types: Vec<u32> = vec![];
        let mut next_body = 0usize;
        for payload in Parser::new(0).parse_all(bytes) {
            match payload.map_err(err)? {
                Payload::TypeSection(r) => {
                    for ft in r.into_iter_err_on_gc_types() {
                        let ft = ft.map_err(err)?;
                        m.types.push((
                            ft.params().iter().map(|v| ty(*v)).collect(),
                            ft.results().iter().map(|v| ty(*v)).collect(),
                        ));
                    }
                }
                Payload::ImportSection(r) => {
                    for imp in r.into_imports() {
                        let imp = imp.map_err(err)?;
                        match imp.ty {
                            TypeRef::Func(t) => m.funcs.push(WFunc::Import {
                                module: imp.module.to_string(),
                                name: imp.name.to_string(),
                                ty: t,
                            }),
                            other => return Err(format!("unsupported import {other:?}")),
                        }
                    }
                }
                Payload::FunctionSection(r) => {
                    for t in r {
                        defined_types.push(t.map_err(err)?);
                    }
                }
                Payload::MemorySection(r) => {
                    for mt in r {
                        let mt = mt.map_err(err)?;
                        m.mem_min = mt.initial as u32;
                        m.mem_max = mt.maximum.map(|x| x as u32);
                    }
                }
                Payload::GlobalSection(r) => {
                    for g in r {
                        m.global_inits.push(const_val(&g.map_err(err)?.init_expr)?);
                    }
                }
                Payload::ExportSection(r) => {
                    for e in r {
                        let e = e.map_err(err)?;
                        if e.kind == ExternalKind::Func {
                            m.exports.insert(e.name.to_string(), e.index);
                        }
                    }
                }
                Payload::StartSection { func, .. } => m.start = Some(func),
                Payload::ElementSection(r) => {
                    for e in r {
                        let e = e.map_err(err)?;
                        let ElementKind::Active { offset_expr, .. } = e.kind else {
                            return Err("non-active element segment".into());
                        };
                        let off = const_val(&offset_expr)?.i32()? as usize;
                        let ElementItems::Functions(fs) = e.items else {
                            return Err("expression element segment".into());
                        };
                        for (i, f) in fs.into_iter().enumerate() {
                            let f = f.map_err(err)?;
                            if m.table.len() <= off + i {
                                m.table.resize(off + i + 1, u32::MAX);
                            }
                            m.table[off + i] = f;
                        }
                    }
                }
                Payload::DataSection(r) => {
                    for d in r {
                        let d = d.map_err(err)?;
                        let DataKind::Active { offset_expr, .. } = d.kind else {
                            return Err("passive data".into());
                        };
                        let off = const_val(&offset_expr)?.i32()? as u32;
                        m.data.push((off, d.data.to_vec()));
                    }
                }
                Payload::CodeSectionEntry(body) => {
                    let ty = *defined_types.get(next_body).ok_or("too many bodies")?;
                    next_body += 1;
                    let mut locals: Vec<Type> = m.types[ty as usize].0.clone();
                    for l in body.get_locals_reader().map_err(err)? {
                        let (n, t) = l.map_err(err)?;
                        for _ in 0..n {
                            locals.push(ty_of(t));
                        }
                    }
                    let mut code = vec![];
                    for op in body.get_operators_reader().map_err(err)? {
                        code.push(decode(&op.map_err(err)?)?);
                    }
                    let (end, els) = match_blocks(&code)?;
                    m.funcs.push(WFunc::Defined {
                        ty,
                        locals,
                        code,
                        end,
                        els,
                    });
                }
                _ => {}
            }
        }
        Ok(m)
    }

    pub fn func_type(&self, f: u32) -> &(Vec<Type>, Vec<Type>) {
        let t = match &self.funcs[f as usize] {
            WFunc::Import { ty, .. } | WFunc::Defined { ty, .. } => *ty,
        };
        &self.types[t as usize]
    }
}

fn ty_of(v: ValType) -> Type {
    ty(v)
}

fn match_blocks(code: &[Ins]) -> Result<(Vec<usize>, Vec<usize>), String> {
    let mut end = vec![usize::MAX; code.len()];
    let mut els = vec![usize::MAX; code.len()];
    let mut open: Vec<usize> = vec![];
    for (i, ins) in code.iter().enumerate() {
        match ins {
            Ins::Block | Ins::Loop | Ins::If => open.push(i),
            Ins::Else => {
                let o = *open.last().ok_or("else outside if")?;
                els[o] = i;
            }
            Ins::End => {
                if let Some(o) = open.pop() {
                    end[o] = i;
                    if els[o] != usize::MAX {
                        end[els[o]] = i;
                    }
                }
                // The function's own final `end` matches nothing.
            }
            _ => {}
        }
    }
    if !open.is_empty() {
        return Err("unbalanced".into());
    }
    Ok((end, els))
}

/// A running instance.
pub struct Instance<'w> {
    pub w: &'w WasmModule,
    pub globals: Vec<Val>,
    pub mem: Memory,
    pub host: Host,
    pub fuel: u64,
    depth: usize,
}

enum Outcome {
    Return(Vec<Val>),
    Tail(u32, Vec<Val>),
}

struct Ctl {
    is_loop: bool,
    start: usize,
    end: usize,
    height: usize,
}

impl<'w> Instance<'w> {
    pub fn new(w: &'w WasmModule) -> Result<Self, Trap> {
        let mut mem = Memory::new(w.mem_min, w.mem_max);
        for (off, bytes) in &w.data {
            let s = *off as usize;
            mem.bytes[s..s + bytes.len()].copy_from_slice(bytes);
        }
        let mut inst = Instance {
            w,
            globals: w.global_inits.clone(),
            mem,
            host: Host::default(),
            fuel: 5_000_000,
            depth: 0,
        };
        if let Some(s) = w.start {
            inst.call(s, vec![])?;
        }
        Ok(inst)
    }

    pub fn call_export(&mut self, name: &str, args: Vec<Val>) -> Result<Vec<Val>, Trap> {
        let f = *self
            .w
            .exports
            .get(name)
            .ok_or_else(|| format!("no export {name}"))?;
        self.call(f, args)
    }

    pub fn call(&mut self, f: u32, args: Vec<Val>) -> Result<Vec<Val>, Trap> {
        self.depth += 1;
        let r = if self.depth > MAX_CALL_DEPTH {
            Err("call stack exhausted".to_string())
        } else {
            self.call_inner(f, args)
        };
        self.depth -= 1;
        r
    }

    fn call_inner(&mut self, mut f: u32, mut args: Vec<Val>) -> Result<Vec<Val>, Trap> {
        loop {
            let outcome = match &self.w.funcs[f as usize] {
                WFunc::Import { module, name, ty } => {
                    let results = self.w.types[*ty as usize].1.clone();
                    return Ok(self.host.call(module, name, &args, &results));
                }
                WFunc::Defined {
                    ty,
                    locals,
                    code,
                    end,
                    els,
                } => {
                    let mut ls: Vec<Val> = locals.iter().map(|t| Val::zero(*t)).collect();
                    ls[..args.len()].copy_from_slice(&args);
                    let nres = self.w.types[*ty as usize].1.len();
                    self.run(code, end, els, ls, nres)?
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

    fn resolve_indirect(&self, type_index: u32, slot: Val) -> Result<u32, Trap> {
        let i = slot.i32()? as u32 as usize;
        let f = *self.w.table.get(i).ok_or("undefined element")?;
        if self.w.func_type(f) != &self.w.types[type_index as usize] {
            return Err("indirect call type mismatch".into());
        }
        Ok(f)
    }

    fn run(
        &mut self,
        code: &[Ins],
        end: &[usize],
        els: &[usize],
        mut locals: Vec<Val>,
        nres: usize,
    ) -> Result<Outcome, Trap> {
        let mut stack: Vec<Val> = vec![];
        let mut ctl: Vec<Ctl> = vec![];
        let mut pc = 0usize;
        let pop = |stack: &mut Vec<Val>| stack.pop().ok_or_else(|| "stack underflow".to_string());
        let pop_n = |stack: &mut Vec<Val>, n: usize| -> Result<Vec<Val>, Trap> {
            if stack.len() < n {
                return Err("stack underflow".into());
            }
            Ok(stack.split_off(stack.len() - n))
        };
        loop {
            if self.fuel == 0 {
                return Err("out of fuel".into());
            }
            self.fuel -= 1;
            let ins = code.get(pc).ok_or("ran off the code")?;
            let mut branch: Option<u32> = None;
            pc += 1;
            match ins {
                Ins::Block | Ins::Loop => ctl.push(Ctl {
                    is_loop: *ins == Ins::Loop,
                    start: pc - 1,
                    end: end[pc - 1],
                    height: stack.len(),
                }),
                Ins::If => {
                    let c = pop(&mut stack)?.i32()?;
                    let at = pc - 1;
                    if c != 0 {
                        ctl.push(Ctl {
                            is_loop: false,
                            start: at,
                            end: end[at],
                            height: stack.len(),
                        });
                    } else if els[at] != usize::MAX {
                        ctl.push(Ctl {
                            is_loop: false,
                            start: at,
                            end: end[at],
                            height: stack.len(),
                        });
                        pc = els[at] + 1;
                    } else {
                        pc = end[at] + 1;
                    }
                }
                // Falling off the then-arm: go to the `end`, which pops.
                Ins::Else => pc = end[pc - 1],
                Ins::End => {
                    if ctl.pop().is_none() {
                        // The function's final `end`.
                        return Ok(Outcome::Return(pop_n(&mut stack, nres)?));
                    }
                }
                Ins::Br(d) => branch = Some(*d),
                Ins::BrIf(d) => {
                    if pop(&mut stack)?.i32()? != 0 {
                        branch = Some(*d);
                    }
                }
                Ins::BrTable(ts, d) => {
                    let i = pop(&mut stack)?.i32()? as u32 as usize;
                    branch = Some(*ts.get(i).unwrap_or(d));
                }
                Ins::Return => return Ok(Outcome::Return(pop_n(&mut stack, nres)?)),
                Ins::Unreachable => return Err("unreachable".into()),
                Ins::Nop => {}
                Ins::Drop => {
                    pop(&mut stack)?;
                }
                Ins::Call(f) => {
                    let n = self.w.func_type(*f).0.len();
                    let args = pop_n(&mut stack, n)?;
                    let r = self.call(*f, args)?;
                    stack.extend(r);
                }
                Ins::CallIndirect(t) => {
                    let slot = pop(&mut stack)?;
                    let f = self.resolve_indirect(*t, slot)?;
                    let n = self.w.types[*t as usize].0.len();
                    let args = pop_n(&mut stack, n)?;
                    let r = self.call(f, args)?;
                    stack.extend(r);
                }
                Ins::ReturnCall(f) => {
                    let n = self.w.func_type(*f).0.len();
                    let args = pop_n(&mut stack, n)?;
                    return Ok(Outcome::Tail(*f, args));
                }
                Ins::ReturnCallIndirect(t) => {
                    let slot = pop(&mut stack)?;
                    let f = self.resolve_indirect(*t, slot)?;
                    let n = self.w.types[*t as usize].0.len();
                    let args = pop_n(&mut stack, n)?;
                    return Ok(Outcome::Tail(f, args));
                }
                Ins::LocalGet(l) => stack.push(locals[*l as usize]),
                Ins::LocalSet(l) => locals[*l as usize] = pop(&mut stack)?,
                Ins::LocalTee(l) => locals[*l as usize] = *stack.last().ok_or("stack underflow")?,
                Ins::GlobalGet(g) => stack.push(self.globals[*g as usize]),
                Ins::GlobalSet(g) => self.globals[*g as usize] = pop(&mut stack)?,
                Ins::Const(v) => stack.push(*v),
                Ins::Un(op) => {
                    let a = pop(&mut stack)?;
                    stack.push(eval_unop(*op, a)?);
                }
                Ins::Bin(op) => {
                    let b = pop(&mut stack)?;
                    let a = pop(&mut stack)?;
                    stack.push(eval_binop(*op, a, b)?);
                }
                Ins::Select => {
                    let c = pop(&mut stack)?.i32()?;
                    let b = pop(&mut stack)?;
                    let a = pop(&mut stack)?;
                    stack.push(if c != 0 { a } else { b });
                }
                Ins::Load(k, off) => {
                    let a = pop(&mut stack)?.i32()?;
                    stack.push(self.mem.load(*k, a, *off)?);
                }
                Ins::Store(k, off) => {
                    let v = pop(&mut stack)?;
                    let a = pop(&mut stack)?.i32()?;
                    self.mem.store(*k, a, *off, v)?;
                }
                Ins::MemorySize => stack.push(Val::I32(self.mem.pages() as i32)),
                Ins::MemoryGrow => {
                    let d = pop(&mut stack)?.i32()?;
                    stack.push(Val::I32(self.mem.grow(d)));
                }
                Ins::MemoryCopy => {
                    let n = pop(&mut stack)?.i32()?;
                    let s = pop(&mut stack)?.i32()?;
                    let d = pop(&mut stack)?.i32()?;
                    self.mem.copy(d, s, n)?;
                }
                Ins::MemoryFill => {
                    let n = pop(&mut stack)?.i32()?;
                    let v = pop(&mut stack)?.i32()?;
                    let d = pop(&mut stack)?.i32()?;
                    self.mem.fill(d, v, n)?;
                }
            }
            if let Some(d) = branch {
                let d = d as usize;
                if d >= ctl.len() {
                    // A branch to the function's outermost label returns.
                    return Ok(Outcome::Return(pop_n(&mut stack, nres)?));
                }
                let target = ctl.len() - 1 - d;
                let c = &ctl[target];
                stack.truncate(c.height);
                if c.is_loop {
                    pc = c.start + 1;
                    ctl.truncate(target + 1);
                } else {
                    pc = c.end + 1;
                    ctl.truncate(target);
                }
            }
        }
    }
}
