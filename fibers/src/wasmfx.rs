//! The wasmfx strategy's coroutine runtime.
//!
//! Almost all of it lives in the Wasm backend
//! (`switchyard_wasm::stack_switching`), because it needs what the IR cannot
//! express: continuation types, tables of `(ref null $ct)`, tags, and the
//! `cont.new` / `resume` / `suspend` instructions. The IR's coroutine
//! instructions are kept as they are by the strategy and emitted there:
//!
//! * a **pool of worker continuations**: a worker is `cont.new` of one fixed
//!   function that loops "receive (entry slot, argument) → `call_indirect`
//!   the entry → `suspend $finish` with its result". Wasmtime never frees a
//!   continuation's stack before the Store is dropped, so continuations are
//!   reused: `coro.new` borrows a parked worker (creating one only when the
//!   pool is empty), and a worker whose entry returned goes back to the pool;
//! * one continuation type for every state (fresh worker, parked worker,
//!   suspended coroutine): the `$yield` and `$finish` tags return the
//!   worker's parameters `(i32 entry slot, i64 argument)`;
//! * coroutine handles index a table of continuations and are recycled
//!   through a free list, so the table stays as large as the peak number of
//!   live coroutines; per-handle state lives in a private memory;
//! * `coro.resume` on a running, finished or freed coroutine, and
//!   `coro.free` on a running or freed one, call the host's
//!   `switchyard.fatal` with [`FATAL_CORO_RESUME`] / [`FATAL_CORO_FREE`];
//! * freeing a coroutine that is suspended mid-body abandons its worker:
//!   its stack stays mapped until the Store is dropped (the exported global
//!   `wasmfx_abandoned` counts them). Unwinding it with an exception so the
//!   worker could be reused is not possible on Wasmtime 48: any GC while a
//!   continuation is suspended panics in Wasmtime, and exceptions are GC
//!   objects (see the backend module's documentation);
//! * no GC-heap allocation at all, for the same reason.
//!
//! Stackful fibers ([`crate::api`]) are coroutines like any other here: a
//! fiber runs on a pooled worker, its frames at any depth stay on the
//! worker's stack while it is suspended, and the worker returns to the
//! pool when the fiber finishes (never one continuation per fiber).
//!
//! The one IR-level step is making sure the module imports
//! `switchyard.fatal`, which the generated code calls ([`ensure_fatal_import`]).

use switchyard_ir::{FuncId, FuncKind, Module, Signature, Type};

/// Import module and name of the host's `fatal(code)`.
pub const FATAL_MODULE: &str = "switchyard";
pub const FATAL_NAME: &str = "fatal";

/// `fatal` code for resuming a coroutine that is running, finished or
/// freed (the same value as `switchyard_wasm::stack_switching::FATAL_CORO_RESUME`
/// and the JS runtime's `layout::FATAL_CORO_RESUME`).
pub const FATAL_CORO_RESUME: i32 = 4;
/// `fatal` code for freeing a coroutine that is running or already freed.
pub const FATAL_CORO_FREE: i32 = 5;

/// Export names the backend's runtime adds (its counters); a module lowered
/// for wasmfx must not use them.
pub const RESERVED_EXPORTS: [&str; 3] = ["wasmfx_workers", "wasmfx_abandoned", "wasmfx_handles"];

/// The signature of `fatal`: `(i32) -> ()`.
pub fn fatal_signature() -> Signature {
    Signature::new([Type::I32], [])
}

/// Returns the module's `switchyard.fatal` import, adding it if missing.
/// Fails (with a message) if a function of that name exists with another
/// signature or is not that import.
pub fn ensure_fatal_import(module: &mut Module) -> Result<FuncId, String> {
    let full_name = format!("{FATAL_MODULE}.{FATAL_NAME}");
    for (i, f) in module.funcs.iter().enumerate() {
        let is_fatal_import = matches!(
            &f.kind,
            FuncKind::Import { module: m, name } if m == FATAL_MODULE && name == FATAL_NAME
        );
        if is_fatal_import {
            if f.sig != fatal_signature() {
                return Err(format!(
                    "imports `{full_name}` with type {}, but the coroutine runtime calls it as {}",
                    f.sig,
                    fatal_signature()
                ));
            }
            return Ok(FuncId(i as u32));
        }
        if f.name == full_name {
            return Err(format!(
                "the name `{full_name}` is reserved for the host's fatal-error import"
            ));
        }
    }
    Ok(module.import_func(FATAL_MODULE, FATAL_NAME, fatal_signature()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_the_import_once() {
        let mut m = Module::new();
        let a = ensure_fatal_import(&mut m).unwrap();
        let b = ensure_fatal_import(&mut m).unwrap();
        assert_eq!(a, b);
        assert_eq!(m.funcs.len(), 1);
        assert_eq!(m.funcs[0].name, "switchyard.fatal");
    }

    #[test]
    fn rejects_a_mistyped_import() {
        let mut m = Module::new();
        m.import_func("switchyard", "fatal", Signature::new([], []));
        let e = ensure_fatal_import(&mut m).unwrap_err();
        assert!(e.contains("switchyard.fatal"), "{e}");
    }
}
