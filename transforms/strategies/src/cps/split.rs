//! Step 1 of splitting a function: cut its blocks at the split points.
//!
//! After [`prepare`], every split point (a `coro.suspend`, or a call that
//! may suspend) is the *last* instruction of its block, whose terminator is
//! a jump to a fresh *continuation block* holding the rest of the original
//! block. The continuation block has that one predecessor, and the edge
//! between the two is a *split edge*: control crosses it only by leaving
//! the Wasm stack (returning to the resumer, or tail-calling the callee)
//! and coming back through the continuation piece. The entry block is made
//! predecessor-free (a fresh entry jumps to the old one if something else
//! jumped to it), so that entering the function and jumping back to its
//! first block are different things.

use super::plan::Plan;
use switchyard_ir::{Block, BlockId, Body, Inst, Local, LocalDecl, Module, Terminator};

/// A body whose split points end their blocks.
#[derive(Clone, Debug)]
pub struct Prepared {
    pub body: Body,
    /// `cont_of[b]`: for a block ending in a split point, its continuation.
    pub cont_of: Vec<Option<BlockId>>,
}

impl Prepared {
    /// The split point ending `b`, if `b` is a split block.
    pub fn split_inst(&self, b: BlockId) -> Option<&Inst> {
        self.cont_of[b.index()]?;
        self.body.blocks[b.index()].insts.last()
    }
}

/// Prepares the body of function `f` (which may suspend) for splitting.
pub fn prepare(m: &Module, body: &Body, plan: &Plan, coroutine_entry: bool) -> Prepared {
    let mut body = body.clone();
    if coroutine_entry {
        entry_tail_calls_to_calls(m, &mut body, plan);
    }
    let mut cont_of: Vec<Option<BlockId>> = vec![None; body.blocks.len()];
    let mut i = 0;
    while i < body.blocks.len() {
        let at = body.blocks[i]
            .insts
            .iter()
            .position(|inst| plan.is_split_point(inst));
        if let Some(at) = at {
            let rest: Vec<Inst> = body.blocks[i].insts.split_off(at + 1);
            let cont = BlockId(body.blocks.len() as u32);
            let term = body.blocks[i].term.replace(Terminator::Jump(cont));
            let label = body.blocks[i].label.as_ref().map(|l| format!("{l}.cont"));
            body.blocks.push(Block {
                label,
                insts: rest,
                term,
            });
            cont_of[i] = Some(cont);
            cont_of.push(None);
        }
        i += 1;
    }
    let has_preds = body
        .blocks
        .iter()
        .filter_map(|b| b.term.as_ref())
        .any(|t| t.successors().contains(&body.entry));
    if has_preds {
        let fresh = BlockId(body.blocks.len() as u32);
        body.blocks.push(Block {
            label: Some("cps.entry".into()),
            insts: Vec::new(),
            term: Some(Terminator::Jump(body.entry)),
        });
        cont_of.push(None);
        body.entry = fresh;
    }
    Prepared { body, cont_of }
}

/// A coroutine entry returns straight to its resumer, so it has no return
/// continuation to hand to a suspendable callee in a tail call: such tail
/// calls become a call (a split point) followed by a return.
fn entry_tail_calls_to_calls(m: &Module, body: &mut Body, plan: &Plan) {
    for bi in 0..body.blocks.len() {
        let Some(term) = body.blocks[bi].term.clone() else {
            continue;
        };
        if !plan.is_suspending_tail(&term) {
            continue;
        }
        let results = match &term {
            Terminator::TailCall { func, .. } => m.funcs[func.index()].sig.results.clone(),
            Terminator::TailCallIndirect { sig, .. } => sig.results.clone(),
            _ => continue,
        };
        let mut dsts = Vec::new();
        for ty in results {
            body.locals.push(LocalDecl {
                ty,
                name: None,
                heap_ref: false,
            });
            dsts.push(Local(body.locals.len() as u32 - 1));
        }
        let call = match term {
            Terminator::TailCall { func, args } => Inst::Call {
                dsts: dsts.clone(),
                func,
                args,
            },
            Terminator::TailCallIndirect { sig, index, args } => Inst::CallIndirect {
                dsts: dsts.clone(),
                sig,
                index,
                args,
            },
            _ => continue,
        };
        body.blocks[bi].insts.push(call);
        body.blocks[bi].term = Some(Terminator::Return(dsts));
    }
}
