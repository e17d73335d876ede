//! The wasmfx strategy (being written).

use crate::{Lowered, Strategy, StrategyError};
use switchyard_ir::Module;

/// Lowers the coroutine instructions of `module` for the wasmfx strategy.
pub fn lower(module: Module) -> Result<Lowered, StrategyError> {
    let _ = module;
    Err(StrategyError {
        strategy: Strategy::Wasmfx,
        function: None,
        message: "not implemented yet".into(),
    })
}
