//! Scaffolding shared by the strategies' end-to-end tests: an IR module with
//! what the host requires, coroutine entries, and printing numbers through
//! the host's `console_log` (an f64 is its own NaN-boxed JS number).

#![allow(dead_code)]

use std::time::{Duration, Instant};
use switchyard::ir::*;
use switchyard::{Options, Outcome, RunOptions, Strategy};
use switchyard_host::{EngineSettings, HostState, SharedBuffer};

/// Where `log` stores the numbers it prints.
pub const ARGS: i32 = 1024;

/// A module with what the host requires (`memory`, `exc_pending`,
/// `exc_value`; `main` is added by [`Prog::main`]) and `console_log`.
pub struct Prog {
    pub m: Module,
    pub console_log: FuncId,
}

impl Prog {
    pub fn new() -> Prog {
        let mut m = Module::new();
        let console_log = m.import_func(
            "switchyard",
            "console_log",
            Signature::new([Type::I32, Type::I32], []),
        );
        let p = m.add_global("exc_pending", Type::I32, true, Const::I32(0));
        m.globals[p.index()].export = Some("exc_pending".into());
        let v = m.add_global("exc_value", Type::I64, true, Const::I64(0));
        m.globals[v.index()].export = Some("exc_value".into());
        Prog { m, console_log }
    }

    /// Declares a coroutine entry `(i64) -> i64` and puts it in the table.
    pub fn entry(&mut self, name: &str) -> FuncId {
        let f = self
            .m
            .declare_func(name, Signature::new([Type::I64], [Type::I64]));
        self.m.mark_coroutine_entry(f);
        self.m.table_slot(f);
        f
    }

    /// Declares the exported `main: () -> ()`.
    pub fn main(&mut self) -> FuncId {
        let f = self.m.declare_func("main", Signature::new([], []));
        self.m.export_func(f, "main");
        f
    }
}

/// `console.log(values...)` of i64 locals, as numbers.
pub fn log(b: &mut FunctionBuilder, console_log: FuncId, values: &[Local]) {
    let args = b.i32_const(ARGS);
    for (i, v) in values.iter().enumerate() {
        let f = b.un(UnOp::F64ConvertI64S, *v);
        b.store(StoreKind::F64, args, 8 * i as u32, f);
    }
    let argc = b.i32_const(values.len() as i32);
    b.call(console_log, &[args, argc]);
}

/// An i32 local widened to i64.
pub fn i64_of(b: &mut FunctionBuilder, v: Local) -> Local {
    b.un(UnOp::I64ExtendI32S, v)
}

/// `for i in from..to { body(i) }` with an i64 counter.
pub fn for_range(
    b: &mut FunctionBuilder,
    from: i64,
    to: i64,
    body: impl FnOnce(&mut FunctionBuilder, Local),
) {
    let i = b.local(Type::I64);
    let (start, end, one) = (b.i64_const(from), b.i64_const(to), b.i64_const(1));
    b.copy(i, start);
    b.while_(
        |b| b.bin(BinOp::I64LtS, i, end),
        |b, _| {
            body(b, i);
            b.binary_into(i, BinOp::I64Add, i, one);
        },
    );
}

/// Compiles `m` for `strategy` (with names) through the facade.
pub fn compile_for(m: Module, strategy: Strategy) -> switchyard::Compiled {
    let opts = Options {
        strategy,
        names: true,
    };
    match switchyard::compile_ir(m, &opts) {
        Ok(c) => c,
        Err(e) => panic!("compile failed: {e}"),
    }
}

/// Compiles and runs `m` for `strategy`; returns the outcome and stdout.
pub fn run_for(m: Module, strategy: Strategy) -> (Outcome, String) {
    let compiled = compile_for(m, strategy);
    let out = SharedBuffer::new();
    let outcome =
        switchyard::run_compiled(&compiled, RunOptions::new("t").with_stdout(out.clone()))
            .unwrap_or_else(|e| panic!("run failed: {e}"));
    (outcome, out.text())
}

/// Like [`run_for`], requiring the program to finish; returns stdout.
pub fn run_ok_for(m: Module, strategy: Strategy) -> String {
    let (outcome, out) = run_for(m, strategy);
    assert_eq!(outcome, Outcome::Finished, "stdout so far:\n{out}");
    out
}

/// What a direct run of `main` leaves for the caller to inspect.
pub struct DirectRun<'a> {
    pub store: &'a mut wasmtime::Store<HostState>,
    pub instance: wasmtime::Instance,
    /// How `main` ended (an error for a trap).
    pub result: wasmtime::Result<()>,
    /// The time `main` alone took (no compilation or instantiation).
    pub main_time: Duration,
    /// What the program printed (flushed).
    pub stdout: String,
}

/// Runs `main` of a compiled module directly with Wasmtime, on a thread
/// with a large stack, then hands the store and instance to `inspect` (to
/// read exported counters or the memory size). Tests use it to time `main`
/// alone. `stack_switching`: require the engine to have it.
pub fn run_main_directly<T: Send + 'static>(
    wasm: &[u8],
    stack_switching: bool,
    inspect: impl FnOnce(DirectRun<'_>) -> T + Send + 'static,
) -> T {
    let wasm = wasm.to_vec();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let engine = switchyard_host::build_engine(&EngineSettings::default()).unwrap();
            if stack_switching {
                engine.stack_switching.as_ref().unwrap();
            }
            let engine = engine.engine;
            let module = wasmtime::Module::new(&engine, &wasm).unwrap();
            let out = SharedBuffer::new();
            let state = HostState::new(
                Box::new(out.clone()),
                Box::new(std::io::sink()),
                wasmtime::StoreLimits::default(),
                false,
            );
            let mut store = wasmtime::Store::new(&engine, state);
            let mut linker = wasmtime::Linker::new(&engine);
            switchyard_host::imports::define_imports(&mut linker).unwrap();
            let instance = linker.instantiate(&mut store, &module).unwrap();
            let main = instance
                .get_typed_func::<(), ()>(&mut store, "main")
                .unwrap();
            let start = Instant::now();
            let result = main.call(&mut store, ());
            let main_time = start.elapsed();
            store.data_mut().flush();
            inspect(DirectRun {
                store: &mut store,
                instance,
                result,
                main_time,
                stdout: out.text(),
            })
        })
        .unwrap()
        .join()
        .unwrap()
}
