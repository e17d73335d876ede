//! Fibers: the runtime half of the non-standard `Fiber` built-in (issue #5;
//! the JS half is the prelude's `fiber.js`).
//!
//! ```js
//! const f = new Fiber(fn);   // nothing runs yet
//! f.resume(v)                // { value, done }: the first resume calls fn(v)
//! Fiber.yield(v)             // from any call depth inside fn: suspends the fiber
//! ```
//!
//! A fiber is *stackful*: `Fiber.yield` may be called by any function that
//! `fn` calls, however deep, so every JS frame between `fn` and the yield
//! is suspended with it. The runtime gets this from the coroutine
//! instructions: a fiber is one coroutine whose entry ([`FiberFuncs::entry`])
//! calls `fn`, and `Fiber.yield` is a `coro.suspend` in an ordinary runtime
//! function ([`FiberFuncs::yield_`]), so the strategies' may-suspend
//! analysis makes every JS function suspendable (each may call, through the
//! table, a function that yields). That is why this code is only installed
//! when the program can reach `Fiber` ([`super::Features::fibers`]):
//! programs without fibers keep their direct-style code.
//!
//! **Fiber objects** (`layout::CLASS_FIBER`, [`FIBER_SIZE`] = 40 bytes): the
//! object prefix, the state (`FIBER_NEW` → `FIBER_RUNNING` ⇄
//! `FIBER_SUSPENDED` → `FIBER_DONE`), the fiber's shadow-stack segment and
//! the function. There is no garbage collector, so the object itself stays
//! for ever; everything else is given back the moment the fiber finishes.
//!
//! **Shadow-stack segments.** JS call arguments live on the shadow stack
//! (`layout` calling convention), and a suspended fiber's callers still
//! have theirs there, so each started fiber has a shadow stack of its own:
//! a chain of segments of [`FIBER_SEGMENT_SIZE`] (8 KiB) bytes. `resume`
//! installs it for the time the fiber runs (the globals `sp` and
//! `stack_limit`, plus [`FiberFuncs::segment`] and
//! [`FiberFuncs::stack_top`]) and puts the resumer's back when it yields or
//! finishes; the first segment's header keeps the coroutine handle, and
//! while the fiber is suspended its stack pointer and innermost segment.
//! When `push_args` runs out of room in a fiber it calls
//! [`FiberFuncs::stack_grow`], which continues the stack in a chained
//! segment (remembering where it left the previous one); the `pop_args`
//! that empties a chained segment calls [`FiberFuncs::stack_shrink`] to go
//! back (the global `stack_top` is the chained segment's end, 0 otherwise,
//! so the check in `pop_args` is one compare). Arguments are never moved:
//! suspended frames hold pointers to them. A chained segment stays cached
//! on its predecessor, so a call depth oscillating at a segment boundary
//! allocates nothing. One fiber may chain [`FIBER_MAX_SEGMENTS`] segments
//! (1 MiB, as much as the main shadow stack); beyond that, as on the main
//! stack, the program stops with "stack overflow". Segments are taken at
//! the first resume (from a free list, or `alloc`) and all go back to the
//! free list, with the coroutine freed (`coro.free`), when `fn` returns or
//! throws: creating, running and finishing any number of fibers needs only
//! as many segments and coroutines as are alive at once, and a suspended
//! fiber that never went deep holds just 8 KiB.
//!
//! **The current fiber** is the global [`FiberFuncs::current`]: the running
//! fiber's object, 0 outside fibers, or [`BLOCKED`] while a generator body
//! runs (set by `gen_resume` around its `coro.resume`). `Fiber.yield` must
//! suspend the fiber, but `coro.suspend` suspends the innermost coroutine,
//! which inside a generator body is the generator: so there it throws a
//! TypeError instead of misbehaving. Fibers and generators otherwise mix
//! freely: a generator driven inside a fiber, a fiber resumed inside a
//! generator body, fibers resuming fibers (a yield returns to the innermost
//! resumer).
//!
//! **Errors** (TypeErrors, catchable): `resume` on a finished fiber, on a
//! running one (a fiber resuming itself or its resumer), on a non-fiber;
//! `Fiber.yield` outside a fiber or inside a generator body. An exception
//! thrown inside the fiber and not caught there finishes the fiber and
//! propagates out of `resume` to the resumer.

use super::context::*;
use crate::layout::*;
use crate::statics::StaticData;
use switchyard_ir::BinOp::*;
use switchyard_ir::{FuncId, GlobalId, Module, Signature, Type, CORO_SUSPENDED};

/// The value of [`FiberFuncs::current`] while a generator body runs: no
/// fiber may be suspended from there.
pub const BLOCKED: i32 = 1;

/// The fiber runtime's functions and globals (present when
/// [`super::Features::fibers`] is on).
#[derive(Clone, Debug)]
pub struct FiberFuncs {
    /// `fiber_new(f: V, proto: V) -> V`: a new fiber object running the
    /// function `f` (the caller checked it is one), with prototype `proto`
    /// (`Fiber.prototype`; Object.prototype if not an object).
    pub new: FuncId,
    /// `fiber_resume(fiber: V, v: V) -> V` **throws**: `fiber.resume(v)`,
    /// the `{ value, done }` object.
    pub resume: FuncId,
    /// `fiber_yield(v: V) -> V` **throws**: `Fiber.yield(v)`; returns the
    /// value of the next `resume`.
    pub yield_: FuncId,
    /// The coroutine entry `(arg: i64) -> i64` of every fiber: calls the
    /// current fiber's function with `arg`.
    pub entry: FuncId,
    /// i32: the running fiber object, 0 outside fibers, [`BLOCKED`] in a
    /// generator body.
    pub current: GlobalId,
    /// i32: the first free shadow-stack segment (0 = none).
    pub free_segments: GlobalId,
    /// i32: the shadow-stack segment in use (0 on the main shadow stack).
    pub segment: GlobalId,
    /// i32: the end of the segment in use if it is a chained one, else 0:
    /// `pop_args` reaching it calls [`Self::stack_shrink`].
    pub stack_top: GlobalId,
    /// `stack_grow(argc: I) -> P`: `push_args` past `stack_limit`: continue
    /// in a chained segment (fatal stack overflow on the main stack or past
    /// [`FIBER_MAX_SEGMENTS`]); returns the new `sp`.
    pub stack_grow: FuncId,
    /// `stack_shrink()`: `pop_args` emptied a chained segment: back to the
    /// previous one.
    pub stack_shrink: FuncId,
    /// `segment() -> P`: a fresh first segment (free list or `alloc`).
    pub new_segment: FuncId,
}

/// Declares the fiber runtime (`rt_fiber_*`).
pub(super) fn declare(m: &mut Module) -> FiberFuncs {
    use Type::{I32, I64};
    let mut f = |name: &str, params: &[Type], results: &[Type]| {
        m.declare_func(
            format!("rt_fiber_{name}"),
            Signature::new(params.to_vec(), results.to_vec()),
        )
    };
    let new = f("new", &[I64, I64], &[I64]);
    let resume = f("resume", &[I64, I64], &[I64]);
    let yield_ = f("yield", &[I64], &[I64]);
    let entry = f("entry", &[I64], &[I64]);
    let stack_grow = f("stack_grow", &[I32], &[I32]);
    let stack_shrink = f("stack_shrink", &[], &[]);
    let new_segment = f("new_segment", &[], &[I32]);
    m.mark_coroutine_entry(entry);
    m.table_slot(entry);
    let mut g = |name: &str| m.add_global(name, I32, true, switchyard_ir::Const::I32(0));
    FiberFuncs {
        new,
        resume,
        yield_,
        entry,
        current: g("fiber_current"),
        free_segments: g("fiber_free_segments"),
        segment: g("fiber_segment"),
        stack_top: g("fiber_stack_top"),
        stack_grow,
        stack_shrink,
        new_segment,
    }
}

/// Messages of the TypeErrors, interned.
struct Msgs {
    finished: u32,
    running: u32,
    not_fiber: u32,
    outside: u32,
    in_generator: u32,
}

/// Builds the fiber runtime (after [`declare`]).
pub(super) fn build(m: &mut Module, cx: &Cx, statics: &mut StaticData) {
    let Some(fb) = cx.rt.fibers.clone() else {
        return;
    };
    let k = Msgs {
        finished: statics.string("Cannot resume a finished fiber"),
        running: statics.string("Fiber is already running"),
        not_fiber: statics.string("Fiber.prototype.resume called on an object that is not a Fiber"),
        outside: statics.string("Fiber.yield called outside a fiber"),
        in_generator: statics.string(
            "Fiber.yield cannot suspend a fiber from inside a generator or async function body",
        ),
    };
    fiber_new(m, cx, &fb);
    new_segment(m, cx, &fb);
    stack_grow(m, cx, &fb);
    stack_shrink(m, cx, &fb);
    fiber_entry(m, cx, &fb);
    fiber_resume(m, cx, &fb, &k);
    fiber_yield(m, cx, &fb, &k);
}

fn throw_type(b: &mut switchyard_ir::FunctionBuilder, cx: &Cx, msg: u32) {
    let kind = b.ic(ERR_TYPE);
    let m = b.uc(msg);
    b.call(cx.rt.throw_error, &[kind, m]);
    b.ret_val(UNDEFINED);
}

/// `fiber_new(f, proto) -> V`
fn fiber_new(m: &mut Module, cx: &Cx, fb: &FiberFuncs) {
    define(m, fb.new, |b| {
        let (f, proto) = (b.param(0), b.param(1));
        let size = b.ic(FIBER_SIZE as i32);
        let p = b.c1(cx.rt.alloc, &[size]);
        b.sti(p, HEADER, KIND_OBJECT as i32);
        let is_obj = b.is_objlike(proto);
        let pp = b.payload(proto);
        let dflt = b.global_get(cx.rt.proto_object);
        let pr = b.select(is_obj, pp, dflt);
        b.st(p, OBJ_PROTO, pr);
        b.sti(p, OBJ_CLASS, CLASS_FIBER as i32);
        b.sti(p, FIBER_STATE, FIBER_NEW as i32);
        b.sti(p, FIBER_STACK, 0);
        b.st64(p, FIBER_FN, f);
        let v = b.boxed(TAG_OBJECT, p);
        b.ret1(v);
    });
}

/// The coroutine entry: `fn(arg)` of the current fiber, on its segment.
fn fiber_entry(m: &mut Module, cx: &Cx, fb: &FiberFuncs) {
    define(m, fb.entry, |b| {
        let arg = b.param(0);
        let p = b.global_get(fb.current);
        let f = b.ld64(p, FIBER_FN);
        let one = b.ic(1);
        let argv = b.c1(cx.rt.push_args, &[one]);
        b.st64(argv, 0, arg);
        let this = b.lc(UNDEFINED);
        let r = b.c1(cx.rt.call, &[f, this, argv, one]);
        b.call(cx.rt.pop_args, &[one]);
        // With an exception pending the resumer sees it.
        b.ret1(r);
    });
}

/// `new_segment() -> P`
fn new_segment(m: &mut Module, cx: &Cx, fb: &FiberFuncs) {
    define(m, fb.new_segment, |b| {
        let seg = b.global_get(fb.free_segments);
        b.if_else(
            seg,
            |b| {
                let next = b.ld(seg, FIBER_SEG_NEXT);
                b.global_set(fb.free_segments, next);
            },
            |b| {
                let size = b.ic(FIBER_SEGMENT_SIZE as i32);
                b.call_into(&[seg], cx.rt.alloc, &[size]);
            },
        );
        b.sti(seg, FIBER_SEG_PREV, 0);
        b.sti(seg, FIBER_SEG_CHILD, 0);
        b.sti(seg, FIBER_SEG_DEPTH, 0);
        b.ret1(seg);
    });
}

/// `stack_grow(argc) -> sp`
fn stack_grow(m: &mut Module, cx: &Cx, fb: &FiberFuncs) {
    define(m, fb.stack_grow, |b| {
        let argc = b.param(0);
        let seg = b.global_get(fb.segment);
        let main = b.not(seg);
        b.if_then(main, |b| b.fatal(cx, FATAL_STACK_OVERFLOW));
        let depth = b.ld(seg, FIBER_SEG_DEPTH);
        let next_depth = b.opi(I32Add, depth, 1);
        let too_deep = b.opi(I32GeU, next_depth, FIBER_MAX_SEGMENTS as i32);
        let room = (FIBER_SEGMENT_SIZE - FIBER_SEG_HEADER) as i32 >> 3;
        let too_many = b.opi(I32GtU, argc, room);
        let bad = b.bin(I32Or, too_deep, too_many);
        b.if_then(bad, |b| b.fatal(cx, FATAL_STACK_OVERFLOW));
        let child = b.ld(seg, FIBER_SEG_CHILD);
        let none = b.not(child);
        b.if_then(none, |b| {
            b.call_into(&[child], fb.new_segment, &[]);
            b.st(seg, FIBER_SEG_CHILD, child);
        });
        let sp = b.global_get(cx.rt.sp);
        b.st(child, FIBER_SEG_PREV, seg);
        b.st(child, FIBER_SEG_PREV_SP, sp);
        b.st(child, FIBER_SEG_DEPTH, next_depth);
        b.global_set(fb.segment, child);
        let limit = b.opi(I32Add, child, FIBER_SEG_HEADER as i32);
        b.global_set(cx.rt.stack_limit, limit);
        let top = b.opi(I32Add, child, FIBER_SEGMENT_SIZE as i32);
        b.global_set(fb.stack_top, top);
        let bytes = b.opi(I32Shl, argc, 3);
        let new_sp = b.bin(I32Sub, top, bytes);
        b.global_set(cx.rt.sp, new_sp);
        b.ret1(new_sp);
    });
}

/// Emits "the `stack_top` of segment `seg`": its end if chained, else 0.
fn top_of(
    b: &mut switchyard_ir::FunctionBuilder,
    seg: switchyard_ir::Local,
) -> switchyard_ir::Local {
    let depth = b.ld(seg, FIBER_SEG_DEPTH);
    let end = b.opi(I32Add, seg, FIBER_SEGMENT_SIZE as i32);
    let zero = b.ic(0);
    b.select(depth, end, zero)
}

/// `stack_shrink()`
fn stack_shrink(m: &mut Module, cx: &Cx, fb: &FiberFuncs) {
    define(m, fb.stack_shrink, |b| {
        let seg = b.global_get(fb.segment);
        let prev = b.ld(seg, FIBER_SEG_PREV);
        let psp = b.ld(seg, FIBER_SEG_PREV_SP);
        b.global_set(cx.rt.sp, psp);
        b.global_set(fb.segment, prev);
        let limit = b.opi(I32Add, prev, FIBER_SEG_HEADER as i32);
        b.global_set(cx.rt.stack_limit, limit);
        let top = top_of(b, prev);
        b.global_set(fb.stack_top, top);
        b.ret(&[]);
    });
}

/// `fiber_resume(fiber, v) -> V`
fn fiber_resume(m: &mut Module, cx: &Cx, fb: &FiberFuncs, k: &Msgs) {
    define(m, fb.resume, |b| {
        let (fv, v) = (b.param(0), b.param(1));
        // A fiber object?
        let ok = b.is_class(fv, CLASS_FIBER);
        let bad = b.not(ok);
        b.if_then(bad, |b| throw_type(b, cx, k.not_fiber));
        let p = b.payload(fv);
        let state = b.ld(p, FIBER_STATE);
        let done = b.opi(I32Eq, state, FIBER_DONE as i32);
        b.if_then(done, |b| throw_type(b, cx, k.finished));
        let running = b.opi(I32Eq, state, FIBER_RUNNING as i32);
        b.if_then(running, |b| throw_type(b, cx, k.running));
        let first = b.local(Type::I32);
        let fsp = b.local(Type::I32);
        let fseg = b.local(Type::I32);
        let coro = b.local(Type::I32);
        let fresh = b.opi(I32Eq, state, FIBER_NEW as i32);
        b.if_else(
            fresh,
            |b| {
                b.call_into(&[first], fb.new_segment, &[]);
                b.st(p, FIBER_STACK, first);
                let slot = b.func_addr(fb.entry);
                let c = b.coro_new(slot);
                b.copy(coro, c);
                b.st(first, FIBER_SEG_CORO, c);
                let top = b.opi(I32Add, first, FIBER_SEGMENT_SIZE as i32);
                b.copy(fsp, top);
                b.copy(fseg, first);
            },
            |b| {
                use switchyard_ir::LoadKind::I32 as L;
                b.load_into(first, L, p, FIBER_STACK);
                b.load_into(coro, L, first, FIBER_SEG_CORO);
                b.load_into(fsp, L, first, FIBER_SEG_SP);
                b.load_into(fseg, L, first, FIBER_SEG_CUR);
            },
        );
        // Switch to the fiber's shadow stack and make it current.
        let saved_sp = b.global_get(cx.rt.sp);
        let saved_limit = b.global_get(cx.rt.stack_limit);
        let saved_seg = b.global_get(fb.segment);
        let saved_top = b.global_get(fb.stack_top);
        let saved_cur = b.global_get(fb.current);
        b.global_set(cx.rt.sp, fsp);
        let limit = b.opi(I32Add, fseg, FIBER_SEG_HEADER as i32);
        b.global_set(cx.rt.stack_limit, limit);
        b.global_set(fb.segment, fseg);
        let ftop = top_of(b, fseg);
        b.global_set(fb.stack_top, ftop);
        b.global_set(fb.current, p);
        b.sti(p, FIBER_STATE, FIBER_RUNNING as i32);
        let (status, val) = b.coro_resume(coro, v);
        let fiber_sp = b.global_get(cx.rt.sp);
        let fiber_seg = b.global_get(fb.segment);
        b.global_set(cx.rt.sp, saved_sp);
        b.global_set(cx.rt.stack_limit, saved_limit);
        b.global_set(fb.segment, saved_seg);
        b.global_set(fb.stack_top, saved_top);
        b.global_set(fb.current, saved_cur);
        let suspended = b.opi(I32Eq, status, CORO_SUSPENDED);
        b.if_then(suspended, |b| {
            b.st(first, FIBER_SEG_SP, fiber_sp);
            b.st(first, FIBER_SEG_CUR, fiber_seg);
            b.sti(p, FIBER_STATE, FIBER_SUSPENDED as i32);
            let zero = b.ic(0);
            let r = b.c1(cx.rt.make_iter_result, &[val, zero]);
            b.ret1(r);
        });
        // Finished (returned or threw): give everything back now.
        b.sti(p, FIBER_STATE, FIBER_DONE as i32);
        b.sti(p, FIBER_STACK, 0);
        b.coro_free(coro);
        // The chain of segments (the first and its cached children).
        let seg = b.local(Type::I32);
        b.copy(seg, first);
        b.while_(
            |b| b.opi(I32Ne, seg, 0),
            |b, _| {
                let child = b.ld(seg, FIBER_SEG_CHILD);
                let head = b.global_get(fb.free_segments);
                b.st(seg, FIBER_SEG_NEXT, head);
                b.global_set(fb.free_segments, seg);
                b.copy(seg, child);
            },
        );
        ret_if_exc(b, cx, Ret::UNDEF);
        let one = b.ic(1);
        let r = b.c1(cx.rt.make_iter_result, &[val, one]);
        b.ret1(r);
    });
}

/// `fiber_yield(v) -> V`
fn fiber_yield(m: &mut Module, cx: &Cx, fb: &FiberFuncs, k: &Msgs) {
    define(m, fb.yield_, |b| {
        let v = b.param(0);
        let cur = b.global_get(fb.current);
        let outside = b.un(switchyard_ir::UnOp::I32Eqz, cur);
        b.if_then(outside, |b| throw_type(b, cx, k.outside));
        let blocked = b.opi(I32Eq, cur, BLOCKED);
        b.if_then(blocked, |b| throw_type(b, cx, k.in_generator));
        let r = b.coro_suspend(v);
        b.ret1(r);
    });
}

#[cfg(test)]
mod tests {
    use super::super::{finalize, install_with, Features};
    use crate::statics::StaticData;
    use switchyard_ir::Module;

    fn runtime(fibers: bool) -> Module {
        let mut m = Module::new();
        let mut statics = StaticData::new();
        let features = Features {
            generators: true,
            fibers,
        };
        let rt = install_with(&mut m, &mut statics, features);
        assert_eq!(rt.fibers.is_some(), fibers);
        finalize(&mut m, &rt, &statics);
        m
    }

    #[test]
    fn the_fiber_runtime_verifies_and_only_exists_when_asked_for() {
        let with = runtime(true);
        if let Err(errors) = switchyard_ir::verify(&with) {
            panic!("{}", errors[0]);
        }
        let without = runtime(false);
        let fiber_funcs = |m: &Module| {
            m.funcs
                .iter()
                .filter(|f| f.name.starts_with("rt_fiber_"))
                .count()
        };
        assert_eq!(fiber_funcs(&with), 7);
        assert_eq!(fiber_funcs(&without), 0);
        // Only the fiber runtime suspends; without it no function does.
        let suspends = |m: &Module| {
            m.defined_funcs()
                .filter(|(_, _, body)| {
                    body.blocks.iter().any(|b| {
                        b.insts
                            .iter()
                            .any(|i| matches!(i, switchyard_ir::Inst::CoroSuspend { .. }))
                    })
                })
                .map(|(_, f, _)| f.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(suspends(&with), ["rt_fiber_yield"]);
        assert!(suspends(&without).is_empty());
    }
}
