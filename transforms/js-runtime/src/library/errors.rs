//! Exceptions without Wasm exception instructions: throwing sets
//! `exc_pending`, `exc_value` and `exc_pos`, and every caller checks
//! `exc_pending` after a call that may throw. Also the Error objects the
//! runtime creates itself, and the short descriptions of values used in
//! messages such as `5 is not a function`.

use super::context::*;
use crate::layout::*;
use switchyard_ir::BinOp::*;
use switchyard_ir::{Module, Type};

pub(super) fn build(m: &mut Module, cx: &Cx) {
    throw_value(m, cx);
    make_error(m, cx);
    throw_error(m, cx);
    throw_suffixed(
        m,
        cx,
        cx.rt.throw_not_callable,
        ERR_TYPE,
        cx.k.not_a_function,
    );
    throw_suffixed(
        m,
        cx,
        cx.rt.throw_not_defined,
        ERR_REFERENCE,
        cx.k.not_defined,
    );
    throw_suffixed(m, cx, cx.rt.throw_not_iterable, ERR_TYPE, cx.k.not_iterable);
    describe(m, cx);
}

/// `throw_value(v, pos)`
fn throw_value(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.throw_value, |b| {
        let (v, pos) = (b.param(0), b.param(1));
        let one = b.ic(1);
        b.global_set(cx.rt.exc_pending, one);
        b.global_set(cx.rt.exc_value, v);
        b.global_set(cx.rt.exc_pos, pos);
        b.ret(&[]);
    });
}

/// `make_error(kind, message) -> V`
fn make_error(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.make_error, |b| {
        let (kind, message) = (b.param(0), b.param(1));
        let proto = b.local(Type::I32);
        let join = b.new_block();
        let blocks: Vec<_> = cx.rt.proto_errors.iter().map(|_| b.new_block()).collect();
        b.switch(kind, blocks.clone(), blocks[0]);
        for (blk, g) in blocks.iter().zip(&cx.rt.proto_errors) {
            b.switch_to(*blk);
            b.global_get_into(proto, *g);
            b.jump(join);
        }
        b.switch_to(join);
        let size = b.ic(OBJ_SIZE as i32);
        let p = b.c1(cx.rt.alloc, &[size]);
        b.sti(p, HEADER, KIND_OBJECT as i32);
        b.st(p, OBJ_PROTO, proto);
        b.sti(p, OBJ_CLASS, CLASS_ERROR as i32);
        let has_msg = b.opl(I64Ne, message, UNDEFINED);
        b.if_then(has_msg, |b| {
            let s = b.c1(cx.rt.to_string, &[message]);
            let key = b.str_ptr(cx.k.message);
            let hidden = b.ic(PROP_HIDDEN as i32);
            b.call(cx.h.add_prop, &[p, key, s, hidden]);
        });
        let v = b.boxed(TAG_OBJECT, p);
        b.ret1(v);
    });
}

/// `throw_error(kind, message)`
fn throw_error(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.throw_error, |b| {
        let (kind, message) = (b.param(0), b.param(1));
        let mv = b.boxed(TAG_STRING, message);
        let e = b.c1(cx.rt.make_error, &[kind, mv]);
        let pos = b.ic(0);
        b.call(cx.rt.throw_value, &[e, pos]);
        b.ret(&[]);
    });
}

/// `f(what)`: throws an error of `kind` with message `<what><suffix>`.
fn throw_suffixed(m: &mut Module, cx: &Cx, f: switchyard_ir::FuncId, kind: i32, suffix: Str) {
    define(m, f, |b| {
        let what = b.param(0);
        let s = b.str_ptr(suffix);
        let msg = b.c1(cx.rt.string_concat, &[what, s]);
        let k = b.ic(kind);
        b.call(cx.rt.throw_error, &[k, msg]);
        b.ret(&[]);
    });
}

/// `describe(v) -> P`: `undefined`, `null`, `true`, `5`, `"text"`,
/// `Symbol(Symbol.iterator)`, a function's name (or `function`), `object`.
fn describe(m: &mut Module, cx: &Cx) {
    define(m, cx.h.describe, |b| {
        let v = b.param(0);
        let k = &cx.k;
        let is_str = b.has_tag(v, TAG_STRING);
        b.if_then(is_str, |b| {
            let q = b.str_ptr(k.quote);
            let p = b.payload(v);
            let r = b.c1(cx.h.concat3, &[q, p, q]);
            b.ret1(r);
        });
        let is_fn = b.has_tag(v, TAG_FUNCTION);
        b.if_then(is_fn, |b| {
            let p = b.payload(v);
            let name = b.ld(p, FN_NAME);
            let len = b.ld(name, STR_LEN);
            let dflt = b.str_ptr(k.function);
            let r = b.select(len, name, dflt);
            b.ret1(r);
        });
        let is_obj = b.has_tag(v, TAG_OBJECT);
        b.if_then(is_obj, |b| {
            let r = b.str_ptr(k.object);
            b.ret1(r);
        });
        let s = b.c1(cx.rt.to_string, &[v]);
        let p = b.payload(s);
        b.ret1(p);
    });
}
