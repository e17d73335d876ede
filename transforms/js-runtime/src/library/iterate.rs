//! The iteration protocol for for-of, spread, destructuring and `yield*`.
//!
//! `get_iterator` returns a *handle* that `iterator_next` / `iterator_close`
//! understand:
//! * a KIND_ITER block over an array (re-reading the length each step) or a
//!   string (by code point): `[Symbol.iterator]` is not consulted for those;
//! * a KIND_ITER block of kind ITER_OBJECT over the iterator object that a
//!   user `[Symbol.iterator]` method returned, with its `next` method read
//!   once (as GetIterator does);
//! * a generator object itself, when its iteration methods are certainly
//!   the built-in ones (neither it nor its prototype has own properties, and
//!   that prototype inherits from %GeneratorPrototype%): each step is then a
//!   direct `gen_resume`, with no `{ value, done }` object allocated.
//!
//! Array destructuring uses the array itself as its handle
//! (`destructure_iter` / `destructure_next` / `destructure_rest`), so
//! `[a, b] = [b, a]` allocates nothing beyond the literal.
//!
//! Also the spread helpers (`spread_into`, `call_spread`,
//! `construct_spread`), rest parameters (`rest_args`), object rest/spread
//! (`copy_props`) and the destructuring TypeError.

use super::context::*;
use crate::layout::*;
use switchyard_ir::BinOp::*;
use switchyard_ir::{FunctionBuilder, Local, Module, Type};

pub(super) fn build(m: &mut Module, cx: &Cx) {
    new_iter(m, cx);
    new_array_iterator(m, cx);
    array_iter_step(m, cx);
    array_iter_proto_next(m, cx);
    iter_result_check(m, cx);
    call1_method(m, cx);
    throw_type_with(m, cx);
    get_iterator(m, cx);
    iterator_next(m, cx);
    iterator_close(m, cx);
    destructure_iter(m, cx);
    destructure_next(m, cx);
    destructure_rest(m, cx);
    spread_into(m, cx);
    call_spread(m, cx);
    construct_spread(m, cx);
    rest_args(m, cx);
    copy_props(m, cx);
    throw_destructure(m, cx);
}

/// `new_iter(kind, target) -> V`
fn new_iter(m: &mut Module, cx: &Cx) {
    define(m, cx.h.new_iter, |b| {
        let (kind, target) = (b.param(0), b.param(1));
        let size = b.ic(ITER_SIZE as i32);
        let p = b.c1(cx.rt.alloc, &[size]);
        b.sti(p, HEADER, KIND_ITER as i32);
        b.st(p, ITER_KIND, kind);
        b.st64(p, ITER_TARGET, target);
        let v = b.boxed(TAG_OBJECT, p);
        b.ret1(v);
    });
}

/// `throw_type_with(a, b, c)`: TypeError `a + b + c`.
fn throw_type_with(m: &mut Module, cx: &Cx) {
    define(m, cx.h.throw_type_with, |b| {
        let (x, y, z) = (b.param(0), b.param(1), b.param(2));
        let msg = b.c1(cx.h.concat3, &[x, y, z]);
        let kind = b.ic(ERR_TYPE);
        b.call(cx.rt.throw_error, &[kind, msg]);
        b.ret(&[]);
    });
}

/// `iter_result_check(r) -> V`
fn iter_result_check(m: &mut Module, cx: &Cx) {
    define(m, cx.h.iter_result_check, |b| {
        let r = b.param(0);
        let ok = b.is_objlike(r);
        b.if_then(ok, |b| b.ret1(r));
        let pre = b.str_ptr(cx.k.iter_result_pre);
        let d = b.c1(cx.h.describe, &[r]);
        let post = b.str_ptr(cx.k.not_an_object);
        b.call(cx.h.throw_type_with, &[pre, d, post]);
        b.ret_val(UNDEFINED);
    });
}

/// `call1_method(f, this, arg) -> V`
fn call1_method(m: &mut Module, cx: &Cx) {
    define(m, cx.h.call1_method, |b| {
        let (f, this, arg) = (b.param(0), b.param(1), b.param(2));
        let one = b.ic(1);
        let argv = b.c1(cx.rt.push_args, &[one]);
        b.st64(argv, 0, arg);
        let r = b.c1(cx.rt.call, &[f, this, argv, one]);
        b.call(cx.rt.pop_args, &[one]);
        b.ret1(r);
    });
}

/// Runs `check(b, p, r)` when `v` is a KIND_OBJECT of class `class` with no
/// own properties (so nothing can have overridden its built-in iteration
/// methods on the object itself); `r` starts at 0 and is the result.
fn when_plain_object_of_class(
    b: &mut FunctionBuilder,
    v: Local,
    class: u32,
    check: impl FnOnce(&mut FunctionBuilder, Local, Local),
) -> Local {
    let r = b.local(Type::I32);
    b.seti(r, 0);
    let is_obj = b.has_tag(v, TAG_OBJECT);
    b.if_then(is_obj, |b| {
        let p = b.payload(v);
        let cls = b.ld(p, OBJ_CLASS);
        let kind = b.kind(p);
        let same_class = b.opi(I32Eq, cls, class as i32);
        let is_o = b.opi(I32Eq, kind, KIND_OBJECT as i32);
        let shaped = b.bin(I32And, same_class, is_o);
        let own = b.ld(p, OBJ_PROPS_LEN);
        let no_own = b.not(own);
        let ok = b.bin(I32And, shaped, no_own);
        b.if_then(ok, |b| check(b, p, r));
    });
    r
}

/// 1 if `v` is a generator object whose iteration methods are certainly the
/// built-in ones (see the module documentation).
fn is_plain_generator(b: &mut FunctionBuilder, cx: &Cx, v: Local) -> Local {
    when_plain_object_of_class(b, v, CLASS_GENERATOR, |b, p, r| {
        let gp = b.global_get(cx.rt.proto_generator);
        let proto = b.ld(p, OBJ_PROTO);
        let direct = b.bin(I32Eq, proto, gp);
        b.if_then(direct, |b| b.seti(r, 1));
        let not_direct = b.not(direct);
        let nz = b.opi(I32Ne, proto, 0);
        let check = b.bin(I32And, not_direct, nz);
        b.if_then(check, |b| {
            let pown = b.ld(proto, OBJ_PROPS_LEN);
            let pp = b.ld(proto, OBJ_PROTO);
            let inherits = b.bin(I32Eq, pp, gp);
            let pclean = b.not(pown);
            let good = b.bin(I32And, inherits, pclean);
            b.copy(r, good);
        });
    })
}

/// V8's description of a non-iterable value without source text:
/// `undefined`, `object null`, `number 5`, `boolean true`, `object`, …
fn describe_typed(b: &mut FunctionBuilder, cx: &Cx, v: Local) -> Local {
    let k = &cx.k;
    let out = b.local(Type::I32);
    let done = b.new_block();
    let tb = b.tag_switch(v);
    let prefixed = |b: &mut FunctionBuilder, blk, pre: Str| {
        b.switch_to(blk);
        let s = b.c1(cx.rt.to_string, &[v]);
        let sp = b.payload(s);
        let e = b.str_ptr(k.empty);
        let pr = b.str_ptr(pre);
        let r = b.c1(cx.h.concat3, &[pr, sp, e]);
        b.copy(out, r);
        b.jump(done);
    };
    prefixed(b, tb.number, k.number_sp);
    prefixed(b, tb.boolean, k.boolean_sp);
    prefixed(b, tb.symbol, k.symbol_sp);
    prefixed(b, tb.string, k.empty);
    for (blk, s) in [
        (tb.undefined, k.undefined),
        (tb.null, k.object_null),
        (tb.object, k.object),
    ] {
        b.switch_to(blk);
        let p = b.str_ptr(s);
        b.copy(out, p);
        b.jump(done);
    }
    b.switch_to(tb.function);
    let p = b.payload(v);
    let name = b.ld(p, FN_NAME);
    let e = b.str_ptr(k.empty);
    let pr = b.str_ptr(k.function_sp);
    let r = b.c1(cx.h.concat3, &[pr, name, e]);
    b.copy(out, r);
    b.jump(done);
    b.switch_to(done);
    out
}

/// Throws the "not iterable" TypeError for `v` (see `get_iterator`).
fn throw_not_iterable(b: &mut FunctionBuilder, cx: &Cx, v: Local, what: Local, style: Local) {
    let k = &cx.k;
    let call_style = b.opi(I32Eq, style, 1);
    b.if_then(call_style, |b| {
        let nullish = b.is_nullish(v);
        b.if_then(nullish, |b| {
            let w = b.local(Type::I32);
            b.copy(w, what);
            let none = b.not(what);
            b.if_then(none, |b| {
                let d = describe_typed(b, cx, v);
                b.copy(w, d);
            });
            let e = b.str_ptr(k.empty);
            let s = b.str_ptr(k.not_iterable_undefined);
            b.call(cx.h.throw_type_with, &[w, s, e]);
            b.ret_val(UNDEFINED);
        });
        let e = b.str_ptr(k.empty);
        let s = b.str_ptr(k.spread_requires);
        b.call(cx.h.throw_type_with, &[e, s, e]);
        b.ret_val(UNDEFINED);
    });
    b.if_then(what, |b| {
        let e = b.str_ptr(k.empty);
        let s = b.str_ptr(k.not_iterable);
        b.call(cx.h.throw_type_with, &[what, s, e]);
        b.ret_val(UNDEFINED);
    });
    let d = describe_typed(b, cx, v);
    let e = b.str_ptr(k.empty);
    let s = b.str_ptr(k.not_iterable_nullish);
    b.call(cx.h.throw_type_with, &[d, s, e]);
    b.ret_val(UNDEFINED);
}

/// `get_iterator(v, what, style) -> V`
fn get_iterator(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.get_iterator, |b| {
        let (v, what, style) = (b.param(0), b.param(1), b.param(2));
        let is_obj = b.has_tag(v, TAG_OBJECT);
        b.if_then(is_obj, |b| {
            let p = b.payload(v);
            let kind = b.kind(p);
            let is_arr = b.opi(I32Eq, kind, KIND_ARRAY as i32);
            b.if_then(is_arr, |b| {
                let k = b.ic(ITER_ARRAY as i32);
                let it = b.c1(cx.h.new_iter, &[k, v]);
                b.ret1(it);
            });
        });
        let plain_gen = is_plain_generator(b, cx, v);
        b.if_then(plain_gen, |b| b.ret1(v));
        let plain_ai = is_plain_array_iterator(b, cx, v);
        b.if_then(plain_ai, |b| b.ret1(v));
        let is_str = b.has_tag(v, TAG_STRING);
        b.if_then(is_str, |b| {
            let k = b.ic(ITER_STRING as i32);
            let it = b.c1(cx.h.new_iter, &[k, v]);
            b.ret1(it);
        });
        let nullish = b.is_nullish(v);
        b.if_then(nullish, |b| throw_not_iterable(b, cx, v, what, style));
        let key = b.str_ptr(cx.k.sym_iterator);
        let method = b.c1(cx.rt.get_named, &[v, key]);
        ret_if_exc(b, cx, Ret::UNDEF);
        let callable = b.has_tag(method, TAG_FUNCTION);
        let not_callable = b.not(callable);
        b.if_then(not_callable, |b| throw_not_iterable(b, cx, v, what, style));
        let zero = b.ic(0);
        let it = b.c1(cx.rt.call, &[method, v, zero, zero]);
        ret_if_exc(b, cx, Ret::UNDEF);
        let obj = b.is_objlike(it);
        let not_obj = b.not(obj);
        b.if_then(not_obj, |b| {
            let e = b.str_ptr(cx.k.empty);
            let s = b.str_ptr(cx.k.symbol_iterator_not_object);
            b.call(cx.h.throw_type_with, &[e, s, e]);
            b.ret_val(UNDEFINED);
        });
        // An iterator that is itself a plain generator (`[Symbol.iterator]()
        // { return this.gen(); }`) is stepped directly.
        let plain_gen = is_plain_generator(b, cx, it);
        b.if_then(plain_gen, |b| b.ret1(it));
        let key = b.str_ptr(cx.k.next);
        let next = b.c1(cx.rt.get_named, &[it, key]);
        let k = b.ic(ITER_OBJECT as i32);
        let r = b.c1(cx.h.new_iter, &[k, it]);
        let rp = b.payload(r);
        b.st64(rp, ITER_NEXT, next);
        b.ret1(r);
    });
}

/// Reads `done` and `value` of a checked iterator result: the value, or DONE.
fn unpack_result(b: &mut FunctionBuilder, cx: &Cx, res: Local) -> Local {
    let key = b.str_ptr(cx.k.done);
    let d = b.c1(cx.rt.get_named, &[res, key]);
    let done = b.c1(cx.rt.to_boolean, &[d]);
    let out = b.local(Type::I64);
    b.if_else(
        done,
        |b| b.set_const(out, switchyard_ir::Const::I64(DONE as i64)),
        |b| {
            let key = b.str_ptr(cx.k.value);
            b.call_into(&[out], cx.rt.get_named, &[res, key]);
        },
    );
    out
}

/// `iterator_next(it) -> V`: the next value or DONE.
fn iterator_next(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.iterator_next, |b| {
        let it = b.param(0);
        let p = b.payload(it);
        let kind = b.kind(p);
        // A plain generator: resume it directly; a plain array iterator
        // object: step it.
        let is_obj = b.opi(I32Eq, kind, KIND_OBJECT as i32);
        b.if_then(is_obj, |b| {
            let class = b.ld(p, OBJ_CLASS);
            let ai = b.opi(I32Eq, class, CLASS_ARRAY_ITERATOR as i32);
            b.if_then(ai, |b| {
                let r = b.c1(cx.h.array_iter_step, &[p]);
                b.ret1(r);
            });
            let mode = b.ic(GEN_MODE_NEXT as i32);
            let u = b.lc(UNDEFINED);
            let r = b.c1(cx.rt.gen_resume, &[p, mode, u]);
            let not_done = b.opl(I64Ne, r, DONE);
            let raw = b.ld(p, GEN_RAW);
            let unwrap = b.bin(I32And, not_done, raw);
            b.if_then(unwrap, |b| {
                ret_if_exc(b, cx, Ret::UNDEF);
                let key = b.str_ptr(cx.k.value);
                let v = b.c1(cx.rt.get_named, &[r, key]);
                b.ret1(v);
            });
            b.ret1(r);
        });
        let k = b.ld(p, ITER_KIND);
        let target = b.ld64(p, ITER_TARGET);
        let is_object = b.opi(I32Eq, k, ITER_OBJECT as i32);
        b.if_then(is_object, |b| {
            let next = b.ld64(p, ITER_NEXT);
            let zero = b.ic(0);
            let res = b.c1(cx.rt.call, &[next, target, zero, zero]);
            ret_if_exc(b, cx, Ret::UNDEF);
            let res = b.c1(cx.h.iter_result_check, &[res]);
            ret_if_exc(b, cx, Ret::UNDEF);
            let v = unpack_result(b, cx, res);
            b.ret1(v);
        });
        let tp = b.payload(target);
        let i = b.ld(p, ITER_INDEX);
        let i1 = b.opi(I32Add, i, 1);
        let is_arr = b.opi(I32Eq, k, ITER_ARRAY as i32);
        b.if_then(is_arr, |b| {
            let len = b.ld(tp, ARR_LEN);
            let end = b.bin(I32GeU, i, len);
            b.if_then(end, |b| b.ret_val(DONE));
            b.st(p, ITER_INDEX, i1);
            let elems = b.ld(tp, ARR_ELEMS);
            let a = elem_addr(b, elems, i, 3);
            let e = b.ld64(a, 0);
            let hole = b.opl(I64Eq, e, HOLE);
            let u = b.lc(UNDEFINED);
            let r = b.select(hole, u, e);
            b.ret1(r);
        });
        // A string: one code point per step.
        let len = b.ld(tp, STR_LEN);
        let end = b.bin(I32GeU, i, len);
        b.if_then(end, |b| b.ret_val(DONE));
        ret_code_point(b, cx, tp, i, len, p, ITER_INDEX);
    });
}

/// Returns the code point of string block `tp` at unit `i` (< `len`),
/// storing the index after it at `[p + index_off]`.
fn ret_code_point(
    b: &mut FunctionBuilder,
    cx: &Cx,
    tp: Local,
    i: Local,
    len: Local,
    p: Local,
    index_off: u32,
) {
    let i1 = b.opi(I32Add, i, 1);
    let off = b.opi(I32Shl, i, 1);
    let a = b.bin(I32Add, tp, off);
    let u = b.ld16(a, STR_DATA);
    let hs = b.opi(I32And, u, 0xFC00);
    let high = b.opi(I32Eq, hs, 0xD800);
    let more = b.bin(I32LtU, i1, len);
    let pair = b.bin(I32And, high, more);
    b.if_then(pair, |b| {
        let u2 = b.ld16(a, STR_DATA + 2);
        let ls = b.opi(I32And, u2, 0xFC00);
        let low = b.opi(I32Eq, ls, 0xDC00);
        b.if_then(low, |b| {
            let i2 = b.opi(I32Add, i, 2);
            b.st(p, index_off, i2);
            let r = b.c1(cx.rt.substring, &[tp, i, i2]);
            b.ret1(r);
        });
    });
    b.st(p, index_off, i1);
    let r = b.c1(cx.rt.string_from_code_unit, &[u]);
    b.ret1(r);
}

/// 1 if `v` is an array or string iterator object that certainly has the
/// built-in `next` (no own properties, the built-in prototype).
fn is_plain_array_iterator(b: &mut FunctionBuilder, cx: &Cx, v: Local) -> Local {
    when_plain_object_of_class(b, v, CLASS_ARRAY_ITERATOR, |b, p, r| {
        let proto = b.ld(p, OBJ_PROTO);
        let ap = b.global_get(cx.rt.proto_array_iterator);
        let sp = b.global_get(cx.rt.proto_string_iterator);
        let a = b.bin(I32Eq, proto, ap);
        let s = b.bin(I32Eq, proto, sp);
        let either = b.bin(I32Or, a, s);
        b.copy(r, either);
    })
}

/// `new_array_iterator(target, kind) -> V`
fn new_array_iterator(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.new_array_iterator, |b| {
        let (target, kind) = (b.param(0), b.param(1));
        let size = b.ic(AITER_SIZE as i32);
        let p = b.c1(cx.rt.alloc, &[size]);
        b.sti(p, HEADER, KIND_OBJECT as i32);
        b.sti(p, OBJ_CLASS, CLASS_ARRAY_ITERATOR as i32);
        let is_str = b.opi(I32Eq, kind, AITER_CODE_POINTS as i32);
        let ap = b.global_get(cx.rt.proto_array_iterator);
        let sp = b.global_get(cx.rt.proto_string_iterator);
        let proto = b.select(is_str, sp, ap);
        b.st(p, OBJ_PROTO, proto);
        b.st64(p, AITER_TARGET, target);
        b.st(p, AITER_KIND, kind);
        let v = b.boxed(TAG_OBJECT, p);
        b.ret1(v);
    });
}

/// `array_iter_step(p) -> V`
fn array_iter_step(m: &mut Module, cx: &Cx) {
    define(m, cx.h.array_iter_step, |b| {
        let p = b.param(0);
        let target = b.ld64(p, AITER_TARGET);
        let gone = b.opl(I64Eq, target, UNDEFINED);
        b.if_then(gone, |b| b.ret_val(DONE));
        let tp = b.payload(target);
        let i = b.ld(p, AITER_INDEX);
        let kind = b.ld(p, AITER_KIND);
        let finish = |b: &mut FunctionBuilder| {
            b.stl(p, AITER_TARGET, UNDEFINED);
            b.ret_val(DONE);
        };
        let is_str = b.opi(I32Eq, kind, AITER_CODE_POINTS as i32);
        b.if_then(is_str, |b| {
            let len = b.ld(tp, STR_LEN);
            let end = b.bin(I32GeU, i, len);
            b.if_then(end, finish);
            ret_code_point(b, cx, tp, i, len, p, AITER_INDEX);
        });
        let len = b.ld(tp, ARR_LEN);
        let end = b.bin(I32GeU, i, len);
        b.if_then(end, finish);
        let i1 = b.opi(I32Add, i, 1);
        b.st(p, AITER_INDEX, i1);
        let keys = b.opi(I32Eq, kind, AITER_KEYS as i32);
        let n = b.num_u32(i);
        b.if_then(keys, |b| b.ret1(n));
        let elems = b.ld(tp, ARR_ELEMS);
        let a = elem_addr(b, elems, i, 3);
        let e = b.ld64(a, 0);
        let hole = b.opl(I64Eq, e, HOLE);
        let u = b.lc(UNDEFINED);
        let e = b.select(hole, u, e);
        let values = b.opi(I32Eq, kind, AITER_VALUES as i32);
        b.if_then(values, |b| b.ret1(e));
        let two = b.ic(2);
        let pair = b.c1(cx.rt.new_array, &[two]);
        b.call(cx.rt.array_push, &[pair, n]);
        b.call(cx.rt.array_push, &[pair, e]);
        b.ret1(pair);
    });
}

/// %ArrayIteratorPrototype%.next / %StringIteratorPrototype%.next
fn array_iter_proto_next(m: &mut Module, cx: &Cx) {
    define(m, cx.h.array_iter_proto_next, |b| {
        let this = b.param(1);
        let r = b.local(Type::I32);
        b.seti(r, 0);
        let is_obj = b.has_tag(this, TAG_OBJECT);
        b.if_then(is_obj, |b| {
            let p = b.payload(this);
            let class = b.ld(p, OBJ_CLASS);
            let kind = b.kind(p);
            let c = b.opi(I32Eq, class, CLASS_ARRAY_ITERATOR as i32);
            let o = b.opi(I32Eq, kind, KIND_OBJECT as i32);
            let ok = b.bin(I32And, c, o);
            b.copy(r, ok);
        });
        let bad = b.not(r);
        b.if_then(bad, |b| {
            let pre = b.str_ptr(cx.k.array_iterator_next_pre);
            let d = b.c1(cx.h.describe, &[this]);
            let e = b.str_ptr(cx.k.empty);
            b.call(cx.h.throw_type_with, &[pre, d, e]);
            b.ret_val(UNDEFINED);
        });
        let p = b.payload(this);
        let v = b.c1(cx.h.array_iter_step, &[p]);
        let done = b.opl(I64Eq, v, DONE);
        b.if_then(done, |b| {
            let u = b.lc(UNDEFINED);
            let one = b.ic(1);
            let res = b.c1(cx.rt.make_iter_result, &[u, one]);
            b.ret1(res);
        });
        let zero = b.ic(0);
        let res = b.c1(cx.rt.make_iter_result, &[v, zero]);
        b.ret1(res);
    });
}

/// `iterator_close(it)`: nothing for arrays and strings; a generator is
/// returned from; a user iterator's `return` method is called.
fn iterator_close(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.iterator_close, |b| {
        let it = b.param(0);
        let p = b.payload(it);
        let kind = b.kind(p);
        let is_obj = b.opi(I32Eq, kind, KIND_OBJECT as i32);
        b.if_then(is_obj, |b| {
            // Array iterators have no `return`.
            let class = b.ld(p, OBJ_CLASS);
            let ai = b.opi(I32Eq, class, CLASS_ARRAY_ITERATOR as i32);
            b.if_then(ai, |b| b.ret(&[]));
            let mode = b.ic(GEN_MODE_RETURN as i32);
            let u = b.lc(UNDEFINED);
            b.call(cx.rt.gen_resume, &[p, mode, u]);
            b.ret(&[]);
        });
        let is_iter = b.opi(I32Eq, kind, KIND_ITER as i32);
        b.if_then(is_iter, |b| {
            let k = b.ld(p, ITER_KIND);
            let builtin = b.opi(I32Ne, k, ITER_OBJECT as i32);
            b.if_then(builtin, |b| b.ret(&[]));
        });
        let obj = b.ld64(p, ITER_TARGET);
        let key = b.str_ptr(cx.k.return_);
        let method = b.c1(cx.rt.get_named, &[obj, key]);
        let none = b.is_nullish(method);
        b.if_then(none, |b| b.ret(&[]));
        let zero = b.ic(0);
        let r = b.c1(cx.rt.call, &[method, obj, zero, zero]);
        ret_if_exc_void(b, cx);
        b.call(cx.h.iter_result_check, &[r]);
        b.ret(&[]);
    });
}

/// Returns (no value) if an exception is pending.
fn ret_if_exc_void(b: &mut FunctionBuilder, cx: &Cx) {
    let p = b.global_get(cx.rt.exc_pending);
    b.if_then(p, |b| b.ret(&[]));
}

/// 1 if `v` is an array.
fn is_array(b: &mut FunctionBuilder, v: Local) -> Local {
    let r = b.local(Type::I32);
    b.seti(r, 0);
    let is_obj = b.has_tag(v, TAG_OBJECT);
    b.if_then(is_obj, |b| {
        let p = b.payload(v);
        let kind = b.kind(p);
        let a = b.opi(I32Eq, kind, KIND_ARRAY as i32);
        b.copy(r, a);
    });
    r
}

/// `destructure_iter(v, what) -> V`
fn destructure_iter(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.destructure_iter, |b| {
        let (v, what) = (b.param(0), b.param(1));
        let arr = is_array(b, v);
        b.if_then(arr, |b| b.ret1(v));
        let style = b.ic(0);
        let it = b.c1(cx.rt.get_iterator, &[v, what, style]);
        b.ret1(it);
    });
}

/// `destructure_next(it, idx) -> V`
fn destructure_next(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.destructure_next, |b| {
        let (it, idx) = (b.param(0), b.param(1));
        let p = b.payload(it);
        let kind = b.kind(p);
        let is_arr = b.opi(I32Eq, kind, KIND_ARRAY as i32);
        b.if_then(is_arr, |b| {
            let len = b.ld(p, ARR_LEN);
            let end = b.bin(I32GeU, idx, len);
            b.if_then(end, |b| b.ret_val(DONE));
            let elems = b.ld(p, ARR_ELEMS);
            let a = elem_addr(b, elems, idx, 3);
            let e = b.ld64(a, 0);
            let hole = b.opl(I64Eq, e, HOLE);
            let u = b.lc(UNDEFINED);
            let r = b.select(hole, u, e);
            b.ret1(r);
        });
        let r = b.c1(cx.rt.iterator_next, &[it]);
        b.ret1(r);
    });
}

/// Appends the elements `from..len` of array block `p` to the array `out`
/// (holes as undefined).
fn append_elems(b: &mut FunctionBuilder, cx: &Cx, out: Local, p: Local, from: Local) {
    let i = b.local(Type::I32);
    b.copy(i, from);
    b.while_(
        |b| {
            let len = b.ld(p, ARR_LEN);
            b.bin(I32LtU, i, len)
        },
        |b, _| {
            let elems = b.ld(p, ARR_ELEMS);
            let a = elem_addr(b, elems, i, 3);
            let e = b.ld64(a, 0);
            let hole = b.opl(I64Eq, e, HOLE);
            let u = b.lc(UNDEFINED);
            let r = b.select(hole, u, e);
            b.call(cx.rt.array_push, &[out, r]);
            b.inc(i, 1);
        },
    );
}

/// Appends every value `iterator_next(it)` produces to `out`; returns on
/// an exception.
fn append_iterated(b: &mut FunctionBuilder, cx: &Cx, out: Local, it: Local, on_exc: Ret) {
    b.loop_(|b, t| {
        let x = b.c1(cx.rt.iterator_next, &[it]);
        ret_if_exc(b, cx, on_exc);
        let done = b.opl(I64Eq, x, DONE);
        b.if_then(done, |b| b.jump(t.break_to));
        b.call(cx.rt.array_push, &[out, x]);
    });
}

/// `destructure_rest(it, idx) -> V`
fn destructure_rest(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.destructure_rest, |b| {
        let (it, idx) = (b.param(0), b.param(1));
        let zero = b.ic(0);
        let out = b.c1(cx.rt.new_array, &[zero]);
        let p = b.payload(it);
        let kind = b.kind(p);
        let is_arr = b.opi(I32Eq, kind, KIND_ARRAY as i32);
        b.if_then(is_arr, |b| {
            append_elems(b, cx, out, p, idx);
            b.ret1(out);
        });
        append_iterated(b, cx, out, it, Ret::UNDEF);
        b.ret1(out);
    });
}

/// `spread_into(arr, v, what, style)`
fn spread_into(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.spread_into, |b| {
        let (out, v, what, style) = (b.param(0), b.param(1), b.param(2), b.param(3));
        let arr = is_array(b, v);
        b.if_then(arr, |b| {
            let p = b.payload(v);
            let zero = b.ic(0);
            append_elems(b, cx, out, p, zero);
            b.ret(&[]);
        });
        let it = b.c1(cx.rt.get_iterator, &[v, what, style]);
        ret_if_exc_void(b, cx);
        b.loop_(|b, t| {
            let x = b.c1(cx.rt.iterator_next, &[it]);
            ret_if_exc_void(b, cx);
            let done = b.opl(I64Eq, x, DONE);
            b.if_then(done, |b| b.jump(t.break_to));
            b.call(cx.rt.array_push, &[out, x]);
        });
        b.ret(&[]);
    });
}

/// Pushes the elements of the array `args` as arguments: returns (argv, n).
fn push_array_args(b: &mut FunctionBuilder, cx: &Cx, args: Local) -> (Local, Local) {
    let p = b.payload(args);
    let n = b.ld(p, ARR_LEN);
    let argv = b.c1(cx.rt.push_args, &[n]);
    let some = b.opi(I32Ne, n, 0);
    b.if_then(some, |b| {
        let elems = b.ld(p, ARR_ELEMS);
        let src = b.opi(I32Add, elems, BYTES_DATA as i32);
        let bytes = b.opi(I32Shl, n, 3);
        b.memory_copy(argv, src, bytes);
    });
    (argv, n)
}

/// `call_spread(f, this, args, what) -> V`
fn call_spread(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.call_spread, |b| {
        let (f, this, args, what) = (b.param(0), b.param(1), b.param(2), b.param(3));
        let is_fn = b.has_tag(f, TAG_FUNCTION);
        let not_fn = b.not(is_fn);
        b.if_then(not_fn, |b| {
            b.call(cx.rt.throw_not_callable, &[what]);
            b.ret_val(UNDEFINED);
        });
        let (argv, n) = push_array_args(b, cx, args);
        let fp = b.payload(f);
        let slot = b.ld(fp, FN_SLOT);
        let r = b.call_indirect(&js_func_sig(), slot, &[fp, this, argv, n])[0];
        b.call(cx.rt.pop_args, &[n]);
        b.ret1(r);
    });
}

/// `construct_spread(f, args) -> V`
fn construct_spread(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.construct_spread, |b| {
        let (f, args) = (b.param(0), b.param(1));
        let (argv, n) = push_array_args(b, cx, args);
        let r = b.c1(cx.rt.construct, &[f, argv, n]);
        b.call(cx.rt.pop_args, &[n]);
        b.ret1(r);
    });
}

/// `rest_args(argv, argc, from) -> V`
fn rest_args(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.rest_args, |b| {
        let (argv, argc, from) = (b.param(0), b.param(1), b.param(2));
        let more = b.bin(I32GtU, argc, from);
        let d = b.bin(I32Sub, argc, from);
        let zero = b.ic(0);
        let n = b.select(more, d, zero);
        let out = b.c1(cx.rt.new_array, &[n]);
        b.if_then(more, |b| {
            let p = b.payload(out);
            let elems = b.ld(p, ARR_ELEMS);
            let dst = b.opi(I32Add, elems, BYTES_DATA as i32);
            let off = b.opi(I32Shl, from, 3);
            let src = b.bin(I32Add, argv, off);
            let bytes = b.opi(I32Shl, n, 3);
            b.memory_copy(dst, src, bytes);
            b.st(p, ARR_LEN, n);
        });
        b.ret1(out);
    });
}

/// `copy_props(target, src, excluded)`
fn copy_props(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.copy_props, |b| {
        let (target, src, excluded) = (b.param(0), b.param(1), b.param(2));
        let is_obj = b.is_objlike(src);
        let is_str = b.has_tag(src, TAG_STRING);
        let ok = b.bin(I32Or, is_obj, is_str);
        let skip = b.not(ok);
        b.if_then(skip, |b| b.ret(&[]));
        let keys = b.c1(cx.rt.own_keys, &[src]);
        let kp = b.payload(keys);
        let n = b.ld(kp, ARR_LEN);
        let has_ex = b.opl(I64Ne, excluded, UNDEFINED);
        let zero = b.ic(0);
        for_range(b, zero, n, |b, i| {
            let elems = b.ld(kp, ARR_ELEMS);
            let a = elem_addr(b, elems, i, 3);
            let key = b.ld64(a, 0);
            let next = b.new_block();
            let body = b.new_block();
            b.if_then(has_ex, |b| {
                let ep = b.payload(excluded);
                let en = b.ld(ep, ARR_LEN);
                let z = b.ic(0);
                let kptr = b.payload(key);
                for_range(b, z, en, |b, j| {
                    let ee = b.ld(ep, ARR_ELEMS);
                    let ea = elem_addr(b, ee, j, 3);
                    let ex = b.ld64(ea, 0);
                    let exp = b.payload(ex);
                    let same = b.c1(cx.rt.string_equals, &[kptr, exp]);
                    b.if_then(same, |b| b.jump(next));
                });
            });
            b.jump(body);
            b.switch_to(body);
            let v = b.c1(cx.rt.get, &[src, key]);
            b.call(cx.rt.set, &[target, key, v]);
            b.jump(next);
            b.switch_to(next);
        });
        b.ret(&[]);
    });
}

/// `throw_destructure(v, what, prop)`
fn throw_destructure(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.throw_destructure, |b| {
        let (v, what, prop) = (b.param(0), b.param(1), b.param(2));
        let k = &cx.k;
        let is_null = b.opl(I64Eq, v, NULL);
        let w = b.local(Type::I32);
        b.copy(w, what);
        let none = b.not(what);
        b.if_then(none, |b| {
            let on = b.str_ptr(k.object_null);
            let u = b.str_ptr(k.undefined);
            let d = b.select(is_null, on, u);
            b.copy(w, d);
        });
        let n = b.str_ptr(k.null);
        let u = b.str_ptr(k.undefined);
        let tail = b.select(is_null, n, u);
        let as_ = b.str_ptr(k.destructure_as);
        let dot = b.str_ptr(k.period);
        let end = b.c1(cx.h.concat3, &[as_, tail, dot]);
        b.if_else(
            prop,
            |b| {
                let pre = b.str_ptr(k.destructure_pre);
                let of = b.str_ptr(k.destructure_of);
                let a = b.c1(cx.h.concat3, &[pre, prop, of]);
                b.call(cx.h.throw_type_with, &[a, w, end]);
            },
            |b| {
                let pre = b.str_ptr(k.destructure_whole);
                b.call(cx.h.throw_type_with, &[pre, w, end]);
            },
        );
        b.ret(&[]);
    });
}
