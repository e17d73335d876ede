//! # switchyard's Wasm backend
//!
//! Turns a verified switchyard IR [`Module`] into a validated WebAssembly
//! binary. The pipeline for [`emit`] is:
//!
//! 1. [`switchyard_ir::verify`] the module (a failure is the caller's fault:
//!    [`EmitError::Verify`]) and check it against engines' size [`limits`]
//!    ([`EmitError::LimitExceeded`]);
//! 2. for every defined function, analyse the CFG ([`cfg`]) and translate it
//!    to structured control flow ([`structure`], after Ramsey's "Beyond
//!    Relooper"), then tidy the result ([`simplify`]); an irreducible CFG is
//!    [`EmitError::Irreducible`];
//! 3. lower each structured function to Wasm instructions ([`function`]),
//!    with a small peephole pass ([`peephole`]), and assemble the module's
//!    sections ([`encode`], with signatures deduplicated by [`types`]);
//! 4. validate the bytes with wasmparser against [`wasm_features`] (plus
//!    [`stack_switching_features`] when the module got the stack-switching
//!    runtime). A failure here is a bug in switchyard, never in the input:
//!    [`EmitError::InvalidOutput`].
//!
//! With [`EmitOptions::stack_switching`] (the wasmfx strategy), coroutine
//! instructions are emitted with the stack-switching proposal over pooled
//! continuations, by a small runtime of generated functions
//! ([`stack_switching`]).
//!
//! The set of Wasm proposals our output may use lives in one place,
//! [`wasm_features`] and [`stack_switching_features`].
//!
//! ```
//! use switchyard_ir::*;
//! let mut m = Module::new();
//! let f = m.declare_func("max", Signature::new([Type::I32, Type::I32], [Type::I32]));
//! m.export_func(f, "max");
//! let mut b = FunctionBuilder::new(&mut m, f);
//! let (x, y) = (b.param(0), b.param(1));
//! let gt = b.bin(BinOp::I32GtS, x, y);
//! let r = b.local(Type::I32);
//! b.if_else(gt, |b| b.copy(r, x), |b| b.copy(r, y));
//! b.ret(&[r]);
//! b.finish();
//!
//! let wasm = switchyard_wasm::emit(&m, &switchyard_wasm::EmitOptions::default()).unwrap();
//! let wat = switchyard_wasm::to_wat(&wasm).unwrap();
//! assert!(wat.contains("(export \"max\" (func $max))"));
//! assert!(wat.contains("i32.gt_s"));
//! ```

pub mod cfg;
pub mod encode;
pub mod error;
pub mod function;
pub mod limits;
pub mod peephole;
pub mod simplify;
pub mod stack_switching;
pub mod structure;
pub mod types;

pub use error::EmitError;
pub use structure::{structure, translate, Label, Node, Structured};

use switchyard_ir::Module;
use wasmparser::WasmFeatures;

/// Options for [`emit`].
#[derive(Clone, Debug)]
pub struct EmitOptions {
    /// Emit a `name` custom section with function, local and global names
    /// (useful in stack traces and `to_wat` output). Default `true`. When
    /// `false` no name section is written at all.
    pub names: bool,
    /// Emit coroutine instructions with the stack-switching proposal
    /// (`cont.new`, `resume`, `suspend`) over pooled continuations (the
    /// wasmfx strategy). When `false`, a coroutine instruction is an
    /// [`EmitError::UnloweredCoroutine`].
    pub stack_switching: bool,
}

impl Default for EmitOptions {
    fn default() -> Self {
        EmitOptions {
            names: true,
            stack_switching: false,
        }
    }
}

/// Compiles `module` to a validated Wasm binary.
pub fn emit(module: &Module, opts: &EmitOptions) -> Result<Vec<u8>, EmitError> {
    switchyard_ir::verify(module).map_err(EmitError::Verify)?;
    limits::check_module(module)?;
    let bytes = encode::encode_module(module, opts)?;
    if encode::uses_stack_switching(module, opts) {
        validate_with(&bytes, wasm_features() | stack_switching_features())?;
    } else {
        validate(&bytes)?;
    }
    Ok(bytes)
}

/// The Wasm features switchyard's output may use: the MVP plus mutable
/// globals, sign extension, saturating float-to-int conversion, bulk memory,
/// multi-value and tail calls. This is the one place to extend (with
/// [`stack_switching_features`]).
pub fn wasm_features() -> WasmFeatures {
    WasmFeatures::MVP
        | WasmFeatures::MUTABLE_GLOBAL
        | WasmFeatures::SIGN_EXTENSION
        | WasmFeatures::SATURATING_FLOAT_TO_INT
        | WasmFeatures::BULK_MEMORY
        | WasmFeatures::MULTI_VALUE
        | WasmFeatures::TAIL_CALL
}

/// What a module with the stack-switching runtime ([`stack_switching`])
/// uses on top of [`wasm_features`], and nothing more:
///
/// * `STACK_SWITCHING`: `cont` types, `cont.new`, `resume`, `suspend`, and
///   tags with results;
/// * `EXCEPTIONS`: the tag section (the proposal reuses exception tags);
/// * `FUNCTION_REFERENCES`: typed references `(ref $ct)`, `ref.func`'s
///   typed result;
/// * `REFERENCE_TYPES`: several tables, `table.get`/`set`/`grow`/`size`,
///   `ref.null`;
/// * `GC_TYPES`: wasmparser's pseudo-feature that admits any heap type
///   other than `func` and `exn` (here `cont`); no GC instruction is used;
/// * `MULTI_MEMORY`: the runtime's metadata lives in its own memory, so it
///   never touches the program's memory layout.
pub fn stack_switching_features() -> WasmFeatures {
    WasmFeatures::STACK_SWITCHING
        | WasmFeatures::EXCEPTIONS
        | WasmFeatures::FUNCTION_REFERENCES
        | WasmFeatures::REFERENCE_TYPES
        | WasmFeatures::GC_TYPES
        | WasmFeatures::MULTI_MEMORY
}

/// Validates a Wasm binary produced by switchyard against [`wasm_features`].
///
/// This is meant for switchyard's own output, so a failure is reported as
/// [`EmitError::InvalidOutput`] (an internal error).
pub fn validate(wasm: &[u8]) -> Result<(), EmitError> {
    validate_with(wasm, wasm_features())
}

/// [`validate`] against an explicit feature set (e.g. [`wasm_features`] |
/// [`stack_switching_features`] for the wasmfx strategy's output).
pub fn validate_with(wasm: &[u8], features: WasmFeatures) -> Result<(), EmitError> {
    wasmparser::Validator::new_with_features(features)
        .validate_all(wasm)
        .map(|_| ())
        .map_err(|e| EmitError::InvalidOutput(e.to_string()))
}

/// Prints a Wasm binary as WebAssembly text (WAT).
///
/// Like [`validate`] this is meant for switchyard's own output; a binary that
/// cannot be printed is reported as [`EmitError::InvalidOutput`].
pub fn to_wat(wasm: &[u8]) -> Result<String, EmitError> {
    wasmprinter::print_bytes(wasm).map_err(|e| EmitError::InvalidOutput(format!("{e:#}")))
}
