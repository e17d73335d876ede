//! The fiber API (`switchyard_fibers::api`: `fiber_new` / `fiber_resume` /
//! `fiber_yield` / `fiber_free`) end to end under every strategy: IR
//! modules built with the builder, the API installed into them, compiled
//! through the facade and run under Wasmtime. Expected outputs are computed
//! here in Rust.
//!
//! Timings are printed (`cargo test --release --test fibers_api --
//! --nocapture`); nothing is asserted about time.

use switchyard::ir::*;
use switchyard::{Outcome, Strategy, TrapKind};
use switchyard_fibers::api::{self, FiberApi, FIBER_ERROR, FIBER_FINISHED, FIBER_YIELDED};

mod common;
use common::*;

/// A module with the API installed (memory from `memory.grow`, misuse
/// reported through `switchyard.fatal`), the record count exported as
/// `fiber_records`.
struct FProg {
    p: Prog,
    api: FiberApi,
}

impl FProg {
    fn new() -> FProg {
        let mut p = Prog::new();
        let fatal =
            p.m.import_func("switchyard", "fatal", Signature::new([Type::I32], []));
        let cfg = api::Config {
            fatal: Some(fatal),
            ..Default::default()
        };
        let api = api::install(&mut p.m, &cfg).unwrap();
        p.m.globals[api.records_global.index()].export = Some("fiber_records".into());
        FProg { p, api }
    }

    /// Declares a fiber entry `(i64) -> i64`: an ordinary table function.
    fn entry(&mut self, name: &str) -> FuncId {
        let f = self.p.m.declare_func(name, api::entry_sig());
        self.p.m.table_slot(f);
        f
    }
}

fn print(b: &mut FunctionBuilder, cl: FuncId, vals: &[Local]) {
    let vals: Vec<Local> = vals
        .iter()
        .map(|&v| match b.local_type(v) {
            Type::I32 => i64_of(b, v),
            _ => v,
        })
        .collect();
    log(b, cl, &vals);
}

fn strategies() -> Vec<Strategy> {
    Strategy::ALL.to_vec()
}

/// What a direct run reports: stdout, the error, memory pages, records
/// ever used, and (wasmfx) workers created and abandoned.
struct Direct {
    stdout: String,
    error: Option<String>,
    pages: u64,
    records: i32,
    workers: Option<i64>,
    abandoned: Option<i64>,
    main_ns: f64,
}

fn run_direct(m: Module, s: Strategy) -> Direct {
    let compiled = compile_for(m, s);
    run_main_directly(&compiled.wasm, s == Strategy::Wasmfx, |run| {
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
                .map(|g| g.get(&mut *store))
        };
        let records = global("fiber_records").unwrap().unwrap_i32();
        let workers = global("wasmfx_workers").map(|v| v.unwrap_i64());
        let abandoned = global("wasmfx_abandoned").map(|v| v.unwrap_i64());
        let mem = instance.get_memory(&mut *store, "memory").unwrap();
        Direct {
            stdout,
            error: result.err().map(|e| format!("{e:#}")),
            pages: mem.size(&*store),
            records,
            workers,
            abandoned,
            main_ns: main_time.as_nanos() as f64,
        }
    })
}

fn lines(rows: &[Vec<i64>]) -> String {
    rows.iter()
        .map(|r| {
            let r: Vec<String> = r.iter().map(|v| v.to_string()).collect();
            format!("{}\n", r.join(" "))
        })
        .collect()
}

// ---- programs ----------------------------------------------------------------

/// `down(n, v) = n == 0 ? fiber_yield(v) : down(n - 1, v + 1) + 1`, the
/// recursive call direct or through the table (`indirect`).
fn down_func(fp: &mut FProg, name: &str, indirect: bool) -> FuncId {
    let sig = Signature::new([Type::I64, Type::I64], [Type::I64]);
    let f = fp.p.m.declare_func(name, sig.clone());
    fp.p.m.table_slot(f);
    let y = fp.api.yield_;
    let mut b = FunctionBuilder::new(&mut fp.p.m, f);
    let (n, v) = (b.param(0), b.param(1));
    let zero = b.un(UnOp::I64Eqz, n);
    b.if_then(zero, |b| {
        let r = b.call1(y, &[v]);
        b.ret(&[r]);
    });
    let one = b.i64_const(1);
    let n1 = b.bin(BinOp::I64Sub, n, one);
    let v1 = b.bin(BinOp::I64Add, v, one);
    let r = if indirect {
        let slot = b.func_addr(f);
        b.call_indirect(&sig, slot, &[n1, v1])[0]
    } else {
        b.call1(f, &[n1, v1])
    };
    let r1 = b.bin(BinOp::I64Add, r, one);
    b.ret(&[r1]);
    b.finish();
    f
}

/// `entry(a) = 2 * down(D, down(D, a))`: yields twice from depth D.
fn depth_entry(fp: &mut FProg, depth: i64, down: FuncId) -> FuncId {
    let e = fp.entry("depth_entry");
    let mut b = FunctionBuilder::new(&mut fp.p.m, e);
    let a = b.param(0);
    let d = b.i64_const(depth);
    let r1 = b.call1(down, &[d, a]);
    let r2 = b.call1(down, &[d, r1]);
    let two = b.i64_const(2);
    let r = b.bin(BinOp::I64Mul, r2, two);
    b.ret(&[r]);
    b.finish();
    e
}

/// Runs a fiber of `depth_entry` with resumes 5, 100, 1000, then one more
/// (an error), printing `status value` after each.
fn depth_program(depth: i64, indirect: bool) -> Module {
    let mut fp = FProg::new();
    let down = down_func(&mut fp, "down", indirect);
    let e = depth_entry(&mut fp, depth, down);
    let main = fp.p.main();
    let (cl, a) = (fp.p.console_log, fp.api.clone());
    let mut b = FunctionBuilder::new(&mut fp.p.m, main);
    let slot = b.func_addr(e);
    let f = b.call1(a.new, &[slot]);
    for v in [5, 100, 1000, 7] {
        let v = b.i64_const(v);
        let r = b.call(a.resume, &[f, v]);
        print(&mut b, cl, &[r[0], r[1]]);
    }
    let freed = b.call1(a.free, &[f]);
    let again = b.call1(a.free, &[f]);
    print(&mut b, cl, &[freed, again]);
    b.ret(&[]);
    b.finish();
    fp.p.m
}

fn depth_expected(d: i64) -> String {
    let (s_y, s_f, s_e) = (
        FIBER_YIELDED as i64,
        FIBER_FINISHED as i64,
        FIBER_ERROR as i64,
    );
    lines(&[
        vec![s_y, 5 + d],
        vec![s_y, 100 + 2 * d],
        vec![s_f, 2 * (1000 + d)],
        vec![s_e, 0],
        vec![0, s_e],
    ])
}

#[test]
fn yield_from_depth_1_10_and_1000_direct_and_indirect() {
    for s in strategies() {
        for depth in [1, 10, 1000] {
            for indirect in [false, true] {
                let out = run_ok_for(depth_program(depth, indirect), s);
                assert_eq!(
                    out,
                    depth_expected(depth),
                    "{s}: depth {depth}, indirect {indirect}"
                );
            }
        }
    }
}

/// Yields from depth 1000 of a function with many values live across the
/// call (asyncify saves them all: about 100 bytes a frame).
#[test]
fn deep_yield_with_wide_frames() {
    for s in strategies() {
        let mut fp = FProg::new();
        let sig = Signature::new([Type::I64, Type::I64], [Type::I64]);
        let f = fp.p.m.declare_func("wide", sig);
        let y = fp.api.yield_;
        let mut b = FunctionBuilder::new(&mut fp.p.m, f);
        let (n, v) = (b.param(0), b.param(1));
        let zero = b.un(UnOp::I64Eqz, n);
        b.if_then(zero, |b| {
            let r = b.call1(y, &[v]);
            b.ret(&[r]);
        });
        // Twelve values derived from n, all live across the recursive call.
        let live: Vec<Local> = (1..=12)
            .map(|k| {
                let kk = b.i64_const(k);
                b.bin(BinOp::I64Mul, n, kk)
            })
            .collect();
        let one = b.i64_const(1);
        let n1 = b.bin(BinOp::I64Sub, n, one);
        let mut acc = b.call1(f, &[n1, v]);
        for l in live {
            acc = b.bin(BinOp::I64Add, acc, l);
        }
        b.ret(&[acc]);
        b.finish();
        let e = fp.entry("e");
        let mut b = FunctionBuilder::new(&mut fp.p.m, e);
        let a = b.param(0);
        let d = b.i64_const(1000);
        let r = b.call1(f, &[d, a]);
        b.ret(&[r]);
        b.finish();
        let main = fp.p.main();
        let (cl, a) = (fp.p.console_log, fp.api.clone());
        let mut b = FunctionBuilder::new(&mut fp.p.m, main);
        let slot = b.func_addr(e);
        let fb = b.call1(a.new, &[slot]);
        for v in [3, 4] {
            let v = b.i64_const(v);
            let r = b.call(a.resume, &[fb, v]);
            print(&mut b, cl, &[r[0], r[1]]);
        }
        b.ret(&[]);
        b.finish();
        // sum over n = 1..=1000 of 78 n
        let extra = 78 * 1000 * 1001 / 2;
        assert_eq!(
            run_ok_for(fp.p.m, s),
            lines(&[vec![0, 3], vec![1, 4 + extra]]),
            "{s}"
        );
    }
}

/// Fibers nest: `outer` resumes `inner` (which yields from depth 3) and
/// yields each value it gets, doubled, from depth 2.
#[test]
fn nested_fibers_yield_to_their_own_resumer() {
    for s in strategies() {
        let mut fp = FProg::new();
        let down = down_func(&mut fp, "down", false);
        let inner = fp.entry("inner");
        {
            // inner(a): x = down(3, a); y = down(3, x); return y + 1000
            let mut b = FunctionBuilder::new(&mut fp.p.m, inner);
            let a = b.param(0);
            let three = b.i64_const(3);
            let x = b.call1(down, &[three, a]);
            let y = b.call1(down, &[three, x]);
            let k = b.i64_const(1000);
            let r = b.bin(BinOp::I64Add, y, k);
            b.ret(&[r]);
            b.finish();
        }
        let outer = fp.entry("outer");
        let a = fp.api.clone();
        {
            // outer(a): g = new(inner); loop { (s, v) = resume(g, a);
            //   if s != 0 break; a = down(2, 2 * v) }; free(g); return v
            let mut b = FunctionBuilder::new(&mut fp.p.m, outer);
            let arg = b.local(Type::I64);
            b.copy(arg, b.param(0));
            let slot = b.func_addr(inner);
            let g = b.call1(a.new, &[slot]);
            let last = b.local(Type::I64);
            b.loop_(|b, t| {
                let r = b.call(a.resume, &[g, arg]);
                b.copy(last, r[1]);
                let zero = b.i32_const(0);
                let done = b.bin(BinOp::I32Ne, r[0], zero);
                b.if_then(done, |b| b.jump(t.break_to));
                let two = b.i64_const(2);
                let dbl = b.bin(BinOp::I64Mul, r[1], two);
                let d = b.i64_const(2);
                let back = b.call1(down, &[d, dbl]);
                b.copy(arg, back);
            });
            b.call(a.free, &[g]);
            b.ret(&[last]);
            b.finish();
        }
        let main = fp.p.main();
        let cl = fp.p.console_log;
        let mut b = FunctionBuilder::new(&mut fp.p.m, main);
        let slot = b.func_addr(outer);
        let f = b.call1(a.new, &[slot]);
        let cur = b.call1(a.current, &[]);
        print(&mut b, cl, &[cur]);
        for v in [1, 10, 20, 30] {
            let v = b.i64_const(v);
            let r = b.call(a.resume, &[f, v]);
            print(&mut b, cl, &[r[0], r[1]]);
        }
        b.ret(&[]);
        b.finish();
        // Model: inner yields a+3 (from a=1: 4); outer yields 2*4+2 = 10
        // (down(2, 8) yields 8 + 2). Resume outer with 10 -> down returns
        // 10 + 2 = 12 -> inner resumed with 12: down returns 12 + 3 = 15,
        // then down(3, 15) yields 18; outer yields 2*18 + 2 = 38. Resume 20:
        // back = 22 -> inner: down returns 22 + 3 = 25, returns 1025; outer
        // returns 1025. Then an error.
        assert_eq!(
            run_ok_for(fp.p.m, s),
            lines(&[vec![0], vec![0, 10], vec![0, 38], vec![1, 1025], vec![2, 0]]),
            "{s}"
        );
    }
}

/// Every kind of misuse is the error status (never a trap): a finished,
/// freed, never-created or garbage handle, resuming the running fiber
/// from inside itself, freeing it from inside itself.
#[test]
fn misuse_is_the_error_status() {
    for s in strategies() {
        let mut fp = FProg::new();
        let a = fp.api.clone();
        let selfish = fp.entry("selfish");
        {
            // selfish(_): me = current(); (s, _) = resume(me, 0);
            // f = free(me); return s * 10 + f
            let mut b = FunctionBuilder::new(&mut fp.p.m, selfish);
            let me = b.call1(a.current, &[]);
            let z = b.i64_const(0);
            let r = b.call(a.resume, &[me, z]);
            let f = b.call1(a.free, &[me]);
            let ten = b.i32_const(10);
            let t = b.bin(BinOp::I32Mul, r[0], ten);
            let sum = b.bin(BinOp::I32Add, t, f);
            let w = i64_of(&mut b, sum);
            b.ret(&[w]);
            b.finish();
        }
        let main = fp.p.main();
        let cl = fp.p.console_log;
        let mut b = FunctionBuilder::new(&mut fp.p.m, main);
        let slot = b.func_addr(selfish);
        let f = b.call1(a.new, &[slot]);
        let z = b.i64_const(0);
        let r = b.call(a.resume, &[f, z]); // 1 22
        print(&mut b, cl, &[r[0], r[1]]);
        let r = b.call(a.resume, &[f, z]); // finished: 2 0
        print(&mut b, cl, &[r[0], r[1]]);
        let fr = b.call1(a.free, &[f]); // 0
        let r = b.call(a.resume, &[f, z]); // freed: 2 0
        print(&mut b, cl, &[fr, r[0], r[1]]);
        // Garbage handles: 0, -1, 12345, the next generation of f.
        for h in [0, -1, 12345] {
            let h = b.i32_const(h);
            let r = b.call(a.resume, &[h, z]);
            let fr = b.call1(a.free, &[h]);
            print(&mut b, cl, &[r[0], fr]);
        }
        let g = b.call1(a.new, &[slot]); // reuses f's record, new generation
        let same = b.bin(BinOp::I32Eq, g, f);
        let r = b.call(a.resume, &[f, z]); // stale: 2
        let fr = b.call1(a.free, &[f]); // stale: 2
        print(&mut b, cl, &[same, r[0], fr]);
        let gr = b.call(a.resume, &[g, z]); // g still fine: 1 22
        print(&mut b, cl, &[gr[0], gr[1]]);
        b.ret(&[]);
        b.finish();
        let e = FIBER_ERROR as i64;
        assert_eq!(
            run_ok_for(fp.p.m, s),
            lines(&[
                vec![1, 10 * e + e],
                vec![e, 0],
                vec![0, e, 0],
                vec![e, e],
                vec![e, e],
                vec![e, e],
                vec![0, e, e],
                vec![1, 10 * e + e],
            ]),
            "{s}"
        );
    }
}

#[test]
fn yield_outside_a_fiber_is_a_clean_trap() {
    for s in strategies() {
        let mut fp = FProg::new();
        let main = fp.p.main();
        let y = fp.api.yield_;
        let mut b = FunctionBuilder::new(&mut fp.p.m, main);
        let v = b.i64_const(1);
        b.call(y, &[v]);
        b.ret(&[]);
        b.finish();
        let (outcome, _) = run_for(fp.p.m, s);
        assert_eq!(
            outcome,
            Outcome::Trap {
                kind: TrapKind::Other,
                message: "fiber_yield outside a fiber".into()
            },
            "{s}"
        );
    }
}

/// `n` fibers, each suspended at depth 10 and then freed: the records (and,
/// under cps and asyncify, the coroutines' stacks and buffers) are reused.
fn freed_while_suspended_program(n: i64) -> Module {
    let mut fp = FProg::new();
    let down = down_func(&mut fp, "down", false);
    let e = depth_entry(&mut fp, 10, down);
    let main = fp.p.main();
    let (cl, a) = (fp.p.console_log, fp.api.clone());
    let mut b = FunctionBuilder::new(&mut fp.p.m, main);
    let slot = b.func_addr(e);
    let sum = b.local(Type::I64);
    let errors = b.local(Type::I32);
    for_range(&mut b, 0, n, |b, i| {
        let f = b.call1(a.new, &[slot]);
        let r = b.call(a.resume, &[f, i]);
        b.binary_into(sum, BinOp::I64Add, sum, r[1]);
        let fr = b.call1(a.free, &[f]);
        let r2 = b.call(a.resume, &[f, i]);
        let e1 = b.bin(BinOp::I32Add, fr, r2[0]);
        b.binary_into(errors, BinOp::I32Add, errors, e1);
    });
    print(&mut b, cl, &[sum, errors]);
    b.ret(&[]);
    b.finish();
    fp.p.m
}

#[test]
fn fibers_freed_while_suspended_return_to_the_pool() {
    for s in strategies() {
        // wasmfx abandons the worker of each (see the module docs): keep
        // that count well below the ~30,000 mappings limit.
        let n: i64 = if s == Strategy::Wasmfx {
            2_000
        } else {
            200_000
        };
        let d = run_direct(freed_while_suspended_program(n), s);
        assert_eq!(d.error, None, "{s}");
        let sum = n * (n - 1) / 2 + 10 * n;
        assert_eq!(d.stdout, lines(&[vec![sum, n * FIBER_ERROR as i64]]), "{s}");
        assert_eq!(d.records, 2, "{s}: one record, reused");
        if s == Strategy::Wasmfx {
            assert_eq!(d.abandoned, Some(n), "{s}");
        } else {
            let small = run_direct(freed_while_suspended_program(10), s);
            assert_eq!(d.pages, small.pages, "{s}: memory must not grow with n");
        }
        println!(
            "{s}: fiber created, suspended 11 frames deep, freed: {:.0} ns each",
            d.main_ns / n as f64
        );
    }
}

/// `n` fibers created, resumed twice (a yield at depth 1, then finished)
/// and freed, one after the other.
fn churn_program(n: i64) -> Module {
    let mut fp = FProg::new();
    let down = down_func(&mut fp, "down", false);
    let e = fp.entry("once");
    {
        // once(a) = down(0, a) + 1: yields a, returns the resume value + 1
        let mut b = FunctionBuilder::new(&mut fp.p.m, e);
        let z = b.i64_const(0);
        let r = b.call1(down, &[z, b.param(0)]);
        let one = b.i64_const(1);
        let r1 = b.bin(BinOp::I64Add, r, one);
        b.ret(&[r1]);
        b.finish();
    }
    let main = fp.p.main();
    let (cl, a) = (fp.p.console_log, fp.api.clone());
    let mut b = FunctionBuilder::new(&mut fp.p.m, main);
    let slot = b.func_addr(e);
    let sum = b.local(Type::I64);
    let bad = b.local(Type::I32);
    for_range(&mut b, 0, n, |b, i| {
        let f = b.call1(a.new, &[slot]);
        let r = b.call(a.resume, &[f, i]);
        let r2 = b.call(a.resume, &[f, r[1]]);
        b.binary_into(sum, BinOp::I64Add, sum, r2[1]);
        let fr = b.call1(a.free, &[f]);
        let one = b.i32_const(FIBER_FINISHED);
        let not_fin = b.bin(BinOp::I32Ne, r2[0], one);
        let e1 = b.bin(BinOp::I32Or, r[0], not_fin);
        let e2 = b.bin(BinOp::I32Or, e1, fr);
        b.binary_into(bad, BinOp::I32Or, bad, e2);
    });
    print(&mut b, cl, &[sum, bad]);
    b.ret(&[]);
    b.finish();
    fp.p.m
}

/// Creating, running and freeing millions of fibers keeps memory bounded:
/// the same pages, one record, and under wasmfx one worker continuation.
/// (10,000,000 fibers: set `SWITCHYARD_FIBERS=10000000`; about 5 s for
/// the three strategies in release, so the default is 1,000,000.)
#[test]
fn millions_of_fibers_in_bounded_memory() {
    let n: i64 = std::env::var("SWITCHYARD_FIBERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    for s in strategies() {
        let d = run_direct(churn_program(n), s);
        assert_eq!(d.error, None, "{s}");
        let sum = n * (n - 1) / 2 + n;
        assert_eq!(d.stdout, lines(&[vec![sum, 0]]), "{s}");
        assert_eq!(d.records, 2, "{s}");
        let small = run_direct(churn_program(10), s);
        assert_eq!(d.pages, small.pages, "{s}: memory must not grow with n");
        if s == Strategy::Wasmfx {
            assert_eq!((d.workers, d.abandoned), (Some(1), Some(0)), "{s}");
        }
        println!(
            "{s}: {n} fibers (new, yield at depth 1, finish, free): {:.1} ns per fiber, {} pages",
            d.main_ns / n as f64,
            d.pages
        );
    }
}

/// 10,000 fibers alive at once, each suspended 3 deep, then all finished.
#[test]
fn ten_thousand_fibers_alive_at_once() {
    let n: i64 = 10_000;
    for s in strategies() {
        let mut fp = FProg::new();
        let down = down_func(&mut fp, "down", true);
        let e = depth_entry(&mut fp, 3, down);
        let main = fp.p.main();
        let (cl, a) = (fp.p.console_log, fp.api.clone());
        let mut b = FunctionBuilder::new(&mut fp.p.m, main);
        let slot = b.func_addr(e);
        // Handles in memory at ARGS + 64.
        let base = b.i32_const(ARGS + 64);
        let sum = b.local(Type::I64);
        for_range(&mut b, 0, n, |b, i| {
            let f = b.call1(a.new, &[slot]);
            let w = b.un(UnOp::I32WrapI64, i);
            let two = b.i32_const(2);
            let off = b.bin(BinOp::I32Shl, w, two);
            let at = b.bin(BinOp::I32Add, base, off);
            b.store(StoreKind::I32, at, 0, f);
            let r = b.call(a.resume, &[f, i]);
            b.binary_into(sum, BinOp::I64Add, sum, r[1]);
        });
        for round in 0..2 {
            for_range(&mut b, 0, n, |b, i| {
                let w = b.un(UnOp::I32WrapI64, i);
                let two = b.i32_const(2);
                let off = b.bin(BinOp::I32Shl, w, two);
                let at = b.bin(BinOp::I32Add, base, off);
                let f = b.load(LoadKind::I32, at, 0);
                let r = b.call(a.resume, &[f, i]);
                b.binary_into(sum, BinOp::I64Add, sum, r[1]);
                if round == 1 {
                    b.call(a.free, &[f]);
                }
            });
        }
        print(&mut b, cl, &[sum]);
        b.ret(&[]);
        b.finish();
        // Per fiber i: yields i + 3, then i + 3 + 3 (resumed with i), then
        // returns 2 * (i + 3).
        let sum: i64 = (0..n).map(|i| (i + 3) + (i + 6) + 2 * (i + 3)).sum();
        let d = run_direct(fp.p.m, s);
        assert_eq!(d.error, None, "{s}");
        assert_eq!(d.stdout, lines(&[vec![sum]]), "{s}");
        assert_eq!(d.records, n as i32 + 1, "{s}");
        if s == Strategy::Wasmfx {
            assert_eq!((d.workers, d.abandoned), (Some(n), Some(0)), "{s}");
        }
    }
}

/// Prints the cost of a yield/resume pair at depth 1 and depth 10.
#[test]
fn suspend_resume_cost() {
    let n: i64 = 1_000_000;
    for s in strategies() {
        for depth in [1, 10] {
            let mut fp = FProg::new();
            let down = down_func(&mut fp, "down", false);
            let e = fp.entry("spin");
            {
                // spin(a): loop { a = down(depth - 1, a) }
                let mut b = FunctionBuilder::new(&mut fp.p.m, e);
                let a = b.local(Type::I64);
                b.copy(a, b.param(0));
                b.loop_(|b, _| {
                    let d = b.i64_const(depth - 1);
                    let r = b.call1(down, &[d, a]);
                    b.copy(a, r);
                });
                b.finish();
            }
            let main = fp.p.main();
            let (cl, a) = (fp.p.console_log, fp.api.clone());
            let mut b = FunctionBuilder::new(&mut fp.p.m, main);
            let slot = b.func_addr(e);
            let f = b.call1(a.new, &[slot]);
            let last = b.local(Type::I64);
            for_range(&mut b, 0, n, |b, i| {
                let r = b.call(a.resume, &[f, i]);
                b.copy(last, r[1]);
            });
            print(&mut b, cl, &[last]);
            b.ret(&[]);
            b.finish();
            let d = run_direct(fp.p.m, s);
            assert_eq!(d.error, None);
            // The last resume (n - 1) returns n - 1 + (depth - 1) from
            // down, which yields it + depth - 1 more... the value yielded
            // by resume i (i >= 1) is i + 2 (depth - 1).
            assert_eq!(d.stdout, lines(&[vec![n - 1 + 2 * (depth - 1)]]), "{s}");
            println!(
                "{s}: fiber yield+resume at depth {depth}: {:.1} ns",
                d.main_ns / n as f64
            );
        }
    }
}
