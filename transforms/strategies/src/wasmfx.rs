//! The wasmfx strategy: the coroutine instructions are kept, and the backend
//! emits them with the Wasm stack-switching proposal over pooled worker
//! continuations (see `switchyard_fibers::wasmfx` for the design and
//! `switchyard_wasm::stack_switching` for the generated code).
//!
//! This pass only checks what the backend's runtime needs and adds the
//! `switchyard.fatal` import its generated code reports misuse through:
//!
//! * the runtime exports its counters (`wasmfx_workers`, ...): a module
//!   that already exports one of those names is rejected, naming the
//!   function (or global);
//! * a `switchyard.fatal` import with another type than `(i32) -> ()`, or a
//!   function named like it that is not that import, is rejected.

use crate::{Lowered, PostPass, Strategy, StrategyError};
use switchyard_fibers::wasmfx::{ensure_fatal_import, RESERVED_EXPORTS};
use switchyard_ir::Module;

fn error(function: Option<String>, message: String) -> StrategyError {
    StrategyError {
        strategy: Strategy::Wasmfx,
        function,
        message,
    }
}

/// Lowers the coroutine instructions of `module` for the wasmfx strategy:
/// they stay, and the backend emits them with stack switching.
pub fn lower(mut module: Module) -> Result<Lowered, StrategyError> {
    let reserved = |name: &str| RESERVED_EXPORTS.contains(&name);
    for f in &module.funcs {
        if let Some(e) = f.export.as_deref().filter(|e| reserved(e)) {
            return Err(error(
                Some(f.name.clone()),
                format!("is exported as `{e}`, a name the wasmfx runtime exports itself"),
            ));
        }
    }
    for g in &module.globals {
        if let Some(e) = g.export.as_deref().filter(|e| reserved(e)) {
            return Err(error(
                None,
                format!(
                    "global `{}` is exported as `{e}`, a name the wasmfx runtime exports itself",
                    g.name
                ),
            ));
        }
    }
    if let Some(e) = module.memory.export.as_deref().filter(|e| reserved(e)) {
        return Err(error(
            None,
            format!("the memory is exported as `{e}`, a name the wasmfx runtime exports itself"),
        ));
    }
    ensure_fatal_import(&mut module).map_err(|message| {
        error(
            Some(format!(
                "{}.{}",
                switchyard_fibers::wasmfx::FATAL_MODULE,
                switchyard_fibers::wasmfx::FATAL_NAME
            )),
            message,
        )
    })?;
    Ok(Lowered {
        module,
        stack_switching: true,
        post_pass: PostPass::None,
    })
}
