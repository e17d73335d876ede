//! Wasmtime configuration: Cranelift, the Wasm proposals switchyard's
//! output uses (tail calls, typed function references, exceptions, stack
//! switching), and stack sizes generous enough for deeply recursive JS.
//!
//! Stack budget, innermost to outermost:
//! * `max_wasm_stack` ([`DEFAULT_MAX_WASM_STACK`], 64 MiB): how much native
//!   stack Wasm frames may use before Wasmtime traps with a clean stack
//!   overflow. The JS shadow stack (arguments) is separate, in linear memory.
//! * `async_stack_size` ([`DEFAULT_CONTINUATION_STACK`]): the size of each
//!   stack-switching continuation's stack (one per fiber/generator under the
//!   wasmfx strategy). Wasmtime requires it to be at least `max_wasm_stack`;
//!   the difference is what host functions called on a continuation get.
//!   These are mmap'd lazily, so only touched pages cost memory.
//! * The run thread's native stack ([`DEFAULT_NATIVE_STACK`], 256 MiB of
//!   reserved virtual memory): `max_wasm_stack` plus ample room for the host,
//!   so deep recursion always ends in Wasmtime's trap, never a host crash.

use crate::run::{HostError, HostErrorKind};
use wasmtime::{Config, Engine, OptLevel, Strategy};

pub const DEFAULT_MAX_WASM_STACK: usize = 64 << 20;
pub const DEFAULT_CONTINUATION_STACK: usize = DEFAULT_MAX_WASM_STACK + (2 << 20);
pub const DEFAULT_NATIVE_STACK: usize = 256 << 20;

/// Engine knobs (the defaults suit every strategy).
#[derive(Clone, Debug)]
pub struct EngineSettings {
    pub max_wasm_stack: usize,
    /// Stack size of each stack-switching continuation (`async_stack_size`).
    pub continuation_stack: usize,
    /// Try to enable the stack-switching proposal (needs x86_64 Linux/macOS
    /// or Windows; falls back to running without it).
    pub stack_switching: bool,
}

impl Default for EngineSettings {
    fn default() -> Self {
        EngineSettings {
            max_wasm_stack: DEFAULT_MAX_WASM_STACK,
            continuation_stack: DEFAULT_CONTINUATION_STACK,
            stack_switching: true,
        }
    }
}

/// A configured engine and what it could enable.
pub struct HostEngine {
    pub engine: Engine,
    /// `Ok` if stack switching is enabled; otherwise why not.
    pub stack_switching: Result<(), String>,
}

fn config(settings: &EngineSettings, stack_switching: bool) -> Config {
    let mut c = Config::new();
    c.strategy(Strategy::Cranelift)
        .cranelift_opt_level(OptLevel::Speed)
        .wasm_tail_call(true)
        .max_wasm_stack(settings.max_wasm_stack)
        .async_stack_size(settings.continuation_stack.max(settings.max_wasm_stack));
    #[cfg(feature = "stack-switching")]
    if stack_switching {
        // Stack switching depends on function references and exceptions.
        c.wasm_function_references(true)
            .wasm_exceptions(true)
            .wasm_stack_switching(true);
    }
    #[cfg(not(feature = "stack-switching"))]
    let _ = stack_switching;
    c
}

/// Builds the engine, with stack switching if the platform supports it.
pub fn build_engine(settings: &EngineSettings) -> Result<HostEngine, HostError> {
    let engine_error = |e: wasmtime::Error| HostError {
        kind: HostErrorKind::Engine,
        message: format!("cannot configure Wasmtime: {e:#}"),
    };
    if settings.stack_switching && cfg!(feature = "stack-switching") {
        match Engine::new(&config(settings, true)) {
            Ok(engine) => {
                return Ok(HostEngine {
                    engine,
                    stack_switching: Ok(()),
                })
            }
            Err(e) => {
                let engine = Engine::new(&config(settings, false)).map_err(engine_error)?;
                return Ok(HostEngine {
                    engine,
                    stack_switching: Err(format!("{e:#}")),
                });
            }
        }
    }
    let engine = Engine::new(&config(settings, false)).map_err(engine_error)?;
    let why = if cfg!(feature = "stack-switching") {
        "disabled by the host settings"
    } else {
        "switchyard-host was built without its `stack-switching` feature (the wasmfx strategy)"
    };
    Ok(HostEngine {
        engine,
        stack_switching: Err(why.to_string()),
    })
}
