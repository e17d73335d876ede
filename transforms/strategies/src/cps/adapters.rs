//! The seams between cps-convention code and direct-style code.
//!
//! * **Native adapters.** A suspendable function that something outside
//!   the transformed code may call with its own signature (the host, via
//!   an export or the start function) keeps its id and signature; its body
//!   becomes an adapter that runs the pieces to completion: it pushes an
//!   8-byte frame whose continuation is a *native-return* piece, calls the
//!   entry piece (a native call), and returns the results the native-return
//!   piece left in scratch globals. Outside any coroutine the pieces run on
//!   the runtime's root record. If the pieces suspend instead of returning
//!   (a suspension outside any coroutine, or across this native frame) the
//!   native-return piece never ran: the adapter traps. A suspendable
//!   function that nothing outside can call gets an `unreachable` body.
//! * **Mirror table.** An indirect call whose signature is that of some
//!   suspendable table function is a split point: it may land on a split
//!   function (which returns through the explicit stack) or on a direct-
//!   style one (which returns natively). So the table is doubled: slot
//!   `i + N` (N = the original length) holds the cps version of slot `i`,
//!   the function's entry piece or, for a direct-style function, a
//!   *cps wrapper* that calls it and returns its results to the
//!   continuation on the stack. Call sites add N to the index. Slots whose
//!   signature is not suspendable mirror themselves (any call through
//!   them with a suspendable signature traps on the signature check, as it
//!   did before).

use super::lower::{cps_sig, fresh_name};
use super::plan::Plan;
use std::collections::HashMap;
use switchyard_fibers::cps::{BuilderExt, CpsRuntime};
use switchyard_ir::{FuncId, FunctionBuilder, GlobalId, Module, Signature, Type, UnOp};

/// Native-return pieces, one per result signature.
#[derive(Default)]
pub struct NativeReturns {
    by_results: HashMap<Vec<Type>, (FuncId, Vec<GlobalId>)>,
}

impl NativeReturns {
    /// The native-return piece for `results` and its scratch globals.
    fn get(
        &mut self,
        m: &mut Module,
        rt: &CpsRuntime,
        results: &[Type],
    ) -> (FuncId, Vec<GlobalId>) {
        if let Some(x) = self.by_results.get(results) {
            return x.clone();
        }
        let n = self.by_results.len();
        let globals: Vec<GlobalId> = results
            .iter()
            .enumerate()
            .map(|(i, &ty)| m.add_global(format!("cps_result{n}_{i}"), ty, true, ty.zero()))
            .collect();
        let name = fresh_name(m, format!("cps_native_return{n}"));
        let f = m.declare_func(name, cps_sig(results));
        let mut b = FunctionBuilder::new(m, f);
        rt.pop_frame(&mut b, 8);
        for (i, g) in globals.iter().enumerate() {
            b.global_set(*g, b.param(i));
        }
        let one = b.i32_const(1);
        b.global_set(rt.native_returned, one);
        let zero = b.i64_const(0);
        b.ret(&[zero]);
        b.finish();
        self.by_results
            .insert(results.to_vec(), (f, globals.clone()));
        (f, globals)
    }
}

/// Makes `f`'s body a native adapter running `first` (its entry piece).
pub fn native_adapter(
    m: &mut Module,
    rt: &CpsRuntime,
    nret: &mut NativeReturns,
    f: FuncId,
    first: FuncId,
) {
    let results = m.funcs[f.index()].sig.results.clone();
    let (ret_piece, globals) = nret.get(m, rt, &results);
    let n_params = m.funcs[f.index()].sig.params.len();
    let mut b = FunctionBuilder::new(m, f);
    let cur = b.global_get(rt.cur);
    let none = b.un(UnOp::I32Eqz, cur);
    b.if_then(none, |b| {
        b.call(rt.root_init, &[]);
    });
    let (base, _) = rt.push_frame(&mut b, 8);
    let slot = b.func_addr(ret_piece);
    b.st(base, 4, slot);
    let args: Vec<_> = (0..n_params).map(|i| b.param(i)).collect();
    b.call(first, &args);
    let done = b.global_get(rt.native_returned);
    let suspended = b.un(UnOp::I32Eqz, done);
    b.if_then(suspended, |b| b.unreachable());
    let zero = b.i32_const(0);
    b.global_set(rt.native_returned, zero);
    let rs: Vec<_> = globals.iter().map(|g| b.global_get(*g)).collect();
    b.ret(&rs);
    b.finish();
}

/// Gives `f` the body `unreachable` (nothing can call it any more).
pub fn unreachable_body(m: &mut Module, f: FuncId) {
    let mut b = FunctionBuilder::new(m, f);
    b.unreachable();
    b.finish();
}

/// Appends the mirror half of the table (see the module docs).
pub fn build_mirror(
    m: &mut Module,
    plan: &Plan,
    rt: &CpsRuntime,
    first_piece: &HashMap<FuncId, FuncId>,
) {
    if plan.suspendable_sigs.is_empty() {
        return;
    }
    let original: Vec<FuncId> = m.table[..plan.mirror_offset as usize].to_vec();
    let mut wrappers: HashMap<FuncId, FuncId> = HashMap::new();
    for g in original {
        let func = &m.funcs[g.index()];
        let mirrored = if func.coroutine_entry || !plan.suspendable_sigs.contains(&func.sig) {
            g
        } else if let Some(&p) = first_piece.get(&g) {
            p
        } else if let Some(&w) = wrappers.get(&g) {
            w
        } else {
            let w = cps_wrapper(m, rt, g);
            wrappers.insert(g, w);
            w
        };
        m.table.push(mirrored);
    }
}

/// `g$cpswrap(params) = return_to_continuation(g(params))` for a
/// direct-style function `g`.
fn cps_wrapper(m: &mut Module, rt: &CpsRuntime, g: FuncId) -> FuncId {
    let Signature { params, results } = m.funcs[g.index()].sig.clone();
    let name = fresh_name(m, format!("{}$cpswrap", m.funcs[g.index()].name));
    let w = m.declare_func(name, cps_sig(&params));
    let mut b = FunctionBuilder::new(m, w);
    let args: Vec<_> = (0..params.len()).map(|i| b.param(i)).collect();
    let rs = b.call(g, &args);
    let k = rt.top_slot(&mut b);
    b.tail_call_indirect(cps_sig(&results), k, &rs);
    b.finish();
    w
}
