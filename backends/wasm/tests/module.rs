//! Module-level encoding: function index remapping (imports first), tail
//! calls, tables and function addresses, globals, memory, data, start,
//! exports, names, multi-value, local declarations, type deduplication,
//! instruction selection for every operator, and the peephole pass.

mod common;

use common::sem::Val;
use switchyard_ir::*;
use switchyard_wasm::{emit, to_wat, validate, EmitOptions};
use wasmparser::{Operator, Parser, Payload};

fn emit_ok(m: &Module) -> Vec<u8> {
    let wasm = emit(m, &EmitOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    validate(&wasm).unwrap();
    wasm
}

/// The operators of every defined function, in Wasm order.
fn bodies(wasm: &[u8]) -> Vec<Vec<String>> {
    let mut out = vec![];
    for p in Parser::new(0).parse_all(wasm) {
        if let Payload::CodeSectionEntry(body) = p.unwrap() {
            let ops = body.get_operators_reader().unwrap();
            out.push(
                ops.into_iter()
                    .map(|o| format!("{:?}", o.unwrap()))
                    .collect(),
            );
        }
    }
    out
}

fn has_name_section(wasm: &[u8]) -> bool {
    Parser::new(0)
        .parse_all(wasm)
        .any(|p| matches!(p.unwrap(), Payload::CustomSection(c) if c.name() == "name"))
}

#[test]
fn imports_interleaved_with_definitions_are_remapped() {
    let mut m = Module::new();
    let sig = Signature::new([Type::I32], [Type::I32]);
    let a = m.declare_func("a", sig.clone()); // IR 0 -> Wasm 2
    let x = m.import_func("env", "x", sig.clone()); // IR 1 -> Wasm 0
    let b = m.declare_func("b", sig.clone()); // IR 2 -> Wasm 3
    let y = m.import_func("env", "y", sig.clone()); // IR 3 -> Wasm 1
    {
        let mut fb = FunctionBuilder::new(&mut m, a);
        let p = fb.param(0);
        let r = fb.call1(y, &[p]);
        let s = fb.bin(BinOp::I32Add, r, p);
        fb.ret(&[s]);
        fb.finish();
    }
    {
        let mut fb = FunctionBuilder::new(&mut m, b);
        let p = fb.param(0);
        let r1 = fb.call1(x, &[p]);
        let r2 = fb.call1(a, &[r1]);
        let slot = fb.func_addr(y);
        let r3 = fb.call_indirect(&sig, slot, &[r2]);
        fb.ret(&[r3[0]]);
        fb.finish();
    }
    m.export_func(b, "b");
    m.export_func(x, "reexported_x");
    m.start = None;
    let wasm = emit_ok(&m);

    let mut imports = vec![];
    let mut exports = vec![];
    let mut elements = vec![];
    for p in Parser::new(0).parse_all(&wasm) {
        match p.unwrap() {
            Payload::ImportSection(r) => {
                for i in r.into_imports() {
                    let i = i.unwrap();
                    imports.push(format!("{}.{}", i.module, i.name));
                }
            }
            Payload::ExportSection(r) => {
                for e in r {
                    let e = e.unwrap();
                    exports.push((e.name.to_string(), e.index));
                }
            }
            Payload::ElementSection(r) => {
                for e in r {
                    if let wasmparser::ElementItems::Functions(fs) = e.unwrap().items {
                        elements.extend(fs.into_iter().map(|f| f.unwrap()));
                    }
                }
            }
            _ => {}
        }
    }
    assert_eq!(imports, ["env.x", "env.y"]);
    assert!(exports.contains(&("b".to_string(), 3)));
    assert!(exports.contains(&("reexported_x".to_string(), 0)));
    assert_eq!(elements, [1]); // the table holds env.y
    let code = bodies(&wasm);
    let calls = |ops: &Vec<String>| {
        ops.iter()
            .filter(|o| o.starts_with("Call {"))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(calls(&code[0]), ["Call { function_index: 1 }"]); // a calls y
    assert_eq!(
        calls(&code[1]),
        ["Call { function_index: 0 }", "Call { function_index: 2 }"]
    ); // b calls x, a
    let wat = to_wat(&wasm).unwrap();
    assert!(wat.contains("call $env.y"), "{wat}");
    assert!(
        wat.contains("call $env.x") && wat.contains("call $a"),
        "{wat}"
    );

    // And it computes the same as the IR, host calls included.
    let out = common::differential(&m, "b", &[vec![Val::I32(5)], vec![Val::I32(-9)]], "remap");
    // x, then y inside a, then y through the table.
    assert!(out.iter().all(|o| o.result.is_ok() && o.log.len() == 3));
}

#[test]
fn tail_calls_direct_and_indirect() {
    // even/odd by mutual tail recursion, deep enough that real recursion
    // would exhaust the interpreters' call depth.
    let mut m = Module::new();
    let sig = Signature::new([Type::I32], [Type::I32]);
    let even = m.declare_func("even", sig.clone());
    let odd = m.declare_func("odd", sig.clone());
    m.export_func(even, "even");
    let odd_slot = m.table_slot(odd);
    for (f, other, base) in [(even, odd, 1), (odd, even, 0)] {
        let mut b = FunctionBuilder::new(&mut m, f);
        let n = b.param(0);
        let z = b.un(UnOp::I32Eqz, n);
        let done = b.new_block();
        let more = b.new_block();
        b.branch(z, done, more);
        b.switch_to(done);
        let r = b.i32_const(base);
        b.ret(&[r]);
        b.switch_to(more);
        let one = b.i32_const(1);
        let n1 = b.bin(BinOp::I32Sub, n, one);
        if f == even {
            // even -> odd through the table
            let slot = b.i32_const(odd_slot as i32);
            b.tail_call_indirect(sig.clone(), slot, &[n1]);
        } else {
            b.tail_call(other, &[n1]);
        }
        b.finish();
    }
    let wasm = emit_ok(&m);
    let wat = to_wat(&wasm).unwrap();
    assert!(wat.contains("return_call $even"), "{wat}");
    assert!(wat.contains("return_call_indirect (type 0)"), "{wat}");
    let out = common::differential(
        &m,
        "even",
        &[
            vec![Val::I32(0)],
            vec![Val::I32(7)],
            vec![Val::I32(100_000)],
        ],
        "tail calls",
    );
    assert_eq!(out[0].result, Ok(vec![Val::I32(1)]));
    assert_eq!(out[1].result, Ok(vec![Val::I32(0)]));
    assert_eq!(out[2].result, Ok(vec![Val::I32(1)]));
}

#[test]
fn wat_contains_the_expected_instructions() {
    let m = common::gen::random_module(5, 60, 5);
    let wasm = emit_ok(&m);
    let wat = to_wat(&wasm).unwrap();
    for needle in [
        "(func $main",
        "(export \"main\"",
        "(import \"env\" \"log\"",
        "(table (;0;) 2 2 funcref)",
        "(elem (;0;) (i32.const 0) func $mix $twice)",
        "(global $g (;0;) (mut i32) i32.const 5)",
        "(data (;0;) (i32.const 16) \"\\01\\02\\03\\04\\fa\\fb\\fc\\fd\")",
        "local.tee $acc",
        "i32.mul",
        "loop",
        "call_indirect (type 0)",
        "(local $acc i32)",
    ] {
        assert!(wat.contains(needle), "missing {needle:?} in\n{wat}");
    }
}

#[test]
fn every_operator_selects_its_instruction() {
    // One function per operator; the printed text must name the operator
    // exactly as the IR does.
    let mut m = Module::new();
    for (i, op) in UnOp::ALL.iter().enumerate() {
        let t = op.operand_types()[0];
        let f = m.declare_func(format!("u{i}"), Signature::new([t], [op.result_type()]));
        let mut b = FunctionBuilder::new(&mut m, f);
        let x = b.param(0);
        let r = b.un(*op, x);
        b.ret(&[r]);
        b.finish();
    }
    for (i, op) in BinOp::ALL.iter().enumerate() {
        let ts = op.operand_types();
        let f = m.declare_func(
            format!("b{i}"),
            Signature::new(ts.to_vec(), [op.result_type()]),
        );
        let mut b = FunctionBuilder::new(&mut m, f);
        let (x, y) = (b.param(0), b.param(1));
        let r = b.bin(*op, x, y);
        b.ret(&[r]);
        b.finish();
    }
    for (i, k) in LoadKind::ALL.iter().enumerate() {
        let f = m.declare_func(
            format!("l{i}"),
            Signature::new([Type::I32], [k.result_type()]),
        );
        let mut b = FunctionBuilder::new(&mut m, f);
        let x = b.param(0);
        let r = b.load(*k, x, 24);
        b.ret(&[r]);
        b.finish();
    }
    for (i, k) in StoreKind::ALL.iter().enumerate() {
        let f = m.declare_func(
            format!("s{i}"),
            Signature::new([Type::I32, k.value_type()], []),
        );
        let mut b = FunctionBuilder::new(&mut m, f);
        let (x, v) = (b.param(0), b.param(1));
        b.store(*k, x, 8, v);
        b.ret(&[]);
        b.finish();
    }
    let wasm = emit_ok(&m);
    let wat = to_wat(&wasm).unwrap();
    let body_of = |name: &str| -> String {
        let start = wat.find(&format!("(func ${name} ")).unwrap();
        let rest = &wat[start..];
        let end = rest[1..]
            .find("(func ")
            .map(|e| e + 1)
            .unwrap_or(rest.len());
        rest[..end].to_string()
    };
    for (i, op) in UnOp::ALL.iter().enumerate() {
        let body = body_of(&format!("u{i}"));
        assert!(
            body.contains(&format!("    {}\n", op.name())),
            "{op:?}: {body}"
        );
    }
    for (i, op) in BinOp::ALL.iter().enumerate() {
        let body = body_of(&format!("b{i}"));
        assert!(
            body.contains(&format!("    {}\n", op.name())),
            "{op:?}: {body}"
        );
    }
    // Natural alignment is the default, so wasmprinter prints no align=.
    for (i, k) in LoadKind::ALL.iter().enumerate() {
        let body = body_of(&format!("l{i}"));
        assert!(
            body.contains(&format!("    {} offset=24\n", k.name())),
            "{k:?}: {body}"
        );
    }
    for (i, k) in StoreKind::ALL.iter().enumerate() {
        let body = body_of(&format!("s{i}"));
        assert!(
            body.contains(&format!("    {} offset=8\n", k.name())),
            "{k:?}: {body}"
        );
    }
    // ... and the Wasm interpreter (which checks natural alignment) decodes
    // every one of them back to the same operator.
    common::wasm_interp::WasmModule::parse(&wasm).unwrap();
}

#[test]
fn module_level_items() {
    let mut m = Module::new();
    m.memory = Memory {
        min_pages: 2,
        max_pages: Some(5),
        export: Some("mem".into()),
    };
    let g_nan = m.add_global("nan", Type::F64, false, Const::F64(0x7ff8_0000_dead_beef));
    m.globals[g_nan.index()].export = Some("the_nan".into());
    let counter = m.add_global("counter", Type::I32, true, Const::I32(40));
    m.add_data(100, b"hello".to_vec());
    let init = m.declare_func("init", Signature::new([], []));
    {
        let mut b = FunctionBuilder::new(&mut m, init);
        let v = b.global_get(counter);
        let two = b.i32_const(2);
        let s = b.bin(BinOp::I32Add, v, two);
        b.global_set(counter, s);
        b.ret(&[]);
        b.finish();
    }
    m.start = Some(init);
    let get = m.declare_func("get", Signature::new([], [Type::I32, Type::I64]));
    m.export_func(get, "get");
    {
        let mut b = FunctionBuilder::new(&mut m, get);
        let v = b.global_get(counter);
        let a = b.i32_const(101);
        let byte = b.load(LoadKind::I32U8, a, 0); // 'e'
        let grown = b.i32_const(1);
        let old = b.memory_grow(grown);
        let size = b.memory_size();
        let wide = b.un(UnOp::I64ExtendI32U, size);
        let s = b.bin(BinOp::I32Add, v, byte);
        let s = b.bin(BinOp::I32Add, s, old);
        b.ret(&[s, wide]);
        b.finish();
    }
    let wasm = emit_ok(&m);
    let wat = to_wat(&wasm).unwrap();
    for needle in [
        "(memory (;0;) 2 5)",
        "(export \"mem\" (memory 0))",
        "(export \"the_nan\" (global $nan))",
        "(global $nan (;0;) f64 f64.const nan:0x80000deadbeef",
        "(start $init)",
        "(data (;0;) (i32.const 100) \"hello\")",
        "(func $get (;1;) (type 1) (result i32 i64)",
    ] {
        assert!(wat.contains(needle), "missing {needle:?} in\n{wat}");
    }
    let out = common::differential(&m, "get", &[vec![]], "module items");
    // 40 + 2 (start) + 'e' (101) + old size 2; new size 3
    assert_eq!(out[0].result, Ok(vec![Val::I32(145), Val::I64(3)]));
}

#[test]
fn indirect_call_without_table_entries_still_declares_a_table() {
    let mut m = Module::new();
    let sig = Signature::new([], [Type::I32]);
    let f = m.declare_func("f", Signature::new([Type::I32], [Type::I32]));
    m.export_func(f, "f");
    let mut b = FunctionBuilder::new(&mut m, f);
    let x = b.param(0);
    let r = b.call_indirect(&sig, x, &[]);
    b.ret(&[r[0]]);
    b.finish();
    let wasm = emit_ok(&m);
    assert!(to_wat(&wasm).unwrap().contains("(table (;0;) 0 0 funcref)"));
    let out = common::differential(&m, "f", &[vec![Val::I32(0)]], "empty table");
    assert_eq!(out[0].result, Err("undefined element".to_string()));
}

#[test]
fn multi_value_calls_land_in_order() {
    let mut m = Module::new();
    let three = m.declare_func(
        "three",
        Signature::new([Type::I32], [Type::I32, Type::I64, Type::F64]),
    );
    {
        let mut b = FunctionBuilder::new(&mut m, three);
        let x = b.param(0);
        let w = b.un(UnOp::I64ExtendI32S, x);
        let f = b.un(UnOp::F64ConvertI32S, x);
        let one = b.i32_const(1);
        let y = b.bin(BinOp::I32Add, x, one);
        b.ret(&[y, w, f]);
        b.finish();
    }
    let pair = m.declare_func("pair", Signature::new([], [Type::I32, Type::I32]));
    {
        let mut b = FunctionBuilder::new(&mut m, pair);
        let (p, q) = (b.i32_const(10), b.i32_const(20));
        b.ret(&[p, q]);
        b.finish();
    }
    let main = m.declare_func(
        "main",
        Signature::new([Type::I32], [Type::I32, Type::I64, Type::F64]),
    );
    m.export_func(main, "main");
    {
        let mut b = FunctionBuilder::new(&mut m, main);
        let x = b.param(0);
        let r = b.call(three, &[x]);
        // Results land in order: `d` gets 10, `e` gets 20.
        let (d, e) = (b.local(Type::I32), b.local(Type::I32));
        b.call_into(&[d, e], pair, &[]);
        let s = b.bin(BinOp::I32Add, r[0], e);
        b.ret(&[s, r[1], r[2]]);
        b.finish();
    }
    let wasm = emit_ok(&m);
    let wat = to_wat(&wasm).unwrap();
    assert!(wat.contains("(result i32 i64 f64)"), "{wat}");
    let out = common::differential(&m, "main", &[vec![Val::I32(4)]], "multi-value");
    assert_eq!(
        out[0].result,
        Ok(vec![Val::I32(25), Val::I64(4), Val::F64(4f64.to_bits())])
    );
}

#[test]
fn locals_are_declared_in_runs_and_types_are_deduplicated() {
    let mut m = Module::new();
    let sig = Signature::new([Type::I32, Type::F32], [Type::I32]);
    for name in ["f", "g"] {
        let f = m.declare_func(name, sig.clone());
        let mut b = FunctionBuilder::new(&mut m, f);
        for t in [
            Type::I32,
            Type::I32,
            Type::I64,
            Type::I32,
            Type::F64,
            Type::F64,
        ] {
            b.local(t);
        }
        let x = b.param(0);
        b.ret(&[x]);
        b.finish();
    }
    let wasm = emit_ok(&m);
    let mut ntypes = 0;
    let mut groups = vec![];
    for p in Parser::new(0).parse_all(&wasm) {
        match p.unwrap() {
            Payload::TypeSection(r) => ntypes = r.count(),
            Payload::CodeSectionEntry(body) => {
                let g: Vec<(u32, wasmparser::ValType)> = body
                    .get_locals_reader()
                    .unwrap()
                    .into_iter()
                    .map(|l| l.unwrap())
                    .collect();
                groups.push(g);
            }
            _ => {}
        }
    }
    use wasmparser::ValType as V;
    assert_eq!(ntypes, 1);
    assert_eq!(
        groups[0],
        [(2, V::I32), (1, V::I64), (1, V::I32), (2, V::F64)]
    );
    assert_eq!(groups[0], groups[1]);
}

#[test]
fn names_section_is_optional() {
    let m = common::gen::random_module(9, 20, 3);
    let with = emit(
        &m,
        &EmitOptions {
            names: true,
            ..Default::default()
        },
    )
    .unwrap();
    let without = emit(
        &m,
        &EmitOptions {
            names: false,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(has_name_section(&with));
    assert!(!has_name_section(&without));
    assert!(without.len() < with.len());
    let wat = to_wat(&with).unwrap();
    assert!(wat.contains("(func $main") && wat.contains("$acc") && wat.contains("$wide"));
    assert!(wat.contains("(global $g"));
    let wat = to_wat(&without).unwrap();
    assert!(!wat.contains("$main") && !wat.contains("$acc"));
    // Names do not change the code.
    assert_eq!(bodies(&with), bodies(&without));
}

#[test]
fn peephole_keeps_temporaries_on_the_stack() {
    // (a + b) * a: the temporary disappears; `a` is read three times.
    let mut m = Module::new();
    let f = m.declare_func("f", Signature::new([Type::I32, Type::I32], [Type::I32]));
    m.export_func(f, "f");
    let mut b = FunctionBuilder::new(&mut m, f);
    let (x, y) = (b.param(0), b.param(1));
    let s = b.bin(BinOp::I32Add, x, y);
    let p = b.bin(BinOp::I32Mul, s, x);
    let q = b.local(Type::I32);
    b.copy(q, p); // q is read twice below: set+get becomes tee
    let r = b.bin(BinOp::I32Sub, q, q);
    let r = b.bin(BinOp::I32Add, r, q);
    b.ret(&[r]);
    b.finish();
    let wasm = emit_ok(&m);
    let ops = &bodies(&wasm)[0];
    let expected = [
        "LocalGet { local_index: 0 }",
        "LocalGet { local_index: 1 }",
        "I32Add",
        "LocalGet { local_index: 0 }",
        "I32Mul",
        "LocalTee { local_index: 4 }",
        "LocalGet { local_index: 4 }",
        "I32Sub",
        "LocalGet { local_index: 4 }",
        "I32Add",
        "End",
    ];
    assert_eq!(ops, &expected);
    let out = common::differential(&m, "f", &[vec![Val::I32(3), Val::I32(4)]], "peephole");
    assert_eq!(out[0].result, Ok(vec![Val::I32(21)]));
}

#[test]
fn peephole_unit() {
    use switchyard_wasm::peephole::peephole;
    use wasm_encoder::Instruction as I;
    let out = peephole(
        vec![
            I::I32Const(1),
            I::LocalSet(0),
            I::LocalGet(0),
            I::LocalSet(1),
            I::LocalGet(1),
            I::LocalGet(1),
            I::I32Add,
            I::Drop,
        ],
        2,
    );
    // local 0 is read once: the pair vanishes; local 1 is read twice: tee.
    let dbg: Vec<String> = out.iter().map(|i| format!("{i:?}")).collect();
    assert_eq!(
        dbg,
        [
            "I32Const(1)",
            "LocalTee(1)",
            "LocalGet(1)",
            "I32Add",
            "Drop"
        ]
    );
    // Operators are never reordered across control instructions.
    let out = peephole(vec![I::LocalSet(0), I::End, I::LocalGet(0)], 1);
    assert_eq!(out.len(), 3);

    // A single-use constant moves to its use...
    let out = peephole(
        vec![
            I::I32Const(7),
            I::LocalSet(0),
            I::LocalGet(1),
            I::LocalGet(0),
            I::I32Add,
        ],
        2,
    );
    let dbg: Vec<String> = out.iter().map(|i| format!("{i:?}")).collect();
    assert_eq!(dbg, ["LocalGet(1)", "I32Const(7)", "I32Add"]);
    // ... but not across a control instruction (the read might run without
    // the write), and not if the local is written twice.
    for code in [
        vec![I::I32Const(7), I::LocalSet(0), I::End, I::LocalGet(0)],
        vec![
            I::I32Const(7),
            I::LocalSet(0),
            I::I32Const(8),
            I::LocalSet(0),
            I::Nop,
            I::LocalGet(0),
        ],
    ] {
        let n = code.len();
        assert_eq!(peephole(code, 1).len(), n);
    }
    let _ = Operator::Nop;
}
