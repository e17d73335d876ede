//! Builder, printer and verifier tests.

use switchyard_ir::*;

fn max_module() -> Module {
    let mut m = Module::new();
    let f = m.declare_func("max", Signature::new([Type::I32, Type::I32], [Type::I32]));
    m.export_func(f, "max");
    let mut b = FunctionBuilder::new(&mut m, f);
    let (x, y) = (b.param(0), b.param(1));
    let gt = b.bin(BinOp::I32GtS, x, y);
    let r = b.named_local(Type::I32, "r");
    b.if_else(gt, |b| b.copy(r, x), |b| b.copy(r, y));
    b.ret(&[r]);
    b.finish();
    m
}

#[test]
fn builder_produces_verified_cfg() {
    let m = max_module();
    assert_eq!(verify(&m), Ok(()));
    let body = m.funcs[0].body().unwrap();
    // entry, then, else, join
    assert_eq!(body.blocks.len(), 4);
    assert_eq!(
        body.blocks[0].term.as_ref().unwrap().successors(),
        vec![BlockId(1), BlockId(2)]
    );
    let preds = body.predecessors();
    assert_eq!(preds[3], vec![BlockId(1), BlockId(2)]);
}

#[test]
fn printer_shows_functions_blocks_and_names() {
    let text = print_module(&max_module());
    let expected = "\
memory 1 pages export \"memory\"

func $max(%0: i32, %1: i32) -> (i32) export \"max\" {
  local %2: i32
  local %3: i32 \"r\"
bb0 (entry):
  %2 = i32.gt_s %0, %1
  br %2, bb1, bb2
bb1:
  %3 = %0
  jump bb3
bb2:
  %3 = %1
  jump bb3
bb3:
  return %3
}
";
    assert_eq!(text, expected);
}

#[test]
fn loops_and_switches_verify() {
    let mut m = Module::new();
    let f = m.declare_func("sum_to", Signature::new([Type::I32], [Type::I64]));
    let mut b = FunctionBuilder::new(&mut m, f);
    let n = b.param(0);
    let i = b.i32_const(0);
    let acc = b.i64_const(0);
    let one = b.i32_const(1);
    b.while_(
        |b| b.bin(BinOp::I32LtS, i, n),
        |b, _| {
            let wide = b.un(UnOp::I64ExtendI32S, i);
            b.binary_into(acc, BinOp::I64Add, acc, wide);
            b.binary_into(i, BinOp::I32Add, i, one);
        },
    );
    let done = b.new_block();
    let other = b.new_block();
    b.switch(n, vec![done, other, done], other);
    b.switch_to(done);
    b.ret(&[acc]);
    b.switch_to(other);
    b.ret(&[acc]);
    b.finish();
    assert_eq!(verify(&m), Ok(()));
}

fn single_error(m: &Module) -> VerifyError {
    let errs = verify(m).expect_err("module should not verify");
    assert_eq!(errs.len(), 1, "{errs:?}");
    errs.into_iter().next().unwrap()
}

#[test]
fn type_mismatch_names_function_and_block() {
    let mut m = Module::new();
    let f = m.declare_func(
        "bad_add",
        Signature::new([Type::I32, Type::I64], [Type::I32]),
    );
    let mut b = FunctionBuilder::new(&mut m, f);
    let next = b.new_block();
    b.jump(next);
    b.switch_to(next);
    let s = b.local(Type::I32);
    b.binary_into(s, BinOp::I32Add, Local(0), Local(1));
    b.ret(&[s]);
    b.finish();
    let e = single_error(&m);
    assert_eq!(e.function, "bad_add");
    assert_eq!(e.block, Some(BlockId(1)));
    assert_eq!(
        e.to_string(),
        "invalid IR in function `bad_add`, block bb1: instruction 0: i32.add right operand %1 has type i64, expected i32"
    );
}

#[test]
fn missing_terminator_is_reported() {
    let mut m = Module::new();
    let f = m.declare_func("open_end", Signature::new([], []));
    let mut b = FunctionBuilder::new(&mut m, f);
    b.i32_const(1);
    b.finish();
    let e = single_error(&m);
    assert_eq!(e.block, Some(BlockId(0)));
    assert!(e.message.contains("no terminator"), "{e}");
}

#[test]
fn bad_references_are_reported_not_panicking() {
    let mut m = Module::new();
    let callee = m.declare_func("callee", Signature::new([Type::I32], [Type::I32]));
    let mut b = FunctionBuilder::new(&mut m, callee);
    b.ret(&[Local(0)]);
    b.finish();

    // Wrong argument count.
    let f = m.declare_func("caller", Signature::new([], []));
    let mut b = FunctionBuilder::new(&mut m, f);
    b.call(callee, &[]);
    b.ret(&[]);
    b.finish();
    // Jump to a block that does not exist, and a missing local.
    let g = m.declare_func("jumper", Signature::new([], []));
    let mut b = FunctionBuilder::new(&mut m, g);
    b.jump(BlockId(42));
    b.finish();
    let h = m.declare_func("ghost_local", Signature::new([], [Type::I32]));
    let mut b = FunctionBuilder::new(&mut m, h);
    b.ret(&[Local(7)]);
    b.finish();
    // Declared, never defined.
    m.declare_func("never", Signature::new([], []));

    let errs = verify(&m).unwrap_err();
    let by_fn = |name: &str| {
        errs.iter()
            .find(|e| e.function == name)
            .unwrap()
            .to_string()
    };
    assert!(by_fn("caller").contains("passes 0 arguments, expected 1"));
    assert!(by_fn("jumper").contains("target block bb42 does not exist"));
    assert!(by_fn("ghost_local").contains("local %7 does not exist"));
    assert!(by_fn("never").contains("declared but never defined"));
    assert_eq!(errs.len(), 4);
}

#[test]
fn module_level_errors() {
    let mut m = Module::new();
    m.declare_func("dup", Signature::new([], []));
    m.declare_func("dup", Signature::new([], []));
    m.add_global("g", Type::I32, true, Const::I64(0));
    m.add_data(65530, vec![0; 16]);
    let errs = verify(&m).unwrap_err();
    let all: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
    assert!(
        all.iter()
            .any(|e| e.contains("duplicate function name `dup`")),
        "{all:?}"
    );
    assert!(
        all.iter().any(|e| e.contains("initialiser is i64")),
        "{all:?}"
    );
    assert!(all.iter().any(|e| e.contains("does not fit")), "{all:?}");
}

#[test]
fn tail_call_result_mismatch_is_rejected() {
    let mut m = Module::new();
    let callee = m.declare_func("returns_i64", Signature::new([], [Type::I64]));
    let mut b = FunctionBuilder::new(&mut m, callee);
    let z = b.i64_const(0);
    b.ret(&[z]);
    b.finish();
    let f = m.declare_func("returns_i32", Signature::new([], [Type::I32]));
    let mut b = FunctionBuilder::new(&mut m, f);
    b.tail_call(callee, &[]);
    b.finish();
    let e = single_error(&m);
    assert_eq!(e.function, "returns_i32");
    assert!(
        e.message
            .contains("tail-called `returns_i64` returns (i64)"),
        "{e}"
    );
}

#[test]
fn appending_after_terminator_starts_unreachable_block() {
    let mut m = Module::new();
    let f = m.declare_func("dead_code", Signature::new([], [Type::I32]));
    let mut b = FunctionBuilder::new(&mut m, f);
    let one = b.i32_const(1);
    b.ret(&[one]);
    let two = b.i32_const(2); // dead, lands in a fresh block
    b.ret(&[two]);
    b.finish();
    assert_eq!(verify(&m), Ok(()));
    assert_eq!(m.funcs[0].body().unwrap().blocks.len(), 2);
}

#[test]
fn func_addr_requires_table_entry() {
    let mut m = Module::new();
    let target = m.declare_func("target", Signature::new([], []));
    let mut b = FunctionBuilder::new(&mut m, target);
    b.ret(&[]);
    b.finish();
    let f = m.declare_func("taker", Signature::new([], [Type::I32]));
    let mut b = FunctionBuilder::new(&mut m, f);
    let slot = b.func_addr(target);
    b.ret(&[slot]);
    b.finish();
    assert_eq!(verify(&m), Ok(()));
    assert_eq!(m.table, vec![target]);
    m.table.clear();
    let e = single_error(&m);
    assert!(e.message.contains("not in the table"), "{e}");
}

#[test]
fn ops_tables_are_consistent() {
    for op in BinOp::ALL {
        assert_eq!(BinOp::from_name(op.name()), Some(*op));
        assert_eq!(op.operand_types().len(), 2);
    }
    for op in UnOp::ALL {
        assert_eq!(UnOp::from_name(op.name()), Some(*op));
        assert_eq!(op.operand_types().len(), 1);
    }
    assert_eq!(BinOp::F64Lt.result_type(), Type::I32);
    assert_eq!(StoreKind::I64As32.value_type(), Type::I64);
}

#[test]
fn join_block_of_returning_branches_is_closed() {
    let mut m = Module::new();
    let f = m.declare_func("both_return", Signature::new([Type::I32], [Type::I32]));
    let mut b = FunctionBuilder::new(&mut m, f);
    let x = b.param(0);
    b.if_else(x, |b| b.ret(&[x]), |b| b.ret(&[x]));
    b.finish();
    assert_eq!(verify(&m), Ok(()));
}

#[test]
fn duplicate_call_results_are_rejected() {
    let mut m = Module::new();
    let pair = m.declare_func("pair", Signature::new([], [Type::I32, Type::I32]));
    let mut b = FunctionBuilder::new(&mut m, pair);
    let z = b.i32_const(0);
    b.ret(&[z, z]);
    b.finish();
    let f = m.declare_func("caller", Signature::new([], []));
    let mut b = FunctionBuilder::new(&mut m, f);
    let r = b.local(Type::I32);
    b.call_into(&[r, r], pair, &[]);
    b.ret(&[]);
    b.finish();
    let e = single_error(&m);
    assert!(e.message.contains("names result local %0 twice"), "{e}");
}
