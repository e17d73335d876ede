//! # switchyard JS front end
//!
//! Parses a JavaScript subset with swc and lowers it to switchyard IR that
//! uses the JS runtime library (`switchyard-js-runtime`).
//!
//! * [`parse`]: swc → AST, syntax errors with `file:line:col`.
//! * [`error`]: the [`CompileError`] type.
//! * `lower`: scope analysis, functions and closures, expressions,
//!   statements, control flow with exceptions, calls (with spread),
//!   destructuring patterns, generators (`yield`/`yield*` over the IR's
//!   coroutine instructions), intrinsics, built-in fast paths.
//! * `prelude`: the self-hosted built-ins (JS source compiled with the
//!   user's script).
//!
//! Semantics notes: `let`/`const` temporal dead zones are not enforced (an
//! early read gives `undefined`); assigning to an undeclared name is a
//! ReferenceError (strict-mode-like); assigning to a `const` throws
//! `TypeError: Assignment to constant variable.` at run time; function
//! declarations in blocks are block-scoped (strict-mode semantics).
//!
//! Generators: a generator function is a *starter* (its code as a function
//! value: creates the generator object, evaluating parameter defaults and
//! patterns at the call) and a *body*, a coroutine entry `(gen) -> i64`
//! marked with `Module::mark_coroutine_entry`, which reads its callee,
//! `this` and arguments from the generator object. `yield` is one
//! `coro.suspend`, after which the body dispatches on the resume mode the
//! runtime stored in the generator (next / throw / return, the last two
//! through the ordinary exception and `finally` lowering); see
//! `lower/generator.rs` and the runtime's `generators.rs`.
//!
//! Async functions and async generators are compiled the same way (a
//! starter and a coroutine body); `await` is a `coro.suspend` whose value
//! the prelude's driver (`prelude/promise.js`: promises, the microtask
//! queue, timers, the event loop that `main` runs after the script) awaits
//! with the specification's job order; see `lower/async_fn.rs`.
//! Unsupported: `yield*` inside async generators, classes, `arguments`.

pub mod error;
pub mod fiber;
pub mod lower;
pub mod parse;
pub mod prelude;
pub mod shake;

pub use error::{CompileError, CompileErrorKind};

use swc_common::{sync::Lrc, SourceMap};

/// Parses every source (prelude files first) without lowering.
pub fn parse_all(user: &str, file_name: &str) -> Result<Vec<parse::ParsedFile>, CompileError> {
    let cm: Lrc<SourceMap> = Default::default();
    let mut files = Vec::new();
    for (name, src) in prelude::PRELUDE_SOURCES {
        files.push(parse::parse_file(&cm, name, src)?);
    }
    files.push(parse::parse_file(&cm, file_name, user)?);
    Ok(files)
}

/// Compiles a JS script (with the prelude) into an IR module exporting
/// `main: () -> ()`.
pub fn compile_js(source: &str, file_name: &str) -> Result<switchyard_ir::Module, CompileError> {
    let mut files = parse_all(source, file_name)?;
    let n_prelude = prelude::PRELUDE_SOURCES.len();
    shake::shake(&mut files, n_prelude);
    lower::compile(&files, n_prelude)
}
