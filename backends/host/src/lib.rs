//! # switchyard host
//!
//! Runs a compiled switchyard module under Wasmtime with output
//! byte-identical to Node v20: the host functions it imports (printing with
//! Node's `util.inspect` formatting, exact number conversions, `**`, `%`,
//! `fatal`), engine configuration, and how a run ends.
//!
//! * [`run`]: [`run_wasm`], [`RunOptions`], [`Outcome`], [`required_imports`].
//! * [`engine`]: Wasmtime `Config` (features, stack sizes).
//! * [`imports`]: the host functions and their per-run [`HostState`].
//! * [`inspect`]: `console.log` / `util.inspect` formatting over a [`Heap`].
//! * [`number_format`]: `Number::toString`, StringToNumber, `parseInt`,
//!   `parseFloat`, `pow`, `fmod`.
//! * [`heap`]: a checked read-only view of linear memory.
//! * [`heap_builder`]: builds heaps for tests.

pub mod engine;
pub mod heap;
#[doc(hidden)]
pub mod heap_builder;
pub mod imports;
pub mod inspect;
pub mod number_format;
pub mod run;
mod shared_buffer;

pub use engine::{build_engine, EngineSettings, HostEngine};
pub use heap::{Heap, HeapError};
pub use imports::{HostState, HostTrap};
pub use inspect::{
    format_log_args, format_uncaught, format_unhandled_rejection, inspect, ErrorStack,
    InspectOptions,
};
pub use run::{
    prepare, required_imports, run_prepared, run_wasm, HostError, HostErrorKind, Outcome, Prepared,
    RunOptions, TrapKind,
};
pub use shared_buffer::SharedBuffer;
