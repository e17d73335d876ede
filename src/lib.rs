//! # switchyard
//!
//! Lowers suspendable control flow (JavaScript generators, async/await,
//! fibers) to WebAssembly in three interchangeable ways, and runs the
//! result under Wasmtime. The pipeline, one crate per stage:
//!
//! 1. **parse** and **lower to IR**: [`switchyard_js`] (swc front end) turns
//!    JavaScript into a [`ir::Module`]; library users may build the IR
//!    themselves with [`ir::FunctionBuilder`] instead.
//! 2. **transform for a strategy**: [`Strategy`] picks how suspension is
//!    lowered (`cps`, `asyncify`, `wasmfx`).
//! 3. **emit Wasm**: [`switchyard_wasm`] structures the CFG and encodes it.
//! 4. **run**: [`switchyard_host`] instantiates the module under Wasmtime.
//!
//! ```no_run
//! let opts = switchyard::Options::default();
//! let compiled = switchyard::compile("console.log(1 + 1)", "two.js", &opts).unwrap();
//! let outcome = switchyard::run_compiled(&compiled, switchyard::RunOptions::new("two.js")).unwrap();
//! assert_eq!(outcome, switchyard::Outcome::Finished);
//! ```

pub mod error;
pub mod pipeline;

pub use error::Error;
pub use pipeline::{compile, compile_ir, run, run_compiled, Compiled, Options};
pub use switchyard_host::{Outcome, RunOptions, TrapKind};
pub use switchyard_ir as ir;
pub use switchyard_strategies::Strategy;
