//! Fiber micro-benchmarks: IR modules built with the fiber API
//! (`switchyard_fibers::api`: `fiber_new` / `fiber_resume` / `fiber_yield` /
//! `fiber_free`, the shape of the WasmFX benchmarks' C interface), compiled
//! for a strategy through the facade and run under Wasmtime directly.
//!
//! Each module exports `bench(n: i64) -> i64`, which performs `n`
//! operations and returns a checksum; the time per operation is a call's
//! time divided by `n`. Used by `benches/fibers.rs` (criterion, with
//! `iter_custom`) and by the report's micro-benchmark table.
//!
//! | kind | one operation |
//! |---|---|
//! | [`Micro::Depth`]`(1)` | one suspend/resume pair: `fiber_resume` of a fiber whose entry loops on `fiber_yield` |
//! | [`Micro::Depth`]`(d)` | the same with `d` frames on the fiber's stack: the entry calls `down` recursively `d - 1` times, and the innermost `down` loops on `fiber_yield`, so every resume finds `d` frames suspended |
//! | [`Micro::Create`] | `fiber_new` + `fiber_resume` of an entry that returns at once + `fiber_free` |

use std::time::{Duration, Instant};
use switchyard::ir::*;
use switchyard::{Options, Strategy};
use switchyard_fibers::api;
use switchyard_host::{EngineSettings, HostState, SharedBuffer};

/// A micro-benchmark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Micro {
    /// A suspend/resume pair with this many frames (>= 1) on the fiber's
    /// stack, the entry's included.
    Depth(u32),
    /// Fiber creation + completion (+ free).
    Create,
}

impl Micro {
    pub fn name(self) -> String {
        match self {
            Micro::Depth(1) => "suspend/resume pair".into(),
            Micro::Depth(d) => format!("resume at depth {d}"),
            Micro::Create => "create + complete".into(),
        }
    }
    /// The micro-benchmarks of issue #5, in report order.
    pub const ALL: [Micro; 4] = [
        Micro::Depth(1),
        Micro::Create,
        Micro::Depth(10),
        Micro::Depth(100),
    ];
}

/// The module for `micro`: `bench(n)` as described in the module docs.
pub fn module(micro: Micro) -> Result<Module, String> {
    let mut m = Module::new();
    // What the host requires of a module.
    let p = m.add_global("exc_pending", Type::I32, true, Const::I32(0));
    m.globals[p.index()].export = Some("exc_pending".into());
    let v = m.add_global("exc_value", Type::I64, true, Const::I64(0));
    m.globals[v.index()].export = Some("exc_value".into());
    let fatal = m.import_func("switchyard", "fatal", Signature::new([Type::I32], []));
    let a = api::install(
        &mut m,
        &api::Config {
            fatal: Some(fatal),
            ..Default::default()
        },
    )?;
    // The fiber a Depth benchmark resumes, kept across calls of `bench`.
    let held = m.add_global("bench_fiber", Type::I32, true, Const::I32(0));
    let bench = m.declare_func("bench", Signature::new([Type::I64], [Type::I64]));
    m.export_func(bench, "bench");
    // `main` does nothing (the host requires one).
    let main = m.declare_func("main", Signature::new([], []));
    m.export_func(main, "main");
    let mut b = FunctionBuilder::new(&mut m, main);
    b.ret(&[]);
    b.finish();

    let entry = m.declare_func("entry", api::entry_sig());
    m.table_slot(entry);
    match micro {
        Micro::Create => {
            // entry(x) = x + 1
            let mut b = FunctionBuilder::new(&mut m, entry);
            let one = b.i64_const(1);
            let r = b.bin(BinOp::I64Add, b.param(0), one);
            b.ret(&[r]);
            b.finish();
            // bench(n): for i < n { f = new; (_, v) = resume(f, i); sum += v; free(f) }
            let mut b = FunctionBuilder::new(&mut m, bench);
            let n = b.param(0);
            let slot = b.func_addr(entry);
            let (i, sum) = (b.local(Type::I64), b.local(Type::I64));
            b.while_(
                |b| b.bin(BinOp::I64LtS, i, n),
                |b, _| {
                    let f = b.call1(a.new, &[slot]);
                    let r = b.call(a.resume, &[f, i]);
                    b.binary_into(sum, BinOp::I64Add, sum, r[1]);
                    b.call(a.free, &[f]);
                    let one = b.i64_const(1);
                    b.binary_into(i, BinOp::I64Add, i, one);
                },
            );
            b.ret(&[sum]);
            b.finish();
        }
        Micro::Depth(depth) => {
            let depth = depth.max(1);
            // down(k, v): k == 0: loop { v = fiber_yield(v) + 1 }; else down(k - 1, v) + 1
            let down = m.declare_func("down", Signature::new([Type::I64, Type::I64], [Type::I64]));
            let mut b = FunctionBuilder::new(&mut m, down);
            let (k, v) = (b.param(0), b.param(1));
            let bottom = b.un(UnOp::I64Eqz, k);
            b.if_then(bottom, |b| {
                let never = b.i64_const(-1);
                b.while_(
                    |b| b.bin(BinOp::I64Ne, v, never),
                    |b, _| {
                        let r = b.call1(a.yield_, &[v]);
                        let one = b.i64_const(1);
                        b.binary_into(v, BinOp::I64Add, r, one);
                    },
                );
                b.ret(&[v]);
            });
            let one = b.i64_const(1);
            let k1 = b.bin(BinOp::I64Sub, k, one);
            let r = b.call1(down, &[k1, v]);
            let r1 = b.bin(BinOp::I64Add, r, one);
            b.ret(&[r1]);
            b.finish();
            // entry(x) = down(depth - 1, x)
            let mut b = FunctionBuilder::new(&mut m, entry);
            let d = b.i64_const(depth as i64 - 1);
            let r = b.call1(down, &[d, b.param(0)]);
            b.ret(&[r]);
            b.finish();
            // bench(n): the held fiber (created and started on the first
            // call), resumed n times.
            let mut b = FunctionBuilder::new(&mut m, bench);
            let n = b.param(0);
            let f = b.global_get(held);
            let none = b.un(UnOp::I32Eqz, f);
            b.if_then(none, |b| {
                let slot = b.func_addr(entry);
                let nf = b.call1(a.new, &[slot]);
                let zero = b.i64_const(0);
                b.call(a.resume, &[nf, zero]);
                b.global_set(held, nf);
            });
            let f = b.global_get(held);
            let (i, sum) = (b.local(Type::I64), b.local(Type::I64));
            b.while_(
                |b| b.bin(BinOp::I64LtS, i, n),
                |b, _| {
                    let r = b.call(a.resume, &[f, i]);
                    b.binary_into(sum, BinOp::I64Add, sum, r[1]);
                    let one = b.i64_const(1);
                    b.binary_into(i, BinOp::I64Add, i, one);
                },
            );
            b.ret(&[sum]);
            b.finish();
        }
    }
    Ok(m)
}

/// A compiled micro-benchmark, instantiated, ready to be called.
pub struct Runner {
    store: wasmtime::Store<HostState>,
    bench: wasmtime::TypedFunc<i64, i64>,
    pub wasm_size: usize,
}

impl Runner {
    pub fn new(micro: Micro, strategy: Strategy) -> Result<Runner, String> {
        let compiled = switchyard::compile_ir(
            module(micro)?,
            &Options {
                strategy,
                names: false,
            },
        )
        .map_err(|e| e.to_string())?;
        let engine =
            switchyard_host::build_engine(&EngineSettings::default()).map_err(|e| e.message)?;
        let engine = engine.engine;
        let module =
            wasmtime::Module::new(&engine, &compiled.wasm).map_err(|e| format!("{e:#}"))?;
        let state = HostState::new(
            Box::new(SharedBuffer::new()),
            Box::new(std::io::sink()),
            wasmtime::StoreLimits::default(),
            false,
        );
        let mut store = wasmtime::Store::new(&engine, state);
        let mut linker = wasmtime::Linker::new(&engine);
        switchyard_host::imports::define_imports(&mut linker).map_err(|e| format!("{e:#}"))?;
        let instance = linker
            .instantiate(&mut store, &module)
            .map_err(|e| format!("{e:#}"))?;
        let bench = instance
            .get_typed_func::<i64, i64>(&mut store, "bench")
            .map_err(|e| format!("{e:#}"))?;
        Ok(Runner {
            store,
            bench,
            wasm_size: compiled.wasm.len(),
        })
    }

    /// Performs `n` operations; returns the time and the checksum.
    pub fn run(&mut self, n: u64) -> Result<(Duration, i64), String> {
        let start = Instant::now();
        let r = self
            .bench
            .call(&mut self.store, n as i64)
            .map_err(|e| format!("{e:#}"))?;
        Ok((start.elapsed(), r))
    }
}

/// Nanoseconds per operation: the best of `rounds` calls of `n`
/// operations each, after one warm-up call.
pub fn ns_per_op(micro: Micro, strategy: Strategy, n: u64, rounds: usize) -> Result<f64, String> {
    let mut r = Runner::new(micro, strategy)?;
    r.run(n / 10 + 1)?;
    let mut best = Duration::MAX;
    for _ in 0..rounds.max(1) {
        best = best.min(r.run(n)?.0);
    }
    Ok(best.as_nanos() as f64 / n as f64)
}
