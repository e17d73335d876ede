//! The suspension strategy: how code that can suspend (generators, async
//! functions, fibers) is lowered to Wasm. Code that cannot suspend is
//! emitted in direct style under every strategy, so a program without
//! suspension points compiles to the same Wasm whichever is chosen.

use std::fmt;
use std::str::FromStr;

/// How suspendable functions are lowered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Strategy {
    /// "Tailify" CPS with an explicit stack: suspendable functions are split
    /// at each suspension point into pieces joined by Wasm tail calls, with
    /// live values saved in frames in linear memory.
    #[default]
    Cps,
    /// Direct-style code instrumented by Binaryen's Asyncify pass, which
    /// unwinds and rewinds suspended frames through a per-fiber buffer.
    Asyncify,
    /// The Wasm stack-switching proposal (`cont.new`, `resume`, `suspend`)
    /// on Wasmtime: every coroutine is a continuation.
    Wasmfx,
}

impl Strategy {
    pub const ALL: [Strategy; 3] = [Strategy::Cps, Strategy::Asyncify, Strategy::Wasmfx];

    pub fn name(self) -> &'static str {
        match self {
            Strategy::Cps => "cps",
            Strategy::Asyncify => "asyncify",
            Strategy::Wasmfx => "wasmfx",
        }
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Strategy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "cps" => Ok(Strategy::Cps),
            "asyncify" => Ok(Strategy::Asyncify),
            "wasmfx" => Ok(Strategy::Wasmfx),
            other => Err(format!(
                "unknown strategy `{other}` (expected cps, asyncify or wasmfx)"
            )),
        }
    }
}
