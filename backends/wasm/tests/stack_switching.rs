//! Encoding the coroutine instructions with stack switching (the wasmfx
//! strategy's runtime): what is emitted, that it validates with exactly
//! the stack-switching feature set, and that nothing changes for modules
//! without coroutines. (Running the output is tested end to end in
//! `switchyard-strategies`' `tests/wasmfx.rs`.)

use switchyard_ir::*;
use switchyard_wasm::stack_switching::{EXPORT_ABANDONED, EXPORT_HANDLES, EXPORT_WORKERS};
use switchyard_wasm::{
    emit, stack_switching_features, to_wat, validate, validate_with, wasm_features, EmitError,
    EmitOptions,
};
use wasmparser::WasmFeatures;

fn with_stack_switching() -> EmitOptions {
    EmitOptions {
        stack_switching: true,
        ..Default::default()
    }
}

/// `gen(x)`: `y = suspend(x); return x + y`; `main()` creates, resumes
/// twice and frees it. Imports `switchyard.fatal` if `fatal`.
fn coroutine_module(fatal: bool) -> Module {
    let mut m = Module::new();
    if fatal {
        m.import_func("switchyard", "fatal", Signature::new([Type::I32], []));
    }
    let gen = m.declare_func("gen", Signature::new([Type::I64], [Type::I64]));
    m.mark_coroutine_entry(gen);
    m.table_slot(gen);
    let mut b = FunctionBuilder::new(&mut m, gen);
    let x = b.param(0);
    let y = b.coro_suspend(x);
    let r = b.bin(BinOp::I64Add, x, y);
    b.ret(&[r]);
    b.finish();

    let main = m.declare_func("main", Signature::new([], [Type::I64]));
    m.export_func(main, "main");
    let mut b = FunctionBuilder::new(&mut m, main);
    let slot = b.func_addr(gen);
    let c = b.coro_new(slot);
    let one = b.i64_const(1);
    let (_, first) = b.coro_resume(c, one);
    let (_, second) = b.coro_resume(c, first);
    b.coro_free(c);
    b.ret(&[second]);
    b.finish();
    m
}

#[test]
fn coroutines_are_emitted_with_stack_switching() {
    let wasm = emit(&coroutine_module(true), &with_stack_switching()).unwrap();
    let wat = to_wat(&wasm).unwrap();
    for needle in [
        "(cont ",
        "cont.new",
        "resume ",
        "(on ",
        "suspend ",
        "(tag ",
        "call_indirect",
        "ref.func $switchyard.coro_worker",
        "(elem ",
        "declare func",
        "(export \"wasmfx_workers\" (global",
        "(export \"wasmfx_abandoned\" (global",
        "(export \"wasmfx_handles\" (global",
        "call $switchyard.coro_new",
        "call $switchyard.coro_resume",
        "call $switchyard.coro_free",
        "call $switchyard.fatal",
        "$switchyard.coro_meta",
        "(memory ",
    ] {
        assert!(wat.contains(needle), "missing `{needle}` in:\n{wat}");
    }
    // Exactly one `cont.new` (in the pool's `coro_new`), one `resume` (in
    // `coro_resume`): the machinery is shared, not inlined at each use.
    assert_eq!(wat.matches("cont.new").count(), 1, "{wat}");
    assert_eq!(wat.matches(" resume ").count(), 1, "{wat}");
    // Two suspends: the worker's `$finish` and the one `coro.suspend`.
    assert_eq!(wat.matches("suspend ").count(), 2, "{wat}");
    // Numeric types the runtime needs share the IR signatures' entries.
    assert_eq!(
        wat.matches("(func (param i64) (result i64)))").count(),
        1,
        "{wat}"
    );
    assert_eq!(wat.matches("(func (param i32)))").count(), 1, "{wat}");
}

#[test]
fn without_a_fatal_import_misuse_is_unreachable() {
    let wasm = emit(&coroutine_module(false), &with_stack_switching()).unwrap();
    let wat = to_wat(&wasm).unwrap();
    assert!(!wat.contains("fatal"), "{wat}");
    assert!(wat.contains("unreachable"), "{wat}");
}

#[test]
fn without_stack_switching_coroutines_are_unlowered() {
    let e = emit(&coroutine_module(true), &EmitOptions::default()).unwrap_err();
    assert_eq!(
        e,
        EmitError::UnloweredCoroutine {
            function: "gen".into()
        }
    );
}

#[test]
fn output_needs_exactly_the_stack_switching_features() {
    let wasm = emit(&coroutine_module(true), &with_stack_switching()).unwrap();
    validate_with(&wasm, wasm_features() | stack_switching_features()).unwrap();
    // Not valid with the base features...
    assert!(matches!(validate(&wasm), Err(EmitError::InvalidOutput(_))));
    // ...nor with any one of the stack-switching features left out.
    for f in stack_switching_features().iter() {
        let without = (wasm_features() | stack_switching_features()) - f;
        assert!(
            validate_with(&wasm, without).is_err(),
            "{f:?} is in stack_switching_features() but not needed"
        );
    }
    // The base feature set is unchanged.
    assert!(!wasm_features().contains(WasmFeatures::STACK_SWITCHING));
}

#[test]
fn modules_without_coroutines_are_unchanged() {
    let mut m = Module::new();
    let f = m.declare_func("id", Signature::new([Type::I64], [Type::I64]));
    m.export_func(f, "id");
    let mut b = FunctionBuilder::new(&mut m, f);
    let x = b.param(0);
    b.ret(&[x]);
    b.finish();
    let plain = emit(&m, &EmitOptions::default()).unwrap();
    let ss = emit(&m, &with_stack_switching()).unwrap();
    assert_eq!(plain, ss);
    validate(&ss).unwrap();
}

#[test]
fn names_are_optional_with_stack_switching() {
    let opts = EmitOptions {
        names: false,
        stack_switching: true,
    };
    let wasm = emit(&coroutine_module(true), &opts).unwrap();
    let wat = to_wat(&wasm).unwrap();
    assert!(!wat.contains("$switchyard.coro_new"), "{wat}");
}

#[test]
fn runtime_globals_come_after_the_program_globals() {
    let mut m = coroutine_module(true);
    m.add_global("g", Type::I32, true, Const::I32(7));
    m.globals[0].export = Some("g".into());
    let wasm = emit(&m, &with_stack_switching()).unwrap();
    let wat = to_wat(&wasm).unwrap();
    assert!(wat.contains("(export \"g\" (global $g))"), "{wat}");
    for name in [EXPORT_WORKERS, EXPORT_ABANDONED, EXPORT_HANDLES] {
        assert!(wat.contains(&format!("(export \"{name}\"")), "{wat}");
    }
}
