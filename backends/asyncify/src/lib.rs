//! switchyard's Asyncify post-pass (being written): runs Binaryen's
//! Asyncify over exactly the functions that may suspend, then optimises.

use std::fmt;

/// Why the post-pass failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AsyncifyError {
    pub message: String,
}

impl fmt::Display for AsyncifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "asyncify: {}", self.message)
    }
}

impl std::error::Error for AsyncifyError {}

/// Instruments `instrument` (function names) with Asyncify, never
/// `never_instrument`, then optimises.
pub fn asyncify(
    wasm: &[u8],
    instrument: &[String],
    never_instrument: &[String],
) -> Result<Vec<u8>, AsyncifyError> {
    let _ = (wasm, instrument, never_instrument);
    Err(AsyncifyError {
        message: "not implemented yet".into(),
    })
}
