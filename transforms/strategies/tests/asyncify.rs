//! The asyncify strategy end to end: IR modules with coroutines, built with
//! the `FunctionBuilder`, compiled through the `switchyard` facade with
//! `Strategy::Asyncify` (runtime in IR + Binaryen's Asyncify) and run under
//! Wasmtime.
//!
//! Programs print i64 values through the host's `console_log` (an f64 is
//! its own NaN-boxed JS number). The timing tests time `main` alone (run
//! directly with Wasmtime) and print their numbers; run with
//! `--nocapture` to see them.

use std::time::Duration;
use switchyard::ir::*;
use switchyard::{Options, Outcome, RunOptions, Strategy};
use switchyard_host::SharedBuffer;
use switchyard_strategies::PostPass;

mod common;
use common::*;

fn js_sig() -> Signature {
    Signature::new([Type::I64], [Type::I64])
}

fn opts(names: bool) -> Options {
    Options {
        strategy: Strategy::Asyncify,
        names,
    }
}

fn compile(m: Module) -> switchyard::Compiled {
    compile_for(m, Strategy::Asyncify)
}

/// Compiles and runs; returns the outcome and stdout.
fn run(m: Module) -> (Outcome, String) {
    run_for(m, Strategy::Asyncify)
}

fn run_ok(m: Module) -> String {
    run_ok_for(m, Strategy::Asyncify)
}

/// Runs `main` of a compiled module directly with Wasmtime and times it
/// alone (without compilation and instantiation).
fn time_main(wasm: &[u8]) -> (Duration, String, u64) {
    run_main_directly(wasm, false, |run| {
        run.result.unwrap();
        let memory = run.instance.get_memory(&mut *run.store, "memory").unwrap();
        let bytes = memory.data_size(&*run.store) as u64;
        (run.main_time, run.stdout, bytes)
    })
}

fn lines(values: &[i64]) -> String {
    values.iter().map(|v| format!("{v}\n")).collect()
}

// ---- basic behaviour ---------------------------------------------------

/// `gen(_) { for i in 1..=5 { suspend(i) }; return 100 }`, driven to the
/// end by `main`, which prints every value and the final status.
#[test]
fn yields_one_to_five_then_returns() {
    let mut p = Prog::new();
    let gen = p.entry("gen");
    let mut b = FunctionBuilder::new(&mut p.m, gen);
    for_range(&mut b, 1, 6, |b, i| {
        b.coro_suspend(i);
    });
    let r = b.i64_const(100);
    b.ret(&[r]);
    b.finish();

    let main = p.main();
    let log_fn = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(gen);
    let c = b.coro_new(slot);
    let zero = b.i64_const(0);
    b.loop_(|b, t| {
        let (status, value) = b.coro_resume(c, zero);
        let st = i64_of(b, status);
        log(b, log_fn, &[st, value]);
        let done = b.i32_const(CORO_RETURNED);
        let is_done = b.bin(BinOp::I32Eq, status, done);
        b.if_then(is_done, |b| b.jump(t.break_to));
    });
    b.coro_free(c);
    b.ret(&[]);
    b.finish();

    let out = run_ok(p.m);
    assert_eq!(out, "0 1\n0 2\n0 3\n0 4\n0 5\n1 100\n");
}

/// Values flow both ways: the entry gets the first resume's argument,
/// every later argument is the result of the pending suspend, and the
/// entry's result comes back with status RETURNED.
#[test]
fn values_flow_both_ways() {
    let mut p = Prog::new();
    let gen = p.entry("running_sum");
    // running_sum(a) { s = a; loop { r = suspend(s); if r < 0 return s * 1000; s += r } }
    let mut b = FunctionBuilder::new(&mut p.m, gen);
    let s = b.local(Type::I64);
    b.copy(s, b.param(0));
    let zero = b.i64_const(0);
    let thousand = b.i64_const(1000);
    b.loop_(|b, _| {
        let r = b.coro_suspend(s);
        let neg = b.bin(BinOp::I64LtS, r, zero);
        b.if_then(neg, |b| {
            let out = b.bin(BinOp::I64Mul, s, thousand);
            b.ret(&[out]);
        });
        b.binary_into(s, BinOp::I64Add, s, r);
    });
    b.finish();

    let main = p.main();
    let log_fn = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(gen);
    let c = b.coro_new(slot);
    for arg in [5, 10, 100, 7, -1] {
        let a = b.i64_const(arg);
        let (status, value) = b.coro_resume(c, a);
        let st = i64_of(&mut b, status);
        log(&mut b, log_fn, &[st, value]);
    }
    b.coro_free(c);
    b.ret(&[]);
    b.finish();

    let out = run_ok(p.m);
    assert_eq!(out, "0 5\n0 15\n0 115\n0 122\n1 122000\n");
}

/// Two coroutines of the same entry, resumed alternately, keep their own
/// state; freeing them while suspended is allowed.
#[test]
fn two_interleaved_coroutines() {
    let mut p = Prog::new();
    let counter = p.entry("counter");
    // counter(start) { i = start; loop { step = suspend(i); i += step } }
    let mut b = FunctionBuilder::new(&mut p.m, counter);
    let i = b.local(Type::I64);
    b.copy(i, b.param(0));
    b.loop_(|b, _| {
        let step = b.coro_suspend(i);
        b.binary_into(i, BinOp::I64Add, i, step);
    });
    b.finish();

    let main = p.main();
    let log_fn = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(counter);
    let a = b.coro_new(slot);
    let c = b.coro_new(slot);
    let (a0, c0) = (b.i64_const(100), b.i64_const(200));
    let (_, va) = b.coro_resume(a, a0);
    let (_, vc) = b.coro_resume(c, c0);
    log(&mut b, log_fn, &[va, vc]);
    let (one, ten) = (b.i64_const(1), b.i64_const(10));
    for _ in 0..3 {
        let (_, va) = b.coro_resume(a, one);
        let (_, vc) = b.coro_resume(c, ten);
        log(&mut b, log_fn, &[va, vc]);
    }
    b.coro_free(a);
    b.coro_free(c);
    b.ret(&[]);
    b.finish();

    let out = run_ok(p.m);
    assert_eq!(out, "100 200\n101 210\n102 220\n103 230\n");
}

/// `yield*` 200 deep: coroutine k resumes coroutine k-1 and passes each of
/// its values up and each resume argument down; the innermost yields
/// 0, 1, 2 and returns the sum of what it was sent. Every value crosses
/// 200 unwinds and every resume 200 rewinds.
#[test]
fn nested_coroutines_200_deep() {
    const DEPTH: i64 = 200;
    let mut p = Prog::new();
    let chain = p.entry("chain");
    // chain(depth):
    //   if depth == 0 { sum = 0; for i in 0..3 { sum += suspend(i) }; return sum }
    //   c = new(chain); (st, v) = resume(c, depth - 1)
    //   while st == SUSPENDED { r = suspend(v); (st, v) = resume(c, r) }
    //   free(c); return v + 1
    let mut b = FunctionBuilder::new(&mut p.m, chain);
    let depth = b.param(0);
    let leaf = b.un(UnOp::I64Eqz, depth);
    b.if_then(leaf, |b| {
        let sum = b.i64_const(0);
        for_range(b, 0, 3, |b, i| {
            let r = b.coro_suspend(i);
            b.binary_into(sum, BinOp::I64Add, sum, r);
        });
        b.ret(&[sum]);
    });
    let slot = b.func_addr(chain);
    let c = b.coro_new(slot);
    let one = b.i64_const(1);
    let below = b.bin(BinOp::I64Sub, depth, one);
    let (st, v) = b.coro_resume(c, below);
    b.loop_(|b, t| {
        let suspended = b.i32_const(CORO_SUSPENDED);
        let more = b.bin(BinOp::I32Eq, st, suspended);
        let body = b.new_block();
        b.branch(more, body, t.break_to);
        b.switch_to(body);
        let r = b.coro_suspend(v);
        b.push(Inst::CoroResume {
            status: st,
            value: v,
            coro: c,
            arg: r,
        });
    });
    b.coro_free(c);
    let out = b.bin(BinOp::I64Add, v, one);
    b.ret(&[out]);
    b.finish();

    let main = p.main();
    let log_fn = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(chain);
    let c = b.coro_new(slot);
    let d = b.i64_const(DEPTH);
    let (_, v) = b.coro_resume(c, d);
    log(&mut b, log_fn, &[v]);
    for arg in [10, 20, 30] {
        let a = b.i64_const(arg);
        let (st, v) = b.coro_resume(c, a);
        let st = i64_of(&mut b, st);
        log(&mut b, log_fn, &[st, v]);
    }
    b.coro_free(c);
    b.ret(&[]);
    b.finish();

    let out = run_ok(p.m);
    assert_eq!(out, format!("0\n0 1\n0 2\n1 {}\n", 60 + DEPTH));
}

/// Stackful suspension: the entry calls `f1`, which calls `f2`, … `f50`,
/// which suspends (three times); every frame has locals that must survive
/// the unwind and rewind. One level calls the next through the table, so
/// the indirect call must be instrumented too.
#[test]
fn suspends_from_fifty_frames_deep() {
    const DEPTH: usize = 50;
    let mut p = Prog::new();
    let funcs: Vec<FuncId> = (1..=DEPTH)
        .map(|i| p.m.declare_func(format!("f{i}"), js_sig()))
        .collect();
    // f50(x) { a = suspend(x); b = suspend(a + x); c = suspend(b * 2); return a + b + c }
    let mut b = FunctionBuilder::new(&mut p.m, funcs[DEPTH - 1]);
    let x = b.param(0);
    let a = b.coro_suspend(x);
    let ax = b.bin(BinOp::I64Add, a, x);
    let bb = b.coro_suspend(ax);
    let two = b.i64_const(2);
    let b2 = b.bin(BinOp::I64Mul, bb, two);
    let c = b.coro_suspend(b2);
    let s1 = b.bin(BinOp::I64Add, a, bb);
    let s2 = b.bin(BinOp::I64Add, s1, c);
    b.ret(&[s2]);
    b.finish();
    // f_i(x) { k = x * 3 + i; r = f_{i+1}(x + 1); return r + k - x }
    for i in (0..DEPTH - 1).rev() {
        let next = funcs[i + 1];
        let mut b = FunctionBuilder::new(&mut p.m, funcs[i]);
        let x = b.param(0);
        let three = b.i64_const(3);
        let x3 = b.bin(BinOp::I64Mul, x, three);
        let ii = b.i64_const(i as i64 + 1);
        let k = b.bin(BinOp::I64Add, x3, ii);
        let one = b.i64_const(1);
        let x1 = b.bin(BinOp::I64Add, x, one);
        let r = if i == 20 {
            let slot = b.func_addr(next);
            b.call_indirect(&js_sig(), slot, &[x1])[0]
        } else {
            b.call1(next, &[x1])
        };
        let rk = b.bin(BinOp::I64Add, r, k);
        let out = b.bin(BinOp::I64Sub, rk, x);
        b.ret(&[out]);
        b.finish();
    }
    let entry = p.entry("deep_entry");
    let mut b = FunctionBuilder::new(&mut p.m, entry);
    let r = b.call1(funcs[0], &[b.param(0)]);
    b.ret(&[r]);
    b.finish();

    let main = p.main();
    let log_fn = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(entry);
    let c = b.coro_new(slot);
    for arg in [7, 1000, 20000, 300000] {
        let a = b.i64_const(arg);
        let (st, v) = b.coro_resume(c, a);
        let st = i64_of(&mut b, st);
        log(&mut b, log_fn, &[st, v]);
    }
    b.coro_free(c);
    b.ret(&[]);
    b.finish();

    // The same computation in Rust.
    let x50 = 7 + (DEPTH as i64 - 1);
    let (a, bb, c) = (1000, 20000, 300000);
    let mut r = a + bb + c;
    for i in (0..DEPTH - 1).rev() {
        let x = 7 + i as i64;
        r = r + (x * 3 + i as i64 + 1) - x;
    }
    let expected = format!("0 {x50}\n0 {}\n0 {}\n1 {r}\n", a + x50, bb * 2);
    assert_eq!(run_ok(p.m), expected);
}

// ---- scale -------------------------------------------------------------

/// A program that creates `n` coroutines one after the other; each is
/// resumed twice (suspends once, then returns) and freed. Prints the sum
/// of the results.
fn churn_program(n: i64) -> Module {
    let mut p = Prog::new();
    let gen = p.entry("once");
    // once(a) { x = suspend(a); return x + a }
    let mut b = FunctionBuilder::new(&mut p.m, gen);
    let a = b.param(0);
    let x = b.coro_suspend(a);
    let r = b.bin(BinOp::I64Add, x, a);
    b.ret(&[r]);
    b.finish();

    let main = p.main();
    let log_fn = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(gen);
    let sum = b.i64_const(0);
    let one = b.i64_const(1);
    for_range(&mut b, 0, n, |b, i| {
        let c = b.coro_new(slot);
        let (_, v) = b.coro_resume(c, i);
        let (_, w) = b.coro_resume(c, one);
        let vw = b.bin(BinOp::I64Add, v, w);
        b.binary_into(sum, BinOp::I64Add, sum, vw);
        b.coro_free(c);
    });
    log(&mut b, log_fn, &[sum]);
    b.ret(&[]);
    b.finish();
    p.m
}

/// A million coroutines created, completed and freed: memory stays bounded
/// (records and buffers are recycled).
#[test]
fn a_million_coroutines_come_and_go() {
    const N: i64 = 1_000_000;
    let compiled = compile(churn_program(N));
    // Best of three, to keep other work on the machine out of the number.
    let mut time = Duration::MAX;
    let mut bytes = 0;
    for _ in 0..3 {
        let (t, out, b) = time_main(&compiled.wasm);
        // sum over i of (i + (1 + i)) = N(N-1) + N
        assert_eq!(out, lines(&[N * (N - 1) + N]));
        time = time.min(t);
        bytes = b;
    }
    // One page of data, the 1 MiB scratch area, a chunk of records/blocks.
    assert!(bytes <= 4 << 20, "memory grew to {bytes} bytes");
    println!(
        "asyncify: {N} coroutines created+completed+freed in {:?} ({:.1} ns each); memory {} KiB",
        time,
        time.as_nanos() as f64 / N as f64,
        bytes / 1024
    );
}

/// Ten thousand coroutines alive (suspended) at once, then each finished.
#[test]
fn ten_thousand_alive_at_once() {
    const N: i32 = 10_000;
    const TABLE: i32 = 1 << 16;
    let mut p = Prog::new();
    let gen = p.entry("held");
    // held(a) { x = suspend(a * 2); return x + a }
    let mut b = FunctionBuilder::new(&mut p.m, gen);
    let a = b.param(0);
    let two = b.i64_const(2);
    let a2 = b.bin(BinOp::I64Mul, a, two);
    let x = b.coro_suspend(a2);
    let r = b.bin(BinOp::I64Add, x, a);
    b.ret(&[r]);
    b.finish();

    let main = p.main();
    let log_fn = p.console_log;
    p.m.memory.min_pages = 2;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(gen);
    let table = b.i32_const(TABLE);
    let (sum1, sum2) = (b.i64_const(0), b.i64_const(0));
    // Handles live at TABLE + 4*i.
    for_range(&mut b, 0, N as i64, |b, i| {
        let c = b.coro_new(slot);
        let (_, v) = b.coro_resume(c, i);
        b.binary_into(sum1, BinOp::I64Add, sum1, v);
        let i32i = b.un(UnOp::I32WrapI64, i);
        let four = b.i32_const(4);
        let off = b.bin(BinOp::I32Mul, i32i, four);
        let at = b.bin(BinOp::I32Add, table, off);
        b.store(StoreKind::I32, at, 0, c);
    });
    let thousand = b.i64_const(1000);
    for_range(&mut b, 0, N as i64, |b, i| {
        let i32i = b.un(UnOp::I32WrapI64, i);
        let four = b.i32_const(4);
        let off = b.bin(BinOp::I32Mul, i32i, four);
        let at = b.bin(BinOp::I32Add, table, off);
        let c = b.load(LoadKind::I32, at, 0);
        let (st, w) = b.coro_resume(c, thousand);
        let ok = b.i32_const(CORO_RETURNED);
        let bad = b.bin(BinOp::I32Ne, st, ok);
        b.if_then(bad, |b| b.unreachable());
        b.binary_into(sum2, BinOp::I64Add, sum2, w);
        b.coro_free(c);
    });
    log(&mut b, log_fn, &[sum1, sum2]);
    b.ret(&[]);
    b.finish();

    let n = N as i64;
    let compiled = compile(p.m);
    let (time, out, bytes) = time_main(&compiled.wasm);
    assert_eq!(
        out,
        format!("{} {}\n", n * (n - 1), 1000 * n + n * (n - 1) / 2)
    );
    println!(
        "asyncify: {N} coroutines alive at once: {:?}; memory {} KiB",
        time,
        bytes / 1024
    );
}

/// One coroutine suspending `n` times (`for i in 0..n { suspend(i) }`),
/// resumed by `main` until it returns.
fn ping_pong_program(n: i64) -> Module {
    let mut p = Prog::new();
    let gen = p.entry("ping");
    let mut b = FunctionBuilder::new(&mut p.m, gen);
    let total = b.i64_const(0);
    for_range(&mut b, 0, n, |b, i| {
        let r = b.coro_suspend(i);
        b.binary_into(total, BinOp::I64Add, total, r);
    });
    b.ret(&[total]);
    b.finish();

    let main = p.main();
    let log_fn = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(gen);
    let c = b.coro_new(slot);
    let sum = b.i64_const(0);
    let one = b.i64_const(1);
    b.loop_(|b, t| {
        let (st, v) = b.coro_resume(c, one);
        let done = b.i32_const(CORO_RETURNED);
        let is_done = b.bin(BinOp::I32Eq, st, done);
        b.if_then(is_done, |b| {
            log(b, log_fn, &[sum, v]);
            b.jump(t.break_to);
        });
        b.binary_into(sum, BinOp::I64Add, sum, v);
    });
    b.coro_free(c);
    b.ret(&[]);
    b.finish();
    p.m
}

/// A million suspend/resume pairs.
#[test]
fn a_million_suspends() {
    const N: i64 = 1_000_000;
    let compiled = compile(ping_pong_program(N));
    // Best of three, to keep other work on the machine out of the number.
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let (time, out, _) = time_main(&compiled.wasm);
        assert_eq!(out, format!("{} {N}\n", N * (N - 1) / 2));
        best = best.min(time);
    }
    println!(
        "asyncify: {N} suspend/resume pairs in {:?}: {:.1} ns per pair",
        best,
        best.as_nanos() as f64 / N as f64
    );
}

// ---- code size, names, errors --------------------------------------------

/// Prints what Asyncify's instrumentation costs in code size: the same
/// lowered module optimised by the same Binaryen pipeline with and without
/// the Asyncify pass.
#[test]
fn code_size_overhead() {
    for (what, m) in [
        ("ping-pong", ping_pong_program(10)),
        ("churn", churn_program(10)),
    ] {
        let lowered = switchyard_strategies::lower(m, Strategy::Asyncify).unwrap();
        let PostPass::Asyncify {
            instrument,
            never_instrument,
        } = &lowered.post_pass
        else {
            panic!("no asyncify post-pass");
        };
        let wasm = switchyard_wasm::emit(&lowered.module, &Default::default()).unwrap();
        let keep = switchyard_asyncify::AsyncifyOptions {
            keep_names: false,
            ..Default::default()
        };
        let plain = switchyard_asyncify::optimize(&wasm, &keep).unwrap();
        let inst =
            switchyard_asyncify::asyncify_with(&wasm, instrument, never_instrument, &keep).unwrap();
        assert!(inst.len() > plain.len());
        println!(
            "asyncify code size ({what}): emitted {} B, optimised without Asyncify {} B, \
             with Asyncify {} B (+{} B, +{:.0}%); instrumented: {:?}",
            wasm.len(),
            plain.len(),
            inst.len(),
            inst.len() - plain.len(),
            100.0 * (inst.len() as f64 - plain.len() as f64) / plain.len() as f64,
            instrument
        );
    }
}

/// The lists handed to the backend: exactly the may-suspend functions
/// and the runtime's `suspend`; the rest of the runtime never.
#[test]
fn instrument_lists() {
    let m = {
        let mut p = Prog::new();
        let helper = p.m.declare_func("helper", js_sig());
        let pure = p.m.declare_func("pure", js_sig());
        let gen = p.entry("gen");
        let mut b = FunctionBuilder::new(&mut p.m, helper);
        let v = b.coro_suspend(b.param(0));
        b.ret(&[v]);
        b.finish();
        let mut b = FunctionBuilder::new(&mut p.m, pure);
        b.ret(&[b.param(0)]);
        b.finish();
        let mut b = FunctionBuilder::new(&mut p.m, gen);
        let x = b.call1(pure, &[b.param(0)]);
        let y = b.call1(helper, &[x]);
        b.ret(&[y]);
        b.finish();
        let main = p.main();
        let mut b = FunctionBuilder::new(&mut p.m, main);
        let slot = b.func_addr(gen);
        let c = b.coro_new(slot);
        let z = b.i64_const(0);
        b.coro_resume(c, z);
        b.coro_free(c);
        b.ret(&[]);
        b.finish();
        p.m
    };
    let lowered = switchyard_strategies::lower(m, Strategy::Asyncify).unwrap();
    assert!(!lowered.module.uses_coroutines());
    let PostPass::Asyncify {
        mut instrument,
        never_instrument,
    } = lowered.post_pass
    else {
        panic!("no asyncify post-pass");
    };
    instrument.sort();
    assert_eq!(instrument, ["__sy_coro_suspend", "gen", "helper"]);
    for f in ["__sy_coro_resume", "__sy_coro_new", "__sy_coro_free"] {
        assert!(never_instrument.iter().any(|n| n == f), "{f} missing");
    }
    assert!(!never_instrument.iter().any(|n| n == "main" || n == "pure"));
}

/// Without names requested, the module is still instrumented (the pipeline
/// emits names for the post-pass) and the output has no name section.
#[test]
fn works_without_a_name_section() {
    let compiled = switchyard::compile_ir(ping_pong_program(3), &opts(false)).unwrap();
    let wat = switchyard_wasm::to_wat(&compiled.wasm).unwrap();
    assert!(
        !wat.contains("(func $"),
        "no function names without a name section"
    );
    let out = SharedBuffer::new();
    let outcome =
        switchyard::run_compiled(&compiled, RunOptions::new("t").with_stdout(out.clone())).unwrap();
    assert_eq!(outcome, Outcome::Finished);
    assert_eq!(out.text(), "3 3\n");

    let named = switchyard::compile_ir(ping_pong_program(3), &opts(true)).unwrap();
    let wat = switchyard_wasm::to_wat(&named.wasm).unwrap();
    assert!(wat.contains("$ping"), "function names are kept");
    assert!(wat.contains("$__sy_coro_resume") || wat.contains("$main"));
}

/// Function names with characters that Binaryen's lists treat specially.
#[test]
fn odd_function_names() {
    let mut p = Prog::new();
    let helper = p.m.declare_func("js:helper(a,b)*[x]", js_sig());
    let gen = p.entry("gen, the entry");
    let mut b = FunctionBuilder::new(&mut p.m, helper);
    let v = b.coro_suspend(b.param(0));
    b.ret(&[v]);
    b.finish();
    let mut b = FunctionBuilder::new(&mut p.m, gen);
    let x = b.call1(helper, &[b.param(0)]);
    let y = b.call1(helper, &[x]);
    b.ret(&[y]);
    b.finish();
    let main = p.main();
    let log_fn = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(gen);
    let c = b.coro_new(slot);
    for arg in [4, 5, 6] {
        let a = b.i64_const(arg);
        let (st, v) = b.coro_resume(c, a);
        let st = i64_of(&mut b, st);
        log(&mut b, log_fn, &[st, v]);
    }
    b.ret(&[]);
    b.finish();
    assert_eq!(run_ok(p.m), "0 4\n0 5\n1 6\n");
}

/// Misuse traps instead of corrupting memory: resuming a coroutine that
/// returned, and suspending outside any coroutine.
#[test]
fn misuse_traps() {
    // Resume after return.
    let mut p = Prog::new();
    let gen = p.entry("quick");
    let mut b = FunctionBuilder::new(&mut p.m, gen);
    b.ret(&[b.param(0)]);
    b.finish();
    let helper = p.m.declare_func("suspends", js_sig());
    let mut b = FunctionBuilder::new(&mut p.m, helper);
    let v = b.coro_suspend(b.param(0));
    b.ret(&[v]);
    b.finish();
    let main = p.main();
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(gen);
    let c = b.coro_new(slot);
    let z = b.i64_const(0);
    b.coro_resume(c, z);
    b.coro_resume(c, z);
    b.ret(&[]);
    b.finish();
    let (outcome, _) = run(p.m);
    assert!(matches!(outcome, Outcome::Trap { .. }), "{outcome:?}");

    // Suspend on the main stack.
    let mut p = Prog::new();
    let helper = p.m.declare_func("suspends", js_sig());
    let mut b = FunctionBuilder::new(&mut p.m, helper);
    let v = b.coro_suspend(b.param(0));
    b.ret(&[v]);
    b.finish();
    let gen = p.entry("unused");
    let mut b = FunctionBuilder::new(&mut p.m, gen);
    b.ret(&[b.param(0)]);
    b.finish();
    let main = p.main();
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(gen);
    let c = b.coro_new(slot);
    b.coro_free(c);
    let z = b.i64_const(0);
    b.call(helper, &[z]);
    b.ret(&[]);
    b.finish();
    let (outcome, _) = run(p.m);
    assert!(matches!(outcome, Outcome::Trap { .. }), "{outcome:?}");
}

/// Tail calls cannot go through Binaryen's Asyncify: the strategy refuses
/// them with an error naming the function (and the backend re-checks the
/// binary; see `backends/asyncify/tests`).
#[test]
fn tail_calls_are_refused() {
    let mut p = Prog::new();
    let target = p.m.declare_func("target", js_sig());
    let tail = p.m.declare_func("tail_caller", js_sig());
    let gen = p.entry("gen");
    let mut b = FunctionBuilder::new(&mut p.m, target);
    let v = b.coro_suspend(b.param(0));
    b.ret(&[v]);
    b.finish();
    let mut b = FunctionBuilder::new(&mut p.m, tail);
    b.tail_call(target, &[b.param(0)]);
    b.finish();
    let mut b = FunctionBuilder::new(&mut p.m, gen);
    let r = b.call1(tail, &[b.param(0)]);
    b.ret(&[r]);
    b.finish();
    let main = p.main();
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(gen);
    let c = b.coro_new(slot);
    let z = b.i64_const(0);
    b.coro_resume(c, z);
    b.ret(&[]);
    b.finish();
    match switchyard::compile_ir(p.m, &opts(true)) {
        Err(switchyard::Error::Strategy(e)) => {
            assert_eq!(e.function.as_deref(), Some("tail_caller"));
            assert!(e.message.contains("tail call"), "{e}");
        }
        Err(other) => panic!("unexpected error: {other}"),
        Ok(_) => panic!("a module with a tail call was accepted"),
    }
}

/// A module that defines `rt_alloc` (a bump allocator over a global) and
/// imports `switchyard.fatal`, like the JS runtime does.
fn with_allocator(p: &mut Prog) -> (GlobalId, FuncId) {
    p.m.memory.min_pages = p.m.memory.min_pages.max(40);
    let fatal =
        p.m.import_func("switchyard", "fatal", Signature::new([Type::I32], []));
    let heap =
        p.m.add_global("heap_ptr", Type::I32, true, Const::I32(64 << 10));
    let alloc =
        p.m.declare_func("rt_alloc", Signature::new([Type::I32], [Type::I32]));
    let mut b = FunctionBuilder::new(&mut p.m, alloc);
    let size = b.param(0);
    let at = b.global_get(heap);
    let seven = b.i32_const(7);
    let s7 = b.bin(BinOp::I32Add, size, seven);
    let mask = b.i32_const(-8);
    let s8 = b.bin(BinOp::I32And, s7, mask);
    let end = b.bin(BinOp::I32Add, at, s8);
    b.global_set(heap, end);
    b.ret(&[at]);
    b.finish();
    (heap, fatal)
}

/// The runtime takes its memory from the module's `rt_alloc` when there is
/// one (instead of growing memory behind the allocator's back).
#[test]
fn uses_the_modules_allocator() {
    let mut p = Prog::new();
    p.m.memory.min_pages = 40;
    let (heap, _) = with_allocator(&mut p);
    let gen = p.entry("gen");
    let mut b = FunctionBuilder::new(&mut p.m, gen);
    let v = b.coro_suspend(b.param(0));
    b.ret(&[v]);
    b.finish();
    let main = p.main();
    let log_fn = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(gen);
    let c = b.coro_new(slot);
    let a = b.i64_const(5);
    let (_, v) = b.coro_resume(c, a);
    let (_, w) = b.coro_resume(c, a);
    let pages = b.memory_size();
    let pages = i64_of(&mut b, pages);
    let h = b.global_get(heap);
    let h = i64_of(&mut b, h);
    log(&mut b, log_fn, &[v, w, pages, h]);
    b.coro_free(c);
    b.ret(&[]);
    b.finish();
    let out = run_ok(p.m);
    let fields: Vec<i64> = out.split_whitespace().map(|f| f.parse().unwrap()).collect();
    assert_eq!(&fields[..2], &[5, 5]);
    assert_eq!(fields[2], 40, "memory did not grow");
    // The scratch area (1 MiB), the class table and a record came from rt_alloc.
    assert!(fields[3] > (64 << 10) + (1 << 20), "{out}");
}

/// A suspension that would save more than the scratch area holds stops the
/// program with the host's "stack overflow" (here: 150,000 recursive frames
/// suspending at the bottom).
#[test]
fn too_deep_a_suspension_is_a_stack_overflow() {
    let mut p = Prog::new();
    p.m.memory.min_pages = 200;
    with_allocator(&mut p);
    let rec = p.m.declare_func("rec", js_sig());
    let mut b = FunctionBuilder::new(&mut p.m, rec);
    let n = b.param(0);
    let zero = b.un(UnOp::I64Eqz, n);
    b.if_then(zero, |b| {
        let v = b.coro_suspend(n);
        b.ret(&[v]);
    });
    let one = b.i64_const(1);
    let n1 = b.bin(BinOp::I64Sub, n, one);
    let r = b.call1(rec, &[n1]);
    let out = b.bin(BinOp::I64Add, r, n);
    b.ret(&[out]);
    b.finish();
    let gen = p.entry("gen");
    let mut b = FunctionBuilder::new(&mut p.m, gen);
    let r = b.call1(rec, &[b.param(0)]);
    b.ret(&[r]);
    b.finish();
    let main = p.main();
    let log_fn = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(gen);
    // A shallow suspension works...
    let c = b.coro_new(slot);
    let d = b.i64_const(1000);
    let (_, v) = b.coro_resume(c, d);
    let (_, w) = b.coro_resume(c, d);
    log(&mut b, log_fn, &[v, w]);
    // ...a far too deep one does not.
    let c = b.coro_new(slot);
    let d = b.i64_const(150_000);
    b.coro_resume(c, d);
    log(&mut b, log_fn, &[d]);
    b.ret(&[]);
    b.finish();
    let (outcome, out) = run(p.m);
    assert_eq!(out, format!("0 {}\n", 1000 + 1000 * 1001 / 2));
    match outcome {
        Outcome::Trap { kind, .. } => assert_eq!(kind, switchyard::TrapKind::StackOverflow),
        other => panic!("expected a stack overflow, got {other:?}"),
    }
}

/// Misuse through the host's `fatal`: resuming a finished coroutine and
/// freeing one twice name what went wrong.
#[test]
fn misuse_is_reported_through_fatal() {
    for double_free in [false, true] {
        let mut p = Prog::new();
        with_allocator(&mut p);
        let gen = p.entry("quick");
        let mut b = FunctionBuilder::new(&mut p.m, gen);
        b.ret(&[b.param(0)]);
        b.finish();
        let main = p.main();
        let mut b = FunctionBuilder::new(&mut p.m, main);
        let slot = b.func_addr(gen);
        let c = b.coro_new(slot);
        let z = b.i64_const(0);
        b.coro_resume(c, z);
        if double_free {
            b.coro_free(c);
            b.coro_free(c);
        } else {
            b.coro_resume(c, z);
        }
        b.ret(&[]);
        b.finish();
        let (outcome, _) = run(p.m);
        let Outcome::Trap { message, .. } = outcome else {
            panic!("expected a trap, got {outcome:?}");
        };
        let want = if double_free { "freed" } else { "resumed" };
        assert!(message.contains(want), "{message}");
    }
}

/// Multi-value functions on the suspended stack: `pair` suspends and
/// returns two values; its caller is suspended too.
#[test]
fn multi_value_frames() {
    let mut p = Prog::new();
    let pair =
        p.m.declare_func("pair", Signature::new([Type::I64], [Type::I64, Type::I64]));
    let mut b = FunctionBuilder::new(&mut p.m, pair);
    let x = b.param(0);
    let y = b.coro_suspend(x);
    let z = b.coro_suspend(y);
    b.ret(&[y, z]);
    b.finish();
    let gen = p.entry("gen");
    let mut b = FunctionBuilder::new(&mut p.m, gen);
    let r = b.call(pair, &[b.param(0)]);
    let ten = b.i64_const(10);
    let hi = b.bin(BinOp::I64Mul, r[0], ten);
    let out = b.bin(BinOp::I64Add, hi, r[1]);
    b.ret(&[out]);
    b.finish();
    let main = p.main();
    let log_fn = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(gen);
    let c = b.coro_new(slot);
    for arg in [7, 4, 2] {
        let a = b.i64_const(arg);
        let (st, v) = b.coro_resume(c, a);
        let st = i64_of(&mut b, st);
        log(&mut b, log_fn, &[st, v]);
    }
    b.coro_free(c);
    b.ret(&[]);
    b.finish();
    assert_eq!(run_ok(p.m), "0 7\n0 4\n1 42\n");
}
