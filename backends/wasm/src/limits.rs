//! WebAssembly implementation limits.
//!
//! Engines (and wasmparser's validator) reject modules beyond certain sizes,
//! e.g. more than 50,000 locals in one function. Such a module is valid IR
//! and our encoding of it is correct, so a validation failure would wrongly
//! be reported as an internal error. Instead the input is checked against
//! the limits before encoding (and each body's encoded size after), and a
//! violation is [`EmitError::LimitExceeded`], naming the function. The
//! numbers are wasmparser's (which follow the limits shared by the major
//! engines).

use crate::error::EmitError;
use switchyard_ir::{Inst, Module, Terminator};

/// Locals per function, parameters included.
pub const MAX_FUNCTION_LOCALS: usize = 50_000;
/// Parameters per signature.
pub const MAX_FUNCTION_PARAMS: usize = 1_000;
/// Results per signature.
pub const MAX_FUNCTION_RESULTS: usize = 1_000;
/// Encoded size of one function body, in bytes.
pub const MAX_FUNCTION_SIZE: usize = 7_654_321;
/// Functions (imported and defined).
pub const MAX_FUNCTIONS: usize = 1_000_000;
/// Globals.
pub const MAX_GLOBALS: usize = 1_000_000;
/// Active data segments.
pub const MAX_DATA_SEGMENTS: usize = 100_000;
/// Table entries.
pub const MAX_TABLE_ENTRIES: usize = 10_000_000;
/// 64 KiB pages of a 32-bit memory (4 GiB).
pub const MAX_MEMORY_PAGES: u32 = 65_536;
/// Bytes in an import or export name.
pub const MAX_NAME_BYTES: usize = 100_000;

fn exceeded(function: Option<&str>, message: String) -> EmitError {
    EmitError::LimitExceeded {
        function: function.map(str::to_string),
        message,
    }
}

/// Checks the module-level and per-function limits that do not depend on
/// the encoding. Assumes a verified module.
pub fn check_module(m: &Module) -> Result<(), EmitError> {
    let count = |what: &str, n: usize, max: usize| {
        if n > max {
            Err(exceeded(
                None,
                format!("{n} {what}, at most {max} are allowed"),
            ))
        } else {
            Ok(())
        }
    };
    count("functions", m.funcs.len(), MAX_FUNCTIONS)?;
    count("globals", m.globals.len(), MAX_GLOBALS)?;
    count("data segments", m.data.len(), MAX_DATA_SEGMENTS)?;
    count("table entries", m.table.len(), MAX_TABLE_ENTRIES)?;
    for (what, pages) in [
        ("minimum", Some(m.memory.min_pages)),
        ("maximum", m.memory.max_pages),
    ] {
        if let Some(p) = pages.filter(|&p| p > MAX_MEMORY_PAGES) {
            return Err(exceeded(
                None,
                format!(
                    "memory {what} of {p} pages, at most {MAX_MEMORY_PAGES} (4 GiB) are allowed"
                ),
            ));
        }
    }
    let long_name = |name: &str| name.len() > MAX_NAME_BYTES;
    let name_err = |kind: &str, name: &str| {
        exceeded(
            None,
            format!(
                "{kind} name of {} bytes (`{}...`), at most {MAX_NAME_BYTES} are allowed",
                name.len(),
                name.chars().take(32).collect::<String>()
            ),
        )
    };
    if let Some(e) = m.memory.export.as_deref().filter(|e| long_name(e)) {
        return Err(name_err("export", e));
    }
    for g in &m.globals {
        if let Some(e) = g.export.as_deref().filter(|e| long_name(e)) {
            return Err(name_err("export", e));
        }
    }
    for f in &m.funcs {
        let func = Some(f.name.as_str());
        if let Some(e) = f.export.as_deref().filter(|e| long_name(e)) {
            return Err(name_err("export", e));
        }
        if let switchyard_ir::FuncKind::Import { module, name } = &f.kind {
            if long_name(module) || long_name(name) {
                return Err(name_err(
                    "import",
                    if long_name(module) { module } else { name },
                ));
            }
        }
        if f.sig.params.len() > MAX_FUNCTION_PARAMS {
            return Err(exceeded(
                func,
                format!(
                    "{} parameters, at most {MAX_FUNCTION_PARAMS} are allowed",
                    f.sig.params.len()
                ),
            ));
        }
        if f.sig.results.len() > MAX_FUNCTION_RESULTS {
            return Err(exceeded(
                func,
                format!(
                    "{} results, at most {MAX_FUNCTION_RESULTS} are allowed",
                    f.sig.results.len()
                ),
            ));
        }
        if let Some(body) = f.body() {
            // Signatures of indirect calls become types too.
            let indirect = body.blocks.iter().flat_map(|b| {
                let insts = b.insts.iter().filter_map(|i| match i {
                    Inst::CallIndirect { sig, .. } => Some(sig),
                    _ => None,
                });
                let term = match &b.term {
                    Some(Terminator::TailCallIndirect { sig, .. }) => Some(sig),
                    _ => None,
                };
                insts.chain(term)
            });
            for sig in indirect {
                if sig.params.len() > MAX_FUNCTION_PARAMS
                    || sig.results.len() > MAX_FUNCTION_RESULTS
                {
                    return Err(exceeded(
                        func,
                        format!(
                            "calls indirectly through a signature with {} parameters and {} \
                             results, at most {MAX_FUNCTION_PARAMS} and {MAX_FUNCTION_RESULTS} are allowed",
                            sig.params.len(),
                            sig.results.len()
                        ),
                    ));
                }
            }
            if body.locals.len() > MAX_FUNCTION_LOCALS {
                return Err(exceeded(
                    func,
                    format!(
                        "{} locals (parameters included), at most {MAX_FUNCTION_LOCALS} are allowed",
                        body.locals.len()
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Checks the encoded size of a function body.
pub fn check_body_size(function: &str, bytes: usize) -> Result<(), EmitError> {
    if bytes > MAX_FUNCTION_SIZE {
        return Err(exceeded(
            Some(function),
            format!("encodes to {bytes} bytes of code, at most {MAX_FUNCTION_SIZE} are allowed"),
        ));
    }
    Ok(())
}
