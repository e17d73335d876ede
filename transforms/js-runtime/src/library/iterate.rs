//! Iteration for for-of: internal iterator blocks (KIND_ITER) over arrays
//! (re-reading the length each step) and strings (by code point).
//!
//! To add user iterables (generators, objects with `[Symbol.iterator]`),
//! extend the dispatch in `get_iterator` (look the method up, call it, and
//! return the iterator object it gives) and in `iterator_next` /
//! `iterator_close` (call `next` / `return` on blocks that are not KIND_ITER).

use super::context::*;
use crate::layout::*;
use switchyard_ir::BinOp::*;
use switchyard_ir::Module;

pub(super) fn build(m: &mut Module, cx: &Cx) {
    new_iter(m, cx);
    get_iterator(m, cx);
    iterator_next(m, cx);
    iterator_close(m, cx);
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

/// `get_iterator(v) -> V`
fn get_iterator(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.get_iterator, |b| {
        let v = b.param(0);
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
        let is_str = b.has_tag(v, TAG_STRING);
        b.if_then(is_str, |b| {
            let k = b.ic(ITER_STRING as i32);
            let it = b.c1(cx.h.new_iter, &[k, v]);
            b.ret1(it);
        });
        // (User iterables go here: objects with a [Symbol.iterator] method.)
        let d = b.c1(cx.h.describe, &[v]);
        let nullish = b.is_nullish(v);
        let a = b.str_ptr(cx.k.not_iterable_nullish);
        let c = b.str_ptr(cx.k.not_iterable);
        let suffix = b.select(nullish, a, c);
        let msg = b.c1(cx.rt.string_concat, &[d, suffix]);
        let kind = b.ic(ERR_TYPE);
        b.call(cx.rt.throw_error, &[kind, msg]);
        b.ret_val(UNDEFINED);
    });
}

/// `iterator_next(it) -> V`: the next value or DONE.
fn iterator_next(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.iterator_next, |b| {
        let it = b.param(0);
        let p = b.payload(it);
        let kind = b.kind(p);
        let other = b.opi(I32Ne, kind, KIND_ITER as i32);
        // (User iterator objects go here.)
        b.if_then(other, |b| b.ret_val(DONE));
        let k = b.ld(p, ITER_KIND);
        let target = b.ld64(p, ITER_TARGET);
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
                b.st(p, ITER_INDEX, i2);
                let r = b.c1(cx.rt.substring, &[tp, i, i2]);
                b.ret1(r);
            });
        });
        b.st(p, ITER_INDEX, i1);
        let r = b.c1(cx.rt.string_from_code_unit, &[u]);
        b.ret1(r);
    });
}

/// `iterator_close(it)`: nothing to do for arrays and strings.
fn iterator_close(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.iterator_close, |b| {
        b.ret(&[]);
    });
}
