//! The library's error type: one variant per pipeline stage, each carrying
//! that stage's own error, and the CLI exit code that goes with it.

use std::fmt;
use switchyard_strategies::Strategy;

/// Anything that stops compilation or prevents a program from starting.
/// (A program that starts and then throws or traps is not an `Error`: see
/// [`crate::Outcome`].)
#[derive(Debug)]
pub enum Error {
    /// The JavaScript does not parse, or uses a construct switchyard does
    /// not support; the message names `file:line:col`.
    Compile(switchyard_js::CompileError),
    /// A library user's IR failed verification; each error names the
    /// function and block.
    InvalidIr(Vec<switchyard_ir::VerifyError>),
    /// The backend could not lower the IR (for example an irreducible CFG).
    Emit(switchyard_wasm::EmitError),
    /// The strategy could not lower the module's suspension points.
    Strategy(switchyard_strategies::StrategyError),
    /// Binaryen's Asyncify pass refused or failed on the module.
    #[cfg(feature = "asyncify")]
    Asyncify(switchyard_asyncify::AsyncifyError),
    /// The strategy was left out of this build (a Cargo feature is off) or
    /// cannot run on this machine.
    StrategyUnavailable { strategy: Strategy, why: String },
    /// The host could not instantiate or start the module.
    Host(switchyard_host::HostError),
    /// A switchyard bug: a stage produced something the next one rejects.
    Internal { message: String },
    /// Reading or writing a file.
    Io { path: String, error: std::io::Error },
}

impl Error {
    /// The CLI exit code: 2 for errors in the user's input (compile errors,
    /// invalid IR), 4 for internal or environment errors.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Compile(_) | Error::InvalidIr(_) => 2,
            Error::Emit(switchyard_wasm::EmitError::Verify(_))
            | Error::Emit(switchyard_wasm::EmitError::Irreducible { .. }) => 2,
            Error::Io { .. } => 2,
            Error::Strategy(_) | Error::StrategyUnavailable { .. } => 2,
            #[cfg(feature = "asyncify")]
            Error::Asyncify(_) => 4,
            Error::Emit(_) | Error::Host(_) | Error::Internal { .. } => 4,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Compile(e) => write!(f, "{e}"),
            Error::InvalidIr(errors) => {
                for (i, e) in errors.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{e}")?;
                }
                Ok(())
            }
            Error::Emit(e) => write!(f, "{e}"),
            Error::Host(e) => write!(f, "{e}"),
            Error::Strategy(e) => write!(f, "{e}"),
            #[cfg(feature = "asyncify")]
            Error::Asyncify(e) => write!(f, "{e}"),
            Error::StrategyUnavailable { strategy, why } => {
                write!(f, "the {strategy} strategy is unavailable: {why}")
            }
            Error::Internal { message } => write!(f, "internal error: {message}"),
            Error::Io { path, error } => write!(f, "{path}: {error}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<switchyard_js::CompileError> for Error {
    fn from(e: switchyard_js::CompileError) -> Self {
        Error::Compile(e)
    }
}

impl From<switchyard_wasm::EmitError> for Error {
    fn from(e: switchyard_wasm::EmitError) -> Self {
        match e {
            switchyard_wasm::EmitError::Verify(v) => Error::InvalidIr(v),
            other => Error::Emit(other),
        }
    }
}

impl From<switchyard_host::HostError> for Error {
    fn from(e: switchyard_host::HostError) -> Self {
        Error::Host(e)
    }
}
