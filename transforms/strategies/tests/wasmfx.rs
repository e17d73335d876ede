//! The wasmfx strategy end to end: IR modules with coroutines, built with
//! the `FunctionBuilder`, compiled through the `switchyard` facade with
//! `Strategy::Wasmfx` (stack switching over pooled worker continuations) and
//! run under Wasmtime.
//!
//! Programs print i64 values through the host's `console_log` (an f64 is
//! its own NaN-boxed JS number). Some tests also run the module directly
//! with Wasmtime to read the runtime's exported counters (`wasmfx_workers`,
//! `wasmfx_abandoned`, `wasmfx_handles`) and to time `main` alone.
//!
//! The timing tests print their numbers; run with `--nocapture` to see them.

use std::time::{Duration, Instant};
use switchyard::ir::*;
use switchyard::{Outcome, RunOptions, Strategy, TrapKind};
use switchyard_host::SharedBuffer;

mod common;
use common::*;

fn compile(m: Module) -> switchyard::Compiled {
    compile_for(m, Strategy::Wasmfx)
}

/// Compiles and runs; returns the outcome and stdout.
fn run(m: Module) -> (Outcome, String) {
    run_for(m, Strategy::Wasmfx)
}

fn run_ok(m: Module) -> String {
    run_ok_for(m, Strategy::Wasmfx)
}

/// A direct run with Wasmtime: stdout, the error `main` failed with (if
/// any), the runtime's counters and how long `main` took.
struct Direct {
    stdout: String,
    error: Option<String>,
    workers: i64,
    abandoned: i64,
    handles: i32,
    main_time: Duration,
}

fn run_direct(wasm: &[u8]) -> Direct {
    run_main_directly(wasm, true, |run| {
        let DirectRun {
            store,
            instance,
            result,
            main_time,
            stdout,
        } = run;
        let mut global = |name: &str| {
            instance
                .get_global(&mut *store, name)
                .unwrap_or_else(|| panic!("no global {name}"))
                .get(&mut *store)
        };
        Direct {
            stdout,
            error: result.err().map(|e| format!("{e:#}")),
            workers: global("wasmfx_workers").unwrap_i64(),
            abandoned: global("wasmfx_abandoned").unwrap_i64(),
            handles: global("wasmfx_handles").unwrap_i32(),
            main_time,
        }
    })
}

fn lines(values: &[&[i64]]) -> String {
    values
        .iter()
        .map(|l| {
            let l: Vec<String> = l.iter().map(|v| v.to_string()).collect();
            format!("{}\n", l.join(" "))
        })
        .collect()
}

// ---- programs ---------------------------------------------------------------

/// `gen(_)`: yields 1..=5, returns 99.
fn counting_generator(p: &mut Prog) -> FuncId {
    let g = p.entry("gen");
    let mut b = FunctionBuilder::new(&mut p.m, g);
    for_range(&mut b, 1, 6, |b, i| {
        b.coro_suspend(i);
    });
    let r = b.i64_const(99);
    b.ret(&[r]);
    b.finish();
    g
}

#[test]
fn generator_yields_one_to_five_then_returns() {
    let mut p = Prog::new();
    let g = counting_generator(&mut p);
    let main = p.main();
    let cl = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(g);
    let c = b.coro_new(slot);
    let zero = b.i64_const(0);
    b.loop_(|b, t| {
        let (status, value) = b.coro_resume(c, zero);
        let s = i64_of(b, status);
        log(b, cl, &[s, value]);
        let suspended = b.i32_const(CORO_SUSPENDED);
        let done = b.bin(BinOp::I32Ne, status, suspended);
        let cont = b.new_block();
        b.branch(done, t.break_to, cont);
        b.switch_to(cont);
        b.jump(t.continue_to);
    });
    b.coro_free(c);
    b.ret(&[]);
    b.finish();
    assert_eq!(
        run_ok(p.m),
        lines(&[&[0, 1], &[0, 2], &[0, 3], &[0, 4], &[0, 5], &[1, 99]])
    );
}

#[test]
fn values_pass_both_ways() {
    // acc(x): sum = x; loop { v = suspend(sum); if v == 0 return sum * 10; sum += v }
    let mut p = Prog::new();
    let acc = p.entry("acc");
    let mut b = FunctionBuilder::new(&mut p.m, acc);
    let sum = b.local(Type::I64);
    b.copy(sum, b.param(0));
    b.loop_(|b, t| {
        let v = b.coro_suspend(sum);
        let is_zero = b.un(UnOp::I64Eqz, v);
        let more = b.new_block();
        b.branch(is_zero, t.break_to, more);
        b.switch_to(more);
        b.binary_into(sum, BinOp::I64Add, sum, v);
        b.jump(t.continue_to);
    });
    let ten = b.i64_const(10);
    let r = b.bin(BinOp::I64Mul, sum, ten);
    b.ret(&[r]);
    b.finish();

    let main = p.main();
    let cl = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(acc);
    let c = b.coro_new(slot);
    for arg in [5, 3, 4, 0] {
        let a = b.i64_const(arg);
        let (status, value) = b.coro_resume(c, a);
        let s = i64_of(&mut b, status);
        log(&mut b, cl, &[s, value]);
    }
    b.coro_free(c);
    b.ret(&[]);
    b.finish();
    assert_eq!(run_ok(p.m), lines(&[&[0, 5], &[0, 8], &[0, 12], &[1, 120]]));
}

#[test]
fn two_coroutines_round_robin() {
    // count(start): yields start, start+1, start+2; returns -start.
    let mut p = Prog::new();
    let count = p.entry("count");
    let mut b = FunctionBuilder::new(&mut p.m, count);
    let start = b.param(0);
    for_range(&mut b, 0, 3, |b, i| {
        let v = b.bin(BinOp::I64Add, start, i);
        b.coro_suspend(v);
    });
    let zero = b.i64_const(0);
    let r = b.bin(BinOp::I64Sub, zero, start);
    b.ret(&[r]);
    b.finish();

    let main = p.main();
    let cl = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(count);
    let a = b.coro_new(slot);
    let c = b.coro_new(slot);
    let (x, y) = (b.i64_const(100), b.i64_const(200));
    for _ in 0..4 {
        for (h, arg) in [(a, x), (c, y)] {
            let (status, value) = b.coro_resume(h, arg);
            let s = i64_of(&mut b, status);
            let h64 = i64_of(&mut b, h);
            log(&mut b, cl, &[h64, s, value]);
        }
    }
    b.coro_free(a);
    b.coro_free(c);
    b.ret(&[]);
    b.finish();
    assert_eq!(
        run_ok(p.m),
        lines(&[
            &[0, 0, 100],
            &[1, 0, 200],
            &[0, 0, 101],
            &[1, 0, 201],
            &[0, 0, 102],
            &[1, 0, 202],
            &[0, 1, -100],
            &[1, 1, -200],
        ])
    );
}

/// `chain(depth)`: at depth 0 yields 10, 20, 30 and returns the sum of the
/// values it was resumed with; above, delegates to `chain(depth - 1)` like
/// `yield*` (passing yields out and resume values in) and returns its
/// result + 1.
fn delegating_chain(p: &mut Prog) -> FuncId {
    let chain = p.entry("chain");
    let mut b = FunctionBuilder::new(&mut p.m, chain);
    let depth = b.param(0);
    let result = b.local(Type::I64);
    let is_leaf = b.un(UnOp::I64Eqz, depth);
    b.if_else(
        is_leaf,
        |b| {
            let acc = b.local(Type::I64);
            for_range(b, 1, 4, |b, i| {
                let ten = b.i64_const(10);
                let v = b.bin(BinOp::I64Mul, i, ten);
                let got = b.coro_suspend(v);
                b.binary_into(acc, BinOp::I64Add, acc, got);
            });
            b.copy(result, acc);
        },
        |b| {
            let slot = b.func_addr(chain);
            let inner = b.coro_new(slot);
            let one = b.i64_const(1);
            let below = b.bin(BinOp::I64Sub, depth, one);
            let (status, value) = b.coro_resume(inner, below);
            b.while_(
                |b| {
                    let suspended = b.i32_const(CORO_SUSPENDED);
                    b.bin(BinOp::I32Eq, status, suspended)
                },
                |b, _| {
                    let sent = b.coro_suspend(value);
                    b.push(Inst::CoroResume {
                        status,
                        value,
                        coro: inner,
                        arg: sent,
                    });
                },
            );
            b.coro_free(inner);
            b.binary_into(result, BinOp::I64Add, value, one);
        },
    );
    b.ret(&[result]);
    b.finish();
    chain
}

#[test]
fn nested_coroutines_200_deep() {
    let mut p = Prog::new();
    let chain = delegating_chain(&mut p);
    let main = p.main();
    let cl = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(chain);
    let c = b.coro_new(slot);
    for arg in [200, 1, 2, 3] {
        let a = b.i64_const(arg);
        let (status, value) = b.coro_resume(c, a);
        let s = i64_of(&mut b, status);
        log(&mut b, cl, &[s, value]);
    }
    b.coro_free(c);
    b.ret(&[]);
    b.finish();
    let compiled = compile(p.m);
    let out = SharedBuffer::new();
    let outcome =
        switchyard::run_compiled(&compiled, RunOptions::new("t").with_stdout(out.clone())).unwrap();
    assert_eq!(outcome, Outcome::Finished);
    let expected = lines(&[&[0, 10], &[0, 20], &[0, 30], &[1, 6 + 200]]);
    assert_eq!(out.text(), expected);
    // 201 coroutines alive at once: 201 workers, no more.
    let d = run_direct(&compiled.wasm);
    assert_eq!(d.error, None);
    assert_eq!(d.stdout, expected);
    assert_eq!((d.workers, d.abandoned, d.handles), (201, 0, 201));
}

/// `sq(x)`: `y = suspend(x); return x + y`.
fn suspend_once(p: &mut Prog) -> FuncId {
    let f = p.entry("suspend_once");
    let mut b = FunctionBuilder::new(&mut p.m, f);
    let x = b.param(0);
    let y = b.coro_suspend(x);
    let r = b.bin(BinOp::I64Add, x, y);
    b.ret(&[r]);
    b.finish();
    f
}

/// `plus_one(x)`: `return x + 1` (never suspends).
fn plus_one(p: &mut Prog) -> FuncId {
    let f = p.entry("plus_one");
    let mut b = FunctionBuilder::new(&mut p.m, f);
    let one = b.i64_const(1);
    let r = b.bin(BinOp::I64Add, b.param(0), one);
    b.ret(&[r]);
    b.finish();
    f
}

/// `main`: `batches` times, create `live` coroutines running
/// [`suspend_once`], resume each twice (to its suspend, then to the end),
/// free them; print the sum of all the results.
fn batches_program(batches: i64, live: i64) -> Module {
    let mut p = Prog::new();
    let entry = suspend_once(&mut p);
    let main = p.main();
    let cl = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(entry);
    let total = b.local(Type::I64);
    // Handles of the live coroutines, at 4096.. in memory.
    let pages = b.i32_const(((4096 + 4 * live) / 65536 + 1) as i32);
    b.memory_grow(pages);
    let base = b.i32_const(4096);
    let four = b.i32_const(4);
    let one = b.i64_const(1);
    for_range(&mut b, 0, batches, |b, _| {
        for_range(b, 0, live, |b, j| {
            let c = b.coro_new(slot);
            let j32 = b.un(UnOp::I32WrapI64, j);
            let off = b.bin(BinOp::I32Mul, j32, four);
            let addr = b.bin(BinOp::I32Add, base, off);
            b.store(StoreKind::I32, addr, 0, c);
            b.coro_resume(c, j);
        });
        for_range(b, 0, live, |b, j| {
            let j32 = b.un(UnOp::I32WrapI64, j);
            let off = b.bin(BinOp::I32Mul, j32, four);
            let addr = b.bin(BinOp::I32Add, base, off);
            let c = b.load(LoadKind::I32, addr, 0);
            let (_, v) = b.coro_resume(c, one);
            b.binary_into(total, BinOp::I64Add, total, v);
            b.coro_free(c);
        });
    });
    log(&mut b, cl, &[total]);
    b.ret(&[]);
    b.finish();
    p.m
}

/// Sum of `suspend_once` results: each coroutine j returns j + 1.
fn batches_sum(batches: i64, live: i64) -> i64 {
    batches * (live * (live - 1) / 2 + live)
}

#[test]
fn a_million_coroutines_reuse_one_worker() {
    let n = 1_000_000;
    let m = batches_program(n, 1);
    let compiled = compile(m);
    let started = Instant::now();
    let out = SharedBuffer::new();
    let outcome =
        switchyard::run_compiled(&compiled, RunOptions::new("t").with_stdout(out.clone())).unwrap();
    let wall = started.elapsed();
    assert_eq!(outcome, Outcome::Finished);
    assert_eq!(out.text(), lines(&[&[batches_sum(n, 1)]]));
    let d = run_direct(&compiled.wasm);
    assert_eq!(d.error, None);
    assert_eq!((d.workers, d.abandoned, d.handles), (1, 0, 1));
    println!(
        "wasmfx: 1,000,000 coroutines (create, suspend once, finish, free): main {:?} = {:.1} ns per coroutine; whole run (compile+instantiate+run) {wall:?}",
        d.main_time,
        d.main_time.as_nanos() as f64 / n as f64
    );
    // The pool makes this cheap; a fresh continuation each time would take
    // >10 s (and run out of mappings long before).
    assert!(d.main_time < Duration::from_secs(5), "{:?}", d.main_time);
}

#[test]
fn a_million_coroutines_that_just_return() {
    // for i in 0..n { c = new(plus_one); total += resume(c, i).value; free(c) }
    let n: i64 = 1_000_000;
    let mut p = Prog::new();
    let entry = plus_one(&mut p);
    let main = p.main();
    let cl = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(entry);
    let total = b.local(Type::I64);
    for_range(&mut b, 0, n, |b, i| {
        let c = b.coro_new(slot);
        let (_, v) = b.coro_resume(c, i);
        b.binary_into(total, BinOp::I64Add, total, v);
        b.coro_free(c);
    });
    log(&mut b, cl, &[total]);
    b.ret(&[]);
    b.finish();
    let compiled = compile(p.m);
    let d = run_direct(&compiled.wasm);
    assert_eq!(d.error, None);
    assert_eq!(d.stdout, lines(&[&[n * (n + 1) / 2]]));
    assert_eq!((d.workers, d.abandoned, d.handles), (1, 0, 1));
    println!(
        "wasmfx: {n} coroutines created, run to completion (no suspension) and freed: main {:?} = {:.1} ns per coroutine",
        d.main_time,
        d.main_time.as_nanos() as f64 / n as f64
    );
}

#[test]
fn a_million_coroutines_in_batches_of_a_thousand() {
    let (batches, live) = (1000, 1000);
    let compiled = compile(batches_program(batches, live));
    let d = run_direct(&compiled.wasm);
    assert_eq!(d.error, None);
    assert_eq!(d.stdout, lines(&[&[batches_sum(batches, live)]]));
    assert_eq!((d.workers, d.abandoned, d.handles), (1000, 0, 1000));
    println!(
        "wasmfx: 1,000 x 1,000 live coroutines: main {:?} = {:.1} ns per coroutine",
        d.main_time,
        d.main_time.as_nanos() as f64 / (batches * live) as f64
    );
}

#[test]
fn ten_thousand_coroutines_alive_at_once() {
    let live = 10_000;
    let m = batches_program(1, live);
    let expected = lines(&[&[batches_sum(1, live)]]);
    let compiled = compile(m);
    let out = SharedBuffer::new();
    let outcome =
        switchyard::run_compiled(&compiled, RunOptions::new("t").with_stdout(out.clone())).unwrap();
    assert_eq!(outcome, Outcome::Finished);
    assert_eq!(out.text(), expected);
    let d = run_direct(&compiled.wasm);
    assert_eq!(d.error, None);
    assert_eq!(d.stdout, expected);
    assert_eq!((d.workers, d.abandoned, d.handles), (live, 0, live as i32));
}

#[test]
fn a_million_suspensions() {
    // spin(n): for i in 0..n { suspend(i) }; return n
    let n: i64 = 1_000_000;
    let mut p = Prog::new();
    let spin = p.entry("spin");
    let mut b = FunctionBuilder::new(&mut p.m, spin);
    let count = b.param(0);
    let i = b.local(Type::I64);
    let one = b.i64_const(1);
    b.while_(
        |b| b.bin(BinOp::I64LtS, i, count),
        |b, _| {
            b.coro_suspend(i);
            b.binary_into(i, BinOp::I64Add, i, one);
        },
    );
    b.ret(&[count]);
    b.finish();
    suspension_loop_main(&mut p, spin, n);
    let compiled = compile(p.m);
    let d = run_direct(&compiled.wasm);
    assert_eq!(d.error, None);
    // the sum of 0..n, the returned value n, and n + 1 resumes
    assert_eq!(d.stdout, lines(&[&[n * (n - 1) / 2, n, n + 1]]));
    assert_eq!((d.workers, d.abandoned), (1, 0));
    println!(
        "wasmfx: {n} suspend/resume pairs: main {:?} = {:.1} ns per pair",
        d.main_time,
        d.main_time.as_nanos() as f64 / n as f64
    );
}

/// `main`: resume the `spin` coroutine until it returns, summing the
/// yielded values; print (sum, returned value, number of resumes).
fn suspension_loop_main(p: &mut Prog, spin: FuncId, n: i64) {
    let main = p.main();
    let cl = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(spin);
    let c = b.coro_new(slot);
    let arg = b.i64_const(n);
    let (sum, resumes, last) = (b.local(Type::I64), b.local(Type::I64), b.local(Type::I64));
    let one = b.i64_const(1);
    b.loop_(|b, t| {
        let (status, value) = b.coro_resume(c, arg);
        b.binary_into(resumes, BinOp::I64Add, resumes, one);
        let suspended = b.i32_const(CORO_SUSPENDED);
        let done = b.bin(BinOp::I32Ne, status, suspended);
        let more = b.new_block();
        let fin = b.new_block();
        b.branch(done, fin, more);
        b.switch_to(fin);
        b.copy(last, value);
        b.jump(t.break_to);
        b.switch_to(more);
        b.binary_into(sum, BinOp::I64Add, sum, value);
        b.jump(t.continue_to);
    });
    b.coro_free(c);
    log(&mut b, cl, &[sum, last, resumes]);
    b.ret(&[]);
    b.finish();
}

// ---- misuse and freeing ------------------------------------------------------

fn coro_trap(message: &str) -> Outcome {
    Outcome::Trap {
        kind: TrapKind::Other,
        message: message.to_string(),
    }
}

const RESUME_MESSAGE: &str = "resumed a coroutine that is running or finished";
const FREE_MESSAGE: &str = "freed a coroutine that is running or already freed";

/// `main` runs `gen` (yields 1..=5, returns 99) to completion, prints 7,
/// then `after(b, c)`.
fn after_finishing(after: impl FnOnce(&mut FunctionBuilder, Local)) -> Module {
    let mut p = Prog::new();
    let g = counting_generator(&mut p);
    let main = p.main();
    let cl = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(g);
    let c = b.coro_new(slot);
    let zero = b.i64_const(0);
    for _ in 0..6 {
        b.coro_resume(c, zero);
    }
    let seven = b.i64_const(7);
    log(&mut b, cl, &[seven]);
    after(&mut b, c);
    b.ret(&[]);
    b.finish();
    p.m
}

#[test]
fn resuming_a_finished_coroutine_traps() {
    let m = after_finishing(|b, c| {
        let zero = b.i64_const(0);
        b.coro_resume(c, zero);
    });
    assert_eq!(run(m), (coro_trap(RESUME_MESSAGE), "7\n".to_string()));
}

#[test]
fn resuming_a_freed_coroutine_traps() {
    let m = after_finishing(|b, c| {
        b.coro_free(c);
        let zero = b.i64_const(0);
        b.coro_resume(c, zero);
    });
    assert_eq!(run(m).0, coro_trap(RESUME_MESSAGE));
}

#[test]
fn resuming_a_bad_handle_traps() {
    let m = after_finishing(|b, _| {
        let (bad, zero) = (b.i32_const(12345), b.i64_const(0));
        b.coro_resume(bad, zero);
    });
    assert_eq!(run(m).0, coro_trap(RESUME_MESSAGE));
    let m = after_finishing(|b, _| {
        let (bad, zero) = (b.i32_const(-1), b.i64_const(0));
        b.coro_resume(bad, zero);
    });
    assert_eq!(run(m).0, coro_trap(RESUME_MESSAGE));
}

#[test]
fn freeing_twice_traps() {
    let m = after_finishing(|b, c| {
        b.coro_free(c);
        b.coro_free(c);
    });
    assert_eq!(run(m), (coro_trap(FREE_MESSAGE), "7\n".to_string()));
}

/// `selfish(h)`: resumes (or, if `free`, frees) the coroutine `h`, which
/// is itself.
fn self_referential(free: bool) -> Module {
    let mut p = Prog::new();
    let f = p.entry("selfish");
    let mut b = FunctionBuilder::new(&mut p.m, f);
    let h = b.un(UnOp::I32WrapI64, b.param(0));
    if free {
        b.coro_free(h);
    } else {
        let zero = b.i64_const(0);
        b.coro_resume(h, zero);
    }
    let r = b.i64_const(0);
    b.ret(&[r]);
    b.finish();
    let main = p.main();
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(f);
    let c = b.coro_new(slot);
    let c64 = i64_of(&mut b, c);
    b.coro_resume(c, c64);
    b.ret(&[]);
    b.finish();
    p.m
}

#[test]
fn resuming_a_running_coroutine_traps() {
    assert_eq!(run(self_referential(false)).0, coro_trap(RESUME_MESSAGE));
}

#[test]
fn freeing_a_running_coroutine_traps() {
    assert_eq!(run(self_referential(true)).0, coro_trap(FREE_MESSAGE));
}

#[test]
fn suspending_outside_a_coroutine_traps() {
    let mut p = Prog::new();
    let main = p.main();
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let zero = b.i64_const(0);
    b.coro_suspend(zero);
    b.ret(&[]);
    b.finish();
    // Traps in Wasmtime (no handler for the tag), not a host crash.
    match run(p.m).0 {
        Outcome::Trap { .. } => {}
        other => panic!("expected a trap, got {other:?}"),
    }
}

/// `main`: start `gen` (yields 1..=5), resume it twice, free it while
/// suspended; then run a second `gen` to completion in the recycled
/// handle, printing its handle and values.
#[test]
fn freeing_a_suspended_coroutine() {
    let mut p = Prog::new();
    let g = counting_generator(&mut p);
    let main = p.main();
    let cl = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(g);
    let zero = b.i64_const(0);
    let first = b.coro_new(slot);
    b.coro_resume(first, zero);
    let (_, v) = b.coro_resume(first, zero);
    log(&mut b, cl, &[v]);
    b.coro_free(first);
    let second = b.coro_new(slot);
    let (h1, h2) = (i64_of(&mut b, first), i64_of(&mut b, second));
    log(&mut b, cl, &[h1, h2]);
    b.loop_(|b, t| {
        let (status, value) = b.coro_resume(second, zero);
        let s = i64_of(b, status);
        log(b, cl, &[s, value]);
        let suspended = b.i32_const(CORO_SUSPENDED);
        let done = b.bin(BinOp::I32Ne, status, suspended);
        let more = b.new_block();
        b.branch(done, t.break_to, more);
        b.switch_to(more);
    });
    b.coro_free(second);
    b.ret(&[]);
    b.finish();
    let compiled = compile(p.m);
    let expected = lines(&[
        &[2],
        &[0, 0],
        &[0, 1],
        &[0, 2],
        &[0, 3],
        &[0, 4],
        &[0, 5],
        &[1, 99],
    ]);
    let out = SharedBuffer::new();
    let outcome =
        switchyard::run_compiled(&compiled, RunOptions::new("t").with_stdout(out.clone())).unwrap();
    assert_eq!((outcome, out.text()), (Outcome::Finished, expected.clone()));
    let d = run_direct(&compiled.wasm);
    assert_eq!((d.error, d.stdout), (None, expected));
    // The suspended coroutine's worker was abandoned (its stack stays
    // mapped until the Store is dropped): the second coroutine needed a
    // new worker, but reused the handle.
    assert_eq!((d.workers, d.abandoned, d.handles), (2, 1, 1));
}

#[test]
fn freeing_a_fresh_coroutine_returns_its_worker() {
    let mut p = Prog::new();
    let g = counting_generator(&mut p);
    let main = p.main();
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(g);
    let zero = b.i64_const(0);
    for _ in 0..3 {
        let c = b.coro_new(slot);
        b.coro_free(c);
    }
    let c = b.coro_new(slot);
    for _ in 0..6 {
        b.coro_resume(c, zero);
    }
    b.coro_free(c);
    b.ret(&[]);
    b.finish();
    let d = run_direct(&compile(p.m).wasm);
    assert_eq!(d.error, None);
    assert_eq!((d.workers, d.abandoned, d.handles), (1, 0, 1));
}

// ---- the strategy's checks ---------------------------------------------------

#[test]
fn the_strategy_keeps_coroutines_and_asks_for_stack_switching() {
    let mut p = Prog::new();
    counting_generator(&mut p);
    let lowered = switchyard_strategies::lower(p.m, Strategy::Wasmfx).unwrap();
    assert!(lowered.stack_switching);
    assert_eq!(lowered.post_pass, switchyard_strategies::PostPass::None);
    assert!(lowered.module.uses_coroutines());
    // It added the `fatal` import the runtime reports misuse through.
    let fatal = lowered.module.func_by_name("switchyard.fatal").unwrap();
    assert!(lowered.module.funcs[fatal.index()].is_import());
}

#[test]
fn the_strategy_rejects_reserved_export_names() {
    let mut p = Prog::new();
    let g = counting_generator(&mut p);
    p.m.export_func(g, "wasmfx_workers");
    let e = switchyard_strategies::lower(p.m, Strategy::Wasmfx).unwrap_err();
    assert_eq!(e.function.as_deref(), Some("gen"));
    assert!(e.to_string().contains("wasmfx_workers"), "{e}");
}

#[test]
fn the_strategy_rejects_a_mistyped_fatal_import() {
    let mut p = Prog::new();
    counting_generator(&mut p);
    p.m.import_func("switchyard", "fatal", Signature::new([Type::I64], []));
    let e = switchyard_strategies::lower(p.m, Strategy::Wasmfx).unwrap_err();
    assert_eq!(e.function.as_deref(), Some("switchyard.fatal"));
}

#[test]
fn fatal_codes_and_names_agree_across_crates() {
    use switchyard_js_runtime::layout;
    use switchyard_wasm::stack_switching as ss;
    assert_eq!(ss::FATAL_CORO_RESUME, layout::FATAL_CORO_RESUME);
    assert_eq!(ss::FATAL_CORO_FREE, layout::FATAL_CORO_FREE);
    assert_eq!(ss::FATAL_OUT_OF_MEMORY, layout::FATAL_OUT_OF_MEMORY);
    use switchyard_fibers::wasmfx as fx;
    assert_eq!(fx::FATAL_CORO_RESUME, ss::FATAL_CORO_RESUME);
    assert_eq!(fx::FATAL_CORO_FREE, ss::FATAL_CORO_FREE);
    assert_eq!(fx::RESERVED_EXPORTS, ss::RESERVED_EXPORTS);
    assert_eq!((fx::FATAL_MODULE, fx::FATAL_NAME), ss::FATAL_IMPORT);
}

/// `batches` times, `live` coroutines suspended `depth` calls deep, all
/// freed while suspended. Returns the compiled program.
fn freed_while_suspended(batches: i64, live: i64, depth: i64) -> switchyard::Compiled {
    let mut p = Prog::new();
    // deep(n): if n == 0 { suspend(7); return 0 } else { return deep(n - 1) + 1 }
    let deep =
        p.m.declare_func("deep", Signature::new([Type::I64], [Type::I64]));
    let mut b = FunctionBuilder::new(&mut p.m, deep);
    let n = b.param(0);
    let r = b.local(Type::I64);
    let is_zero = b.un(UnOp::I64Eqz, n);
    b.if_else(
        is_zero,
        |b| {
            let seven = b.i64_const(7);
            b.coro_suspend(seven);
        },
        |b| {
            let one = b.i64_const(1);
            let below = b.bin(BinOp::I64Sub, n, one);
            let v = b.call1(deep, &[below]);
            b.binary_into(r, BinOp::I64Add, v, one);
        },
    );
    b.ret(&[r]);
    b.finish();
    let entry = p.entry("deep_entry");
    let mut b = FunctionBuilder::new(&mut p.m, entry);
    let x = b.param(0);
    let v = b.call1(deep, &[x]);
    b.ret(&[v]);
    b.finish();

    let main = p.main();
    let cl = p.console_log;
    let mut b = FunctionBuilder::new(&mut p.m, main);
    let slot = b.func_addr(entry);
    let total = b.local(Type::I64);
    let pages = b.i32_const(((4096 + 4 * live) / 65536 + 1) as i32);
    b.memory_grow(pages);
    let (base, four, d) = (b.i32_const(4096), b.i32_const(4), b.i64_const(depth));
    for_range(&mut b, 0, batches, |b, _| {
        for_range(b, 0, live, |b, j| {
            let c = b.coro_new(slot);
            let j32 = b.un(UnOp::I32WrapI64, j);
            let off = b.bin(BinOp::I32Mul, j32, four);
            let addr = b.bin(BinOp::I32Add, base, off);
            b.store(StoreKind::I32, addr, 0, c);
            let (_, v) = b.coro_resume(c, d);
            b.binary_into(total, BinOp::I64Add, total, v);
        });
        for_range(b, 0, live, |b, j| {
            let j32 = b.un(UnOp::I32WrapI64, j);
            let off = b.bin(BinOp::I32Mul, j32, four);
            let addr = b.bin(BinOp::I32Add, base, off);
            let c = b.load(LoadKind::I32, addr, 0);
            b.coro_free(c);
        });
    });
    log(&mut b, cl, &[total]);
    b.ret(&[]);
    b.finish();
    compile(p.m)
}

#[test]
fn freeing_suspended_coroutines_abandons_their_workers() {
    let (batches, live) = (10, 100);
    let compiled = freed_while_suspended(batches, live, 50);
    let expected = lines(&[&[7 * batches * live]]);
    let out = SharedBuffer::new();
    let outcome =
        switchyard::run_compiled(&compiled, RunOptions::new("t").with_stdout(out.clone())).unwrap();
    assert_eq!((outcome, out.text()), (Outcome::Finished, expected.clone()));
    let d = run_direct(&compiled.wasm);
    assert_eq!((d.error, d.stdout), (None, expected));
    // Every batch needed fresh workers; the handles were recycled.
    assert_eq!(
        (d.workers, d.abandoned, d.handles),
        (batches * live, batches * live, live as i32)
    );
}

/// Abandoning suspended coroutines by the hundred thousand exhausts the
/// process's mappings (each abandoned worker keeps its stack): the program
/// ends in a clean out-of-memory trap, not a host crash. (On a machine that
/// allows that many mappings it simply finishes.) Runs in a child process:
/// the mappings are per process, and exhausting them would starve the
/// tests running in parallel.
#[test]
fn abandoning_stacks_until_exhaustion_is_a_clean_trap() {
    const CHILD: &str = "SWITCHYARD_WASMFX_EXHAUSTION_CHILD";
    const NAME: &str = "abandoning_stacks_until_exhaustion_is_a_clean_trap";
    if std::env::var_os(CHILD).is_none() {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", NAME, "--test-threads=1"])
            .env(CHILD, "1")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && text.contains("1 passed"),
            "child failed:\n{text}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        return;
    }
    let (batches, live) = (100, 1000);
    let compiled = freed_while_suspended(batches, live, 0);
    let out = SharedBuffer::new();
    let outcome =
        switchyard::run_compiled(&compiled, RunOptions::new("t").with_stdout(out.clone())).unwrap();
    match outcome {
        Outcome::Trap {
            kind: TrapKind::OutOfMemory,
            ..
        } => {}
        Outcome::Finished => assert_eq!(out.text(), lines(&[&[7 * batches * live]])),
        other => panic!("expected an out-of-memory trap, got {other:?}"),
    }
}
