//! # switchyard IR
//!
//! The middle-end representation that every switchyard front end targets and
//! every strategy transform and backend consumes. Library users who write
//! their own compiler (for any language, not only JS) build a [`Module`] with
//! [`FunctionBuilder`], check it with [`verify`], and hand it to switchyard.
//!
//! * [`types`]: Wasm value types, signatures, constants.
//! * [`ops`]: numeric operators, loads and stores (one per Wasm instruction).
//! * [`module`]: modules, functions, blocks, instructions, terminators.
//! * [`builder`]: building function bodies, with structured helpers.
//! * [`print`]: the textual form (`--emit ir`).
//! * [`verify`]: the well-formedness check, with errors that name the
//!   function and block.
//!
//! Suspension (generators, async functions, fibers) is not yet part of the
//! instruction set; it enters as instructions whose lowering is chosen by the
//! strategy transforms in `transforms/`, so that front ends stay
//! strategy-agnostic.

pub mod builder;
pub mod module;
pub mod ops;
pub mod print;
pub mod types;
pub mod verify;

pub use builder::{FunctionBuilder, LoopTargets};
pub use module::*;
pub use ops::{BinOp, LoadKind, StoreKind, UnOp};
pub use print::{print_function, print_module};
pub use types::{Const, Signature, Type};
pub use verify::{verify, verify_func, VerifyError};
