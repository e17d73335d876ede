//! The library entry points as a compiler author uses them: IR built with
//! the builder goes through `compile_ir` and runs; invalid IR is an `Err`
//! naming the function and block; JS compile errors carry file:line:col.

use switchyard::ir::*;
use switchyard::{Error, Options, Outcome, RunOptions, Strategy};
use switchyard_host::SharedBuffer;

/// `main` prints `n * n` for n in 1..=4 through the host's console_log.
fn squares() -> Module {
    let mut m = Module::new();
    let log = m.import_func(
        "switchyard",
        "console_log",
        Signature::new([Type::I32, Type::I32], []),
    );
    let main = m.declare_func("main", Signature::new([], []));
    m.export_func(main, "main");
    let mut b = FunctionBuilder::new(&mut m, main);
    let n = b.f64_const(1.0);
    let (one, four, argv, argc) = (
        b.f64_const(1.0),
        b.f64_const(4.0),
        b.i32_const(64),
        b.i32_const(1),
    );
    b.while_(
        |b| b.bin(BinOp::F64Le, n, four),
        |b, _| {
            let sq = b.bin(BinOp::F64Mul, n, n);
            b.store(StoreKind::F64, argv, 0, sq);
            b.call(log, &[argv, argc]);
            b.binary_into(n, BinOp::F64Add, n, one);
        },
    );
    b.ret(&[]);
    b.finish();
    m
}

#[test]
fn ir_built_with_the_builder_compiles_and_runs_under_every_strategy() {
    for strategy in Strategy::ALL {
        let opts = Options {
            strategy,
            names: true,
        };
        let compiled = switchyard::compile_ir(squares(), &opts).expect("compiles");
        let out = SharedBuffer::new();
        let outcome = switchyard::run_compiled(
            &compiled,
            RunOptions::new("squares").with_stdout(out.clone()),
        )
        .expect("runs");
        assert_eq!(outcome, Outcome::Finished);
        assert_eq!(out.text(), "1\n4\n9\n16\n", "strategy {strategy}");
    }
}

#[test]
fn invalid_ir_is_an_error_naming_function_and_block() {
    let mut m = squares();
    let bad = m.declare_func("bad", Signature::new([Type::I32], [Type::I64]));
    let mut b = FunctionBuilder::new(&mut m, bad);
    let next = b.new_block();
    b.jump(next);
    b.switch_to(next);
    b.ret(&[Local(0)]); // an i32 where the signature says i64
    b.finish();
    match switchyard::compile_ir(m, &Options::default()) {
        Err(e @ Error::InvalidIr(_)) => {
            let text = e.to_string();
            assert!(
                text.contains("function `bad`, block bb1"),
                "unexpected message: {text}"
            );
            assert_eq!(e.exit_code(), 2);
        }
        other => panic!("expected InvalidIr, got {other:?}"),
    }
}

#[test]
fn irreducible_control_flow_is_an_error_not_a_panic() {
    let mut m = squares();
    let f = m.declare_func("tangle", Signature::new([Type::I32], []));
    let mut b = FunctionBuilder::new(&mut m, f);
    let (x, y) = (b.new_block(), b.new_block());
    b.branch(b.param(0), x, y);
    b.switch_to(x);
    b.jump(y);
    b.switch_to(y);
    b.jump(x);
    b.finish();
    let err = switchyard::compile_ir(m, &Options::default()).unwrap_err();
    assert!(err.to_string().contains("irreducible"), "{err}");
    assert_eq!(err.exit_code(), 2);
}

#[test]
fn js_compile_errors_carry_positions() {
    let err =
        switchyard::compile("let x = 1;\nclass A {}\n", "app.js", &Options::default()).unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("app.js:2:1: unsupported:"), "{text}");
    assert_eq!(err.exit_code(), 2);
}

/// Timers wait for real time by default, and only advance a virtual clock
/// with `RunOptions::with_virtual_time`; both orders of events are the
/// same. (A lower bound only: how long the waiting takes beyond 100 ms is
/// not this test's business.)
#[test]
fn timers_wait_in_real_time_unless_the_clock_is_virtual() {
    let src = r#"
        const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
        (async () => {
          setTimeout(() => console.log("timer 60"), 60);
          console.log("start");
          await sleep(100);
          console.log("slept");
        })();
    "#;
    for strategy in Strategy::ALL {
        let opts = Options {
            strategy,
            names: true,
        };
        let compiled = switchyard::compile(src, "sleep.js", &opts).unwrap();
        for virtual_time in [false, true] {
            let out = SharedBuffer::new();
            let started = std::time::Instant::now();
            let outcome = switchyard::run_compiled(
                &compiled,
                RunOptions::new("sleep.js")
                    .with_stdout(out.clone())
                    .with_virtual_time(virtual_time),
            )
            .unwrap();
            let elapsed = started.elapsed();
            assert_eq!(outcome, Outcome::Finished);
            assert_eq!(out.text(), "start\ntimer 60\nslept\n", "{strategy}");
            if !virtual_time {
                assert!(
                    elapsed >= std::time::Duration::from_millis(100),
                    "{strategy}: a 100 ms sleep returned after {elapsed:?}"
                );
            }
        }
    }
}
