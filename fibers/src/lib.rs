//! # switchyard fibers
//!
//! The coroutine runtime of each strategy, written in switchyard IR and
//! installed into a module by the strategy transforms: what `coro.new`,
//! `coro.resume`, `coro.suspend` and `coro.free` become.

pub mod asyncify;
pub mod cps;
pub mod wasmfx;
