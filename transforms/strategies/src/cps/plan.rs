//! What the cps transform decides about the whole module before touching
//! any function: which functions it splits, which indirect calls are split
//! points, and where the runtime gets its memory.

use crate::analysis::{may_suspend, CallGraph};
use std::collections::HashSet;
use switchyard_fibers::cps::MemorySource;
use switchyard_ir::{FuncId, Inst, Module, Signature, Terminator, Type};

/// The name of a module's own allocator that the runtime takes its memory
/// from when present (the JS runtime's bump allocator).
pub const MODULE_ALLOCATOR: &str = "rt_alloc";

/// Module-wide facts the splitting needs.
#[derive(Clone, Debug)]
pub struct Plan {
    /// `may_suspend[f]`: `f` is split into pieces (coroutine entries that
    /// never suspend, directly or through a callee, are not).
    pub may_suspend: Vec<bool>,
    /// Signatures of the table functions that may suspend: an indirect
    /// call with one of these signatures is a split point, and is made
    /// through the mirror half of the table.
    pub suspendable_sigs: HashSet<Signature>,
    /// The table's length before the transform: slot `i + mirror_offset`
    /// holds the cps-convention version of slot `i`.
    pub mirror_offset: u32,
}

impl Plan {
    pub fn new(m: &Module) -> Plan {
        let graph = CallGraph::build(m);
        let may_suspend = may_suspend(m, &graph);
        let suspendable_sigs = m
            .table
            .iter()
            .filter_map(|&f| m.func(f).map(|func| (f, func)))
            .filter(|(f, func)| !func.coroutine_entry && may_suspend[f.index()])
            .map(|(_, func)| func.sig.clone())
            .collect();
        Plan {
            may_suspend,
            suspendable_sigs,
            mirror_offset: m.table.len() as u32,
        }
    }

    pub fn suspends(&self, f: FuncId) -> bool {
        self.may_suspend.get(f.index()).copied().unwrap_or(false)
    }

    /// Whether `inst` is a split point of a suspendable function: a
    /// suspension, or a call that may suspend.
    pub fn is_split_point(&self, inst: &Inst) -> bool {
        match inst {
            Inst::CoroSuspend { .. } => true,
            Inst::Call { func, .. } => self.suspends(*func),
            Inst::CallIndirect { sig, .. } => self.suspendable_sigs.contains(sig),
            _ => false,
        }
    }

    /// Whether a tail call may suspend (and so must stay a cps tail call).
    pub fn is_suspending_tail(&self, term: &Terminator) -> bool {
        match term {
            Terminator::TailCall { func, .. } => self.suspends(*func),
            Terminator::TailCallIndirect { sig, .. } => self.suspendable_sigs.contains(sig),
            _ => false,
        }
    }

    /// Where the runtime's memory comes from: the module's allocator
    /// [`MODULE_ALLOCATOR`] if it defines one of type `(i32) -> (i32)` that
    /// cannot suspend, else `memory.grow`.
    pub fn memory_source(&self, m: &Module) -> MemorySource {
        match m.func_by_name(MODULE_ALLOCATOR) {
            Some(f)
                if m.funcs[f.index()].sig == Signature::new([Type::I32], [Type::I32])
                    && m.funcs[f.index()].body().is_some()
                    && !self.suspends(f) =>
            {
                MemorySource::Alloc(f)
            }
            _ => MemorySource::Grow,
        }
    }
}

/// Whether something outside the transformed code may call `f` with its
/// own signature: the host (an export, the start function) or an indirect
/// call (it is in the table). Such a function keeps a direct-style adapter.
pub fn externally_callable(m: &Module, f: FuncId) -> bool {
    m.funcs[f.index()].export.is_some() || m.start == Some(f) || m.table.contains(&f)
}
