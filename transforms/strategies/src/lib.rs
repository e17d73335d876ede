//! # switchyard strategy transforms
//!
//! The middle of the pipeline: a verified module that expresses suspension
//! with the IR's coroutine instructions (`coro.new`, `coro.resume`,
//! `coro.suspend`, `coro.free`) is lowered for one [`Strategy`]:
//!
//! * [`cps`]: tailify: every function that may suspend is split into pieces
//!   joined by tail calls, its live values kept in frames in linear memory;
//! * [`asyncify`]: the coroutine instructions become calls into an
//!   Asyncify-based runtime, and the [`PostPass`] tells the backend which
//!   functions Binaryen's Asyncify pass must instrument;
//! * [`wasmfx`]: the coroutine instructions are kept and the backend emits
//!   them as stack-switching instructions over pooled continuations.
//!
//! A module with no coroutine instructions is returned unchanged by every
//! strategy: code that cannot suspend stays in direct style.
//!
//! Suspension is stackful under every strategy: a function that may
//! suspend makes its callers suspendable too (the analysis propagates
//! through direct calls and, by signature, indirect ones), which is what
//! stackful fibers (`switchyard_fibers::api`, JS's `Fiber`) rely on: a
//! yield from any call depth. Each strategy module's header says where a
//! suspended fiber's frames are kept.

pub mod analysis;
pub mod asyncify;
pub mod cps;
pub mod strategy;
pub mod wasmfx;

pub use strategy::Strategy;

use std::fmt;
use switchyard_ir::Module;

/// What must happen after the backend has encoded the lowered module.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum PostPass {
    /// Nothing: the encoded module is final.
    #[default]
    None,
    /// Run Binaryen's Asyncify over the encoded module, instrumenting
    /// exactly `instrument` (function names) and never `never_instrument`
    /// (the scheduler that calls `asyncify.start_unwind`/`stop_rewind`),
    /// then optimise.
    Asyncify {
        instrument: Vec<String>,
        never_instrument: Vec<String>,
    },
}

/// A module lowered for a strategy.
#[derive(Clone, Debug)]
pub struct Lowered {
    pub module: Module,
    /// The backend must emit the remaining coroutine instructions with the
    /// stack-switching proposal (`cont.new`, `resume`, `suspend`).
    pub stack_switching: bool,
    pub post_pass: PostPass,
}

/// Why a module could not be lowered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrategyError {
    pub strategy: Strategy,
    /// The function concerned, when there is one.
    pub function: Option<String>,
    pub message: String,
}

impl fmt::Display for StrategyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.function {
            Some(func) => write!(
                f,
                "{} strategy: function `{func}`: {}",
                self.strategy, self.message
            ),
            None => write!(f, "{} strategy: {}", self.strategy, self.message),
        }
    }
}

impl std::error::Error for StrategyError {}

/// Lowers `module` (which must verify) for `strategy`.
pub fn lower(module: Module, strategy: Strategy) -> Result<Lowered, StrategyError> {
    if !module.uses_coroutines() {
        return Ok(Lowered {
            module,
            stack_switching: false,
            post_pass: PostPass::None,
        });
    }
    match strategy {
        Strategy::Cps => cps::lower(module),
        Strategy::Asyncify => asyncify::lower(module),
        Strategy::Wasmfx => wasmfx::lower(module),
    }
}
