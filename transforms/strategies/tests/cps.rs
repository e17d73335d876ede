//! The cps strategy end to end: IR modules with coroutines, built with the
//! builder, compiled through the facade with `Strategy::Cps` and run under
//! Wasmtime; outputs are checked against values computed here in Rust.
//!
//! Timings are printed to stderr (`cargo test --release -- --nocapture`);
//! nothing is asserted about time.

use std::time::Instant;
use switchyard::ir::*;
use switchyard::{Options, Outcome, RunOptions, Strategy};
use switchyard_host::SharedBuffer;

mod common;
use common::{Prog as Harness, ARGS};

/// Prints numbers (converted to f64) on one line.
fn print(b: &mut FunctionBuilder, console_log: FuncId, vals: &[Local]) {
    let args = b.i32_const(ARGS);
    for (i, &v) in vals.iter().enumerate() {
        let f = to_f64(b, v);
        b.store(StoreKind::F64, args, 8 * i as u32, f);
    }
    let n = b.i32_const(vals.len() as i32);
    b.call(console_log, &[args, n]);
}

fn to_f64(b: &mut FunctionBuilder, v: Local) -> Local {
    match b.local_type(v) {
        Type::I32 => b.un(UnOp::F64ConvertI32S, v),
        Type::I64 => b.un(UnOp::F64ConvertI64S, v),
        Type::F32 => b.un(UnOp::F64PromoteF32, v),
        Type::F64 => v,
    }
}

fn compile(m: Module) -> switchyard::Compiled {
    let opts = Options {
        strategy: Strategy::Cps,
        names: true,
    };
    match switchyard::compile_ir(m, &opts) {
        Ok(c) => c,
        Err(e) => panic!("compile error: {e}"),
    }
}

fn run(compiled: &switchyard::Compiled) -> String {
    let out = SharedBuffer::new();
    let outcome = switchyard::run_compiled(compiled, RunOptions::new("t").with_stdout(out.clone()))
        .unwrap_or_else(|e| panic!("run error: {e}"));
    assert_eq!(outcome, Outcome::Finished, "stdout so far:\n{}", out.text());
    out.text()
}

fn compile_and_run(m: Module) -> String {
    run(&compile(m))
}

/// Runs and reports a trap.
fn run_outcome(m: Module) -> Outcome {
    let compiled = compile(m);
    switchyard::run_compiled(&compiled, RunOptions::new("t")).unwrap()
}

fn lines(v: &[String]) -> String {
    v.iter().map(|l| format!("{l}\n")).collect()
}

// ---------------------------------------------------------------------------

/// `gen(arg)`: for i in 1..=5 { x = yield i*arg; acc64 += x; acc32 += i;
/// accf += x * 0.5 }; return acc64 + acc32 + accf. Values of all three
/// types, the loop counter and the entry argument are live across the yield.
#[test]
fn generator_yields_in_a_loop_with_live_values_of_each_type() {
    let mut h = Harness::new();
    let gen = h.entry("gen");
    let mut b = FunctionBuilder::new(&mut h.m, gen);
    let arg = b.param(0);
    let i = b.named_local(Type::I32, "i");
    let acc32 = b.named_local(Type::I32, "acc32");
    let acc64 = b.named_local(Type::I64, "acc64");
    let accf = b.named_local(Type::F64, "accf");
    let one = b.i32_const(1);
    let five = b.i32_const(5);
    let half = b.f64_const(0.5);
    b.copy(i, one);
    b.while_(
        |b| b.bin(BinOp::I32LeS, i, five),
        |b, _| {
            let i64_ = b.un(UnOp::I64ExtendI32S, i);
            let y = b.bin(BinOp::I64Mul, i64_, arg);
            let x = b.coro_suspend(y);
            b.binary_into(acc64, BinOp::I64Add, acc64, x);
            b.binary_into(acc32, BinOp::I32Add, acc32, i);
            let xf = b.un(UnOp::F64ConvertI64S, x);
            let hx = b.bin(BinOp::F64Mul, xf, half);
            b.binary_into(accf, BinOp::F64Add, accf, hx);
            b.binary_into(i, BinOp::I32Add, i, one);
        },
    );
    let a32 = b.un(UnOp::I64ExtendI32S, acc32);
    let s = b.bin(BinOp::I64Add, acc64, a32);
    let af = b.un(UnOp::I64TruncSatF64S, accf);
    let r = b.bin(BinOp::I64Add, s, af);
    b.ret(&[r]);
    b.finish();

    let main = h.main();
    let cl = h.console_log;
    let mut b = FunctionBuilder::new(&mut h.m, main);
    let slot = b.func_addr(gen);
    let c = b.coro_new(slot);
    let seven = b.i64_const(7);
    let (st, v) = b.coro_resume(c, seven);
    print(&mut b, cl, &[st, v]);
    let k = b.named_local(Type::I64, "k");
    let hundred = b.i64_const(100);
    b.copy(k, hundred);
    b.loop_(|b, t| {
        let (st, v) = b.coro_resume(c, k);
        print(b, cl, &[st, v]);
        let ten = b.i64_const(10);
        b.binary_into(k, BinOp::I64Add, k, ten);
        let zero = b.i32_const(0);
        let done = b.bin(BinOp::I32Ne, st, zero);
        let cont = b.new_block();
        b.branch(done, t.break_to, cont);
        b.switch_to(cont);
    });
    b.coro_free(c);
    b.ret(&[]);
    b.finish();

    let mut expected = vec!["0 7".to_string()];
    let (mut acc64, mut acc32, mut accf) = (0i64, 0i64, 0f64);
    let mut k = 100i64;
    for i in 1..=5i64 {
        acc64 += k;
        acc32 += i;
        accf += k as f64 * 0.5;
        if i < 5 {
            expected.push(format!("0 {}", (i + 1) * 7));
        }
        k += 10;
    }
    expected.push(format!("1 {}", acc64 + acc32 + accf as i64));
    assert_eq!(compile_and_run(h.m), lines(&expected));
}

/// Defines `main` as: a coroutine of `entry`, driven by [`drive`] from `k`;
/// returns `main`.
fn main_driving(h: &mut Harness, entry: FuncId, k: i64) -> FuncId {
    let main = h.main();
    let cl = h.console_log;
    let mut b = FunctionBuilder::new(&mut h.m, main);
    let slot = b.func_addr(entry);
    let c = b.coro_new(slot);
    let k = b.i64_const(k);
    drive(&mut b, cl, c, k);
    b.ret(&[]);
    b.finish();
    main
}

/// Emits: `k = 1; loop { (st, v) = resume(c, k); print st v; if st break; k += 1 }; free(c)`.
fn drive(b: &mut FunctionBuilder, cl: FuncId, c: Local, k: Local) {
    b.loop_(|b, t| {
        let (st, v) = b.coro_resume(c, k);
        print(b, cl, &[st, v]);
        let one = b.i64_const(1);
        b.binary_into(k, BinOp::I64Add, k, one);
        let cont = b.new_block();
        b.branch(st, t.break_to, cont);
        b.switch_to(cont);
    });
    b.coro_free(c);
}

/// A sequential model of a driven coroutine: `suspend(v)` records `0 v`
/// and returns the next resume argument.
struct Model {
    out: Vec<String>,
    k: i64,
}

impl Model {
    fn new() -> Self {
        Model {
            out: Vec::new(),
            k: 1,
        }
    }
    /// The argument of the first resume.
    fn start(&mut self) -> i64 {
        self.k
    }
    fn suspend(&mut self, v: i64) -> i64 {
        self.out.push(format!("0 {v}"));
        self.k += 1;
        self.k
    }
    fn finish(&mut self, v: i64) {
        self.out.push(format!("1 {v}"));
        self.k += 1;
    }
}

/// Suspensions in nested loops, in one arm of an if/else (whose join then
/// becomes a piece), and at the end of the outer loop body.
#[test]
fn suspension_inside_nested_loops_and_if_else() {
    let mut h = Harness::new();
    let gen = h.entry("nested");
    let mut b = FunctionBuilder::new(&mut h.m, gen);
    let arg = b.param(0);
    let total = b.named_local(Type::I64, "total");
    b.copy(total, arg);
    let i = b.named_local(Type::I32, "i");
    let three = b.i32_const(3);
    b.while_(
        |b| b.bin(BinOp::I32LtS, i, three),
        |b, _| {
            let j = b.named_local(Type::I32, "j");
            let zero = b.i32_const(0);
            b.copy(j, zero);
            b.while_(
                |b| b.bin(BinOp::I32LtS, j, three),
                |b, _| {
                    let ten = b.i32_const(10);
                    let i10 = b.bin(BinOp::I32Mul, i, ten);
                    let v32 = b.bin(BinOp::I32Add, i10, j);
                    let v = b.un(UnOp::I64ExtendI32S, v32);
                    let ij = b.bin(BinOp::I32Add, i, j);
                    let one = b.i32_const(1);
                    let odd = b.bin(BinOp::I32And, ij, one);
                    let t = b.named_local(Type::I64, "t");
                    b.if_else(
                        odd,
                        |b| {
                            let zero = b.i64_const(0);
                            b.binary_into(t, BinOp::I64Sub, zero, v);
                        },
                        |b| {
                            let x = b.coro_suspend(v);
                            let two = b.i64_const(2);
                            b.binary_into(t, BinOp::I64Mul, x, two);
                        },
                    );
                    b.binary_into(total, BinOp::I64Add, total, t);
                    b.binary_into(j, BinOp::I32Add, j, one);
                },
            );
            let base = b.i64_const(1000);
            let i64_ = b.un(UnOp::I64ExtendI32S, i);
            let w = b.bin(BinOp::I64Add, base, i64_);
            let y = b.coro_suspend(w);
            b.binary_into(total, BinOp::I64Add, total, y);
            let one = b.i32_const(1);
            b.binary_into(i, BinOp::I32Add, i, one);
        },
    );
    b.ret(&[total]);
    b.finish();

    main_driving(&mut h, gen, 1);

    let mut m = Model::new();
    let mut total = m.start();
    for i in 0..3i64 {
        for j in 0..3i64 {
            let v = i * 10 + j;
            let t = if (i + j) % 2 == 1 {
                -v
            } else {
                m.suspend(v) * 2
            };
            total += t;
        }
        total += m.suspend(1000 + i);
    }
    m.finish(total);
    assert_eq!(compile_and_run(h.m), lines(&m.out));
}

/// `counter(arg)`: for i in 0..4 { acc += yield (arg + i) }; return acc,
/// and an f64 variant; three coroutines resumed round-robin.
#[test]
fn interleaved_coroutines_keep_their_own_state() {
    let mut h = Harness::new();
    let counter = h.entry("counter");
    let mut b = FunctionBuilder::new(&mut h.m, counter);
    let arg = b.param(0);
    let acc = b.local(Type::I64);
    let i = b.local(Type::I64);
    let four = b.i64_const(4);
    b.while_(
        |b| b.bin(BinOp::I64LtS, i, four),
        |b, _| {
            let v = b.bin(BinOp::I64Add, arg, i);
            let x = b.coro_suspend(v);
            b.binary_into(acc, BinOp::I64Add, acc, x);
            let one = b.i64_const(1);
            b.binary_into(i, BinOp::I64Add, i, one);
        },
    );
    b.ret(&[acc]);
    b.finish();
    let halves = h.entry("halves");
    let mut b = FunctionBuilder::new(&mut h.m, halves);
    let arg = b.param(0);
    let f = b.un(UnOp::F64ConvertI64S, arg);
    let i = b.local(Type::I32);
    let three = b.i32_const(3);
    b.while_(
        |b| b.bin(BinOp::I32LtS, i, three),
        |b, _| {
            let half = b.f64_const(0.5);
            b.binary_into(f, BinOp::F64Mul, f, half);
            let hundred = b.f64_const(100.0);
            let scaled = b.bin(BinOp::F64Mul, f, hundred);
            let v = b.un(UnOp::I64TruncSatF64S, scaled);
            let x = b.coro_suspend(v);
            let xf = b.un(UnOp::F64ConvertI64S, x);
            b.binary_into(f, BinOp::F64Add, f, xf);
            let one = b.i32_const(1);
            b.binary_into(i, BinOp::I32Add, i, one);
        },
    );
    let r = b.un(UnOp::I64TruncSatF64S, f);
    b.ret(&[r]);
    b.finish();

    let main = h.main();
    let cl = h.console_log;
    let mut b = FunctionBuilder::new(&mut h.m, main);
    let (s1, s2) = (b.func_addr(counter), b.func_addr(halves));
    let c1 = b.coro_new(s1);
    let c2 = b.coro_new(s2);
    let c3 = b.coro_new(s1);
    let round = b.local(Type::I64);
    let six = b.i64_const(6);
    b.while_(
        |b| b.bin(BinOp::I64LtS, round, six),
        |b, _| {
            for (n, c) in [(0, c1), (1000, c2), (50, c3)] {
                let st = b.local(Type::I32);
                let v = b.local(Type::I64);
                let done = b.local(Type::I32);
                // Only resume coroutines that have not returned: their
                // status was kept in memory at 2048 + 4n.
                let flags = b.i32_const(2048 + n / 10);
                b.load_into(done, LoadKind::I32, flags, 0);
                let live = b.un(UnOp::I32Eqz, done);
                b.if_then(live, |b| {
                    let base = b.i64_const(n as i64);
                    let arg = b.bin(BinOp::I64Add, base, round);
                    b.push(Inst::CoroResume {
                        status: st,
                        value: v,
                        coro: c,
                        arg,
                    });
                    print(b, cl, &[st, v]);
                    b.store(StoreKind::I32, flags, 0, st);
                });
            }
            let one = b.i64_const(1);
            b.binary_into(round, BinOp::I64Add, round, one);
        },
    );
    for c in [c1, c2, c3] {
        b.coro_free(c);
    }
    b.ret(&[]);
    b.finish();

    // Model each coroutine as a sequence of (suspended value | returned).
    fn counter_model(args: &[i64]) -> Vec<(i32, i64)> {
        let arg = args[0];
        let mut out = Vec::new();
        let mut acc = 0;
        for i in 0..4 {
            out.push((0, arg + i));
            acc += args[i as usize + 1];
        }
        out.push((1, acc));
        out
    }
    fn halves_model(args: &[i64]) -> Vec<(i32, i64)> {
        let mut f = args[0] as f64;
        let mut out = Vec::new();
        for i in 0..3 {
            f *= 0.5;
            out.push((0, (f * 100.0) as i64));
            f += args[i + 1] as f64;
        }
        out.push((1, f as i64));
        out
    }
    let args = |base: i64| (0..6).map(|r| base + r).collect::<Vec<_>>();
    let runs = [
        counter_model(&args(0)),
        halves_model(&args(1000)),
        counter_model(&args(50)),
    ];
    let mut expected = Vec::new();
    for round in 0..6 {
        for run in &runs {
            if let Some((st, v)) = run.get(round) {
                expected.push(format!("{st} {v}"));
            }
        }
    }
    assert_eq!(compile_and_run(h.m), lines(&expected));
}

/// `nest(d)`: a coroutine that, for d > 0, creates and resumes a coroutine
/// `nest(d - 1)` inside its own body, suspends with what that one
/// suspended with plus one, and on resumption forwards the argument down;
/// 200 coroutines deep.
#[test]
fn coroutines_nested_200_deep() {
    let mut h = Harness::new();
    let nest = h.entry("nest");
    let mut b = FunctionBuilder::new(&mut h.m, nest);
    let d = b.param(0);
    let zero = b.i64_const(0);
    let leaf = b.bin(BinOp::I64Eq, d, zero);
    b.if_else(
        leaf,
        |b| {
            let one = b.i64_const(1);
            let y = b.coro_suspend(one);
            let r = b.bin(BinOp::I64Add, y, one);
            b.ret(&[r]);
        },
        |b| {
            let slot = b.func_addr(nest);
            let c = b.coro_new(slot);
            let one = b.i64_const(1);
            let dm1 = b.bin(BinOp::I64Sub, d, one);
            let (_, v) = b.coro_resume(c, dm1);
            let up = b.bin(BinOp::I64Add, v, one);
            let y = b.coro_suspend(up);
            let (st, v2) = b.coro_resume(c, y);
            b.coro_free(c);
            let st64 = b.un(UnOp::I64ExtendI32U, st);
            let r = b.bin(BinOp::I64Add, v2, st64);
            b.ret(&[r]);
        },
    );
    b.finish();
    let main = h.main();
    let cl = h.console_log;
    let mut b = FunctionBuilder::new(&mut h.m, main);
    let slot = b.func_addr(nest);
    let c = b.coro_new(slot);
    let depth = b.i64_const(200);
    let (st, v) = b.coro_resume(c, depth);
    print(&mut b, cl, &[st, v]);
    let arg = b.i64_const(1000);
    let (st, v) = b.coro_resume(c, arg);
    print(&mut b, cl, &[st, v]);
    b.coro_free(c);
    b.ret(&[]);
    b.finish();
    // Down: the leaf suspends 1, each level adds 1. Up: the leaf returns
    // 1001, each level adds the inner status (1).
    assert_eq!(compile_and_run(h.m), "0 201\n1 1201\n");
}

/// `once(a)`: `x = yield a + 1; return 2x`.
fn once_entry(h: &mut Harness) -> FuncId {
    let once = h.entry("once");
    let mut b = FunctionBuilder::new(&mut h.m, once);
    let a = b.param(0);
    let one = b.i64_const(1);
    let v = b.bin(BinOp::I64Add, a, one);
    let x = b.coro_suspend(v);
    let r = b.bin(BinOp::I64Add, x, x);
    b.ret(&[r]);
    b.finish();
    once
}

/// A million coroutines created, run to completion and freed, one at a
/// time: memory stays at a couple of pages.
#[test]
fn a_million_coroutines_created_and_freed_in_bounded_memory() {
    let mut h = Harness::new();
    let once = once_entry(&mut h);
    let main = h.main();
    let cl = h.console_log;
    let mut b = FunctionBuilder::new(&mut h.m, main);
    let slot = b.func_addr(once);
    let i = b.local(Type::I64);
    let sum = b.local(Type::I64);
    let n = b.i64_const(1_000_000);
    b.while_(
        |b| b.bin(BinOp::I64LtS, i, n),
        |b, _| {
            let c = b.coro_new(slot);
            let (_, v) = b.coro_resume(c, i);
            let (_, v2) = b.coro_resume(c, v);
            b.binary_into(sum, BinOp::I64Add, sum, v2);
            b.coro_free(c);
            let one = b.i64_const(1);
            b.binary_into(i, BinOp::I64Add, i, one);
        },
    );
    let pages = b.memory_size();
    print(&mut b, cl, &[sum, pages]);
    b.ret(&[]);
    b.finish();
    let compiled = compile(h.m);
    let t = Instant::now();
    let out = run(&compiled);
    let elapsed = t.elapsed();
    let n = 1_000_000i64;
    // sum of 2 (i + 1) for i < n; one page of data, one 64 KiB chunk.
    assert_eq!(out, format!("{} 2\n", n * (n + 1)));
    eprintln!(
        "cps: 1,000,000 coroutines created, run and freed in {:?} ({:.1} ns each, including instantiation)",
        elapsed,
        elapsed.as_nanos() as f64 / n as f64
    );
}

/// `hold(a)`: keeps a few values of different types across two yields.
/// Ten thousand of them alive at once.
#[test]
fn ten_thousand_coroutines_alive_at_once() {
    let mut h = Harness::new();
    let hold = h.entry("hold");
    let mut b = FunctionBuilder::new(&mut h.m, hold);
    let a = b.param(0);
    let three = b.i64_const(3);
    let a3 = b.bin(BinOp::I64Mul, a, three);
    let af = b.un(UnOp::F64ConvertI64S, a);
    let quarter = b.f64_const(0.25);
    let fq = b.bin(BinOp::F64Mul, af, quarter);
    let a32 = b.un(UnOp::I32WrapI64, a);
    let x = b.coro_suspend(a);
    let y = b.coro_suspend(a3);
    let s = b.bin(BinOp::I64Add, x, y);
    let fi = b.un(UnOp::I64TruncSatF64S, fq);
    let s2 = b.bin(BinOp::I64Add, s, fi);
    let w = b.un(UnOp::I64ExtendI32S, a32);
    let r = b.bin(BinOp::I64Add, s2, w);
    b.ret(&[r]);
    b.finish();

    const N: i32 = 10_000;
    const HANDLES: i32 = 8192;
    let main = h.main();
    let cl = h.console_log;
    let mut b = FunctionBuilder::new(&mut h.m, main);
    let slot = b.func_addr(hold);
    let handles = b.i32_const(HANDLES);
    let n = b.i32_const(N);
    let sums: Vec<Local> = (0..3).map(|_| b.local(Type::I64)).collect();
    for (round, &sum) in sums.iter().enumerate() {
        let i = b.local(Type::I32);
        b.while_(
            |b| b.bin(BinOp::I32LtS, i, n),
            |b, _| {
                let four = b.i32_const(4);
                let off = b.bin(BinOp::I32Mul, i, four);
                let at = b.bin(BinOp::I32Add, handles, off);
                let c = if round == 0 {
                    let c = b.coro_new(slot);
                    b.store(StoreKind::I32, at, 0, c);
                    c
                } else {
                    b.load(LoadKind::I32, at, 0)
                };
                let arg = if round == 0 {
                    b.un(UnOp::I64ExtendI32S, i)
                } else {
                    b.i64_const(round as i64)
                };
                let (_, v) = b.coro_resume(c, arg);
                b.binary_into(sum, BinOp::I64Add, sum, v);
                if round == 2 {
                    b.coro_free(c);
                }
                let one = b.i32_const(1);
                b.binary_into(i, BinOp::I32Add, i, one);
            },
        );
    }
    let pages = b.memory_size();
    print(&mut b, cl, &[sums[0], sums[1], sums[2], pages]);
    b.ret(&[]);
    b.finish();
    let out = compile_and_run(h.m);
    let n = N as i64;
    let s0: i64 = (0..n).sum();
    let s1: i64 = (0..n).map(|a| 3 * a).sum();
    let s2: i64 = (0..n).map(|a| 1 + 2 + (a as f64 * 0.25) as i64 + a).sum();
    // 10,000 blocks of 128 bytes: 1.28 MB, 20 pages, plus the data page.
    assert_eq!(out, format!("{s0} {s1} {s2} 21\n"));
}

/// Emits a module whose generator yields `i` forever and whose main
/// resumes it `n` times; returns its run time.
fn time_suspends(n: i64) -> std::time::Duration {
    time_suspends_unrolled(n, 1)
}

fn time_suspends_unrolled(n: i64, unroll: usize) -> std::time::Duration {
    let mut h = Harness::new();
    let gen = h.entry("ticker");
    let mut b = FunctionBuilder::new(&mut h.m, gen);
    let i = b.param(0);
    b.loop_(|b, _| {
        for _ in 0..unroll {
            let x = b.coro_suspend(i);
            b.binary_into(i, BinOp::I64Add, i, x);
        }
    });
    b.finish();
    let main = h.main();
    let cl = h.console_log;
    let mut b = FunctionBuilder::new(&mut h.m, main);
    let slot = b.func_addr(gen);
    let c = b.coro_new(slot);
    let k = b.local(Type::I64);
    let last = b.local(Type::I64);
    let limit = b.i64_const(n);
    let one = b.i64_const(1);
    b.while_(
        |b| b.bin(BinOp::I64LtS, k, limit),
        |b, _| {
            let (_, v) = b.coro_resume(c, one);
            b.copy(last, v);
            b.binary_into(k, BinOp::I64Add, k, one);
        },
    );
    print(&mut b, cl, &[last]);
    b.ret(&[]);
    b.finish();
    let compiled = compile(h.m);
    let t = Instant::now();
    let out = run(&compiled);
    let elapsed = t.elapsed();
    assert_eq!(out, format!("{n}\n"));
    elapsed
}

#[test]
fn a_million_suspend_resume_pairs() {
    let t1 = time_suspends(1_000_000);
    // The marginal cost: best of three runs of 10M pairs minus best of
    // three runs of none (compilation and instantiation), so that other
    // processes on the machine disturb it less.
    let best = |n| (0..3).map(|_| time_suspends(n)).min().unwrap();
    let (t0, t10) = (best(0), best(10_000_000));
    let per_pair = (t10.as_nanos() as f64 - t0.as_nanos() as f64) / 10_000_000.0;
    eprintln!(
        "cps: 1,000,000 suspend/resume pairs in {t1:?} (run incl. compilation and \
         instantiation, {t0:?} of it); {per_pair:.2} ns per pair (from 10M pairs)"
    );
}

/// Builds `down(n, acc)`, a suspendable function recursing 50 deep (odd
/// levels call directly, even ones through the table), suspending twice at
/// the bottom, with values of two types live across every call; `plain`, a
/// direct-style function of the same type in the table; and the entry
/// `deep` that calls both.
fn stackful_module() -> (Harness, FuncId, FuncId) {
    let mut h = Harness::new();
    let sig = Signature::new([Type::I64, Type::F64], [Type::I64]);
    let down = h.m.declare_func("down", sig.clone());
    h.m.export_func(down, "down");
    h.m.table_slot(down);
    let plain = h.m.declare_func("plain", sig.clone());
    h.m.table_slot(plain);

    let mut b = FunctionBuilder::new(&mut h.m, plain);
    let two = b.i64_const(2);
    let r = b.bin(BinOp::I64Mul, b.param(0), two);
    b.ret(&[r]);
    b.finish();

    let mut b = FunctionBuilder::new(&mut h.m, down);
    let (n, acc) = (b.param(0), b.param(1));
    let zero = b.i64_const(0);
    let neg = b.bin(BinOp::I64LtS, n, zero);
    b.if_then(neg, |b| {
        let r = b.i64_const(42);
        b.ret(&[r]);
    });
    let three = b.i64_const(3);
    let keep = b.bin(BinOp::I64Mul, n, three);
    let onef = b.f64_const(1.0);
    let fk = b.bin(BinOp::F64Add, acc, onef);
    let bottom = b.bin(BinOp::I64Eq, n, zero);
    b.if_then(bottom, |b| {
        let hundred = b.i64_const(100);
        let x = b.coro_suspend(hundred);
        let one = b.i64_const(1);
        let x1 = b.bin(BinOp::I64Add, x, one);
        let y = b.coro_suspend(x1);
        let seven = b.i64_const(7);
        let r = b.bin(BinOp::I64Add, y, seven);
        b.ret(&[r]);
    });
    let one = b.i64_const(1);
    let nm1 = b.bin(BinOp::I64Sub, n, one);
    let odd64 = b.bin(BinOp::I64And, n, one);
    let odd = b.un(UnOp::I32WrapI64, odd64);
    let r = b.local(Type::I64);
    b.if_else(
        odd,
        |b| b.call_into(&[r], down, &[nm1, fk]),
        |b| {
            let slot = b.func_addr(down);
            let rs = b.call_indirect(&sig, slot, &[nm1, fk]);
            b.copy(r, rs[0]);
        },
    );
    let s = b.bin(BinOp::I64Add, r, keep);
    let fi = b.un(UnOp::I64TruncSatF64S, fk);
    let s2 = b.bin(BinOp::I64Add, s, fi);
    b.ret(&[s2]);
    b.finish();

    let deep = h.entry("deep");
    let mut b = FunctionBuilder::new(&mut h.m, deep);
    let fifty = b.i64_const(50);
    let zf = b.f64_const(0.0);
    let r = b.call1(down, &[fifty, zf]);
    let z = b.coro_suspend(r);
    let seven = b.i64_const(7);
    let pslot = b.func_addr(plain);
    let q = b.call_indirect(&sig, pslot, &[seven, zf]);
    let s = b.bin(BinOp::I64Add, z, r);
    let s2 = b.bin(BinOp::I64Add, s, q[0]);
    b.ret(&[s2]);
    b.finish();
    (h, down, deep)
}

fn down_model(m: &mut Model, n: i64, acc: f64) -> i64 {
    if n < 0 {
        return 42;
    }
    let keep = n * 3;
    let fk = acc + 1.0;
    if n == 0 {
        let x = m.suspend(100);
        let y = m.suspend(x + 1);
        return y + 7;
    }
    down_model(m, n - 1, fk) + keep + fk as i64
}

/// A suspension 50 calls deep, through direct and indirect calls (stackful
/// suspension through the explicit stack), plus an exported suspendable
/// function called by direct-style code (through its adapter) that does
/// not suspend.
#[test]
fn suspension_fifty_frames_deep() {
    let (mut h, down, deep) = stackful_module();
    let main = h.main();
    let cl = h.console_log;
    let mut b = FunctionBuilder::new(&mut h.m, main);
    let minus = b.i64_const(-1);
    let zf = b.f64_const(0.0);
    let native = b.call1(down, &[minus, zf]);
    print(&mut b, cl, &[native]);
    let slot = b.func_addr(deep);
    let c = b.coro_new(slot);
    let k = b.i64_const(1);
    drive(&mut b, cl, c, k);
    b.ret(&[]);
    b.finish();

    let mut m = Model::new();
    m.out.push("42".into());
    m.start();
    let r = down_model(&mut m, 50, 0.0);
    let z = m.suspend(r);
    m.finish(z + r + 14);
    assert_eq!(compile_and_run(h.m), lines(&m.out));
}

/// Suspending outside any coroutine (here: in an exported suspendable
/// function that direct-style code called) traps.
#[test]
fn suspending_outside_a_coroutine_traps() {
    let (mut h, down, _) = stackful_module();
    let main = h.main();
    let mut b = FunctionBuilder::new(&mut h.m, main);
    let two = b.i64_const(2);
    let zf = b.f64_const(0.0);
    b.call1(down, &[two, zf]);
    b.ret(&[]);
    b.finish();
    match run_outcome(h.m) {
        Outcome::Trap { kind, .. } => assert_eq!(kind, switchyard::TrapKind::Unreachable),
        other => panic!("expected a trap, got {other:?}"),
    }
}

/// Resuming a coroutine that returned traps.
#[test]
fn resuming_a_finished_coroutine_traps() {
    let mut h = Harness::new();
    let once = once_entry(&mut h);
    let main = h.main();
    let mut b = FunctionBuilder::new(&mut h.m, main);
    let slot = b.func_addr(once);
    let c = b.coro_new(slot);
    let zero = b.i64_const(0);
    for _ in 0..3 {
        b.coro_resume(c, zero);
    }
    b.ret(&[]);
    b.finish();
    assert!(matches!(run_outcome(h.m), Outcome::Trap { .. }));
}

/// A frame larger than the initial stack (twenty i64 values live across a
/// suspension) moves the stack to a larger block.
#[test]
fn big_frames_grow_the_stack() {
    let mut h = Harness::new();
    let gen = h.entry("wide");
    let mut b = FunctionBuilder::new(&mut h.m, gen);
    let a = b.param(0);
    let vals: Vec<Local> = (0..20)
        .map(|i| {
            let k = b.i64_const(i * i + 1);
            b.bin(BinOp::I64Mul, a, k)
        })
        .collect();
    let x = b.coro_suspend(a);
    let y = b.coro_suspend(x);
    let mut s = y;
    for v in vals {
        s = b.bin(BinOp::I64Add, s, v);
    }
    b.ret(&[s]);
    b.finish();
    main_driving(&mut h, gen, 1);
    let mut m = Model::new();
    let a = m.start();
    let x = m.suspend(a);
    let y = m.suspend(x);
    m.finish(y + (0..20).map(|i| a * (i * i + 1)).sum::<i64>());
    assert_eq!(compile_and_run(h.m), lines(&m.out));
}

/// Functions that cannot suspend (and use no coroutine instruction) come
/// out of the transform unchanged: the same IR and the same Wasm bytes as
/// when the module is emitted without the coroutine code.
#[test]
fn functions_that_cannot_suspend_are_unchanged() {
    let mut h = Harness::new();
    let sig = Signature::new([Type::I64], [Type::I64]);
    let collatz = h.m.declare_func("collatz", sig.clone());
    h.m.table_slot(collatz);
    let mut b = FunctionBuilder::new(&mut h.m, collatz);
    let n = b.param(0);
    let steps = b.local(Type::I64);
    let (one, two, three) = (b.i64_const(1), b.i64_const(2), b.i64_const(3));
    b.while_(
        |b| b.bin(BinOp::I64GtS, n, one),
        |b, _| {
            let low = b.bin(BinOp::I64And, n, one);
            let odd = b.un(UnOp::I32WrapI64, low);
            b.if_else(
                odd,
                |b| {
                    let t = b.bin(BinOp::I64Mul, n, three);
                    b.binary_into(n, BinOp::I64Add, t, one);
                },
                |b| b.binary_into(n, BinOp::I64DivS, n, two),
            );
            b.binary_into(steps, BinOp::I64Add, steps, one);
        },
    );
    b.ret(&[steps]);
    b.finish();

    // A suspendable helper of the same type in the table, so indirect
    // calls of that type are split points in suspendable code.
    let helper = h.m.declare_func("helper", sig.clone());
    h.m.table_slot(helper);
    let mut b = FunctionBuilder::new(&mut h.m, helper);
    let x = b.coro_suspend(b.param(0));
    b.ret(&[x]);
    b.finish();

    // `late` is declared first so that `indirect` can call it through the
    // table; an indirect call of a type no suspendable function has is not
    // a split point.
    let late =
        h.m.declare_func("late", Signature::new([Type::F64], [Type::F64]));
    h.m.table_slot(late);
    let indirect = h.m.declare_func("indirect", sig.clone());
    let mut b = FunctionBuilder::new(&mut h.m, indirect);
    let slot = b.func_addr(late);
    let f = b.un(UnOp::F64ConvertI64S, b.param(0));
    let fsig = Signature::new([Type::F64], [Type::F64]);
    let r = b.call_indirect(&fsig, slot, &[f]);
    let back = b.un(UnOp::I64TruncSatF64S, r[0]);
    b.tail_call(collatz, &[back]);
    b.finish();

    let gen = h.entry("gen");
    let mut b = FunctionBuilder::new(&mut h.m, gen);
    let s = b.call1(collatz, &[b.param(0)]);
    let y = b.call1(helper, &[s]);
    let z = b.call1(indirect, &[y]);
    b.ret(&[z]);
    b.finish();

    let mut b = FunctionBuilder::new(&mut h.m, late);
    let sq = b.bin(BinOp::F64Mul, b.param(0), b.param(0));
    b.ret(&[sq]);
    b.finish();

    let main = main_driving(&mut h, gen, 27);

    let original = h.m.clone();
    let untouched = [collatz, indirect, late];
    let compiled = compile(h.m);
    // collatz(27) = 111, helper suspends it, indirect: collatz(28 * 28).
    let c28 = |mut n: i64| {
        let mut s = 0;
        while n > 1 {
            n = if n % 2 == 1 { 3 * n + 1 } else { n / 2 };
            s += 1;
        }
        s
    };
    assert_eq!(run(&compiled), format!("0 111\n1 {}\n", c28(28 * 28)));
    for f in untouched {
        assert_eq!(
            print_function(&original, f),
            print_function(&compiled.ir, f),
            "IR of `{}` changed",
            original.funcs[f.index()].name
        );
    }

    // The baseline: the original module with the bodies of the functions
    // the transform must change replaced by `unreachable`.
    let mut baseline = original.clone();
    for f in [helper, gen, main] {
        let mut b = FunctionBuilder::new(&mut baseline, f);
        b.unreachable();
        b.finish();
    }
    let base_wasm = switchyard_wasm::emit(
        &baseline,
        &switchyard_wasm::EmitOptions {
            names: true,
            stack_switching: false,
        },
    )
    .unwrap();
    let (a, b) = (code_bodies(&base_wasm), code_bodies(&compiled.wasm));
    // One import, so defined function i is code body i - 1.
    for f in untouched {
        let i = f.index() - 1;
        assert_eq!(
            a[i],
            b[i],
            "Wasm of `{}` changed",
            original.funcs[f.index()].name
        );
    }
}

fn code_bodies(wasm: &[u8]) -> Vec<Vec<u8>> {
    wasmparser::Parser::new(0)
        .parse_all(wasm)
        .filter_map(|p| match p {
            Ok(wasmparser::Payload::CodeSectionEntry(body)) => Some(wasm[body.range()].to_vec()),
            _ => None,
        })
        .collect()
}

// ---- randomized: random structured generators against a model ------------

const MASK: i64 = 0xF_FFFF;

#[derive(Clone, Debug)]
enum E {
    Var(usize),
    K(i64),
    Bin(BinOp, Box<E>, Box<E>),
}

#[derive(Clone, Debug)]
enum S {
    Set(usize, E),
    If(E, Vec<S>, Vec<S>),
    Loop(i64, Vec<S>),
    BreakIf(E),
    Yield(usize, E),
    /// `v = helper(e)`: a direct call of a suspendable function.
    Call(usize, E),
    /// `v = helper2(e)` through the table.
    CallInd(usize, E),
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const VARS: usize = 4;

fn gen_expr(r: &mut Rng, depth: u32) -> E {
    match r.below(if depth > 1 { 2 } else { 3 }) {
        0 => E::Var(r.below(VARS as u64) as usize),
        1 => E::K(r.below(100) as i64),
        _ => {
            let op =
                [BinOp::I64Add, BinOp::I64Sub, BinOp::I64Mul, BinOp::I64Xor][r.below(4) as usize];
            E::Bin(
                op,
                Box::new(gen_expr(r, depth + 1)),
                Box::new(gen_expr(r, depth + 1)),
            )
        }
    }
}

fn gen_block(r: &mut Rng, depth: u32, in_loop: bool) -> Vec<S> {
    let n = 1 + r.below(4);
    (0..n)
        .map(|_| {
            let v = r.below(VARS as u64) as usize;
            loop {
                match r.below(100) {
                    0..=29 => return S::Set(v, gen_expr(r, 0)),
                    30..=44 if depth < 3 => {
                        return S::If(
                            gen_expr(r, 0),
                            gen_block(r, depth + 1, in_loop),
                            gen_block(r, depth + 1, in_loop),
                        )
                    }
                    45..=56 if depth < 3 => {
                        return S::Loop(r.below(4) as i64, gen_block(r, depth + 1, true))
                    }
                    57..=64 if in_loop => return S::BreakIf(gen_expr(r, 0)),
                    65..=84 => return S::Yield(v, gen_expr(r, 0)),
                    85..=92 => return S::Call(v, gen_expr(r, 0)),
                    93..=99 => return S::CallInd(v, gen_expr(r, 0)),
                    _ => {}
                }
            }
        })
        .collect()
}

fn eval(e: &E, vars: &[i64]) -> i64 {
    match e {
        E::Var(v) => vars[*v],
        E::K(k) => *k,
        E::Bin(op, a, b) => {
            let (a, b) = (eval(a, vars), eval(b, vars));
            match op {
                BinOp::I64Add => a.wrapping_add(b),
                BinOp::I64Sub => a.wrapping_sub(b),
                BinOp::I64Mul => a.wrapping_mul(b),
                _ => a ^ b,
            }
        }
    }
}

fn helper_model(m: &mut Model, x: i64) -> i64 {
    let y = m.suspend(x + 1000);
    (y + x) & MASK
}

fn helper2_model(m: &mut Model, x: i64) -> i64 {
    let y = m.suspend(x * 2);
    let z = m.suspend(y + 1);
    (z ^ x) & MASK
}

/// Runs `stmts`; returns true on `break`.
fn exec(stmts: &[S], vars: &mut [i64], m: &mut Model) -> bool {
    for s in stmts {
        match s {
            S::Set(v, e) => vars[*v] = eval(e, vars) & MASK,
            S::If(c, a, b) => {
                let arm = if eval(c, vars) & 1 != 0 { a } else { b };
                if exec(arm, vars, m) {
                    return true;
                }
            }
            S::Loop(n, body) => {
                let mut i = 0;
                while i < *n {
                    if exec(body, vars, m) {
                        break;
                    }
                    i += 1;
                }
            }
            S::BreakIf(c) => {
                if eval(c, vars) & 1 != 0 {
                    return true;
                }
            }
            S::Yield(v, e) => {
                let x = m.suspend(eval(e, vars) & MASK);
                vars[*v] = x & MASK;
            }
            S::Call(v, e) => vars[*v] = helper_model(m, eval(e, vars) & MASK),
            S::CallInd(v, e) => vars[*v] = helper2_model(m, eval(e, vars) & MASK),
        }
    }
    false
}

struct Fns {
    helper: FuncId,
    helper2: FuncId,
    mask: i64,
    /// Instead of suspending, call this `(i64) -> i64` function (the
    /// direct-style twin used to measure code size).
    stub: Option<FuncId>,
}

/// `coro.suspend`, or a call of the stub in direct mode.
fn suspend_or_call(b: &mut FunctionBuilder, stub: Option<FuncId>, v: Local) -> Local {
    match stub {
        Some(f) => b.call1(f, &[v]),
        None => b.coro_suspend(v),
    }
}

fn emit_expr(b: &mut FunctionBuilder, e: &E, vars: &[Local]) -> Local {
    match e {
        E::Var(v) => vars[*v],
        E::K(k) => b.i64_const(*k),
        E::Bin(op, x, y) => {
            let (x, y) = (emit_expr(b, x, vars), emit_expr(b, y, vars));
            b.bin(*op, x, y)
        }
    }
}

fn masked(b: &mut FunctionBuilder, e: &E, vars: &[Local], fns: &Fns) -> Local {
    let v = emit_expr(b, e, vars);
    let m = b.i64_const(fns.mask);
    b.bin(BinOp::I64And, v, m)
}

fn emit_block(
    b: &mut FunctionBuilder,
    stmts: &[S],
    vars: &[Local],
    fns: &Fns,
    brk: Option<BlockId>,
) {
    for s in stmts {
        match s {
            S::Set(v, e) => {
                let x = masked(b, e, vars, fns);
                b.copy(vars[*v], x);
            }
            S::If(c, x, y) => {
                let cv = emit_expr(b, c, vars);
                let c32 = b.un(UnOp::I32WrapI64, cv);
                let one = b.i32_const(1);
                let bit = b.bin(BinOp::I32And, c32, one);
                b.if_else(
                    bit,
                    |b| emit_block(b, x, vars, fns, brk),
                    |b| emit_block(b, y, vars, fns, brk),
                );
            }
            S::Loop(n, body) => {
                let i = b.local(Type::I64);
                let zero = b.i64_const(0);
                b.copy(i, zero);
                let n = b.i64_const(*n);
                b.while_(
                    |b| b.bin(BinOp::I64LtS, i, n),
                    |b, t| {
                        emit_block(b, body, vars, fns, Some(t.break_to));
                        let one = b.i64_const(1);
                        b.binary_into(i, BinOp::I64Add, i, one);
                    },
                );
            }
            S::BreakIf(c) => {
                let cv = emit_expr(b, c, vars);
                let c32 = b.un(UnOp::I32WrapI64, cv);
                let one = b.i32_const(1);
                let bit = b.bin(BinOp::I32And, c32, one);
                let to = brk.expect("break inside a loop");
                b.if_then(bit, |b| b.jump(to));
            }
            S::Yield(v, e) => {
                let x = masked(b, e, vars, fns);
                let y = suspend_or_call(b, fns.stub, x);
                let m = b.i64_const(fns.mask);
                b.binary_into(vars[*v], BinOp::I64And, y, m);
            }
            S::Call(v, e) => {
                let x = masked(b, e, vars, fns);
                b.call_into(&[vars[*v]], fns.helper, &[x]);
            }
            S::CallInd(v, e) => {
                let x = masked(b, e, vars, fns);
                let slot = b.func_addr(fns.helper2);
                let sig = Signature::new([Type::I64], [Type::I64]);
                let r = b.call_indirect(&sig, slot, &[x]);
                b.copy(vars[*v], r[0]);
            }
        }
    }
}

/// Builds a module of `programs` random generators driven one after the
/// other, and the model's expected output.
fn random_module(seed: u64, programs: usize) -> (Module, String) {
    random_module_with(seed, programs, false)
}

/// [`random_module`], or with `direct` its twin without coroutines: every
/// `coro.suspend` is a call of an identity function and `main` is empty.
fn random_module_with(seed: u64, programs: usize, direct: bool) -> (Module, String) {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut h = Harness::new();
    let sig = Signature::new([Type::I64], [Type::I64]);
    let stub = direct.then(|| {
        let f = h.m.declare_func("stub", sig.clone());
        let mut b = FunctionBuilder::new(&mut h.m, f);
        b.ret(&[b.param(0)]);
        b.finish();
        f
    });
    let helper = h.m.declare_func("helper", sig.clone());
    let helper2 = h.m.declare_func("helper2", sig.clone());
    h.m.table_slot(helper2);
    let mut b = FunctionBuilder::new(&mut h.m, helper);
    let x = b.param(0);
    let k = b.i64_const(1000);
    let v = b.bin(BinOp::I64Add, x, k);
    let y = suspend_or_call(&mut b, stub, v);
    let s = b.bin(BinOp::I64Add, y, x);
    let m = b.i64_const(MASK);
    let r = b.bin(BinOp::I64And, s, m);
    b.ret(&[r]);
    b.finish();
    let mut b = FunctionBuilder::new(&mut h.m, helper2);
    let x = b.param(0);
    let v = b.bin(BinOp::I64Add, x, x);
    let y = suspend_or_call(&mut b, stub, v);
    let one = b.i64_const(1);
    let y1 = b.bin(BinOp::I64Add, y, one);
    let z = suspend_or_call(&mut b, stub, y1);
    let s = b.bin(BinOp::I64Xor, z, x);
    let m = b.i64_const(MASK);
    let r = b.bin(BinOp::I64And, s, m);
    b.ret(&[r]);
    b.finish();
    let fns = Fns {
        helper,
        helper2,
        mask: MASK,
        stub,
    };

    let mut model = Model::new();
    let mut entries = Vec::new();
    for p in 0..programs {
        let prog = gen_block(&mut rng, 0, false);
        let e = h.entry(&format!("prog{p}"));
        let mut b = FunctionBuilder::new(&mut h.m, e);
        let mut vars = vec![b.param(0)];
        vars.extend((1..VARS).map(|_| b.local(Type::I64)));
        emit_block(&mut b, &prog, &vars, &fns, None);
        let mut s = vars[0];
        for &v in &vars[1..] {
            s = b.bin(BinOp::I64Add, s, v);
        }
        let m = b.i64_const(MASK);
        let r = b.bin(BinOp::I64And, s, m);
        b.ret(&[r]);
        b.finish();
        entries.push(e);

        let mut vals = vec![0i64; VARS];
        vals[0] = model.start();
        exec(&prog, &mut vals, &mut model);
        let r = vals.iter().fold(0i64, |a, v| a.wrapping_add(*v)) & MASK;
        model.finish(r);
    }
    let main = h.main();
    let cl = h.console_log;
    let mut b = FunctionBuilder::new(&mut h.m, main);
    let k = b.i64_const(1);
    for e in entries {
        if direct {
            break;
        }
        let slot = b.func_addr(e);
        let c = b.coro_new(slot);
        drive(&mut b, cl, c, k);
    }
    b.ret(&[]);
    b.finish();
    (h.m, lines(&model.out))
}

#[test]
fn random_generators_match_a_model() {
    for seed in 1..=6 {
        let (m, expected) = random_module(seed, 40);
        let out = compile_and_run(m);
        assert_eq!(out, expected, "seed {seed}");
    }
}

fn code_section_size(wasm: &[u8]) -> usize {
    code_bodies(wasm).iter().map(Vec::len).sum()
}

/// Code size of the split functions against their direct-style twins
/// (the same random programs with each suspension replaced by a call),
/// and of the runtime. Printed, with a loose bound.
#[test]
fn code_size_overhead() {
    let (m, _) = random_module_with(7, 40, false);
    let n_funcs = m.funcs.len();
    let cps = compile(m);
    let (direct, _) = random_module_with(7, 40, true);
    let direct_wasm =
        switchyard_wasm::emit(&direct, &switchyard_wasm::EmitOptions::default()).unwrap();
    let bodies = code_bodies(&cps.wasm);
    // Runtime functions are the first ones the transform appends.
    let runtime: usize = (0..cps.ir.funcs.len())
        .filter(|&i| cps.ir.funcs[i].name.starts_with("cps_"))
        .map(|i| bodies[i - 1].len())
        .sum();
    let (cps_code, direct_code) = (
        code_section_size(&cps.wasm),
        code_section_size(&direct_wasm),
    );
    let split_code = cps_code - runtime;
    let splits = cps
        .ir
        .defined_funcs()
        .flat_map(|(_, _, body)| &body.blocks)
        .flat_map(|b| &b.term)
        .filter(|t| {
            matches!(
                t,
                Terminator::TailCall { .. } | Terminator::TailCallIndirect { .. }
            )
        })
        .count();
    eprintln!(
        "cps code size: {} functions became {} ({} pieces and helpers); code {} bytes vs {} \
         direct ({:.2}x), of which the runtime is {} bytes; {} tail calls",
        n_funcs,
        cps.ir.funcs.len(),
        cps.ir.funcs.len() - n_funcs,
        cps_code,
        direct_code,
        split_code as f64 / direct_code as f64,
        runtime,
        splits
    );
    assert!(split_code < 8 * direct_code);
}

// ---- the cps output under Node's V8 -----------------------------------------

/// A JS host shim providing `switchyard.console_log` for numbers.
const NODE_SHIM: &str = r#"
const fs = require('fs');
const bytes = fs.readFileSync(process.argv[2]);
let mem;
const out = [];
const imports = { switchyard: { console_log(argv, argc) {
  const dv = new DataView(mem.buffer);
  const parts = [];
  for (let i = 0; i < argc; i++) parts.push(String(dv.getFloat64(argv + 8 * i, true)));
  out.push(parts.join(' '));
} } };
WebAssembly.instantiate(bytes, imports).then(({ instance }) => {
  mem = instance.exports.memory;
  instance.exports.main();
  process.stdout.write(out.map((l) => l + '\n').join(''));
}).catch((e) => { console.error(String(e)); process.exit(3); });
"#;

/// Runs `wasm` under node with [`NODE_SHIM`]; `None` if node is missing.
fn run_in_node(wasm: &[u8], name: &str) -> Option<String> {
    let version = std::process::Command::new("node")
        .arg("--version")
        .output()
        .ok()?;
    if !version.status.success() {
        return None;
    }
    let dir = std::env::temp_dir().join(format!("switchyard-cps-node-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (shim, module) = (dir.join("shim.js"), dir.join(format!("{name}.wasm")));
    std::fs::write(&shim, NODE_SHIM).unwrap();
    std::fs::write(&module, wasm).unwrap();
    let out = std::process::Command::new("node")
        .arg(&shim)
        .arg(&module)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "node failed on {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

/// V8 (Node 20) runs `return_call`: ten million mutually tail-recursive
/// calls between two functions, which would overflow any stack without
/// real tail calls; then the cps output of the stackful and the random
/// tests, compared with Wasmtime's output.
#[test]
fn cps_output_runs_under_node() {
    // The tiny hand-written check: even/odd by tail calls, 10^7 deep.
    let mut h = Harness::new();
    let sig = Signature::new([Type::I64], [Type::I64]);
    let even = h.m.declare_func("even", sig.clone());
    let odd = h.m.declare_func("odd", sig.clone());
    for (f, other, base) in [(even, odd, 1), (odd, even, 0)] {
        let mut b = FunctionBuilder::new(&mut h.m, f);
        let n = b.param(0);
        let zero = b.i64_const(0);
        let done = b.bin(BinOp::I64Eq, n, zero);
        b.if_then(done, |b| {
            let r = b.i64_const(base);
            b.ret(&[r]);
        });
        let one = b.i64_const(1);
        let m1 = b.bin(BinOp::I64Sub, n, one);
        b.tail_call(other, &[m1]);
        b.finish();
    }
    let main = h.main();
    let cl = h.console_log;
    let mut b = FunctionBuilder::new(&mut h.m, main);
    let n = b.i64_const(10_000_001);
    let r = b.call1(even, &[n]);
    print(&mut b, cl, &[r]);
    b.ret(&[]);
    b.finish();
    let wasm = switchyard_wasm::emit(&h.m, &switchyard_wasm::EmitOptions::default()).unwrap();
    let Some(out) = run_in_node(&wasm, "tail-calls") else {
        eprintln!("node not found: skipping the V8 checks");
        return;
    };
    assert_eq!(out, "0\n", "return_call under V8");

    let (mut h, _, deep) = stackful_module();
    main_driving(&mut h, deep, 1);
    let compiled = compile(h.m);
    let wasmtime_out = run(&compiled);
    assert_eq!(
        run_in_node(&compiled.wasm, "stackful").unwrap(),
        wasmtime_out
    );

    let (m, expected) = random_module(99, 40);
    let compiled = compile(m);
    assert_eq!(run_in_node(&compiled.wasm, "random").unwrap(), expected);
    eprintln!(
        "node {}: return_call runs; the cps output agrees with Wasmtime",
        String::from_utf8_lossy(
            &std::process::Command::new("node")
                .arg("--version")
                .output()
                .unwrap()
                .stdout
        )
        .trim()
    );
}

/// For comparison with [`a_million_suspend_resume_pairs`] on the same
/// machine: the cost of a plain `call_indirect` round trip, and of a
/// suspend/resume pair when the generator has ten yield points (so the
/// resume's indirect call has ten targets). Ignored by default:
/// `cargo test --release -p switchyard-strategies --test cps -- --ignored --nocapture`.
#[test]
#[ignore]
fn bench_call_indirect_and_many_yield_points() {
    let run_n = |n: i64| {
        let mut h = Harness::new();
        let sig = Signature::new([Type::I64], [Type::I64]);
        let f = h.m.declare_func("f", sig.clone());
        h.m.table_slot(f);
        let mut b = FunctionBuilder::new(&mut h.m, f);
        let one = b.i64_const(1);
        let r = b.bin(BinOp::I64Add, b.param(0), one);
        b.ret(&[r]);
        b.finish();
        let main = h.main();
        let cl = h.console_log;
        let mut b = FunctionBuilder::new(&mut h.m, main);
        let slot = b.func_addr(f);
        let k = b.local(Type::I64);
        let acc = b.local(Type::I64);
        let limit = b.i64_const(n);
        let one = b.i64_const(1);
        b.while_(
            |b| b.bin(BinOp::I64LtS, k, limit),
            |b, _| {
                let r = b.call_indirect(&sig, slot, &[acc]);
                b.copy(acc, r[0]);
                b.binary_into(k, BinOp::I64Add, k, one);
            },
        );
        print(&mut b, cl, &[acc]);
        b.ret(&[]);
        b.finish();
        let compiled = compile(h.m);
        let t = Instant::now();
        run(&compiled);
        t.elapsed()
    };
    let best = |n| (0..3).map(|_| run_n(n)).min().unwrap();
    let (t0, t10) = (best(0), best(10_000_000));
    eprintln!(
        "baseline: {:.2} ns per call_indirect",
        (t10.as_nanos() as f64 - t0.as_nanos() as f64) / 1e7
    );
    let best = |n| (0..3).map(|_| time_suspends_unrolled(n, 10)).min().unwrap();
    let (t0, t10) = (best(0), best(10_000_000));
    eprintln!(
        "ten yield points: {:.2} ns per pair",
        (t10.as_nanos() as f64 - t0.as_nanos() as f64) / 1e7
    );
}

/// The loop generator splits into exactly three pieces: the entry, the
/// loop header (a join: reached from the entry and from the resumption)
/// and the resumption after the yield; nothing is duplicated.
#[test]
fn a_loop_around_a_yield_makes_three_pieces() {
    let mut h = Harness::new();
    let gen = h.entry("ticker");
    let mut b = FunctionBuilder::new(&mut h.m, gen);
    let i = b.param(0);
    let three = b.i64_const(3);
    b.while_(
        |b| b.bin(BinOp::I64LtS, i, three),
        |b, _| {
            let x = b.coro_suspend(i);
            b.binary_into(i, BinOp::I64Add, i, x);
        },
    );
    b.ret(&[i]);
    b.finish();
    main_driving(&mut h, gen, 1);
    let compiled = compile(h.m);
    let mut pieces: Vec<&str> = compiled
        .ir
        .funcs
        .iter()
        .map(|f| f.name.as_str())
        .filter(|n| n.starts_with("ticker"))
        .collect();
    pieces.sort();
    assert_eq!(pieces, ["ticker", "ticker$join1", "ticker$resume1"]);
    // 1 -> yields 1, i = 1 + 2 = 3: returns 3.
    assert_eq!(run(&compiled), "0 1\n1 3\n");
}

/// The same random generators under the other two strategies agree with
/// the model too (a cross-check of the three lowerings).
#[test]
fn random_generators_agree_across_strategies() {
    for seed in [3, 11] {
        let (m, expected) = random_module(seed, 20);
        for strategy in [Strategy::Asyncify, Strategy::Wasmfx] {
            let opts = Options {
                strategy,
                names: false,
            };
            let compiled = switchyard::compile_ir(m.clone(), &opts)
                .unwrap_or_else(|e| panic!("{strategy}: {e}"));
            assert_eq!(run(&compiled), expected, "{strategy}, seed {seed}");
        }
    }
}
