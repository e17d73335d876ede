//! The call graph: for every defined function, the functions it may call.
//!
//! Direct calls (`call`, `return_call`) name their callee. An indirect call
//! (`call_indirect`, `return_call_indirect`) is resolved conservatively to
//! every function in the table whose signature equals the call's, because
//! any of them may sit in the slot at run time. Coroutine entries are never
//! callees: they are started by `coro.new`/`coro.resume`, which run them on
//! a coroutine of their own rather than on the caller's stack.

use std::collections::{BTreeSet, HashMap};
use switchyard_ir::{FuncId, Inst, Module, Signature, Terminator};

/// Callers and callees of every function.
#[derive(Clone, Debug, Default)]
pub struct CallGraph {
    /// `callees[f]`: functions `f` may call (sorted, no duplicates).
    pub callees: Vec<Vec<FuncId>>,
    /// `callers[f]`: functions that may call `f`.
    pub callers: Vec<Vec<FuncId>>,
}

impl CallGraph {
    pub fn build(m: &Module) -> CallGraph {
        let mut by_sig: HashMap<&Signature, Vec<FuncId>> = HashMap::new();
        let mut in_table = BTreeSet::new();
        for &f in &m.table {
            if in_table.insert(f) {
                if let Some(func) = m.func(f) {
                    if !func.coroutine_entry {
                        by_sig.entry(&func.sig).or_default().push(f);
                    }
                }
            }
        }
        let n = m.funcs.len();
        let mut callees = vec![Vec::new(); n];
        let mut callers = vec![Vec::new(); n];
        for (id, _, body) in m.defined_funcs() {
            let mut out = BTreeSet::new();
            let mut direct = |f: FuncId| {
                if m.func(f).is_some_and(|g| !g.coroutine_entry) {
                    out.insert(f);
                }
            };
            let mut indirect_targets: Vec<&Signature> = Vec::new();
            for block in &body.blocks {
                for inst in &block.insts {
                    match inst {
                        Inst::Call { func, .. } => direct(*func),
                        Inst::CallIndirect { sig, .. } => indirect_targets.push(sig),
                        _ => {}
                    }
                }
                match &block.term {
                    Some(Terminator::TailCall { func, .. }) => direct(*func),
                    Some(Terminator::TailCallIndirect { sig, .. }) => indirect_targets.push(sig),
                    _ => {}
                }
            }
            for sig in indirect_targets {
                if let Some(targets) = by_sig.get(sig) {
                    out.extend(targets.iter().copied());
                }
            }
            for &callee in &out {
                callers[callee.index()].push(id);
            }
            callees[id.index()] = out.into_iter().collect();
        }
        CallGraph { callees, callers }
    }
}
