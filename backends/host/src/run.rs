//! Running a compiled module: compile, check its imports and exports,
//! instantiate, call `main`, then report how the program ended — normally,
//! with an uncaught JS exception (formatted like Node), or with a trap.
//!
//! Everything runs on a dedicated thread with a large native stack (see
//! `engine`), so a runaway recursion ends in Wasmtime's stack-overflow trap.

use crate::engine::{build_engine, EngineSettings, DEFAULT_NATIVE_STACK};
use crate::heap::Heap;
use crate::imports::{define_imports, HostState, HostTrap};
use crate::inspect::{format_uncaught, format_unhandled_rejection, ErrorStack};
use std::fmt;
use std::io::Write;
use switchyard_js_runtime::host_imports::HOST_IMPORTS;
use switchyard_js_runtime::layout::{
    decode_pos, EXPORT_EXC_PENDING, EXPORT_EXC_POS, EXPORT_EXC_VALUE, EXPORT_MAIN, HOST_MODULE,
};
use wasmtime::{ExternType, Linker, Module, Store, StoreLimitsBuilder, Trap, Val};

/// How to run a module.
pub struct RunOptions {
    /// The source file's name, used in uncaught-exception positions
    /// (`at FILE:LINE:COL`).
    pub file_name: String,
    /// Where console.log writes (buffered by the host; flushed at the end).
    pub stdout: Box<dyn Write + Send>,
    /// Where console.error writes.
    pub stderr: Box<dyn Write + Send>,
    /// Upper bound on linear memory, in bytes (`None`: the module's own
    /// maximum, at most 4 GiB). Growth beyond it fails like any other
    /// `memory.grow` failure.
    pub max_memory: Option<usize>,
    pub engine: EngineSettings,
    /// Native stack of the thread that runs the Wasm code.
    pub native_stack: usize,
    /// Timers run on a virtual clock: `setTimeout(f, 100)` fires in the
    /// same order as with real time, without waiting. Off by default (a
    /// program that sleeps 100 ms takes about 100 ms, like under Node).
    pub virtual_time: bool,
}

impl RunOptions {
    /// Defaults: the process's stdout/stderr, no extra memory limit.
    pub fn new(file_name: impl Into<String>) -> Self {
        RunOptions {
            file_name: file_name.into(),
            stdout: Box::new(std::io::stdout()),
            stderr: Box::new(std::io::stderr()),
            max_memory: None,
            engine: EngineSettings::default(),
            native_stack: DEFAULT_NATIVE_STACK,
            virtual_time: false,
        }
    }

    /// Runs timers on a virtual clock (see [`RunOptions::virtual_time`]).
    pub fn with_virtual_time(mut self, on: bool) -> Self {
        self.virtual_time = on;
        self
    }

    pub fn with_stdout(mut self, w: impl Write + Send + 'static) -> Self {
        self.stdout = Box::new(w);
        self
    }

    pub fn with_stderr(mut self, w: impl Write + Send + 'static) -> Self {
        self.stderr = Box::new(w);
        self
    }

    pub fn with_max_memory(mut self, bytes: usize) -> Self {
        self.max_memory = Some(bytes);
        self
    }
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions::new("<anonymous>")
    }
}

/// How a program ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// `main` returned with no exception pending.
    Finished,
    /// A JS exception escaped `main`. `message` is what to print on stderr,
    /// like Node's essential lines: `Error: msg\n    at FILE:LINE:COL` for
    /// an error object (plus its extra properties, `{ code: 5 }`), the
    /// string itself for `throw "x"`, `util.inspect` of anything else.
    UncaughtException { message: String },
    /// The program stopped abnormally.
    Trap { kind: TrapKind, message: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrapKind {
    /// Wasm native stack exhausted, or the JS shadow stack (`fatal(1)`).
    StackOverflow,
    /// `fatal(2)`: the heap could not grow.
    OutOfMemory,
    /// A Wasm `unreachable`: a compiler or runtime bug.
    Unreachable,
    /// Anything else (message says what).
    Other,
}

/// The module could not be run at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostError {
    pub kind: HostErrorKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostErrorKind {
    /// Wasmtime could not be configured.
    Engine,
    /// Not valid Wasm, or uses something the engine does not support.
    Compile,
    /// An import the host does not provide, or with the wrong type.
    Import,
    /// A required export is missing or has the wrong type.
    Export,
    /// Instantiation failed (e.g. a data segment does not fit).
    Instantiate,
    /// The host itself failed (thread creation, panic).
    Internal,
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for HostError {}

fn host_error(kind: HostErrorKind, message: impl Into<String>) -> HostError {
    HostError {
        kind,
        message: message.into(),
    }
}

fn signature_text(params: &[String], results: &[String]) -> String {
    let results = match results.len() {
        0 => "()".to_string(),
        1 => results[0].clone(),
        _ => format!("({})", results.join(", ")),
    };
    format!("({}) -> {}", params.join(", "), results)
}

/// Every import the host provides: (module, name, signature), e.g.
/// `("switchyard", "console_log", "(i32, i32) -> ()")`.
pub fn required_imports() -> Vec<(String, String, String)> {
    HOST_IMPORTS
        .iter()
        .map(|i| {
            let params: Vec<String> = i.params.iter().map(|t| t.name().to_string()).collect();
            let results: Vec<String> = i.results.iter().map(|t| t.name().to_string()).collect();
            (
                HOST_MODULE.to_string(),
                i.name.to_string(),
                signature_text(&params, &results),
            )
        })
        .collect()
}

fn wasm_signature(ty: &wasmtime::FuncType) -> String {
    let params: Vec<String> = ty.params().map(|t| t.to_string()).collect();
    let results: Vec<String> = ty.results().map(|t| t.to_string()).collect();
    signature_text(&params, &results)
}

/// Checks every import against what the host provides, so a mismatch is
/// reported clearly instead of as a link error.
fn check_imports(module: &Module) -> Result<(), HostError> {
    let provided = required_imports();
    let list = || {
        provided
            .iter()
            .map(|(m, n, s)| format!("  {m}::{n}: {s}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for import in module.imports() {
        let (m, n) = (import.module(), import.name());
        let found = provided.iter().find(|(pm, pn, _)| pm == m && pn == n);
        let Some((_, _, expected)) = found else {
            return Err(host_error(
                HostErrorKind::Import,
                format!(
                    "the module imports `{m}::{n}` ({}), which the host does not provide; the host provides:\n{}",
                    describe_extern(&import.ty()),
                    list()
                ),
            ));
        };
        match import.ty() {
            ExternType::Func(f) if &wasm_signature(&f) == expected => {}
            other => {
                return Err(host_error(
                    HostErrorKind::Import,
                    format!(
                        "the module imports `{m}::{n}` as {}, but the host provides it as a function {expected}",
                        describe_extern(&other)
                    ),
                ))
            }
        }
    }
    Ok(())
}

fn describe_extern(ty: &ExternType) -> String {
    match ty {
        ExternType::Func(f) => format!("a function {}", wasm_signature(f)),
        ExternType::Global(g) => format!("a global {}", g.content()),
        ExternType::Memory(_) => "a memory".to_string(),
        ExternType::Table(_) => "a table".to_string(),
        ExternType::Tag(_) => "a tag".to_string(),
    }
}

/// Checks the exports `run` needs: `memory`, `main: () -> ()`, and the
/// exception globals (`exc_pos` is optional).
fn check_exports(module: &Module) -> Result<(), HostError> {
    let mut problems = Vec::new();
    let find = |name: &str| module.exports().find(|e| e.name() == name).map(|e| e.ty());
    match find("memory") {
        Some(ExternType::Memory(_)) => {}
        Some(other) => problems.push(format!(
            "`memory` must be a memory, found {}",
            describe_extern(&other)
        )),
        None => problems.push("`memory` (the linear memory) is not exported".to_string()),
    }
    match find(EXPORT_MAIN) {
        Some(ExternType::Func(f)) if f.params().len() == 0 && f.results().len() == 0 => {}
        Some(other) => problems.push(format!(
            "`{EXPORT_MAIN}` must be a function () -> (), found {}",
            describe_extern(&other)
        )),
        None => problems.push(format!("`{EXPORT_MAIN}: () -> ()` is not exported")),
    }
    // The exception globals are optional as a group: a module that never
    // throws (a non-JS front end, say) need not export them, but a module
    // that exports `exc_pending` must also say what was thrown.
    let has_exceptions = find(EXPORT_EXC_PENDING).is_some();
    for (name, ty, required) in [
        (EXPORT_EXC_PENDING, "i32", false),
        (EXPORT_EXC_VALUE, "i64", has_exceptions),
        (EXPORT_EXC_POS, "i32", false),
    ] {
        match find(name) {
            Some(ExternType::Global(g)) if g.content().to_string() == ty => {}
            Some(other) => problems.push(format!(
                "`{name}` must be a global {ty}, found {}",
                describe_extern(&other)
            )),
            None if required => problems.push(format!("`{name}` (global {ty}) is not exported")),
            None => {}
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(host_error(
            HostErrorKind::Export,
            format!("the module cannot be run: {}", problems.join("; ")),
        ))
    }
}

/// Maps the error `main` (or instantiation) failed with to a trap outcome.
fn classify_error(e: &wasmtime::Error) -> (TrapKind, String) {
    if let Some(t) = e.downcast_ref::<HostTrap>() {
        return (t.kind, t.message.clone());
    }
    if let Some(t) = e.downcast_ref::<Trap>() {
        return match t {
            Trap::StackOverflow => (TrapKind::StackOverflow, "stack overflow".to_string()),
            Trap::UnreachableCodeReached => (
                TrapKind::Unreachable,
                "unreachable code reached (internal error)".to_string(),
            ),
            other => (TrapKind::Other, other.to_string()),
        };
    }
    // Host allocation failures: Wasmtime's own OOM, or ENOMEM from mmap
    // (e.g. a stack-switching continuation's stack).
    let enomem = e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| {
            io.kind() == std::io::ErrorKind::OutOfMemory || io.raw_os_error() == Some(12)
        })
    });
    if e.downcast_ref::<wasmtime::OutOfMemory>().is_some() || enomem {
        return (TrapKind::OutOfMemory, "out of memory".to_string());
    }
    (TrapKind::Other, e.root_cause().to_string())
}

/// Runs `main` of a compiled module and reports how it ended.
///
/// Output written before an exception or trap is flushed to the sinks
/// before this returns; the caller prints the outcome's message itself.
pub fn run_wasm(wasm: &[u8], opts: RunOptions) -> Result<Outcome, HostError> {
    let prepared = prepare(wasm, &opts.engine)?;
    run_prepared(&prepared, opts)
}

/// A module compiled by Wasmtime and checked against the host's imports
/// and exports, ready to be run any number of times (benchmarks use this
/// to keep Wasmtime's compilation out of their measurements).
pub struct Prepared {
    engine: crate::engine::HostEngine,
    module: Module,
}

/// Compiles `wasm` with Wasmtime and checks its imports and exports.
pub fn prepare(wasm: &[u8], settings: &EngineSettings) -> Result<Prepared, HostError> {
    let engine = build_engine(settings)?;
    let module = Module::new(&engine.engine, wasm).map_err(|e| {
        let mut message = format!("the module does not compile: {e:#}");
        if let Err(why) = &engine.stack_switching {
            message.push_str(&format!(
                "\n(note: Wasm stack switching is unavailable on this platform: {why})"
            ));
        }
        host_error(HostErrorKind::Compile, message)
    })?;
    check_imports(&module)?;
    check_exports(&module)?;
    Ok(Prepared { engine, module })
}

/// Runs `main` of a prepared module in a fresh instance (see [`run_wasm`]).
pub fn run_prepared(prepared: &Prepared, opts: RunOptions) -> Result<Outcome, HostError> {
    let stack = opts.native_stack;
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name("switchyard-run".to_string())
            .stack_size(stack)
            .spawn_scoped(scope, move || run_here(prepared, opts))
            .map_err(|e| {
                host_error(
                    HostErrorKind::Internal,
                    format!("cannot start the run thread: {e}"),
                )
            })?;
        handle.join().unwrap_or_else(|panic| {
            let what = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(host_error(
                HostErrorKind::Internal,
                format!("the host panicked: {what}"),
            ))
        })
    })
}

/// [`run_prepared`] on the current thread (which must have a large stack).
fn run_here(prepared: &Prepared, opts: RunOptions) -> Result<Outcome, HostError> {
    let Prepared { engine, module } = prepared;

    let mut limits = StoreLimitsBuilder::new();
    if let Some(max) = opts.max_memory {
        limits = limits.memory_size(max);
    }
    let state = HostState::new(opts.stdout, opts.stderr, limits.build(), opts.virtual_time);
    let mut store = Store::new(&engine.engine, state);
    store.limiter(|s| &mut s.limits);
    let mut linker = Linker::new(&engine.engine);
    define_imports(&mut linker).map_err(|e| {
        host_error(
            HostErrorKind::Internal,
            format!("cannot define the host functions: {e:#}"),
        )
    })?;

    let instance = match linker.instantiate(&mut store, module) {
        Ok(i) => i,
        Err(e) => {
            store.data_mut().flush();
            if e.downcast_ref::<Trap>().is_some() || e.downcast_ref::<HostTrap>().is_some() {
                let (kind, message) = classify_error(&e);
                return Ok(Outcome::Trap { kind, message });
            }
            return Err(host_error(
                HostErrorKind::Instantiate,
                format!("the module cannot be instantiated: {e:#}"),
            ));
        }
    };
    let main = instance
        .get_typed_func::<(), ()>(&mut store, EXPORT_MAIN)
        .map_err(|e| host_error(HostErrorKind::Export, format!("`{EXPORT_MAIN}`: {e:#}")))?;
    let result = main.call(&mut store, ());
    store.data_mut().flush();
    if let Err(e) = result {
        let (kind, message) = classify_error(&e);
        return Ok(Outcome::Trap { kind, message });
    }

    let global = |store: &mut Store<HostState>, name: &str| -> Option<Val> {
        instance
            .get_global(&mut *store, name)
            .map(|g| g.get(&mut *store))
    };
    let pending = match global(&mut store, EXPORT_EXC_PENDING) {
        Some(Val::I32(v)) => v,
        _ => 0,
    };
    if pending == 0 {
        return Ok(Outcome::Finished);
    }
    let value = match global(&mut store, EXPORT_EXC_VALUE) {
        Some(Val::I64(v)) => v as u64,
        _ => switchyard_js_runtime::layout::UNDEFINED,
    };
    let pos = match global(&mut store, EXPORT_EXC_POS) {
        Some(Val::I32(v)) => v,
        _ => 0,
    };
    let stack = if pos == 0 {
        ErrorStack::Omitted
    } else {
        let (line, col) = decode_pos(pos);
        if col == 0 {
            ErrorStack::At(format!("{}:{line}", opts.file_name))
        } else {
            ErrorStack::At(format!("{}:{line}:{col}", opts.file_name))
        }
    };
    let memory = instance
        .get_memory(&mut store, "memory")
        .ok_or_else(|| host_error(HostErrorKind::Export, "`memory` is not exported"))?;
    let heap = Heap::new(memory.data(&store));
    let formatted = if store.data().unhandled_rejection {
        format_unhandled_rejection(&heap, value, &opts.file_name)
    } else {
        format_uncaught(&heap, value, stack)
    };
    let message = match formatted {
        Ok(m) => m,
        Err(e) => format!("Uncaught exception (the thrown value cannot be displayed: {e})"),
    };
    Ok(Outcome::UncaughtException { message })
}
