//! # The asyncify strategy
//!
//! Suspendable code stays in direct style; Binaryen's Asyncify pass later
//! rewrites exactly the functions that may be on the stack when a coroutine
//! suspends, so that they can *unwind* (save their locals and the index of
//! the call they are in to a buffer in linear memory, then return at once)
//! and *rewind* (be called again, restore their locals and skip forward to
//! that call). A coroutine's stack is thus not kept anywhere while it is
//! suspended: it is torn down into a buffer and rebuilt on resume.
//!
//! This transform does three things:
//!
//! 1. **Installs the runtime** of `switchyard_fibers::asyncify` (records,
//!    buffers, `resume`/`suspend`, see its header) and replaces each
//!    coroutine instruction with calls into it:
//!
//!    | instruction                         | becomes                                             |
//!    |-------------------------------------|-----------------------------------------------------|
//!    | `dst = coro.new entry`              | `dst = call __sy_coro_new(entry)`                   |
//!    | `status, value = coro.resume c, a`  | `value = call __sy_coro_resume(c, a)`; `status = global.get __sy_coro_status` |
//!    | `dst = coro.suspend v`              | `dst = call __sy_coro_suspend(v)`                   |
//!    | `coro.free c`                       | `call __sy_coro_free(c)`                            |
//!
//!    Entries keep their `(i64) -> i64` type and are started with
//!    `call_indirect` through their table slot.
//! 2. **Chooses what to instrument:** the functions that may suspend
//!    ([`crate::analysis::may_suspend`]: those that execute `coro.suspend`,
//!    and transitively their callers, indirect calls resolved
//!    conservatively by signature), plus the runtime's `suspend` itself,
//!    which Binaryen never rewrites (it calls `asyncify.start_unwind`) but
//!    which must be on the only-list so that its callers check for
//!    unwinding after calling it. Everything else runs uninstrumented, at
//!    full speed: notably `coro.resume` does not make its caller
//!    suspendable (an inner coroutine's unwind ends inside the runtime's
//!    `resume`), so a function that merely drives generators is untouched.
//!    The rest of the runtime (`new`, `resume`, `free` and helpers) goes
//!    into `never_instrument`: the scheduler that starts rewinds and stops
//!    unwinds must never be instrumented itself, or an unwind would not stop
//!    there.
//! 3. **Hands the lists to the backend** as [`PostPass::Asyncify`]; after
//!    encoding, `switchyard_asyncify` runs Binaryen's Asyncify with them
//!    (before any optimisation, which would inline away the listed names)
//!    and then optimises. The lists are function *names*: the pipeline
//!    always emits a name section for this strategy and drops it afterwards
//!    if names were not asked for.
//!
//! **Stackful fibers.** A fiber (the fiber API of `switchyard_fibers::api`,
//! JS's `Fiber`) suspends in `fiber_yield` / `Fiber.yield`, an ordinary
//! function called at any depth: the may-suspend set then holds its callers
//! and, through indirect calls resolved by signature, for a JS program that
//! uses `Fiber` essentially every JS function and the runtime functions
//! that call back into JS, all of which are instrumented (the front end
//! installs the fiber runtime only in such programs, so others stay
//! uninstrumented). Each fiber is one coroutine of the runtime, and its
//! buffer is the runtime's per-coroutine storage block: a suspension
//! unwinds every frame between the fiber's entry and `fiber_yield` into the
//! shared scratch area (at most `SCRATCH_BYTES`, 1 MiB: measured, a JS
//! fiber suspended 10,000 calls deep of a two-argument recursive function
//! works, 20,000 stops with "stack overflow"), and the frames move into the
//! fiber's own storage block, sized by the rule in the runtime's header
//! (the smallest power of two from 64 B that holds them, exchanged for a
//! bigger one when the fiber suspends deeper), only when another coroutine
//! suspends in the meantime. A finished fiber's block goes back to its pool
//! at once. Nested fibers need nothing special: an inner fiber's unwind
//! stops in the runtime's `resume`, which is not instrumented.
//!
//! **Why this shape.** Asyncify only instruments what it is told to, and its
//! cost is paid per instrumented call site (a state check after each call
//! that may unwind) and per suspension (each frame between the coroutine's
//! entry and the suspension point is unwound and rewound). Instrumenting
//! exactly the may-suspend set keeps code that cannot suspend identical to
//! the other strategies' output. Coroutines are stackful: a function 50
//! calls deep may suspend the coroutine, and every frame in between is
//! saved, each at the cost of its live locals.
//!
//! **Memory.** The runtime needs memory for records and buffers that nothing
//! else touches. If the module defines [`ALLOCATOR`] (`rt_alloc: (i32) ->
//! i32`, the JS runtime's allocator: fresh 8-aligned memory), the runtime
//! takes its memory from it; otherwise it claims pages with `memory.grow`
//! itself, which is right for modules that do not manage the memory above
//! their own data. If the module imports `switchyard.fatal: (i32) -> ()`,
//! a too-deep suspension reports "stack overflow" through it before
//! trapping.
//!
//! **Async functions, and awaits that are never resumed.** An async
//! function's body is a coroutine entry (switchyard-js `lower/async_fn.rs`)
//! and `await` is a `coro.suspend`: the body unwinds through the shared
//! unwind area into its coroutine's own storage block (pooled by power-of-two
//! size, as large as the frames actually saved — one or two frames for an
//! async function, since nothing above the body is instrumented), and the
//! driver registers the coroutine as the reaction of the awaited promise;
//! the reaction job rewinds it. A suspended async function therefore keeps
//! no stack, only that block, which returns to its pool when the body
//! finishes. If the awaited promise never settles, only that promise's
//! reaction list references the coroutine and, without a garbage
//! collector, its block stays until the program ends: a few hundred bytes
//! per pending function at most (50,000 pending async functions: 68 MB peak
//! RSS for the whole process).
//!
//! **Limits.** Binaryen 116's Asyncify aborts the process on tail calls
//! anywhere in the module, so a module with `return_call` is refused here
//! (the backend re-checks the binary, naming the function, before calling
//! Binaryen). The IR has no reference types or Wasm exceptions, the other
//! two things Asyncify cannot instrument. One suspension may save at most
//! `switchyard_fibers::asyncify::SCRATCH_BYTES` (1 MiB) of frames.

use crate::analysis::{may_suspend, CallGraph};
use crate::{Lowered, PostPass, Strategy, StrategyError};
use switchyard_fibers::asyncify::{install, Config, Runtime};
use switchyard_ir::{FuncId, FuncKind, Inst, Module, Signature, Terminator, Type};

/// The name of the allocator the runtime uses when the module defines it:
/// `(size: i32) -> i32`, fresh 8-aligned memory nothing else uses, and it
/// must not suspend (the same convention as the cps strategy's).
pub const ALLOCATOR: &str = "rt_alloc";

fn error(function: Option<String>, message: impl Into<String>) -> StrategyError {
    StrategyError {
        strategy: Strategy::Asyncify,
        function,
        message: message.into(),
    }
}

/// Lowers the coroutine instructions of `module` for the asyncify strategy.
pub fn lower(mut module: Module) -> Result<Lowered, StrategyError> {
    for (_, f, body) in module.defined_funcs() {
        let tail = body.blocks.iter().any(|b| {
            matches!(
                b.term,
                Some(Terminator::TailCall { .. } | Terminator::TailCallIndirect { .. })
            )
        });
        if tail {
            return Err(error(
                Some(f.name.clone()),
                "tail calls (`return_call`) are not supported: Binaryen's Asyncify cannot \
                 process a module that contains them",
            ));
        }
    }

    let graph = CallGraph::build(&module);
    let suspends = may_suspend(&module, &graph);

    let cfg = Config {
        alloc: find_allocator(&module).filter(|f| !suspends[f.index()]),
        fatal: find_fatal(&module),
    };
    let rt = install(&mut module, &cfg).map_err(|m| error(None, m))?;
    rewrite(&mut module, &rt);

    let mut instrument: Vec<String> = module
        .funcs
        .iter()
        .enumerate()
        .filter(|(i, f)| suspends.get(*i).copied().unwrap_or(false) && !f.is_import())
        .map(|(_, f)| f.name.clone())
        .collect();
    instrument.push(module.funcs[rt.suspend.index()].name.clone());
    let never_instrument = rt
        .never_instrument
        .iter()
        .map(|f| module.funcs[f.index()].name.clone())
        .collect();
    Ok(Lowered {
        module,
        stack_switching: false,
        post_pass: PostPass::Asyncify {
            instrument,
            never_instrument,
        },
    })
}

/// [`ALLOCATOR`], if the module defines it with the right type.
fn find_allocator(m: &Module) -> Option<FuncId> {
    let id = m.func_by_name(ALLOCATOR)?;
    let f = m.func(id)?;
    let ok = !f.is_import() && f.sig == Signature::new([Type::I32], [Type::I32]);
    ok.then_some(id)
}

/// The import `switchyard.fatal: (i32) -> ()`, if present.
fn find_fatal(m: &Module) -> Option<FuncId> {
    m.funcs
        .iter()
        .position(|f| {
            matches!(&f.kind, FuncKind::Import { module, name } if module == "switchyard" && name == "fatal")
                && f.sig == Signature::new([Type::I32], [])
        })
        .map(|i| FuncId(i as u32))
}

/// Replaces every coroutine instruction with calls into the runtime.
fn rewrite(m: &mut Module, rt: &Runtime) {
    for f in &mut m.funcs {
        let Some(body) = f.body_mut() else { continue };
        for block in &mut body.blocks {
            if !block.insts.iter().any(Inst::is_coroutine_op) {
                continue;
            }
            let old = std::mem::take(&mut block.insts);
            let mut insts = Vec::with_capacity(old.len() + 4);
            for inst in old {
                match inst {
                    Inst::CoroNew { dst, entry } => insts.push(Inst::Call {
                        dsts: vec![dst],
                        func: rt.new,
                        args: vec![entry],
                    }),
                    Inst::CoroResume {
                        status,
                        value,
                        coro,
                        arg,
                    } => {
                        insts.push(Inst::Call {
                            dsts: vec![value],
                            func: rt.resume,
                            args: vec![coro, arg],
                        });
                        insts.push(Inst::GlobalGet {
                            dst: status,
                            global: rt.status,
                        });
                    }
                    Inst::CoroSuspend { dst, value } => insts.push(Inst::Call {
                        dsts: vec![dst],
                        func: rt.suspend,
                        args: vec![value],
                    }),
                    Inst::CoroFree { coro } => insts.push(Inst::Call {
                        dsts: vec![],
                        func: rt.free,
                        args: vec![coro],
                    }),
                    other => insts.push(other),
                }
            }
            block.insts = insts;
        }
    }
}
