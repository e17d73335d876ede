//! # switchyard's Asyncify post-pass
//!
//! The asyncify strategy (`switchyard_strategies::asyncify`) lowers the
//! coroutine instructions to calls into a small runtime written in IR that
//! calls the imports `asyncify.start_unwind`, `asyncify.stop_unwind`,
//! `asyncify.start_rewind` and `asyncify.stop_rewind`, and it names the
//! functions that may suspend. This crate then runs Binaryen's Asyncify pass
//! (Binaryen 116, through the `wasm-opt` crate) over the encoded module:
//!
//! 1. **Guard.** Binaryen does not return errors for what it cannot handle:
//!    it prints a message and *ends the process* (`Fatal()`, `abort()`).
//!    So [`inspect`] parses and validates the module with wasmparser first
//!    and refuses, with an [`AsyncifyError`] naming the function, everything
//!    we know makes Binaryen 116's Asyncify abort:
//!    * a Wasm feature Binaryen 116 does not know (stack switching,
//!      `try_table`/exnref exceptions, GC, …): validation against
//!      [`binaryen_features`] fails;
//!    * `return_call`/`return_call_indirect`/`return_call_ref` in *any*
//!      function (Asyncify's whole-module scan aborts on tail calls, whether
//!      or not the function is instrumented);
//!    * in a function to instrument: a reference-typed parameter, local or
//!      result (Asyncify can only save numbers), or an exception instruction
//!      (`try`, `catch`, `throw`, `rethrow`, `delegate`, `try_table`,
//!      `throw_ref`);
//!    * an `asyncify.*` import other than the four above or with the wrong
//!      type, or one that is exported or placed in a table;
//!    * an export that Binaryen would add a second time
//!      (`asyncify_start_unwind`, …);
//!    * a listed name that is missing, or that names an import.
//! 2. **Rename.** The only-list is a comma-separated string of names that
//!    Binaryen parses (`,` separates, `*` is a wildcard, brackets are
//!    special), and switchyard's function names are arbitrary strings
//!    (`js:top:a,b.js`). So the module handed to Binaryen gets a fresh name
//!    section in which function *i* is `__syf{i}` and global *i* is
//!    `__syg{i}` (which also keeps user globals from clashing with
//!    Binaryen's `__asyncify_state`/`__asyncify_data`). The module must
//!    therefore arrive *with* a name section whenever a list is non-empty:
//!    names are how the strategy identifies functions.
//! 3. **Asyncify, then optimise.** Binaryen reads the module once and runs,
//!    at [`OPT_LEVEL`]/[`SHRINK_LEVEL`] (`-O3`):
//!    * Binaryen's `-O3` *function* pipeline (constant propagation, local
//!      coalescing, …): every pass stays inside one function, so nothing
//!      is inlined, merged, removed or renamed and the list still names the
//!      right code, but Asyncify then sees fewer live locals and saves
//!      fewer bytes per frame (hoisted constants, for example, would
//!      otherwise be saved at every suspension);
//!    * `asyncify` with `asyncify-onlylist` = `instrument` minus
//!      `never_instrument`, plus every function that calls
//!      `asyncify.start_unwind`/`stop_rewind` (see below), and
//!      `asyncify-ignore-imports` (no host import ever unwinds). The pass
//!      sees the same optimisation level, so it coalesces locals before
//!      deciding what to save (as `wasm-opt --asyncify -O3` does);
//!    * the default `-O3` module pipeline (inlining included), then
//!      validation.
//!
//!    Asyncify must come before the module-level optimiser: inlining would
//!    merge the listed functions into others, after which the lists would
//!    no longer name the right code. [`optimize`] runs the same `-O3`
//!    pipeline without Asyncify, so the three strategies can be compared
//!    under one optimiser (it refuses only what Binaryen 116 cannot read).
//! 4. **Restore names.** If names are kept, the output's name section maps
//!    `__syf{i}`/`__syg{i}` back to the original names (local names are
//!    dropped: after coalescing they no longer describe the locals).
//!    Otherwise the output has no name section.
//!
//! Binaryen works on files, so each call uses a private temporary
//! directory, removed afterwards. Calls are serialised inside the process
//! (Binaryen's thread pool and global state are not meant for concurrent
//! pipelines).
//!
//! Why `never_instrument` can't be Binaryen's remove-list: Binaryen aborts
//! when an only-list and a remove-list are both given. An only-list already
//! instruments nothing else, so `never_instrument` is subtracted from it
//! (and a function in both is simply not instrumented).
//!
//! Note on the only-list semantics: a function that calls
//! `asyncify.start_unwind`/`stop_rewind` (the runtime's suspend) is never
//! rewritten by Binaryen, but it must still be *listed*, because with an
//! only-list Binaryen treats an unlisted callee as one that cannot unwind
//! and would not check for unwinding after calls to it. The post-pass adds
//! such functions to the list itself. If nothing at all is to be
//! instrumented and the module has no `asyncify` imports, the Asyncify
//! pass is skipped (it would change nothing).

mod binaryen;
mod inspect;
mod names;

use std::fmt;

pub use inspect::{binaryen_features, inspect, ModuleInfo};

/// Binaryen optimisation level of the post-pass (`-O3`): 3 = `-O3`.
pub const OPT_LEVEL: u32 = 3;
/// Binaryen shrink level of the post-pass (0 = no `-Os`/`-Oz` bias).
pub const SHRINK_LEVEL: u32 = 0;

/// Why the post-pass failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AsyncifyError {
    pub message: String,
}

impl AsyncifyError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        AsyncifyError {
            message: message.into(),
        }
    }
}

impl fmt::Display for AsyncifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "asyncify: {}", self.message)
    }
}

impl std::error::Error for AsyncifyError {}

/// Options of [`asyncify_with`] and [`optimize`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AsyncifyOptions {
    /// Keep a name section (function and global names) in the output.
    pub keep_names: bool,
    /// Run Binaryen's optimiser after Asyncify (default `true`; turning it
    /// off is only useful to look at the raw instrumentation).
    pub optimize: bool,
}

impl Default for AsyncifyOptions {
    fn default() -> Self {
        AsyncifyOptions {
            keep_names: true,
            optimize: true,
        }
    }
}

/// Instruments `instrument` (function names) with Asyncify, never
/// `never_instrument`, then optimises. The output keeps a name section if
/// the input has one. See the crate documentation for what is refused.
pub fn asyncify(
    wasm: &[u8],
    instrument: &[String],
    never_instrument: &[String],
) -> Result<Vec<u8>, AsyncifyError> {
    let keep_names = names::has_name_section(wasm);
    asyncify_with(
        wasm,
        instrument,
        never_instrument,
        &AsyncifyOptions {
            keep_names,
            ..AsyncifyOptions::default()
        },
    )
}

/// [`asyncify`] with explicit options (the pipeline always emits names for
/// the asyncify strategy, because the lists name functions, and drops them
/// here when they were not asked for).
pub fn asyncify_with(
    wasm: &[u8],
    instrument: &[String],
    never_instrument: &[String],
    opts: &AsyncifyOptions,
) -> Result<Vec<u8>, AsyncifyError> {
    let info = inspect(wasm)?;
    let mut only = info.resolve_lists(instrument, never_instrument)?;
    info.check_asyncify(&only)?;
    only.extend(info.unwind_starters());
    only.sort_unstable();
    only.dedup();
    if only.is_empty() {
        if info.has_asyncify_imports() {
            return Err(AsyncifyError::new(
                "the module imports from `asyncify` but nothing is to be instrumented \
                 and no function starts an unwind",
            ));
        }
        // Nothing can unwind: Asyncify would change nothing.
        return run(wasm, &info, None, opts);
    }
    run(wasm, &info, Some(&only), opts)
}

/// Runs the post-pass's optimisation ([`OPT_LEVEL`], [`SHRINK_LEVEL`])
/// without Asyncify, with the same guards: for comparing strategies under
/// one optimiser, or for measuring Asyncify's code-size overhead.
pub fn optimize(wasm: &[u8], opts: &AsyncifyOptions) -> Result<Vec<u8>, AsyncifyError> {
    let info = inspect(wasm)?;
    run(wasm, &info, None, opts)
}

fn run(
    wasm: &[u8],
    info: &ModuleInfo,
    only: Option<&[u32]>,
    opts: &AsyncifyOptions,
) -> Result<Vec<u8>, AsyncifyError> {
    let renamed = names::with_safe_names(wasm, info)?;
    let only_names: Option<Vec<String>> =
        only.map(|o| o.iter().map(|&i| names::safe_func_name(i)).collect());
    let out = binaryen::run(&renamed, only_names.as_deref(), opts)?;
    if opts.keep_names {
        names::restore_names(&out, info)
    } else {
        Ok(out)
    }
}
