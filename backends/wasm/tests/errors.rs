//! Failures: irreducible control flow, IR that fails verification, and
//! internal errors are reported as values (never panics), with messages
//! that say whose fault they are.

use switchyard_ir::*;
use switchyard_wasm::{emit, structure, validate, wasm_features, EmitError, EmitOptions};
use wasmparser::WasmFeatures;

fn ok_function(m: &mut Module, name: &str) {
    let f = m.declare_func(name, Signature::new([Type::I32], [Type::I32]));
    let mut b = FunctionBuilder::new(m, f);
    let x = b.param(0);
    b.ret(&[x]);
    b.finish();
}

/// entry branches into both a and b, which branch to each other: a loop
/// with two entries.
fn irreducible_function(m: &mut Module, name: &str) -> (BlockId, BlockId) {
    let f = m.declare_func(name, Signature::new([Type::I32], [Type::I32]));
    let mut b = FunctionBuilder::new(m, f);
    let x = b.param(0);
    let a = b.new_block();
    let c = b.new_block();
    let exit = b.new_block();
    b.branch(x, a, c);
    b.switch_to(a);
    b.branch(x, c, exit);
    b.switch_to(c);
    b.branch(x, a, exit);
    b.switch_to(exit);
    b.ret(&[x]);
    b.finish();
    (a, c)
}

#[test]
fn irreducible_cfg_names_the_function_and_block() {
    let mut m = Module::new();
    ok_function(&mut m, "fine");
    let (a, c) = irreducible_function(&mut m, "tangled");
    ok_function(&mut m, "also_fine");
    verify(&m).unwrap();
    let err = emit(&m, &EmitOptions::default()).unwrap_err();
    match &err {
        EmitError::Irreducible { function, block } => {
            assert_eq!(function, "tangled");
            assert!(*block == a || *block == c, "block {block}");
        }
        other => panic!("expected Irreducible, got {other:?}"),
    }
    let msg = err.to_string();
    assert!(
        msg.contains("`tangled`") && msg.contains("irreducible"),
        "{msg}"
    );
    // The structurer alone reports the same.
    let body = m.funcs[1].body().unwrap();
    assert!(matches!(
        structure("tangled", body),
        Err(EmitError::Irreducible { .. })
    ));
}

#[test]
fn irreducible_self_contained_loop_with_switch_entries() {
    // A switch jumping into the middle of a cycle from outside.
    let mut m = Module::new();
    let f = m.declare_func("sw", Signature::new([Type::I32], []));
    let mut b = FunctionBuilder::new(&mut m, f);
    let x = b.param(0);
    let (p, q, r) = (b.new_block(), b.new_block(), b.new_block());
    let exit = b.new_block();
    b.switch(x, vec![p, q, r], exit);
    b.switch_to(p);
    b.jump(q);
    b.switch_to(q);
    b.jump(r);
    b.switch_to(r);
    b.branch(x, p, exit);
    b.switch_to(exit);
    b.ret(&[]);
    b.finish();
    assert!(matches!(
        emit(&m, &EmitOptions::default()),
        Err(EmitError::Irreducible { ref function, .. }) if function == "sw"
    ));
}

#[test]
fn irreducible_but_unreachable_code_is_dropped() {
    let mut m = Module::new();
    let f = m.declare_func("f", Signature::new([Type::I32], [Type::I32]));
    let mut b = FunctionBuilder::new(&mut m, f);
    let x = b.param(0);
    b.ret(&[x]);
    // Unreachable: an irreducible tangle nobody enters.
    let (e, a, c) = (b.new_block(), b.new_block(), b.new_block());
    b.switch_to(e);
    b.branch(x, a, c);
    b.switch_to(a);
    b.jump(c);
    b.switch_to(c);
    b.jump(a);
    b.finish();
    let wasm = emit(&m, &EmitOptions::default()).unwrap();
    validate(&wasm).unwrap();
}

#[test]
fn verify_failures_are_reported_one_per_line() {
    let mut m = Module::new();
    ok_function(&mut m, "good");
    // Declared, never defined.
    m.declare_func("missing", Signature::new([], []));
    // A type error: i32.add on an i64.
    let f = m.declare_func("bad", Signature::new([Type::I64], [Type::I32]));
    let mut b = FunctionBuilder::new(&mut m, f);
    let x = b.param(0);
    let y = b.bin(BinOp::I32Add, x, x);
    b.ret(&[y]);
    b.finish();
    // A block without terminator.
    let f = m.declare_func("open", Signature::new([], []));
    let mut b = FunctionBuilder::new(&mut m, f);
    b.i32_const(1);
    b.finish();

    let err = emit(&m, &EmitOptions::default()).unwrap_err();
    let EmitError::Verify(errors) = &err else {
        panic!("expected Verify, got {err:?}");
    };
    let names: Vec<&str> = errors.iter().map(|e| e.function.as_str()).collect();
    assert_eq!(names, ["missing", "bad", "open"]);
    let msg = err.to_string();
    assert_eq!(msg.lines().count(), 3, "{msg}");
    for (line, e) in msg.lines().zip(errors) {
        assert_eq!(line, e.to_string());
        assert!(line.contains(&format!("`{}`", e.function)), "{line}");
    }
}

#[test]
fn structure_reports_bad_targets_instead_of_panicking() {
    let body = Body {
        locals: vec![],
        blocks: vec![Block {
            label: None,
            insts: vec![],
            term: Some(Terminator::Jump(BlockId(42))),
        }],
        entry: BlockId(0),
    };
    assert!(matches!(structure("f", &body), Err(EmitError::Verify(_))));
    let body = Body {
        entry: BlockId(3),
        ..body
    };
    assert!(matches!(structure("f", &body), Err(EmitError::Verify(_))));
}

#[test]
fn internal_errors_say_they_are_switchyard_bugs() {
    let e = EmitError::InvalidOutput("type mismatch at 0x2a".into());
    let msg = e.to_string();
    assert!(
        msg.starts_with("internal error: switchyard produced invalid Wasm: type mismatch at 0x2a"),
        "{msg}"
    );
    assert!(msg.contains("please report"), "{msg}");
    let boxed: Box<dyn std::error::Error> = Box::new(e);
    assert!(boxed.to_string().contains("internal error"));
}

#[test]
fn validate_rejects_bad_bytes_and_disallowed_features() {
    assert!(matches!(
        validate(b"\0asm\x01\0\0\0\x01\x01"),
        Err(EmitError::InvalidOutput(_))
    ));
    // Two memories (multi-memory) are not among our features.
    let mut module = wasm_encoder::Module::new();
    let mut mems = wasm_encoder::MemorySection::new();
    for _ in 0..2 {
        mems.memory(wasm_encoder::MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
    }
    module.section(&mems);
    assert!(matches!(
        validate(&module.finish()),
        Err(EmitError::InvalidOutput(_))
    ));
}

#[test]
fn feature_set_is_exactly_what_we_promise() {
    let f = wasm_features();
    for wanted in [
        WasmFeatures::MUTABLE_GLOBAL,
        WasmFeatures::SIGN_EXTENSION,
        WasmFeatures::SATURATING_FLOAT_TO_INT,
        WasmFeatures::BULK_MEMORY,
        WasmFeatures::MULTI_VALUE,
        WasmFeatures::TAIL_CALL,
        WasmFeatures::FLOATS,
    ] {
        assert!(f.contains(wanted), "missing {wanted:?}");
    }
    for unwanted in [
        WasmFeatures::SIMD,
        WasmFeatures::THREADS,
        WasmFeatures::MULTI_MEMORY,
        WasmFeatures::MEMORY64,
        WasmFeatures::EXCEPTIONS,
        WasmFeatures::GC,
        WasmFeatures::STACK_SWITCHING,
        WasmFeatures::REFERENCE_TYPES,
    ] {
        assert!(!f.contains(unwanted), "unexpected {unwanted:?}");
    }
}

fn many_locals(n: usize) -> Module {
    let mut m = Module::new();
    let f = m.declare_func("many", Signature::new([Type::I32], [Type::I32]));
    let mut b = FunctionBuilder::new(&mut m, f);
    let x = b.param(0);
    for _ in 1..n {
        b.local(Type::I64);
    }
    b.ret(&[x]);
    b.finish();
    m
}

#[test]
fn engine_limits_are_input_errors_not_internal_errors() {
    // Exactly at the limit (parameters count as locals): fine.
    let wasm = emit(&many_locals(50_000), &EmitOptions::default()).unwrap();
    validate(&wasm).unwrap();
    // One more: reported against the function, not as our bug.
    let err = emit(&many_locals(50_001), &EmitOptions::default()).unwrap_err();
    assert!(
        matches!(&err, EmitError::LimitExceeded { function: Some(f), .. } if f == "many"),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains("`many`") && msg.contains("50001 locals"),
        "{msg}"
    );
    assert!(!msg.contains("internal error"));

    let mut m = Module::new();
    m.memory.min_pages = 70_000;
    let err = emit(&m, &EmitOptions::default()).unwrap_err();
    assert!(
        matches!(err, EmitError::LimitExceeded { function: None, .. }),
        "{err:?}"
    );
    m.memory.min_pages = 65_536;
    validate(&emit(&m, &EmitOptions::default()).unwrap()).unwrap();
}
