//! # switchyard fibers
//!
//! The coroutine runtime of each strategy, written in switchyard IR and
//! installed into a module by the strategy transforms: what `coro.new`,
//! `coro.resume`, `coro.suspend` and `coro.free` become.
//!
//! On top of the coroutine instructions, [`api`] is the stackful fiber API
//! (`fiber_new` / `fiber_resume` / `fiber_yield` / `fiber_free`, the shape
//! of the WasmFX benchmarks' C interface) that other front ends install
//! into their modules; it runs unchanged under every strategy.

pub mod api;
pub mod asyncify;
pub mod cps;
pub mod wasmfx;

pub use api::{install as install_fiber_api, FiberApi};
