//! Structuring on many CFG shapes: exact snapshots of the structured tree
//! for small shapes, plus, for every shape, Wasm validation, structural
//! invariants and agreement of the IR, structured and Wasm interpreters.
//! Also huge and deeply nested functions (run on the test harness's 2 MiB
//! threads, so recursion anywhere would overflow).

mod common;

use common::sem::Val;
use common::shapes::{render, shape_module, Succ, Succ::*};
use switchyard_ir::*;
use switchyard_wasm::{structure, translate, Label, Node};

fn inputs() -> Vec<Vec<Val>> {
    [0, 1, 2, 3, 5, 8, 13, -1, 12345, i32::MIN]
        .iter()
        .map(|&x| vec![Val::I32(x)])
        .collect()
}

/// Emits, validates and runs the shape four ways; returns the snapshot.
fn check(shape: &[Succ]) -> String {
    let m = shape_module(shape, 0);
    verify(&m).unwrap();
    common::differential(&m, "f", &inputs(), &format!("{shape:?}"));
    render(&m)
}

fn lines(s: &str) -> String {
    s.lines()
        .map(|l| l.strip_prefix("            ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
        + "\n"
}

#[test]
fn straight_line_needs_no_constructs() {
    let got = check(&[Jump(1), Jump(2), Ret]);
    assert_eq!(
        got,
        lines(
            "
            run pro
            run s0
            run s1
            run s2
            exit s2
            "
        )
    );
}

#[test]
fn diamond_is_an_if_else() {
    let got = check(&[Br(1, 2), Jump(3), Jump(3), Ret]);
    assert_eq!(
        got,
        lines(
            "
            run pro
            run s0
            if %9
              run s1
            else
              run s2
            end
            run s3
            exit s3
            "
        )
    );
}

/// Ramsey: the loop exit s3 is dominated by the header and has one forward
/// predecessor, so its code goes inside the loop, in the `else` arm.
#[test]
fn while_loop() {
    let got = check(&[Jump(1), Br(2, 3), Jump(1), Ret]);
    assert_eq!(
        got,
        lines(
            "
            run pro
            run s0
            loop $loop_s1
              run s1
              if %9
                run s2
                br $loop_s1
              else
                run s3
                exit s3
              end
            end
            "
        )
    );
}

#[test]
fn self_loop() {
    let got = check(&[Jump(1), Br(1, 2), Ret]);
    assert_eq!(
        got,
        lines(
            "
            run pro
            run s0
            loop $loop_s1
              run s1
              br_if %9 $loop_s1
              run s2
              exit s2
            end
            "
        )
    );
}

#[test]
fn branch_with_both_targets_the_same_block() {
    let got = check(&[Br(1, 1), Ret]);
    assert_eq!(got, lines("run pro\nrun s0\nrun s1\nexit s1"));
}

#[test]
fn switch_with_duplicates_fallthrough_and_default() {
    // Cases 1 -> 2 -> 3 fall through like C; 3 is also the default; 4 is
    // the block after the switch and is itself a target.
    let got = check(&[
        Sw(vec![1, 1, 2, 3, 3, 4, 2], 3),
        Jump(2),
        Jump(3),
        Jump(4),
        Ret,
    ]);
    assert_eq!(
        got,
        lines(
            "
            run pro
            block $s4
              block $s3
                block $s2
                  block $s1
                    run s0
                    br_table %9 [$s1 $s1 $s2 $s3 $s3 $s4 $s2] $s3
                  end
                  run s1
                end
                run s2
              end
              run s3
            end
            run s4
            exit s4
            "
        )
    );
}

#[test]
fn switch_whose_targets_are_all_the_same_is_a_jump() {
    let got = check(&[Sw(vec![1, 1], 1), Ret]);
    assert_eq!(got, lines("run pro\nrun s0\nrun s1\nexit s1"));
    let got = check(&[Sw(vec![], 1), Ret]);
    assert_eq!(got, lines("run pro\nrun s0\nrun s1\nexit s1"));
}

#[test]
fn switch_to_loop_headers_and_exits() {
    check(&[Jump(1), Sw(vec![1, 2, 3, 1], 3), Jump(1), Ret]);
    // br_table straight to a loop label.
    let m = shape_module(&[Jump(1), Sw(vec![1, 2, 3, 1], 3), Jump(1), Ret], 0);
    let body = m.funcs[0].body().unwrap();
    let s = structure("f", body).unwrap();
    assert!(s.nodes.iter().any(|n| matches!(
        n,
        Node::BrTable { targets, .. } if targets.contains(&Label::Loop(BlockId(2)))
    )));
}

#[test]
fn nested_loops_with_break_and_continue_to_outer() {
    check(&[
        Jump(1),
        Br(2, 6),                // outer header
        Br(3, 5),                // inner header
        Sw(vec![2, 1, 6, 5], 4), // continue inner/outer, break outer/inner
        Jump(2),
        Jump(1),
        Ret,
    ]);
}

#[test]
fn early_returns_inside_loops() {
    check(&[Jump(1), Br(2, 5), Br(3, 4), Ret, Jump(1), Ret]);
    // return from the innermost of three loops
    check(&[
        Jump(1),
        Br(2, 9),
        Br(3, 8),
        Br(4, 7),
        Br(5, 6),
        Ret,
        Jump(3),
        Jump(2),
        Jump(1),
        Ret,
    ]);
}

#[test]
fn loop_with_multiple_exits() {
    check(&[Jump(1), Br(2, 3), Br(4, 1), Jump(5), Jump(5), Ret]);
    // exits to different places, one of which re-enters an outer loop
    check(&[Jump(1), Br(2, 6), Br(3, 4), Br(2, 5), Jump(1), Ret, Trap]);
}

#[test]
fn entry_block_is_a_loop_header() {
    // The shape's block 0 is preceded by the prologue, so also build a
    // function whose real entry is a loop header.
    check(&[Br(0, 1), Ret]);
    let mut m = Module::new();
    let f = m.declare_func("f", Signature::new([Type::I32], [Type::I32]));
    m.export_func(f, "f");
    let mut b = FunctionBuilder::new(&mut m, f);
    let x = b.param(0);
    let one = b.local(Type::I32);
    b.set_const(one, Const::I32(1));
    b.binary_into(x, BinOp::I32Sub, x, one);
    let exit = b.new_block();
    let pos = b.local(Type::I32);
    let zero = b.local(Type::I32);
    b.binary_into(pos, BinOp::I32GtS, x, zero);
    b.branch(pos, BlockId(0), exit);
    b.switch_to(exit);
    b.ret(&[x]);
    b.finish();
    let body = m.funcs[0].body().unwrap();
    let s = structure("f", body).unwrap();
    assert_eq!(s.nodes[0], Node::Loop(BlockId(0)));
    // (Not i32::MIN: that would count down for 2^31 iterations.)
    let out = common::differential(&m, "f", &inputs()[..9], "entry loop");
    assert_eq!(out[4].result, Ok(vec![Val::I32(0)])); // x = 5 counts down to 0
}

#[test]
fn loop_header_that_is_also_a_merge_node() {
    check(&[Br(1, 2), Jump(3), Jump(3), Br(4, 5), Jump(3), Ret]);
}

#[test]
fn unreachable_blocks_are_dropped() {
    // Blocks 1..3 are unreachable, including an irreducible cycle 2 <-> 3.
    let got = check(&[Ret, Jump(0), Br(3, 1), Jump(2)]);
    assert_eq!(got, lines("run pro\nrun s0\nexit s0"));
}

#[test]
fn traps_and_returns_in_arms() {
    check(&[Br(1, 2), Trap, Br(3, 4), Ret, Trap]);
}

#[test]
fn raw_translation_follows_ramsey() {
    // The raw translation keeps every branch explicit: merge node s3 gets a
    // block, both arms branch to it.
    let m = shape_module(&[Br(1, 2), Jump(3), Jump(3), Ret], 0);
    let body = m.funcs[0].body().unwrap();
    let raw = translate("f", body).unwrap();
    assert_eq!(
        raw.to_string(),
        lines(
            "
            run bb0
            block $bb4
              run bb1
              if %9
                run bb2
                br $bb4
              else
                run bb3
                br $bb4
              end
            end
            run bb4
            exit bb4
            "
        )
    );
}

/// `n` if/else diamonds in sequence: 3n + 1 blocks and a dominator tree
/// n deep, but shallow output.
fn diamond_chain(n: u32) -> Vec<Succ> {
    let mut s = vec![];
    for i in 0..n {
        s.push(Br(3 * i + 1, 3 * i + 2));
        s.push(Jump(3 * i + 3));
        s.push(Jump(3 * i + 3));
    }
    s.push(Ret);
    s
}

#[test]
fn five_thousand_if_else_diamonds() {
    let shape = diamond_chain(5000);
    let m = shape_module(&shape, 0);
    let body = m.funcs[0].body().unwrap();
    let s = structure("f", body).unwrap();
    common::check_invariants(body, &s);
    assert!(s.max_depth() <= 2, "depth {}", s.max_depth());
    common::differential(&m, "f", &inputs()[..3], "diamond chain");
}

/// `if c0 {..} else if c1 {..} else if ... else {..}` nested `n` deep, each
/// arm with its own join, so the output nests about 2n deep.
fn else_if_chain(n: u32) -> Vec<Succ> {
    // Block layout: cond_i = 3i, then_i = 3i + 1, join_i = 3i + 2;
    // last = 3n (the final else), exit = 3n + 1.
    let mut s = vec![];
    for i in 0..n {
        let next = 3 * (i + 1);
        s.push(Br(3 * i + 1, next));
        s.push(Jump(3 * i + 2));
        s.push(Jump(if i == 0 { 3 * n + 1 } else { 3 * (i - 1) + 2 }));
    }
    s.push(Jump(3 * (n - 1) + 2));
    s.push(Ret);
    s
}

#[test]
fn five_thousand_deep_else_if_chain() {
    let shape = else_if_chain(5000);
    let m = shape_module(&shape, 0);
    let body = m.funcs[0].body().unwrap();
    let s = structure("f", body).unwrap();
    common::check_invariants(body, &s);
    assert!(s.max_depth() >= 5000, "depth {}", s.max_depth());
    common::differential(&m, "f", &inputs()[..3], "else-if chain");
}

#[test]
fn two_hundred_deep_nested_loops() {
    // Loop i: header h_i = 2i + 1 (exits to x_i = 2i + 2, else enters the
    // next loop); the innermost body continues the innermost loop; x_i
    // continues loop i - 1; x_0 returns.
    let n = 200u32;
    let h = |i: u32| 2 * i + 1;
    let x = |i: u32| 2 * i + 2;
    let mut s: Vec<Succ> = vec![Trap; (2 * n + 2) as usize];
    s[0] = Jump(h(0));
    for i in 0..n {
        let inner = if i + 1 < n { h(i + 1) } else { h(i) };
        s[h(i) as usize] = Br(inner, x(i));
        s[x(i) as usize] = if i == 0 { Ret } else { Jump(h(i - 1)) };
    }
    let m = shape_module(&s, 0);
    let body = m.funcs[0].body().unwrap();
    let st = structure("f", body).unwrap();
    common::check_invariants(body, &st);
    let loops = st
        .nodes
        .iter()
        .filter(|n| matches!(n, Node::Loop(_)))
        .count();
    assert_eq!(loops, n as usize);
    assert!(st.max_depth() >= n as usize);
    common::differential(&m, "f", &inputs(), "nested loops");
}

#[test]
fn big_random_function() {
    // Thousands of blocks from the random generator; must stay fast.
    let m = common::gen::random_module(77, 3000, 8);
    let main = m.func_by_name("main").unwrap();
    let n = m.funcs[main.index()].body().unwrap().blocks.len();
    assert!(n > 1500, "only {n} blocks");
    let start = std::time::Instant::now();
    let wasm = switchyard_wasm::emit(&m, &Default::default()).unwrap();
    assert!(!wasm.is_empty());
    assert!(start.elapsed().as_secs() < 20);
    common::differential(&m, "main", &[vec![Val::I32(3), Val::I32(4)]], "big");
}

#[test]
fn simplification_removes_fallthrough_branches_and_unused_blocks() {
    let m = shape_module(&diamond_chain(3), 0);
    let body = m.funcs[0].body().unwrap();
    let raw = translate("f", body).unwrap();
    let s = structure("f", body).unwrap();
    let count = |s: &switchyard_wasm::Structured, p: fn(&Node) -> bool| {
        s.nodes.iter().filter(|n| p(n)).count()
    };
    assert_eq!(count(&raw, |n| matches!(n, Node::Br(_))), 6);
    assert_eq!(count(&s, |n| matches!(n, Node::Br(_))), 0);
    assert_eq!(count(&raw, |n| matches!(n, Node::Block(_))), 3);
    assert_eq!(count(&s, |n| matches!(n, Node::Block(_))), 0);
}
