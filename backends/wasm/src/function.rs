//! Lowering one structured function to Wasm instructions.
//!
//! The IR maps one-to-one onto Wasm: IR locals are Wasm locals (parameters
//! first, then the rest declared in runs of equal type), and every IR
//! instruction becomes `local.get` of its operands, exactly one Wasm
//! instruction, and `local.set` of its results (in reverse order for a call
//! with several results, since the last result is on top of the stack; a
//! local named twice among a call's results gets the later one, as in the
//! IR's in-order semantics).
//! Control comes from the [`Structured`] tree: branch targets are symbolic
//! [`Label`]s, resolved here to relative depths against the stack of open
//! constructs. Redundant `local.set`/`local.get` pairs are cleaned up
//! afterwards by [`crate::peephole`].

use crate::error::EmitError;
use crate::stack_switching::CoroCalls;
use crate::structure::{Label, Node, Structured};
use crate::types::{val_type, TypeTable};
use std::borrow::Cow;
use std::collections::HashMap;
use switchyard_ir::{
    BinOp, Body, Const, FuncId, Inst, LoadKind, Local, Module, StoreKind, Terminator, UnOp,
};
use wasm_encoder::{BlockType, Function, Ieee32, Ieee64, Instruction, MemArg};

/// Module-wide facts the lowering of a body needs.
pub struct ModuleContext<'a> {
    pub module: &'a Module,
    /// The Wasm function index of every IR function (imports come first in
    /// Wasm, while IR [`FuncId`]s may interleave them).
    pub func_index: &'a [u32],
    /// The table slot of every function in the table (its first slot).
    pub table_slot: &'a HashMap<FuncId, u32>,
    /// The stack-switching runtime's entry points, when coroutine
    /// instructions are emitted with stack switching (the wasmfx strategy);
    /// `None` makes them an [`EmitError::UnloweredCoroutine`].
    pub coro: Option<CoroCalls>,
}

/// A lowered body.
pub struct Lowered {
    pub instructions: Vec<Instruction<'static>>,
    /// The body uses `call_indirect` or `return_call_indirect`, so the module
    /// needs a table even if [`Module::table`] is empty.
    pub uses_table: bool,
}

fn internal(msg: String) -> EmitError {
    EmitError::InvalidOutput(msg)
}

/// Lowers `body` (of the function `name`, which returns `has_results`),
/// structured as `s`.
pub fn lower_body(
    cx: &ModuleContext<'_>,
    types: &mut TypeTable,
    name: &str,
    has_results: bool,
    body: &Body,
    s: &Structured,
) -> Result<Lowered, EmitError> {
    let mut l = Lowerer {
        cx,
        types,
        name,
        body,
        out: Vec::new(),
        uses_table: false,
        implicit_return: false,
        stack: Vec::new(),
        open: HashMap::new(),
    };
    let last = s.nodes.len().wrapping_sub(1);
    for (i, node) in s.nodes.iter().enumerate() {
        l.node(node, i == last)?;
    }
    if !l.stack.is_empty() {
        return Err(internal(format!(
            "function `{name}`: structured body has unclosed constructs"
        )));
    }
    // Wasm validation does not know that both arms of an `if` (or the body
    // of a `loop`) never complete: after any `end` the stack must hold the
    // function's results. So unless the body ends with a stack-polymorphic
    // instruction (or with the results themselves, after an elided final
    // `return`), a function with results needs a final `unreachable`. One
    // is also added if control really can fall off the end, which a correct
    // structuring never allows: better a trap than a silent return.
    let ends_polymorphic = matches!(
        l.out.last(),
        Some(
            Instruction::Br(_)
                | Instruction::BrTable(..)
                | Instruction::Return
                | Instruction::Unreachable
                | Instruction::ReturnCall(_)
                | Instruction::ReturnCallIndirect { .. }
        )
    );
    if s.falls_off_end() || (has_results && !ends_polymorphic && !l.implicit_return) {
        l.out.push(Instruction::Unreachable);
    }
    Ok(Lowered {
        instructions: l.out,
        uses_table: l.uses_table,
    })
}

/// Wraps lowered instructions into a Wasm function with `body`'s locals.
pub fn encode_function(
    body: &Body,
    num_params: usize,
    instructions: &[Instruction<'_>],
) -> Function {
    let mut f = Function::new_with_locals_types(
        body.locals.iter().skip(num_params).map(|d| val_type(d.ty)),
    );
    for ins in instructions {
        f.instruction(ins);
    }
    f.instruction(&Instruction::End);
    f
}

struct Lowerer<'a, 'm> {
    cx: &'a ModuleContext<'m>,
    types: &'a mut TypeTable,
    name: &'a str,
    body: &'a Body,
    out: Vec<Instruction<'static>>,
    uses_table: bool,
    /// The body ends with a `return` whose opcode was elided.
    implicit_return: bool,
    /// Open constructs, innermost last (`None` for `if`).
    stack: Vec<Option<Label>>,
    /// Position in `stack` of each open label.
    open: HashMap<Label, usize>,
}

impl Lowerer<'_, '_> {
    fn get(&mut self, l: Local) {
        self.out.push(Instruction::LocalGet(l.0));
    }

    fn set(&mut self, l: Local) {
        self.out.push(Instruction::LocalSet(l.0));
    }

    /// Pops a call's results into `dsts`. The last result is on top, so
    /// they are set in reverse order. The IR assigns results in order, so
    /// when a local appears twice among `dsts` the later assignment wins;
    /// the earlier one's value is dropped instead of set.
    fn set_results(&mut self, dsts: &[Local]) {
        for (i, d) in dsts.iter().enumerate().rev() {
            if dsts[i + 1..].contains(d) {
                self.out.push(Instruction::Drop);
            } else {
                self.set(*d);
            }
        }
    }

    fn depth(&self, l: Label) -> Result<u32, EmitError> {
        match self.open.get(&l) {
            Some(&pos) => Ok((self.stack.len() - 1 - pos) as u32),
            None => Err(internal(format!(
                "function `{}`: branch to {l}, which is not in scope",
                self.name
            ))),
        }
    }

    fn open(&mut self, label: Option<Label>) {
        if let Some(l) = label {
            self.open.insert(l, self.stack.len());
        }
        self.stack.push(label);
    }

    fn cond(&mut self, cond: Local, negate: bool) {
        self.get(cond);
        if negate {
            self.out.push(Instruction::I32Eqz);
        }
    }

    fn func_index(&self, f: FuncId) -> Result<u32, EmitError> {
        self.cx.func_index.get(f.index()).copied().ok_or_else(|| {
            internal(format!(
                "function `{}` calls missing function {f}",
                self.name
            ))
        })
    }

    fn node(&mut self, node: &Node, is_last: bool) -> Result<(), EmitError> {
        match node {
            Node::Block(b) => {
                self.open(Some(Label::Block(*b)));
                self.out.push(Instruction::Block(BlockType::Empty));
            }
            Node::Loop(b) => {
                self.open(Some(Label::Loop(*b)));
                self.out.push(Instruction::Loop(BlockType::Empty));
            }
            Node::If { cond, negate } => {
                self.cond(*cond, *negate);
                self.open(None);
                self.out.push(Instruction::If(BlockType::Empty));
            }
            Node::Else => self.out.push(Instruction::Else),
            Node::End => {
                match self.stack.pop() {
                    Some(Some(l)) => {
                        self.open.remove(&l);
                    }
                    Some(None) => {}
                    None => {
                        return Err(internal(format!(
                            "function `{}`: unbalanced structured body",
                            self.name
                        )))
                    }
                }
                self.out.push(Instruction::End);
            }
            Node::Code(b) => {
                let block = self.body.blocks.get(b.index()).ok_or_else(|| {
                    internal(format!("function `{}`: missing block {b}", self.name))
                })?;
                for inst in &block.insts {
                    self.inst(inst)?;
                }
            }
            Node::Br(l) => {
                let d = self.depth(*l)?;
                self.out.push(Instruction::Br(d));
            }
            Node::BrIf {
                cond,
                negate,
                target,
            } => {
                let d = self.depth(*target)?;
                self.cond(*cond, *negate);
                self.out.push(Instruction::BrIf(d));
            }
            Node::BrTable {
                index,
                targets,
                default,
            } => {
                let ds = targets
                    .iter()
                    .map(|t| self.depth(*t))
                    .collect::<Result<Vec<u32>, _>>()?;
                let d = self.depth(*default)?;
                self.get(*index);
                self.out.push(Instruction::BrTable(Cow::Owned(ds), d));
            }
            Node::Exit(b) => {
                let block = self.body.blocks.get(b.index()).ok_or_else(|| {
                    internal(format!("function `{}`: missing block {b}", self.name))
                })?;
                match &block.term {
                    Some(Terminator::Return(vals)) => {
                        for v in vals {
                            self.get(*v);
                        }
                        // At the very end of the body the values on the
                        // stack are the results: no `return` needed.
                        if is_last && self.stack.is_empty() {
                            self.implicit_return = true;
                        } else {
                            self.out.push(Instruction::Return);
                        }
                    }
                    Some(Terminator::TailCall { func, args }) => {
                        for a in args {
                            self.get(*a);
                        }
                        let f = self.func_index(*func)?;
                        self.out.push(Instruction::ReturnCall(f));
                    }
                    Some(Terminator::TailCallIndirect { sig, index, args }) => {
                        for a in args {
                            self.get(*a);
                        }
                        self.get(*index);
                        let type_index = self.types.intern(sig);
                        self.uses_table = true;
                        self.out.push(Instruction::ReturnCallIndirect {
                            type_index,
                            table_index: 0,
                        });
                    }
                    Some(Terminator::Unreachable) | None => self.out.push(Instruction::Unreachable),
                    Some(t) => {
                        return Err(internal(format!(
                        "function `{}`: block {b} ends in {t:?}, which does not leave the function",
                        self.name
                    )))
                    }
                }
            }
        }
        Ok(())
    }

    fn inst(&mut self, inst: &Inst) -> Result<(), EmitError> {
        match inst {
            Inst::Const { dst, value } => {
                self.out.push(match *value {
                    Const::I32(v) => Instruction::I32Const(v),
                    Const::I64(v) => Instruction::I64Const(v),
                    Const::F32(bits) => Instruction::F32Const(Ieee32::new(bits)),
                    Const::F64(bits) => Instruction::F64Const(Ieee64::new(bits)),
                });
                self.set(*dst);
            }
            Inst::Copy { dst, src } => {
                self.get(*src);
                self.set(*dst);
            }
            Inst::Unary { dst, op, arg } => {
                self.get(*arg);
                self.out.push(unop(*op));
                self.set(*dst);
            }
            Inst::Binary { dst, op, lhs, rhs } => {
                self.get(*lhs);
                self.get(*rhs);
                self.out.push(binop(*op));
                self.set(*dst);
            }
            Inst::Select {
                dst,
                cond,
                if_true,
                if_false,
            } => {
                self.get(*if_true);
                self.get(*if_false);
                self.get(*cond);
                self.out.push(Instruction::Select);
                self.set(*dst);
            }
            Inst::Load {
                dst,
                kind,
                addr,
                offset,
            } => {
                self.get(*addr);
                self.out.push(load(*kind, *offset));
                self.set(*dst);
            }
            Inst::Store {
                kind,
                addr,
                offset,
                value,
            } => {
                self.get(*addr);
                self.get(*value);
                self.out.push(store(*kind, *offset));
            }
            Inst::GlobalGet { dst, global } => {
                self.out.push(Instruction::GlobalGet(global.0));
                self.set(*dst);
            }
            Inst::GlobalSet { global, value } => {
                self.get(*value);
                self.out.push(Instruction::GlobalSet(global.0));
            }
            Inst::Call { dsts, func, args } => {
                for a in args {
                    self.get(*a);
                }
                let f = self.func_index(*func)?;
                self.out.push(Instruction::Call(f));
                self.set_results(dsts);
            }
            Inst::CallIndirect {
                dsts,
                sig,
                index,
                args,
            } => {
                for a in args {
                    self.get(*a);
                }
                self.get(*index);
                let type_index = self.types.intern(sig);
                self.uses_table = true;
                self.out.push(Instruction::CallIndirect {
                    type_index,
                    table_index: 0,
                });
                self.set_results(dsts);
            }
            Inst::FuncAddr { dst, func } => {
                let slot = self.cx.table_slot.get(func).copied().ok_or_else(|| {
                    internal(format!(
                        "function `{}` takes the address of {func}, which is not in the table",
                        self.name
                    ))
                })?;
                self.out.push(Instruction::I32Const(slot as i32));
                self.set(*dst);
            }
            Inst::MemorySize { dst } => {
                self.out.push(Instruction::MemorySize(0));
                self.set(*dst);
            }
            Inst::MemoryGrow { dst, pages } => {
                self.get(*pages);
                self.out.push(Instruction::MemoryGrow(0));
                self.set(*dst);
            }
            Inst::MemoryCopy {
                dst_addr,
                src_addr,
                len,
            } => {
                self.get(*dst_addr);
                self.get(*src_addr);
                self.get(*len);
                self.out.push(Instruction::MemoryCopy {
                    src_mem: 0,
                    dst_mem: 0,
                });
            }
            Inst::MemoryFill { addr, byte, len } => {
                self.get(*addr);
                self.get(*byte);
                self.get(*len);
                self.out.push(Instruction::MemoryFill(0));
            }
            Inst::CoroNew { .. }
            | Inst::CoroResume { .. }
            | Inst::CoroSuspend { .. }
            | Inst::CoroFree { .. } => self.coroutine_inst(inst)?,
        }
        Ok(())
    }

    /// A coroutine instruction, with the stack-switching runtime (see
    /// [`crate::stack_switching`]): calls to its generated functions, and
    /// `coro.suspend` inline as `suspend $yield`.
    fn coroutine_inst(&mut self, inst: &Inst) -> Result<(), EmitError> {
        let Some(coro) = self.cx.coro else {
            return Err(EmitError::UnloweredCoroutine {
                function: self.name.to_string(),
            });
        };
        match inst {
            Inst::CoroNew { dst, entry } => {
                self.get(*entry);
                self.out.push(Instruction::Call(coro.new));
                self.set(*dst);
            }
            Inst::CoroResume {
                status,
                value,
                coro: handle,
                arg,
            } => {
                self.get(*handle);
                self.get(*arg);
                self.out.push(Instruction::Call(coro.resume));
                self.set_results(&[*status, *value]);
            }
            Inst::CoroSuspend { dst, value } => {
                self.get(*value);
                // Resumed with (entry slot, argument); the slot is unused.
                self.out.push(Instruction::Suspend(coro.yield_tag));
                self.set(*dst);
                self.out.push(Instruction::Drop);
            }
            Inst::CoroFree { coro: handle } => {
                self.get(*handle);
                self.out.push(Instruction::Call(coro.free));
            }
            other => {
                return Err(internal(format!(
                    "function `{}`: {other:?} is not a coroutine instruction",
                    self.name
                )))
            }
        }
        Ok(())
    }
}

/// The Wasm instruction of a unary operator. (Exhaustive: a new IR operator
/// fails to compile here until it is mapped.)
pub fn unop(op: UnOp) -> Instruction<'static> {
    match op {
        UnOp::I32Eqz => Instruction::I32Eqz,
        UnOp::I32Clz => Instruction::I32Clz,
        UnOp::I32Ctz => Instruction::I32Ctz,
        UnOp::I32Popcnt => Instruction::I32Popcnt,
        UnOp::I64Eqz => Instruction::I64Eqz,
        UnOp::I64Clz => Instruction::I64Clz,
        UnOp::I64Ctz => Instruction::I64Ctz,
        UnOp::I64Popcnt => Instruction::I64Popcnt,
        UnOp::F32Abs => Instruction::F32Abs,
        UnOp::F32Neg => Instruction::F32Neg,
        UnOp::F32Sqrt => Instruction::F32Sqrt,
        UnOp::F32Ceil => Instruction::F32Ceil,
        UnOp::F32Floor => Instruction::F32Floor,
        UnOp::F32Trunc => Instruction::F32Trunc,
        UnOp::F32Nearest => Instruction::F32Nearest,
        UnOp::F64Abs => Instruction::F64Abs,
        UnOp::F64Neg => Instruction::F64Neg,
        UnOp::F64Sqrt => Instruction::F64Sqrt,
        UnOp::F64Ceil => Instruction::F64Ceil,
        UnOp::F64Floor => Instruction::F64Floor,
        UnOp::F64Trunc => Instruction::F64Trunc,
        UnOp::F64Nearest => Instruction::F64Nearest,
        UnOp::I32WrapI64 => Instruction::I32WrapI64,
        UnOp::I64ExtendI32S => Instruction::I64ExtendI32S,
        UnOp::I64ExtendI32U => Instruction::I64ExtendI32U,
        UnOp::I32TruncSatF64S => Instruction::I32TruncSatF64S,
        UnOp::I32TruncSatF64U => Instruction::I32TruncSatF64U,
        UnOp::I64TruncSatF64S => Instruction::I64TruncSatF64S,
        UnOp::I64TruncSatF64U => Instruction::I64TruncSatF64U,
        UnOp::F64ConvertI32S => Instruction::F64ConvertI32S,
        UnOp::F64ConvertI32U => Instruction::F64ConvertI32U,
        UnOp::F64ConvertI64S => Instruction::F64ConvertI64S,
        UnOp::F64ConvertI64U => Instruction::F64ConvertI64U,
        UnOp::F32DemoteF64 => Instruction::F32DemoteF64,
        UnOp::F64PromoteF32 => Instruction::F64PromoteF32,
        UnOp::I64ReinterpretF64 => Instruction::I64ReinterpretF64,
        UnOp::F64ReinterpretI64 => Instruction::F64ReinterpretI64,
        UnOp::I32ReinterpretF32 => Instruction::I32ReinterpretF32,
        UnOp::F32ReinterpretI32 => Instruction::F32ReinterpretI32,
        UnOp::I32Extend8S => Instruction::I32Extend8S,
        UnOp::I32Extend16S => Instruction::I32Extend16S,
    }
}

/// The Wasm instruction of a binary operator.
pub fn binop(op: BinOp) -> Instruction<'static> {
    match op {
        BinOp::I32Add => Instruction::I32Add,
        BinOp::I32Sub => Instruction::I32Sub,
        BinOp::I32Mul => Instruction::I32Mul,
        BinOp::I32DivS => Instruction::I32DivS,
        BinOp::I32DivU => Instruction::I32DivU,
        BinOp::I32RemS => Instruction::I32RemS,
        BinOp::I32RemU => Instruction::I32RemU,
        BinOp::I32And => Instruction::I32And,
        BinOp::I32Or => Instruction::I32Or,
        BinOp::I32Xor => Instruction::I32Xor,
        BinOp::I32Shl => Instruction::I32Shl,
        BinOp::I32ShrS => Instruction::I32ShrS,
        BinOp::I32ShrU => Instruction::I32ShrU,
        BinOp::I32Rotl => Instruction::I32Rotl,
        BinOp::I32Rotr => Instruction::I32Rotr,
        BinOp::I32Eq => Instruction::I32Eq,
        BinOp::I32Ne => Instruction::I32Ne,
        BinOp::I32LtS => Instruction::I32LtS,
        BinOp::I32LtU => Instruction::I32LtU,
        BinOp::I32GtS => Instruction::I32GtS,
        BinOp::I32GtU => Instruction::I32GtU,
        BinOp::I32LeS => Instruction::I32LeS,
        BinOp::I32LeU => Instruction::I32LeU,
        BinOp::I32GeS => Instruction::I32GeS,
        BinOp::I32GeU => Instruction::I32GeU,
        BinOp::I64Add => Instruction::I64Add,
        BinOp::I64Sub => Instruction::I64Sub,
        BinOp::I64Mul => Instruction::I64Mul,
        BinOp::I64DivS => Instruction::I64DivS,
        BinOp::I64DivU => Instruction::I64DivU,
        BinOp::I64RemS => Instruction::I64RemS,
        BinOp::I64RemU => Instruction::I64RemU,
        BinOp::I64And => Instruction::I64And,
        BinOp::I64Or => Instruction::I64Or,
        BinOp::I64Xor => Instruction::I64Xor,
        BinOp::I64Shl => Instruction::I64Shl,
        BinOp::I64ShrS => Instruction::I64ShrS,
        BinOp::I64ShrU => Instruction::I64ShrU,
        BinOp::I64Rotl => Instruction::I64Rotl,
        BinOp::I64Rotr => Instruction::I64Rotr,
        BinOp::I64Eq => Instruction::I64Eq,
        BinOp::I64Ne => Instruction::I64Ne,
        BinOp::I64LtS => Instruction::I64LtS,
        BinOp::I64LtU => Instruction::I64LtU,
        BinOp::I64GtS => Instruction::I64GtS,
        BinOp::I64GtU => Instruction::I64GtU,
        BinOp::I64LeS => Instruction::I64LeS,
        BinOp::I64LeU => Instruction::I64LeU,
        BinOp::I64GeS => Instruction::I64GeS,
        BinOp::I64GeU => Instruction::I64GeU,
        BinOp::F32Add => Instruction::F32Add,
        BinOp::F32Sub => Instruction::F32Sub,
        BinOp::F32Mul => Instruction::F32Mul,
        BinOp::F32Div => Instruction::F32Div,
        BinOp::F32Min => Instruction::F32Min,
        BinOp::F32Max => Instruction::F32Max,
        BinOp::F32Copysign => Instruction::F32Copysign,
        BinOp::F32Eq => Instruction::F32Eq,
        BinOp::F32Ne => Instruction::F32Ne,
        BinOp::F32Lt => Instruction::F32Lt,
        BinOp::F32Gt => Instruction::F32Gt,
        BinOp::F32Le => Instruction::F32Le,
        BinOp::F32Ge => Instruction::F32Ge,
        BinOp::F64Add => Instruction::F64Add,
        BinOp::F64Sub => Instruction::F64Sub,
        BinOp::F64Mul => Instruction::F64Mul,
        BinOp::F64Div => Instruction::F64Div,
        BinOp::F64Min => Instruction::F64Min,
        BinOp::F64Max => Instruction::F64Max,
        BinOp::F64Copysign => Instruction::F64Copysign,
        BinOp::F64Eq => Instruction::F64Eq,
        BinOp::F64Ne => Instruction::F64Ne,
        BinOp::F64Lt => Instruction::F64Lt,
        BinOp::F64Gt => Instruction::F64Gt,
        BinOp::F64Le => Instruction::F64Le,
        BinOp::F64Ge => Instruction::F64Ge,
    }
}

/// A load with natural alignment.
pub fn load(kind: LoadKind, offset: u32) -> Instruction<'static> {
    let m = MemArg {
        offset: offset as u64,
        align: kind.align_log2(),
        memory_index: 0,
    };
    match kind {
        LoadKind::I32 => Instruction::I32Load(m),
        LoadKind::I64 => Instruction::I64Load(m),
        LoadKind::F32 => Instruction::F32Load(m),
        LoadKind::F64 => Instruction::F64Load(m),
        LoadKind::I32U8 => Instruction::I32Load8U(m),
        LoadKind::I32S8 => Instruction::I32Load8S(m),
        LoadKind::I32U16 => Instruction::I32Load16U(m),
        LoadKind::I32S16 => Instruction::I32Load16S(m),
        LoadKind::I64U32 => Instruction::I64Load32U(m),
    }
}

/// A store with natural alignment.
pub fn store(kind: StoreKind, offset: u32) -> Instruction<'static> {
    let m = MemArg {
        offset: offset as u64,
        align: kind.align_log2(),
        memory_index: 0,
    };
    match kind {
        StoreKind::I32 => Instruction::I32Store(m),
        StoreKind::I64 => Instruction::I64Store(m),
        StoreKind::F32 => Instruction::F32Store(m),
        StoreKind::F64 => Instruction::F64Store(m),
        StoreKind::I32As8 => Instruction::I32Store8(m),
        StoreKind::I32As16 => Instruction::I32Store16(m),
        StoreKind::I64As32 => Instruction::I64Store32(m),
    }
}
