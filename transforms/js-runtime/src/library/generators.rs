//! Generators: generator objects, their state machine, the built-in
//! `next` / `return` / `throw` of %GeneratorPrototype%, iterator results,
//! and one step of `yield*`.
//!
//! A generator function compiles to two Wasm functions: a *starter* (the
//! code of the function object, JS calling convention) that only calls
//! [`new_generator`], and the *body*, a coroutine entry `(gen: i64) -> i64`
//! that reads its callee, `this` and arguments from the generator object
//! (layout `GEN_*`). `gen_resume` creates the coroutine on the first
//! `next`, stores the resume mode in `GEN_MODE`, and resumes it with the
//! sent value; the body's `yield` suspends with the yielded value and, when
//! resumed, dispatches on `GEN_MODE` (next: the sent value is the result of
//! the `yield`; throw: it is thrown there; return: a return completion
//! through the body's `finally` blocks).

use super::context::*;
use crate::layout::*;
use switchyard_ir::BinOp::*;
use switchyard_ir::{Const, FunctionBuilder, Module, Type, CORO_SUSPENDED};

pub(super) fn build(m: &mut Module, cx: &Cx) {
    new_generator_function(m, cx);
    new_generator(m, cx);
    gen_resume(m, cx);
    make_iter_result(m, cx);
    gen_proto_method(m, cx, cx.h.gen_proto_next, GEN_MODE_NEXT, cx.k.next);
    gen_proto_method(m, cx, cx.h.gen_proto_return, GEN_MODE_RETURN, cx.k.return_);
    gen_proto_method(m, cx, cx.h.gen_proto_throw, GEN_MODE_THROW, cx.k.throw_);
    iterator_proto_iterator(m, cx);
    yield_star_step(m, cx);
    set_function_name(m, cx);
}

/// `set_function_name(f, key)`
fn set_function_name(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.set_function_name, |b| {
        let (f, key) = (b.param(0), b.param(1));
        let is_fn = b.has_tag(f, TAG_FUNCTION);
        let not_fn = b.not(is_fn);
        b.if_then(not_fn, |b| b.ret(&[]));
        let fp = b.payload(f);
        let is_sym = b.has_tag(key, TAG_SYMBOL);
        b.if_then(is_sym, |b| {
            // "Symbol(Symbol.iterator)" -> "[Symbol.iterator]"
            let s = b.c1(cx.rt.to_string, &[key]);
            let sp = b.payload(s);
            let len = b.ld(sp, STR_LEN);
            let end = b.opi(I32Sub, len, 1);
            let seven = b.ic(7);
            let inner = b.c1(cx.rt.substring, &[sp, seven, end]);
            let ip = b.payload(inner);
            let open = b.str_ptr(cx.k.open_bracket);
            let close = b.str_ptr(cx.k.close_bracket);
            let n = b.c1(cx.h.concat3, &[open, ip, close]);
            b.st(fp, FN_NAME, n);
            b.ret(&[]);
        });
        let n = b.c1(cx.rt.to_property_key, &[key]);
        b.st(fp, FN_NAME, n);
        b.ret(&[]);
    });
}

/// `new_generator_function(slot, env, name, arity) -> V`
fn new_generator_function(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.new_generator_function, |b| {
        let (slot, env, name, arity) = (b.param(0), b.param(1), b.param(2), b.param(3));
        let f = b.c1(cx.rt.new_function, &[slot, env, name, arity]);
        let p = b.payload(f);
        let proto = b.global_get(cx.rt.proto_generator_function);
        b.st(p, OBJ_PROTO, proto);
        b.sti(p, OBJ_CLASS, CLASS_GENERATOR_FUNCTION as i32);
        b.ret1(f);
    });
}

/// `new_generator(callee, this, argv, argc, entry) -> V`
fn new_generator(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.new_generator, |b| {
        let (callee, this, argv, argc, entry) =
            (b.param(0), b.param(1), b.param(2), b.param(3), b.param(4));
        let pv = b.c1(cx.h.fn_prototype, &[callee]);
        let is_obj = b.is_objlike(pv);
        let pp = b.payload(pv);
        let dflt = b.global_get(cx.rt.proto_generator);
        let proto = b.select(is_obj, pp, dflt);
        let bytes = b.opi(I32Shl, argc, 3);
        let size = b.opi(I32Add, bytes, GEN_SIZE as i32);
        let p = b.c1(cx.rt.alloc, &[size]);
        b.sti(p, HEADER, KIND_OBJECT as i32);
        b.st(p, OBJ_PROTO, proto);
        b.sti(p, OBJ_CLASS, CLASS_GENERATOR as i32);
        b.sti(p, GEN_STATE, GEN_START as i32);
        b.st(p, GEN_ENTRY, entry);
        b.st64(p, GEN_THIS, this);
        b.st(p, GEN_FUNC, callee);
        b.st(p, GEN_ARGC, argc);
        b.if_then(argc, |b| {
            let dst = b.opi(I32Add, p, GEN_ARGS as i32);
            b.memory_copy(dst, argv, bytes);
        });
        let v = b.boxed(TAG_OBJECT, p);
        b.ret1(v);
    });
}

/// `gen_resume(gen, mode, v) -> V`
fn gen_resume(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.gen_resume, |b| {
        if !cx.features.generators {
            // No generator objects exist.
            b.unreachable();
            return;
        }
        let (p, mode, v) = (b.param(0), b.param(1), b.param(2));
        let coro = b.local(Type::I32);
        let arg = b.local(Type::I64);
        let rmode = b.local(Type::I32);
        b.copy(rmode, mode);
        let resume = b.new_labeled_block("resume");
        let state = b.ld(p, GEN_STATE);
        // The common case first: suspended at a yield.
        let suspended = b.opi(I32Eq, state, GEN_SUSPENDED as i32);
        b.if_then(suspended, |b| {
            b.load_into(coro, switchyard_ir::LoadKind::I32, p, GEN_CORO);
            b.copy(arg, v);
            // Suspended in `yield*` over a plain generator: resume the
            // delegate directly; this body runs only when it completes.
            let d = b.ld(p, GEN_DELEGATE);
            b.if_then(d, |b| {
                b.sti(p, GEN_STATE, GEN_RUNNING as i32);
                let r = b.c1(cx.rt.gen_resume, &[d, mode, v]);
                b.sti(p, GEN_STATE, GEN_SUSPENDED as i32);
                let pending = b.global_get(cx.rt.exc_pending);
                b.if_then(pending, |b| {
                    // The delegate threw: rethrow at the `yield*`.
                    let ev = b.global_get(cx.rt.exc_value);
                    let pos = b.global_get(cx.rt.exc_pos);
                    let z = b.ic(0);
                    b.global_set(cx.rt.exc_pending, z);
                    b.global_set(cx.rt.exc_pos, z);
                    b.global_set(cx.rt.gen_throw_pos, pos);
                    b.copy(arg, ev);
                    b.seti(rmode, GEN_MODE_DELEGATE_THROW as i32);
                    b.jump(resume);
                });
                let done = b.opl(I64Eq, r, DONE);
                b.if_then(done, |b| {
                    let rv = b.global_get(cx.rt.gen_retval);
                    b.copy(arg, rv);
                    let is_ret = b.opi(I32Eq, mode, GEN_MODE_RETURN as i32);
                    let dr = b.ic(GEN_MODE_DELEGATE_RETURN as i32);
                    let dd = b.ic(GEN_MODE_DELEGATE_DONE as i32);
                    let m = b.select(is_ret, dr, dd);
                    b.copy(rmode, m);
                    b.jump(resume);
                });
                // The delegate yielded: so does this generator.
                let raw = b.ld(d, GEN_RAW);
                b.st(p, GEN_RAW, raw);
                b.ret1(r);
            });
            b.jump(resume);
        });
        let start = b.opi(I32Eq, state, GEN_START as i32);
        b.if_then(start, |b| {
            let next = b.opi(I32Eq, mode, GEN_MODE_NEXT as i32);
            b.if_then(next, |b| {
                let entry = b.ld(p, GEN_ENTRY);
                let c = b.coro_new(entry);
                b.copy(coro, c);
                b.st(p, GEN_CORO, c);
                let gv = b.boxed(TAG_OBJECT, p);
                b.copy(arg, gv);
                b.jump(resume);
            });
            // return / throw before the start complete it without running
            // the body.
            b.sti(p, GEN_STATE, GEN_DONE as i32);
        });
        let running = b.opi(I32Eq, state, GEN_RUNNING as i32);
        b.if_then(running, |b| {
            let kind = b.ic(ERR_TYPE);
            let msg = b.str_ptr(cx.k.already_running);
            b.call(cx.rt.throw_error, &[kind, msg]);
            b.ret_val(UNDEFINED);
        });
        // Completed.
        let throw = b.opi(I32Eq, mode, GEN_MODE_THROW as i32);
        b.if_then(throw, |b| {
            let pos = b.ic(0);
            b.call(cx.rt.throw_value, &[v, pos]);
            b.ret_val(UNDEFINED);
        });
        let ret = b.opi(I32Eq, mode, GEN_MODE_RETURN as i32);
        let u = b.lc(UNDEFINED);
        let rv = b.select(ret, v, u);
        b.global_set(cx.rt.gen_retval, rv);
        b.ret_val(DONE);

        b.switch_to(resume);
        b.st(p, GEN_MODE, rmode);
        b.sti(p, GEN_RAW, 0);
        b.sti(p, GEN_DELEGATE, 0);
        b.sti(p, GEN_STATE, GEN_RUNNING as i32);
        // No fiber may be suspended from inside a generator body (see
        // `fibers`): `coro.suspend` there would suspend the generator.
        let fiber_cur = cx.rt.fibers.as_ref().map(|fb| {
            let saved = b.global_get(fb.current);
            let blocked = b.ic(super::fibers::BLOCKED);
            b.global_set(fb.current, blocked);
            (fb.current, saved)
        });
        let (status, val) = b.coro_resume(coro, arg);
        if let Some((g, saved)) = fiber_cur {
            b.global_set(g, saved);
        }
        let susp = b.opi(I32Eq, status, CORO_SUSPENDED);
        b.if_then(susp, |b| {
            b.sti(p, GEN_STATE, GEN_SUSPENDED as i32);
            b.ret1(val);
        });
        b.sti(p, GEN_STATE, GEN_DONE as i32);
        b.coro_free(coro);
        ret_if_exc(b, cx, Ret::UNDEF);
        b.global_set(cx.rt.gen_retval, val);
        b.ret_val(DONE);
    });
}

/// `make_iter_result(v, done) -> V`: the object and its two-entry property
/// table in one allocation.
fn make_iter_result(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.make_iter_result, |b| {
        let (v, done) = (b.param(0), b.param(1));
        let table_bytes = 2 * PROP_ENTRY_SIZE;
        let size = b.ic((OBJ_SIZE + BYTES_DATA + table_bytes) as i32);
        let p = b.c1(cx.rt.alloc, &[size]);
        b.sti(p, HEADER, KIND_OBJECT as i32);
        let proto = b.global_get(cx.rt.proto_object);
        b.st(p, OBJ_PROTO, proto);
        b.sti(p, OBJ_PROPS_LEN, 2);
        b.sti(p, OBJ_PROPS_CAP, 2);
        let t = b.opi(I32Add, p, OBJ_SIZE as i32);
        b.st(p, OBJ_PROPS, t);
        b.sti(t, HEADER, KIND_BYTES as i32);
        b.sti(t, BYTES_SIZE, table_bytes as i32);
        let e0 = BYTES_DATA;
        let e1 = BYTES_DATA + PROP_ENTRY_SIZE;
        let kv = b.str_ptr(cx.k.value);
        b.st(t, e0 + PROP_KEY, kv);
        b.st64(t, e0 + PROP_VALUE, v);
        let kd = b.str_ptr(cx.k.done);
        b.st(t, e1 + PROP_KEY, kd);
        let d = b.un(switchyard_ir::UnOp::I64ExtendI32U, done);
        let dv = b.opl(I64Or, d, FALSE);
        b.st64(t, e1 + PROP_VALUE, dv);
        let r = b.boxed(TAG_OBJECT, p);
        b.ret1(r);
    });
}

/// %GeneratorPrototype%.next / return / throw: `(callee, this, argv, argc)`.
fn gen_proto_method(m: &mut Module, cx: &Cx, f: switchyard_ir::FuncId, mode: u32, name: Str) {
    define(m, f, |b| {
        let (this, argv, argc) = (b.param(1), b.param(2), b.param(3));
        let v = b.local(Type::I64);
        b.set_const(v, Const::I64(UNDEFINED as i64));
        b.if_then(argc, |b| {
            b.load_into(v, switchyard_ir::LoadKind::I64, argv, 0)
        });
        let ok = b.is_class(this, CLASS_GENERATOR);
        let bad = b.not(ok);
        b.if_then(bad, |b| {
            let k = &cx.k;
            let pre = b.str_ptr(k.gen_incompatible_pre);
            let n = b.str_ptr(name);
            let post = b.str_ptr(k.gen_incompatible_post);
            let a = b.c1(cx.h.concat3, &[pre, n, post]);
            let e = b.str_ptr(k.empty);
            let d = b.local(Type::I32);
            let is_obj = b.is_objlike(this);
            b.if_else(
                is_obj,
                |b| {
                    let s = b.str_ptr(k.object_receiver);
                    b.copy(d, s);
                },
                |b| b.call_into(&[d], cx.h.describe, &[this]),
            );
            let msg = b.c1(cx.h.concat3, &[a, d, e]);
            let kind = b.ic(ERR_TYPE);
            b.call(cx.rt.throw_error, &[kind, msg]);
            b.ret_val(UNDEFINED);
        });
        let p = b.payload(this);
        let md = b.ic(mode as i32);
        let r = b.c1(cx.rt.gen_resume, &[p, md, v]);
        ret_if_exc(b, cx, Ret::UNDEF);
        let done = b.opl(I64Eq, r, DONE);
        b.if_then(done, |b| {
            let rv = b.global_get(cx.rt.gen_retval);
            let one = b.ic(1);
            let res = b.c1(cx.rt.make_iter_result, &[rv, one]);
            b.ret1(res);
        });
        let raw = b.ld(p, GEN_RAW);
        b.if_then(raw, |b| b.ret1(r));
        let zero = b.ic(0);
        let res = b.c1(cx.rt.make_iter_result, &[r, zero]);
        b.ret1(res);
    });
}

/// %IteratorPrototype%[Symbol.iterator]: `return this`.
fn iterator_proto_iterator(m: &mut Module, cx: &Cx) {
    define(m, cx.h.iterator_proto_iterator, |b| {
        let this = b.param(1);
        b.ret1(this);
    });
}

/// `yield_star_step(gen, it, mode, v) -> V`
fn yield_star_step(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.yield_star_step, |b| {
        let (gen, it, mode, v) = (b.param(0), b.param(1), b.param(2), b.param(3));
        let k = &cx.k;
        // Resumed after the delegate completed or threw (see GEN_DELEGATE).
        let after_delegate = b.opi(I32GeU, mode, GEN_MODE_DELEGATE_DONE as i32);
        b.if_then(after_delegate, |b| {
            let threw = b.opi(I32Eq, mode, GEN_MODE_DELEGATE_THROW as i32);
            b.if_then(threw, |b| {
                let pos = b.global_get(cx.rt.gen_throw_pos);
                b.call(cx.rt.throw_value, &[v, pos]);
                b.ret_val(UNDEFINED);
            });
            b.global_set(cx.rt.gen_retval, v);
            b.ret_val(DONE);
        });
        let p = b.payload(it);
        let kind = b.kind(p);
        // A plain generator: resume it with the same mode.
        let is_obj = b.opi(I32Eq, kind, KIND_OBJECT as i32);
        let class = b.ld(p, OBJ_CLASS);
        let gen_class = b.opi(I32Eq, class, CLASS_GENERATOR as i32);
        let is_gen = b.bin(I32And, is_obj, gen_class);
        b.if_then(is_gen, |b| {
            let r = b.c1(cx.rt.gen_resume, &[p, mode, v]);
            ret_if_exc(b, cx, Ret::UNDEF);
            let not_done = b.opl(I64Ne, r, DONE);
            b.if_then(not_done, |b| {
                // Later resumptions go to the delegate directly.
                b.st(gen, GEN_DELEGATE, p);
                let raw = b.ld(p, GEN_RAW);
                b.st(gen, GEN_RAW, raw);
            });
            b.ret1(r);
        });
        // Array and string iterator objects and the internal iterators
        // over arrays and strings have only `next`.
        let ik = b.ld(p, ITER_KIND);
        let internal = b.opi(I32Ne, ik, ITER_OBJECT as i32);
        let builtin = b.bin(I32Or, internal, is_obj);
        let is_next = b.opi(I32Eq, mode, GEN_MODE_NEXT as i32);
        let is_throw = b.opi(I32Eq, mode, GEN_MODE_THROW as i32);
        let no_throw_method = |b: &mut FunctionBuilder| {
            let e = b.str_ptr(k.empty);
            let s = b.str_ptr(k.no_throw_method);
            b.call(cx.h.throw_type_with, &[e, s, e]);
            b.ret_val(UNDEFINED);
        };
        // Array and string iterators have only `next`.
        b.if_then(builtin, |b| {
            b.if_then(is_next, |b| {
                let r = b.c1(cx.rt.iterator_next, &[it]);
                let u = b.lc(UNDEFINED);
                b.global_set(cx.rt.gen_retval, u);
                b.ret1(r);
            });
            b.if_then(is_throw, no_throw_method);
            b.global_set(cx.rt.gen_retval, v);
            b.ret_val(DONE);
        });
        let obj = b.ld64(p, ITER_TARGET);
        let method = b.local(Type::I64);
        let call = b.new_labeled_block("call");
        b.if_then(is_next, |b| {
            b.load_into(method, switchyard_ir::LoadKind::I64, p, ITER_NEXT);
            b.jump(call);
        });
        b.if_then(is_throw, |b| {
            let key = b.str_ptr(k.throw_);
            b.call_into(&[method], cx.rt.get_named, &[obj, key]);
            let none = b.is_nullish(method);
            b.if_then(none, |b| {
                b.call(cx.rt.iterator_close, &[it]);
                ret_if_exc(b, cx, Ret::UNDEF);
                no_throw_method(b);
            });
            b.jump(call);
        });
        let key = b.str_ptr(k.return_);
        b.call_into(&[method], cx.rt.get_named, &[obj, key]);
        let none = b.is_nullish(method);
        b.if_then(none, |b| {
            b.global_set(cx.rt.gen_retval, v);
            b.ret_val(DONE);
        });
        b.jump(call);
        b.switch_to(call);
        let res = b.c1(cx.h.call1_method, &[method, obj, v]);
        ret_if_exc(b, cx, Ret::UNDEF);
        let res = b.c1(cx.h.iter_result_check, &[res]);
        ret_if_exc(b, cx, Ret::UNDEF);
        let key = b.str_ptr(k.done);
        let d = b.c1(cx.rt.get_named, &[res, key]);
        let done = b.c1(cx.rt.to_boolean, &[d]);
        b.if_then(done, |b| {
            let key = b.str_ptr(k.value);
            let val = b.c1(cx.rt.get_named, &[res, key]);
            b.global_set(cx.rt.gen_retval, val);
            b.ret_val(DONE);
        });
        b.sti(gen, GEN_RAW, 1);
        b.ret1(res);
    });
}
