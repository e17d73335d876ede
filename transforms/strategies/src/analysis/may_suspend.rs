//! Which functions may suspend: those that execute `coro.suspend`
//! themselves, and, transitively, those that may call one of them (a
//! stackful fiber can suspend from any depth of calls). This is the set a
//! strategy must transform: cps splits exactly these functions, asyncify
//! instruments exactly these, and every other function stays in direct
//! style, untouched.
//!
//! `coro.resume` does not make its caller suspendable: the resumed
//! coroutine runs, suspends and returns control to the resumer, whose own
//! stack is never captured.

use crate::analysis::CallGraph;
use switchyard_ir::{FuncId, Inst, Module};

/// `result[f]` is true if function `f` may suspend.
pub fn may_suspend(m: &Module, graph: &CallGraph) -> Vec<bool> {
    let mut suspends = vec![false; m.funcs.len()];
    let mut work: Vec<FuncId> = Vec::new();
    for (id, _, body) in m.defined_funcs() {
        let direct = body.blocks.iter().any(|b| {
            b.insts
                .iter()
                .any(|i| matches!(i, Inst::CoroSuspend { .. }))
        });
        if direct {
            suspends[id.index()] = true;
            work.push(id);
        }
    }
    while let Some(f) = work.pop() {
        for &caller in &graph.callers[f.index()] {
            if !suspends[caller.index()] {
                suspends[caller.index()] = true;
                work.push(caller);
            }
        }
    }
    suspends
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchyard_ir::*;

    fn js_like_sig() -> Signature {
        Signature::new([Type::I64], [Type::I64])
    }

    /// entry suspends; `helper` calls a function that suspends;
    /// `indirect_caller` reaches it through the table; `pure` does neither;
    /// `resumer` only resumes.
    #[test]
    fn suspension_propagates_to_direct_and_indirect_callers_only() {
        let mut m = Module::new();
        let suspender = m.declare_func("suspender", js_like_sig());
        let helper = m.declare_func("helper", js_like_sig());
        let indirect_caller = m.declare_func("indirect_caller", js_like_sig());
        let pure = m.declare_func("pure", js_like_sig());
        let resumer = m.declare_func("resumer", js_like_sig());
        let entry = m.declare_func("entry", js_like_sig());
        m.mark_coroutine_entry(entry);

        let mut b = FunctionBuilder::new(&mut m, suspender);
        let v = b.coro_suspend(b.param(0));
        b.ret(&[v]);
        b.finish();

        let mut b = FunctionBuilder::new(&mut m, helper);
        let r = b.call1(suspender, &[b.param(0)]);
        b.ret(&[r]);
        b.finish();

        let mut b = FunctionBuilder::new(&mut m, indirect_caller);
        let slot = b.func_addr(suspender);
        let r = b.call_indirect(&js_like_sig(), slot, &[b.param(0)]);
        b.ret(&r);
        b.finish();

        let mut b = FunctionBuilder::new(&mut m, pure);
        b.ret(&[b.param(0)]);
        b.finish();

        let mut b = FunctionBuilder::new(&mut m, entry);
        let r = b.call1(helper, &[b.param(0)]);
        b.ret(&[r]);
        b.finish();

        let mut b = FunctionBuilder::new(&mut m, resumer);
        let slot = b.func_addr(entry);
        let c = b.coro_new(slot);
        let (_, v) = b.coro_resume(c, b.param(0));
        b.ret(&[v]);
        b.finish();

        assert_eq!(verify(&m), Ok(()));
        let g = CallGraph::build(&m);
        let s = may_suspend(&m, &g);
        assert!(s[suspender.index()]);
        assert!(s[helper.index()]);
        assert!(s[indirect_caller.index()]);
        assert!(s[entry.index()]);
        assert!(!s[pure.index()]);
        assert!(!s[resumer.index()], "resuming does not suspend the resumer");
    }
}
