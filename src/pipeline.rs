//! The pipeline, stage by stage: parse → lower to IR → transform for a
//! strategy → emit Wasm → run.

use crate::error::Error;
use switchyard_host::{Outcome, RunOptions};
use switchyard_ir::Module;
use switchyard_strategies::{PostPass, Strategy};

/// Compilation options.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// How suspendable code is lowered.
    pub strategy: Strategy,
    /// Emit a Wasm name section (function and local names).
    pub names: bool,
}

/// The result of compiling a program: its IR and its Wasm binary.
#[derive(Clone, Debug)]
pub struct Compiled {
    /// The IR after the strategy transform, as handed to the backend.
    pub ir: Module,
    /// The validated Wasm binary.
    pub wasm: Vec<u8>,
    pub strategy: Strategy,
}

/// Compiles JavaScript source. `file_name` is used in error messages and
/// for the locations of uncaught exceptions.
pub fn compile(source: &str, file_name: &str, opts: &Options) -> Result<Compiled, Error> {
    // 1-2. Parse and lower to IR (the JS runtime and built-ins included).
    let module = switchyard_js::compile_js(source, file_name)?;
    // 3-4. Transform for the strategy and emit.
    compile_ir(module, opts)
}

/// Compiles a module built directly in IR (the entry point for compilers
/// that target switchyard's IR instead of JavaScript). Invalid IR is
/// reported as [`Error::InvalidIr`], naming the function and block.
pub fn compile_ir(module: Module, opts: &Options) -> Result<Compiled, Error> {
    switchyard_ir::verify(&module).map_err(Error::InvalidIr)?;
    if opts.strategy == Strategy::Wasmfx && !cfg!(feature = "wasmfx") && module.uses_coroutines() {
        return Err(Error::StrategyUnavailable {
            strategy: Strategy::Wasmfx,
            why:
                "this switchyard was built without its `wasmfx` feature (Wasmtime stack switching)"
                    .into(),
        });
    }
    // 3. Lower the coroutine instructions for the strategy; code that cannot
    // suspend is left in direct style, identical under every strategy.
    let lowered = switchyard_strategies::lower(module, opts.strategy).map_err(Error::Strategy)?;
    switchyard_ir::verify(&lowered.module).map_err(|errors| Error::Internal {
        message: format!(
            "the {} strategy produced invalid IR:\n{}",
            opts.strategy,
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    })?;
    // 4. Emit Wasm, then run the strategy's post-pass on the binary. The
    // Asyncify post-pass finds the functions to instrument by name, so the
    // module is always emitted with names for it; the post-pass drops them
    // again unless they were asked for.
    let asyncify_post = matches!(lowered.post_pass, PostPass::Asyncify { .. });
    let emit_opts = switchyard_wasm::EmitOptions {
        names: opts.names || asyncify_post,
        stack_switching: lowered.stack_switching,
    };
    let mut wasm = switchyard_wasm::emit(&lowered.module, &emit_opts)?;
    if let PostPass::Asyncify {
        instrument,
        never_instrument,
    } = &lowered.post_pass
    {
        wasm = asyncify_post_pass(&wasm, instrument, never_instrument, opts)?;
    }
    Ok(Compiled {
        ir: lowered.module,
        wasm,
        strategy: opts.strategy,
    })
}

/// Binaryen's Asyncify over the encoded module (the `asyncify` feature).
#[cfg(feature = "asyncify")]
fn asyncify_post_pass(
    wasm: &[u8],
    instrument: &[String],
    never_instrument: &[String],
    opts: &Options,
) -> Result<Vec<u8>, Error> {
    let post_opts = switchyard_asyncify::AsyncifyOptions {
        keep_names: opts.names,
        ..Default::default()
    };
    switchyard_asyncify::asyncify_with(wasm, instrument, never_instrument, &post_opts)
        .map_err(Error::Asyncify)
}

#[cfg(not(feature = "asyncify"))]
fn asyncify_post_pass(
    _wasm: &[u8],
    _instrument: &[String],
    _never_instrument: &[String],
    _opts: &Options,
) -> Result<Vec<u8>, Error> {
    Err(Error::StrategyUnavailable {
        strategy: Strategy::Asyncify,
        why: "this switchyard was built without its `asyncify` feature (Binaryen)".into(),
    })
}

/// Runs a compiled program to completion.
pub fn run_compiled(compiled: &Compiled, run_opts: RunOptions) -> Result<Outcome, Error> {
    Ok(switchyard_host::run_wasm(&compiled.wasm, run_opts)?)
}

/// Compiles and runs JavaScript source.
pub fn run(
    source: &str,
    file_name: &str,
    opts: &Options,
    run_opts: RunOptions,
) -> Result<Outcome, Error> {
    let compiled = compile(source, file_name, opts)?;
    run_compiled(&compiled, run_opts)
}
