//! The host functions a compiled module imports from module `"switchyard"`
//! (see `switchyard_js_runtime::host_imports`), and the per-run state they
//! work on ([`HostState`]: output sinks, memory limits).
//!
//! Host functions read linear memory through the exported `"memory"`.
//! Anything that must stop the program (the `fatal` import, a corrupt heap)
//! is returned as a [`HostTrap`] error, which `run` turns into an outcome.

use crate::heap::{Heap, HeapError};
use crate::inspect::format_log_args;
use crate::number_format::{fmod, number_to_string, parse_float, parse_int, pow, string_to_number};
use crate::run::TrapKind;
use std::fmt;
use std::io::{self, BufWriter, Write};
use switchyard_js_runtime::host_imports as hi;
use switchyard_js_runtime::layout::{
    FATAL_CORO_FREE, FATAL_CORO_RESUME, FATAL_FIBER_YIELD, FATAL_INTERNAL, FATAL_OUT_OF_MEMORY,
    FATAL_STACK_OVERFLOW, HOST_MODULE,
};
use wasmtime::{Caller, Extern, Linker, Memory, StoreLimits};

/// A reason to stop the program, raised by a host function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostTrap {
    pub kind: TrapKind,
    pub message: String,
}

impl HostTrap {
    pub fn new(kind: TrapKind, message: impl Into<String>) -> Self {
        HostTrap {
            kind,
            message: message.into(),
        }
    }

    /// The trap for `fatal(code)`.
    pub fn fatal(code: i32) -> Self {
        match code {
            FATAL_STACK_OVERFLOW => HostTrap::new(TrapKind::StackOverflow, "stack overflow"),
            FATAL_OUT_OF_MEMORY => HostTrap::new(TrapKind::OutOfMemory, "out of memory"),
            FATAL_INTERNAL => HostTrap::new(TrapKind::Other, "internal error (fatal)"),
            FATAL_CORO_RESUME => HostTrap::new(
                TrapKind::Other,
                "resumed a coroutine that is running or finished",
            ),
            FATAL_CORO_FREE => HostTrap::new(
                TrapKind::Other,
                "freed a coroutine that is running or already freed",
            ),
            FATAL_FIBER_YIELD => HostTrap::new(TrapKind::Other, "fiber_yield outside a fiber"),
            other => HostTrap::new(
                TrapKind::Other,
                format!("internal error (fatal code {other})"),
            ),
        }
    }
}

impl fmt::Display for HostTrap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for HostTrap {}

impl From<HeapError> for HostTrap {
    fn from(e: HeapError) -> Self {
        HostTrap::new(TrapKind::Other, format!("internal error: {e}"))
    }
}

/// Everything the host functions of one run share, kept in the `Store`.
pub struct HostState {
    stdout: BufWriter<Box<dyn Write + Send>>,
    stderr: Box<dyn Write + Send>,
    /// The first write error (e.g. a closed pipe); later output is dropped.
    io_error: Option<io::Error>,
    pub(crate) limits: StoreLimits,
    pub(crate) clock: Clock,
    /// Set by the `unhandled_rejection` import: the pending exception is a
    /// promise rejection nobody handled.
    pub(crate) unhandled_rejection: bool,
}

/// The timers' clock: real (monotonic, since the run started) or virtual
/// (starts at 0, advanced only by `sleep`, so timer programs run at full
/// speed with the same order of events).
pub(crate) struct Clock {
    start: std::time::Instant,
    virtual_ms: Option<f64>,
}

impl Clock {
    pub(crate) fn new(virtual_time: bool) -> Self {
        Clock {
            start: std::time::Instant::now(),
            virtual_ms: virtual_time.then_some(0.0),
        }
    }

    fn now_ms(&self) -> f64 {
        match self.virtual_ms {
            Some(v) => v,
            None => self.start.elapsed().as_secs_f64() * 1000.0,
        }
    }

    fn sleep_ms(&mut self, ms: f64) {
        // NaN, negative and absurd values (a corrupt argument) sleep 0 / at
        // most a day rather than panic.
        let ms = if ms.is_finite() && ms > 0.0 {
            ms.min(86_400_000.0)
        } else {
            0.0
        };
        match &mut self.virtual_ms {
            Some(v) => *v += ms,
            None => std::thread::sleep(std::time::Duration::from_secs_f64(ms / 1000.0)),
        }
    }
}

impl HostState {
    pub fn new(
        stdout: Box<dyn Write + Send>,
        stderr: Box<dyn Write + Send>,
        limits: StoreLimits,
        virtual_time: bool,
    ) -> Self {
        HostState {
            stdout: BufWriter::with_capacity(64 * 1024, stdout),
            stderr,
            io_error: None,
            limits,
            clock: Clock::new(virtual_time),
            unhandled_rejection: false,
        }
    }

    fn record(&mut self, r: io::Result<()>) {
        if let Err(e) = r {
            if self.io_error.is_none() {
                self.io_error = Some(e);
            }
        }
    }

    /// Writes one line (console.log) to the buffered stdout.
    pub fn write_stdout_line(&mut self, text: &str) {
        if self.io_error.is_some() {
            return;
        }
        let r = self
            .stdout
            .write_all(text.as_bytes())
            .and_then(|_| self.stdout.write_all(b"\n"));
        self.record(r);
    }

    /// Writes one line (console.error) to stderr. Stdout is flushed first
    /// and stderr right after, so the two interleave correctly when they
    /// go to the same place.
    pub fn write_stderr_line(&mut self, text: &str) {
        if self.io_error.is_some() {
            return;
        }
        let r = self.stdout.flush();
        self.record(r);
        let mut line = String::with_capacity(text.len() + 1);
        line.push_str(text);
        line.push('\n');
        let r = self
            .stderr
            .write_all(line.as_bytes())
            .and_then(|_| self.stderr.flush());
        self.record(r);
    }

    /// Flushes both sinks.
    pub fn flush(&mut self) {
        let r = self.stdout.flush();
        self.record(r);
        let r = self.stderr.flush();
        self.record(r);
    }

    /// The first output error, if any.
    pub fn io_error(&self) -> Option<&io::Error> {
        self.io_error.as_ref()
    }
}

fn memory(caller: &mut Caller<'_, HostState>) -> wasmtime::Result<Memory> {
    match caller.get_export("memory") {
        Some(Extern::Memory(m)) => Ok(m),
        _ => Err(wasmtime::Error::new(HostTrap::new(
            TrapKind::Other,
            "internal error: the module does not export its memory as \"memory\"",
        ))),
    }
}

fn trap(e: impl Into<HostTrap>) -> wasmtime::Error {
    wasmtime::Error::new(e.into())
}

/// Reads the string block at `ptr`.
fn read_string(caller: &mut Caller<'_, HostState>, ptr: i32) -> wasmtime::Result<Vec<u16>> {
    let mem = memory(caller)?;
    Heap::new(mem.data(&caller))
        .string(ptr as u32)
        .map_err(trap)
}

/// console_log / console_error: format `argc` values at `argv` like Node.
fn console(
    caller: &mut Caller<'_, HostState>,
    argv: i32,
    argc: i32,
    to_stderr: bool,
) -> wasmtime::Result<()> {
    let mem = memory(caller)?;
    let (data, state) = mem.data_and_store_mut(caller);
    let heap = Heap::new(data);
    let args = heap.values(argv as u32, argc as u32).map_err(trap)?;
    let text = format_log_args(&heap, &args).map_err(trap)?;
    if to_stderr {
        state.write_stderr_line(&text);
    } else {
        state.write_stdout_line(&text);
    }
    Ok(())
}

/// Defines every import of `host_imports::HOST_IMPORTS` in `linker`.
pub fn define_imports(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    let m = HOST_MODULE;
    linker.func_wrap(
        m,
        hi::CONSOLE_LOG,
        |mut c: Caller<'_, HostState>, argv: i32, argc: i32| console(&mut c, argv, argc, false),
    )?;
    linker.func_wrap(
        m,
        hi::CONSOLE_ERROR,
        |mut c: Caller<'_, HostState>, argv: i32, argc: i32| console(&mut c, argv, argc, true),
    )?;
    linker.func_wrap(
        m,
        hi::NUMBER_TO_STRING,
        |mut c: Caller<'_, HostState>, x: f64, buf: i32| -> wasmtime::Result<i32> {
            let text = number_to_string(x);
            let mem = memory(&mut c)?;
            mem.write(&mut c, buf as u32 as usize, text.as_bytes())
                .map_err(|_| {
                    trap(HostTrap::new(
                        TrapKind::Other,
                        format!(
                            "internal error: number_to_string buffer {buf:#x} is outside memory"
                        ),
                    ))
                })?;
            Ok(text.len() as i32)
        },
    )?;
    linker.func_wrap(
        m,
        hi::STRING_TO_NUMBER,
        |mut c: Caller<'_, HostState>, s: i32| -> wasmtime::Result<f64> {
            Ok(string_to_number(&read_string(&mut c, s)?))
        },
    )?;
    linker.func_wrap(
        m,
        hi::PARSE_INT,
        |mut c: Caller<'_, HostState>, s: i32, radix: i32| -> wasmtime::Result<f64> {
            Ok(parse_int(&read_string(&mut c, s)?, radix))
        },
    )?;
    linker.func_wrap(
        m,
        hi::PARSE_FLOAT,
        |mut c: Caller<'_, HostState>, s: i32| -> wasmtime::Result<f64> {
            Ok(parse_float(&read_string(&mut c, s)?))
        },
    )?;
    linker.func_wrap(m, hi::MATH_POW, |x: f64, y: f64| -> f64 { pow(x, y) })?;
    linker.func_wrap(m, hi::MATH_FMOD, |x: f64, y: f64| -> f64 { fmod(x, y) })?;
    linker.func_wrap(m, hi::FATAL, |code: i32| -> wasmtime::Result<()> {
        Err(trap(HostTrap::fatal(code)))
    })?;
    linker.func_wrap(m, hi::CLOCK_NOW, |c: Caller<'_, HostState>| -> f64 {
        c.data().clock.now_ms()
    })?;
    linker.func_wrap(m, hi::SLEEP, |mut c: Caller<'_, HostState>, ms: f64| {
        // Output written so far appears before the wait, as in Node.
        c.data_mut().flush();
        c.data_mut().clock.sleep_ms(ms)
    })?;
    linker.func_wrap(
        m,
        hi::UNHANDLED_REJECTION,
        |mut c: Caller<'_, HostState>| {
            c.data_mut().unhandled_rejection = true;
        },
    )?;
    Ok(())
}
