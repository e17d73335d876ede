//! # The cps strategy: "tailify" with an explicit stack
//!
//! After Andy Wingo's tailification for Guile Hoot ("WebAssembly for the
//! rest of us", 2023): make the stack explicit by a minimal CPS conversion,
//! so that a coroutine can be set aside and resumed with nothing but Wasm
//! 1.0 plus tail calls (`return_call`, `return_call_indirect`), which
//! Wasmtime and V8 (Node 20) both run. No stack switching, no Binaryen.
//!
//! ## What the transform does
//!
//! Only functions that may suspend are touched: those containing
//! `coro.suspend` and, transitively, their callers (direct calls, and
//! indirect calls whose signature is that of a suspendable table function;
//! see [`mod@crate::analysis::may_suspend`]). Every other function is emitted
//! exactly as it was, except that `coro.new`/`coro.resume`/`coro.free`
//! become runtime code ([`switchyard_fibers::cps`]): calls for `new` and
//! `free`, an inlined straight-line sequence for `resume`.
//!
//! Each suspendable function is split into **pieces**, separate Wasm
//! functions that only ever tail-call one another:
//!
//! 1. [`split`]: every *split point* ends its block: a `coro.suspend`, or
//!    a non-tail call to a suspendable function (stackful suspension: a
//!    callee may suspend at any depth, so its caller must be able to leave
//!    the Wasm stack too).
//! 2. [`crate::analysis::liveness`]: which locals are live where.
//! 3. [`pieces`]: pieces start at the function entry, at each continuation
//!    after a split point, and at every block reachable from more than one
//!    piece (if-else joins after a suspension, headers of loops that
//!    contain a split point). A block belongs to exactly one piece, so no
//!    code is duplicated; loops without split points stay native loops.
//! 4. [`mod@lower`]: each piece becomes a function. Control flowing into a
//!    join piece is `return_call join(live locals)`: values live across a
//!    piece boundary travel as **tail-call arguments**, in registers. At a
//!    split point the live values travel through the **frame**: the piece
//!    pushes a frame ([`frames`]: the live locals, then the table slot of
//!    the continuation piece) on the coroutine's explicit stack in linear
//!    memory, then
//!    * for `coro.suspend`: records the stack pointer, marks the
//!      coroutine suspended, and *returns* the suspended value: since every
//!      piece was entered by a tail call, the return goes straight back to
//!      the `call_indirect` of the resume (inlined at each `coro.resume`).
//!      Resuming is reading the slot on top of the stack and calling it
//!      with the argument; the continuation pops its frame and goes on.
//!    * for a call to suspendable `g`: `return_call g$cps(args)`. When `g`
//!      returns, it reads the continuation slot on top of the stack and
//!      `return_call_indirect`s it with its results. A tail call to `g`
//!      simply leaves the caller's continuation where it is.
//!
//!    A coroutine entry returns natively (its value goes back to the
//!    resumer, which sees the coroutine still marked running and marks
//!    it returned), so an entry that never suspends is not transformed.
//! 5. [`adapters`]: exported suspendable functions keep their signature
//!    through a native adapter; indirect calls that may suspend go through
//!    a mirror half of the table holding cps versions of the functions.
//!
//! ## Async functions, and awaits that are never resumed
//!
//! An async function's body is a coroutine entry like a generator's
//! (switchyard-js `lower/async_fn.rs`), and `await` is a `coro.suspend`:
//! the piece before the await pushes one frame (the body's live values and
//! the continuation's table slot) on the coroutine's explicit stack and
//! returns to the driver, which registers the coroutine as the reaction of
//! the awaited promise (the prelude's `promise.js`); the reaction job
//! resumes it by calling that continuation piece. So a suspended async
//! function holds no native stack at all — only its frame and its
//! coroutine's stack block from the free-list allocator
//! ([`switchyard_fibers::cps`]), which go back to the free lists when the
//! body finishes. If the awaited promise never settles, the coroutine is
//! referenced only by that promise's reaction list; without a garbage
//! collector switchyard cannot prove the promise unreachable, so the block
//! stays until the program ends — tens of bytes per pending function,
//! never a stack (50,000 async functions pending on a promise that never
//! settles run in 71 MB of peak RSS, the whole process included).
//!
//! ## Invariants
//!
//! * While a coroutine runs, the Wasm stack between the resume's
//!   `call_indirect` and the running code is exactly one piece (plus
//!   whatever direct-style code that piece calls natively, which cannot
//!   suspend).
//! * All pieces return `i64` (the value handed to the resumer); a piece's
//!   parameters are its entry's parameters, the resume argument, a callee's
//!   results, or the join's live locals.
//! * The top of a suspended coroutine's stack is a continuation of type
//!   `(i64) -> i64`; the top of a running stack, when a split function
//!   returns, is its caller's continuation of type `(results) -> i64`.
//! * Frames hold values, never addresses of other frames, so a full stack
//!   can be moved to a larger block.
//! * Existing functions keep their ids and signatures; new functions,
//!   globals and table slots are appended.
//!
//! ## Stackful fibers
//!
//! A fiber (the fiber API of [`switchyard_fibers::api`], JS's `Fiber`) is a
//! coroutine whose suspension point, `fiber_yield` / `Fiber.yield`, is an
//! ordinary function called at any depth, so every function that may call
//! it is split: its callers, and every indirect call whose signature a
//! suspendable table function has (for JS: every call through a function
//! value, so in a program that uses `Fiber` every JS function is split; the
//! front end installs the fiber runtime only in such programs). A suspended
//! fiber's frames are all on its explicit stack: one frame per suspended
//! call, holding exactly the values live across that call, below the
//! `fiber_yield` frame; resuming pops them one continuation at a time. The
//! stack grows by moving (frames hold no addresses), so depth is bounded
//! only by memory: a yield from 1,000 or 40,000 frames deep works, at a
//! few dozen bytes per frame. When the fiber finishes, `coro.free` puts its
//! record and stack block back on the free lists. **Indirect calls are
//! handled conservatively**: a `call_indirect` is split (and goes through
//! the mirror table) whenever *some* suspendable table function has its
//! signature, even if the callee at run time never suspends; the mirror
//! entry of a direct-style function is a small cps wrapper.
//!
//! ## Costs
//!
//! * Code that cannot suspend: none (byte-for-byte the same Wasm).
//! * A suspend/resume pair: pushing and popping the live values, a handful
//!   of global and record accesses, one `call_indirect`, one return. A loop
//!   around a `yield` costs one more direct tail call per iteration (the
//!   loop header is a join piece). Measured under Wasmtime (see
//!   `tests/cps.rs`): about 5 ns per pair for a one-frame generator, where
//!   a plain `call_indirect` round trip costs about 2 ns; more when the
//!   resume's indirect call alternates between many yield points.
//! * A call to a suspendable function: a frame push and pop and two tail
//!   calls (one indirect) instead of a call.
//! * Coroutine creation: one 128-byte block from a free list (record and
//!   a 96-byte initial stack); stacks grow by moving to blocks twice as large.
//! * Code size: per split point a frame push (about 20 instructions plus a
//!   store per live value) and the suspension or call; per piece a function
//!   header and a frame pop (a load per value). For a whole JS program this
//!   is about 1% (the runtime library dominates); for yield-dense random
//!   generators the split functions are about 5 times their direct-style
//!   size. The runtime itself is about 650 bytes.
//! * Constants held in locals are rematerialised in each piece rather than
//!   saved or passed.
//!
//! ## Limits
//!
//! * A join piece takes every live local as a parameter; a function with
//!   hundreds of values live at a loop header would make wide signatures.
//! * Suspending through an exported suspendable function called by the
//!   host, or outside any coroutine, traps (as the IR specifies).
//! * Indirect calls are handled conservatively: every indirect call whose
//!   signature some suspendable table function has is a split point (and
//!   goes through the mirror table, landing on a cps wrapper if the callee
//!   turns out to be direct-style). JS generators suspend only in their
//!   entry bodies, so there no indirect call is split.
//! * Unbounded recursion among suspendable functions grows the explicit
//!   stack until memory runs out instead of overflowing the Wasm stack.
//! * An out-of-range table index of an indirect call that may suspend is
//!   shifted into the mirror half before the bounds check; the call still
//!   traps unless the shifted index lands on a function of the right type.
//! * Memory comes from the module's allocator `rt_alloc` if it has one
//!   ([`plan::MODULE_ALLOCATOR`]), else from `memory.grow`.

pub mod adapters;
pub mod frames;
pub mod lower;
pub mod pieces;
pub mod plan;
pub mod split;

use crate::{Lowered, PostPass, StrategyError};
use std::collections::HashMap;
use switchyard_ir::{FuncId, Module};

/// Lowers the coroutine instructions of `module` for the cps strategy.
pub fn lower(mut module: Module) -> Result<Lowered, StrategyError> {
    let plan = plan::Plan::new(&module);
    let n_funcs = module.funcs.len();
    let split_funcs: Vec<FuncId> = (0..n_funcs as u32)
        .map(FuncId)
        .filter(|&f| plan.suspends(f) && module.funcs[f.index()].body().is_some())
        .collect();
    let external: Vec<bool> = split_funcs
        .iter()
        .map(|&f| plan::externally_callable(&module, f))
        .collect();
    let source = plan.memory_source(&module);
    let rt = switchyard_fibers::cps::install(&mut module, source);

    let mut splits = Vec::with_capacity(split_funcs.len());
    let mut first_piece = HashMap::new();
    for &f in &split_funcs {
        let s = lower::declare(&mut module, &plan, f);
        first_piece.insert(f, s.piece_funcs[0]);
        splits.push(s);
    }
    // The mirror must take slots N..2N before any piece gets a slot.
    adapters::build_mirror(&mut module, &plan, &rt, &first_piece);
    let cx = lower::Context {
        plan: &plan,
        rt: &rt,
        first_piece: &first_piece,
    };
    for s in &splits {
        lower::emit(&mut module, &cx, s);
    }
    let mut nret = adapters::NativeReturns::default();
    for (s, &ext) in splits.iter().zip(&external) {
        if s.coroutine_entry {
            continue;
        }
        if ext {
            adapters::native_adapter(&mut module, &rt, &mut nret, s.func, s.piece_funcs[0]);
        } else {
            adapters::unreachable_body(&mut module, s.func);
        }
    }
    for f in 0..n_funcs as u32 {
        if !plan.suspends(FuncId(f)) {
            lower::lower_coroutine_calls(&mut module, FuncId(f), &rt);
        }
    }
    Ok(Lowered {
        module,
        stack_switching: false,
        post_pass: PostPass::None,
    })
}
