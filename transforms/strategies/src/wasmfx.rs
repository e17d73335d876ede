//! The wasmfx strategy: the coroutine instructions are kept, and the backend
//! emits them with the Wasm stack-switching proposal over pooled worker
//! continuations (see `switchyard_fibers::wasmfx` for the design and
//! `switchyard_wasm::stack_switching` for the generated code).
//!
//! Async functions are coroutines like generators (switchyard-js
//! `lower/async_fn.rs`): each running or suspended async body occupies one
//! pooled worker continuation, and `await` is a `suspend $yield` of it;
//! the driver registers the coroutine as the reaction of the awaited
//! promise and the reaction job resumes it. A finished body's worker goes
//! back to the pool, so sequential async code, and concurrent code once its
//! tasks finish, reuses a handful of stacks. An async function whose
//! awaited promise never settles keeps its worker — a Wasmtime fiber stack
//! — until the program ends: Wasmtime 48 frees continuation stacks only
//! when the Store is dropped, cannot unwind a suspended continuation safely
//! (see `switchyard_fibers::wasmfx`), and there is no garbage collector to
//! know the promise unreachable. The number of stack mappings the kernel
//! allows (`vm.max_map_count`) then caps the async functions pending at
//! once at about 30,000 under wasmfx (a program that leaves more pending
//! stops with "out of memory"; declared and checked in the corpus by
//! `async/stress-never-settling.js`), where cps and asyncify keep a few
//! bytes each.
//!
//! Stackful fibers (the fiber API of `switchyard_fibers::api`, JS's
//! `Fiber`) need nothing more: a fiber is one coroutine, so it runs on a
//! pooled worker continuation, and `fiber_yield` / `Fiber.yield` at any
//! call depth is a `suspend $yield` that leaves all the frames above the
//! worker's entry on the worker's own stack (a continuation stack has the
//! size of the Wasm stack, so a fiber may be as deep as the main program).
//! No continuation is ever created per fiber: a finished fiber's worker
//! goes back to the pool, so a million fibers created, run and freed one
//! after the other use one worker. A fiber freed *while suspended*
//! (`fiber_free`) abandons its worker, as any coroutine freed while
//! suspended does (see `switchyard_fibers::wasmfx`); a JS `Fiber` is never
//! freed while suspended (there is no collector), so it keeps its worker,
//! which caps the fibers suspended at once, like pending async functions,
//! at about 30,000.
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
