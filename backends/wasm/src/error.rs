//! The backend's error type.
//!
//! Four kinds of failure, with different culprits: the input module is
//! malformed ([`EmitError::Verify`], the front end's fault), the input's
//! control flow cannot be expressed with Wasm's structured control flow
//! without duplicating code ([`EmitError::Irreducible`], a limitation of this
//! backend the front end must avoid), the input is too big for Wasm engines
//! ([`EmitError::LimitExceeded`]), or switchyard itself produced a binary
//! that does not validate ([`EmitError::InvalidOutput`], always our bug).

use std::fmt;
use switchyard_ir::{BlockId, VerifyError};

/// Why [`crate::emit`] failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmitError {
    /// The module failed [`switchyard_ir::verify`].
    Verify(Vec<VerifyError>),
    /// `function`'s CFG is irreducible: `block` is entered by a retreating
    /// edge from a block it does not dominate (a loop with several entries).
    Irreducible { function: String, block: BlockId },
    /// The module is valid IR but exceeds a WebAssembly implementation
    /// limit (e.g. more than 50,000 locals in a function); see
    /// [`crate::limits`]. `function` names the function, if it is one.
    LimitExceeded {
        function: Option<String>,
        message: String,
    },
    /// `function` still contains a coroutine instruction: the module was
    /// not lowered by a suspension strategy before it reached the backend.
    UnloweredCoroutine { function: String },
    /// The produced binary failed validation (or could not be printed): an
    /// internal switchyard bug.
    InvalidOutput(String),
}

impl fmt::Display for EmitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmitError::Verify(errors) => {
                for (i, e) in errors.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{e}")?;
                }
                Ok(())
            }
            EmitError::Irreducible { function, block } => write!(
                f,
                "function `{function}` has irreducible control flow: block {block} is the \
                 target of a backward edge from a block it does not dominate (a loop with more \
                 than one entry), which Wasm's structured control flow cannot express"
            ),
            EmitError::LimitExceeded {
                function: Some(function),
                message,
            } => write!(
                f,
                "function `{function}` exceeds a WebAssembly implementation limit: {message}"
            ),
            EmitError::LimitExceeded {
                function: None,
                message,
            } => write!(
                f,
                "the module exceeds a WebAssembly implementation limit: {message}"
            ),
            EmitError::UnloweredCoroutine { function } => write!(
                f,
                "function `{function}` contains coroutine instructions (coro.new/resume/suspend/free) \
                 that no suspension strategy lowered; lower the module for a strategy first"
            ),
            EmitError::InvalidOutput(msg) => write!(
                f,
                "internal error: switchyard produced invalid Wasm: {msg}; this is a bug in \
                 switchyard, please report it"
            ),
        }
    }
}

impl std::error::Error for EmitError {}
