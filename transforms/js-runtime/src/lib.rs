//! # switchyard JS runtime
//!
//! How JavaScript values live in Wasm linear memory, and the runtime library
//! (written in switchyard IR) that the JS front end's code calls.
//!
//! * [`layout`]: the value encoding, heap block layouts, memory map and
//!   calling convention: the contract between front end, runtime and host.
//! * [`statics`]: compile-time static data (interned string literals).
//! * [`host_imports`]: the few functions the host provides.
//! * [`library`]: the runtime functions themselves, installed into a module.

pub mod host_imports;
pub mod layout;
pub mod library;
pub mod statics;

pub use library::{finalize, install, install_with, Features, HostFuncs, Runtime};
pub use statics::StaticData;
