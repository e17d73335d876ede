//! A small peephole pass over one function's lowered instructions.
//!
//! Lowering each IR instruction on its own produces `local.set $x` directly
//! followed by `local.get $x` whenever one instruction's result feeds the
//! next (the IR is three-address code). Two rewrites, applied as the
//! instructions are streamed into the output so that they compose (e.g. the
//! results of a multi-value call collapse pair by pair):
//!
//! * a constant stored to a local that is set exactly once and read exactly
//!   once, later in the same straight-line segment (no control instruction
//!   in between), is rematerialised at the read: `i32.const 7; local.set $k;
//!   ...; local.get $k` becomes `...; i32.const 7`. Front ends put every
//!   constant in a fresh local, so this is the common case. Moving a
//!   constant has no effect, and with no branch target in between the read
//!   always follows the set;
//! * if that `local.get` is the *only* read of `$x` in the whole function,
//!   both instructions are dropped: the value stays on the operand stack,
//!   and no other code can observe `$x`;
//! * otherwise the pair becomes `local.tee $x`.
//!
//! Both are safe without any control-flow reasoning: two instructions that
//! are adjacent in the stream have no branch target between them.

use std::collections::HashMap;
use wasm_encoder::Instruction;

/// Applies the rewrites. `num_locals` counts parameters and locals.
pub fn peephole(
    instructions: Vec<Instruction<'static>>,
    num_locals: usize,
) -> Vec<Instruction<'static>> {
    let mut reads = vec![0u32; num_locals];
    let mut writes = vec![0u32; num_locals];
    for ins in &instructions {
        match ins {
            Instruction::LocalGet(x) => {
                if let Some(r) = reads.get_mut(*x as usize) {
                    *r += 1;
                }
            }
            Instruction::LocalSet(x) | Instruction::LocalTee(x) => {
                if let Some(w) = writes.get_mut(*x as usize) {
                    *w += 1;
                }
            }
            _ => {}
        }
    }
    let instructions = rematerialize_constants(instructions, &reads, &writes);
    let mut out: Vec<Instruction<'static>> = Vec::with_capacity(instructions.len());
    for ins in instructions {
        if let Instruction::LocalGet(x) = ins {
            if matches!(out.last(), Some(Instruction::LocalSet(y)) if *y == x) {
                out.pop();
                if reads.get(x as usize).copied() != Some(1) {
                    out.push(Instruction::LocalTee(x));
                }
                continue;
            }
        }
        out.push(ins);
    }
    out
}

fn is_constant(ins: &Instruction<'_>) -> bool {
    matches!(
        ins,
        Instruction::I32Const(_)
            | Instruction::I64Const(_)
            | Instruction::F32Const(_)
            | Instruction::F64Const(_)
    )
}

/// Whether control can enter or leave between the instructions around `ins`.
fn is_control(ins: &Instruction<'_>) -> bool {
    matches!(
        ins,
        Instruction::Block(_)
            | Instruction::Loop(_)
            | Instruction::If(_)
            | Instruction::Else
            | Instruction::End
            | Instruction::Br(_)
            | Instruction::BrIf(_)
            | Instruction::BrTable(..)
            | Instruction::Return
            | Instruction::Unreachable
            | Instruction::ReturnCall(_)
            | Instruction::ReturnCallIndirect { .. }
    )
}

/// The first rewrite (see the module documentation), in one linear pass.
fn rematerialize_constants(
    instructions: Vec<Instruction<'static>>,
    reads: &[u32],
    writes: &[u32],
) -> Vec<Instruction<'static>> {
    let single = |x: u32| reads.get(x as usize) == Some(&1) && writes.get(x as usize) == Some(&1);
    let mut slots: Vec<Option<Instruction<'static>>> = Vec::with_capacity(instructions.len());
    // Locals holding a movable constant in the current segment, with the
    // slot of their constant (the `local.set` is in the next slot).
    let mut pending: HashMap<u32, usize> = HashMap::new();
    for ins in instructions {
        if is_control(&ins) {
            pending.clear();
        }
        let after_constant = slots
            .last()
            .is_some_and(|s| s.as_ref().is_some_and(is_constant));
        match ins {
            Instruction::LocalSet(x) if after_constant && single(x) => {
                pending.insert(x, slots.len() - 1);
                slots.push(Some(ins));
            }
            Instruction::LocalGet(x) if pending.contains_key(&x) => {
                let at = pending.remove(&x).unwrap_or_default();
                let constant = slots[at].take();
                slots[at + 1] = None;
                slots.push(constant);
            }
            ins => slots.push(Some(ins)),
        }
    }
    slots.into_iter().flatten().collect()
}
