//! Conversions (ECMAScript abstract operations): ToNumber, ToString (with
//! Number::toString, Array.prototype.join's core, and the built-in string
//! forms of objects), ToBoolean, ToInt32, ToPropertyKey, typeof, and NaN
//! canonicalisation. None of them calls back into JS code.

use super::context::*;
use crate::layout::*;
use switchyard_ir::BinOp::*;
use switchyard_ir::UnOp::*;
use switchyard_ir::{FunctionBuilder, Local, Module, Type};

pub(super) fn build(m: &mut Module, cx: &Cx) {
    number_to_value(m, cx);
    number_to_string(m, cx);
    to_number(m, cx);
    to_boolean(m, cx);
    f64_to_int32(m, cx);
    to_int32(m, cx);
    to_string(m, cx);
    object_to_string(m, cx);
    to_primitive(m, cx);
    array_join(m, cx);
    to_property_key(m, cx);
    type_of(m, cx);
}

/// `x` with any NaN replaced by the canonical NaN (as an f64).
pub(crate) fn canonical_f64(b: &mut FunctionBuilder, x: Local) -> Local {
    let ok = b.bin(F64Eq, x, x);
    let nan = b.fc(f64::from_bits(CANONICAL_NAN));
    b.select(ok, x, nan)
}

/// `number_to_value(x) -> V`
fn number_to_value(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.number_to_value, |b| {
        let x = b.param(0);
        let c = canonical_f64(b, x);
        let v = b.f64_val(c);
        b.ret1(v);
    });
}

/// `number_to_string(x) -> V`: integers in i32 range are formatted here,
/// everything else by the host into SCRATCH.
fn number_to_string(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.number_to_string, |b| {
        let x = b.param(0);
        let t = b.un(I32TruncSatF64S, x);
        let back = b.un(F64ConvertI32S, t);
        let is_int = b.bin(F64Eq, back, x);
        b.if_then(is_int, |b| {
            let digit = b.opi(I32LtU, t, 10);
            b.if_then(digit, |b| {
                let off = b.opi(I32Shl, t, 2);
                let p = b.ld(off, cx.k.chars + 4 * 48);
                let v = b.boxed(TAG_STRING, p);
                b.ret1(v);
            });
            let neg = b.opi(I32LtS, t, 0);
            let zero = b.ic(0);
            let negated = b.bin(I32Sub, zero, t);
            let n = b.select(neg, negated, t);
            // Count the digits.
            let digits = b.ic(0);
            let q = b.local(Type::I32);
            b.copy(q, n);
            b.loop_(|b, lt| {
                b.inc(digits, 1);
                let ten = b.ic(10);
                b.binary_into(q, I32DivU, q, ten);
                let z = b.not(q);
                b.if_then(z, |b| b.jump(lt.break_to));
            });
            let len = b.bin(I32Add, digits, neg);
            let s = b.c1(cx.rt.new_string, &[len]);
            let bytes = b.opi(I32Shl, len, 1);
            let pos = b.bin(I32Add, s, bytes);
            let pos = b.opi(I32Add, pos, STR_DATA as i32);
            b.loop_(|b, lt| {
                b.inc(pos, -2);
                let ten = b.ic(10);
                let r = b.bin(I32RemU, n, ten);
                let c = b.opi(I32Add, r, 48);
                b.st16(pos, 0, c);
                b.binary_into(n, I32DivU, n, ten);
                let z = b.not(n);
                b.if_then(z, |b| b.jump(lt.break_to));
            });
            b.if_then(neg, |b| {
                let minus = b.ic('-' as i32);
                b.st16(s, STR_DATA, minus);
            });
            let v = b.boxed(TAG_STRING, s);
            b.ret1(v);
        });
        let buf = b.ic(SCRATCH as i32);
        let len = b.c1(cx.rt.host.number_to_string, &[x, buf]);
        let s = b.c1(cx.h.ascii_to_string, &[buf, len]);
        let v = b.boxed(TAG_STRING, s);
        b.ret1(v);
    });
}

/// `to_number(v) -> f64`
fn to_number(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.to_number, |b| {
        let v = b.param(0);
        let tb = b.tag_switch(v);
        let nan = f64::from_bits(CANONICAL_NAN);
        b.switch_to(tb.number);
        let x = b.to_f64(v);
        b.ret1(x);
        for blk in [tb.undefined, tb.function, tb.symbol] {
            b.switch_to(blk);
            b.ret_default(Ret::F64(nan));
        }
        b.switch_to(tb.null);
        b.ret_default(Ret::F64(0.0));
        b.switch_to(tb.boolean);
        let p = b.payload(v);
        let x = b.un(F64ConvertI32U, p);
        b.ret1(x);
        b.switch_to(tb.string);
        let p = b.payload(v);
        let x = b.c1(cx.rt.host.string_to_number, &[p]);
        let x = canonical_f64(b, x);
        b.ret1(x);
        b.switch_to(tb.object);
        let p = b.payload(v);
        let k = b.kind(p);
        let arr = b.opi(I32Eq, k, KIND_ARRAY as i32);
        b.if_then(arr, |b| {
            let s = b.c1(cx.rt.to_string, &[v]);
            let sp = b.payload(s);
            let x = b.c1(cx.rt.host.string_to_number, &[sp]);
            let x = canonical_f64(b, x);
            b.ret1(x);
        });
        // A Node Timeout object converts to its numeric id (the prelude's
        // timers, `promise.js`: slot 8).
        let is_timer = b.is_class(v, CLASS_TIMER);
        b.if_then(is_timer, |b| {
            let id = b.ld64(p, SLOTS + 8 * TIMER_ID_SLOT);
            let x = b.to_f64(id);
            b.ret1(x);
        });
        b.ret_default(Ret::F64(nan));
    });
}

/// The slot of a timer object holding its numeric id.
const TIMER_ID_SLOT: u32 = 8;

/// `to_boolean(v) -> I`
fn to_boolean(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.to_boolean, |b| {
        let v = b.param(0);
        let n = b.is_num(v);
        b.if_then(n, |b| {
            let x = b.to_f64(v);
            let a = b.un(F64Abs, x);
            let r = b.opf(F64Gt, a, 0.0);
            b.ret1(r);
        });
        let t = b.tag(v);
        let is_bool = b.opi(I32Eq, t, TAG_BOOL as i32);
        b.if_then(is_bool, |b| {
            let p = b.payload(v);
            b.ret1(p);
        });
        let is_str = b.opi(I32Eq, t, TAG_STRING as i32);
        b.if_then(is_str, |b| {
            let p = b.payload(v);
            let l = b.ld(p, STR_LEN);
            let r = b.opi(I32Ne, l, 0);
            b.ret1(r);
        });
        // undefined, null (and the internal sentinels) are falsy; objects,
        // functions and symbols truthy.
        let r = b.opi(I32GtU, t, TAG_NULL as i32);
        b.ret1(r);
    });
}

/// `f64_to_int32(x) -> I`: ToInt32 on a number.
fn f64_to_int32(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.f64_to_int32, |b| {
        let x = b.param(0);
        let lo = b.opf(F64Gt, x, -2147483649.0);
        let hi = b.opf(F64Lt, x, 2147483648.0);
        let fits = b.bin(I32And, lo, hi);
        b.if_then(fits, |b| {
            let t = b.un(I32TruncSatF64S, x);
            b.ret1(t);
        });
        let a = b.un(F64Abs, x);
        let finite = b.opf(F64Lt, a, f64::INFINITY);
        let bad = b.not(finite);
        b.if_then(bad, |b| b.ret_i32(0));
        // t mod 2^32 in [0, 2^32): exact for every integral double.
        let t = b.un(F64Trunc, x);
        let q = b.opf(F64Div, t, 4294967296.0);
        let fq = b.un(F64Floor, q);
        let k = b.opf(F64Mul, fq, 4294967296.0);
        let r = b.bin(F64Sub, t, k);
        let r64 = b.un(I64TruncSatF64S, r);
        let r32 = b.un(I32WrapI64, r64);
        b.ret1(r32);
    });
}

/// `to_int32(v) -> I`
fn to_int32(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.to_int32, |b| {
        let v = b.param(0);
        let x = b.local(Type::F64);
        let n = b.is_num(v);
        b.if_else(
            n,
            |b| {
                let f = b.to_f64(v);
                b.copy(x, f);
            },
            |b| b.call_into(&[x], cx.rt.to_number, &[v]),
        );
        let r = b.c1(cx.rt.f64_to_int32, &[x]);
        b.ret1(r);
    });
}

/// `to_string(v) -> V`
fn to_string(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.to_string, |b| {
        let v = b.param(0);
        let k = &cx.k;
        let tb = b.tag_switch(v);
        b.switch_to(tb.number);
        let x = b.to_f64(v);
        let r = b.c1(cx.rt.number_to_string, &[x]);
        b.ret1(r);
        b.switch_to(tb.undefined);
        let r = b.str_val(k.undefined);
        b.ret1(r);
        b.switch_to(tb.null);
        let r = b.str_val(k.null);
        b.ret1(r);
        b.switch_to(tb.boolean);
        let p = b.payload(v);
        let t = b.str_val(k.true_);
        let f = b.str_val(k.false_);
        let r = b.select(p, t, f);
        b.ret1(r);
        b.switch_to(tb.string);
        b.ret1(v);
        for blk in [tb.object, tb.function] {
            b.switch_to(blk);
            let r = b.c1(cx.h.object_to_string, &[v]);
            b.ret1(r);
        }
        b.switch_to(tb.symbol);
        let p = b.payload(v);
        let is_async = b.opi(I32Eq, p, SYMBOL_ASYNC_ITERATOR as i32);
        let a = b.str_val(k.sym_async_iterator);
        let i = b.str_val(k.sym_iterator);
        let r = b.select(is_async, a, i);
        let is_tag = b.opi(I32Eq, p, SYMBOL_TO_STRING_TAG as i32);
        let t = b.str_val(k.sym_to_string_tag);
        let r = b.select(is_tag, t, r);
        b.ret1(r);
    });
}

/// `object_to_string(v) -> V`: arrays join with ",", functions are
/// `function NAME() { [native code] }`, errors `Name: message`, other
/// objects `[object Object]`.
fn object_to_string(m: &mut Module, cx: &Cx) {
    define(m, cx.h.object_to_string, |b| {
        let v = b.param(0);
        let k = &cx.k;
        let p = b.payload(v);
        let is_fn = b.has_tag(v, TAG_FUNCTION);
        b.if_then(is_fn, |b| {
            let pre = b.str_ptr(k.function_prefix);
            let name = b.ld(p, FN_NAME);
            let post = b.str_ptr(k.native_code);
            let s = b.c1(cx.h.concat3, &[pre, name, post]);
            let r = b.boxed(TAG_STRING, s);
            b.ret1(r);
        });
        let is_timer = b.is_class(v, CLASS_TIMER);
        let kind = b.kind(p);
        b.if_then(is_timer, |b| {
            let id = b.ld64(p, SLOTS + 8 * TIMER_ID_SLOT);
            let r = b.c1(cx.rt.to_string, &[id]);
            b.ret1(r);
        });
        let arr = b.opi(I32Eq, kind, KIND_ARRAY as i32);
        b.if_then(arr, |b| {
            let sep = b.str_ptr(k.comma);
            let r = b.c1(cx.rt.array_join, &[v, sep]);
            b.ret1(r);
        });
        let obj = b.opi(I32Eq, kind, KIND_OBJECT as i32);
        let class = b.ld(p, OBJ_CLASS);
        let err = b.opi(I32Eq, class, CLASS_ERROR as i32);
        let is_err = b.bin(I32And, obj, err);
        b.if_then(is_err, |b| {
            // name and message through the prototype chain.
            let key = b.str_ptr(k.name);
            let name = b.c1(cx.rt.get_named, &[v, key]);
            let key = b.str_ptr(k.message);
            let msg = b.c1(cx.rt.get_named, &[v, key]);
            let ns = b.local(Type::I32);
            let ms = b.local(Type::I32);
            for (val, dst, dflt) in [(name, ns, k.error_names[0]), (msg, ms, k.empty)] {
                let undef = b.opl(I64Eq, val, UNDEFINED);
                b.if_else(
                    undef,
                    |b| {
                        let d = b.str_ptr(dflt);
                        b.copy(dst, d);
                    },
                    |b| {
                        let s = b.c1(cx.rt.to_string, &[val]);
                        let sp = b.payload(s);
                        b.copy(dst, sp);
                    },
                );
            }
            let nl = b.ld(ns, STR_LEN);
            let no_name = b.not(nl);
            b.if_then(no_name, |b| {
                let r = b.boxed(TAG_STRING, ms);
                b.ret1(r);
            });
            let ml = b.ld(ms, STR_LEN);
            let no_msg = b.not(ml);
            b.if_then(no_msg, |b| {
                let r = b.boxed(TAG_STRING, ns);
                b.ret1(r);
            });
            let sep = b.str_ptr(k.colon_space);
            let s = b.c1(cx.h.concat3, &[ns, sep, ms]);
            let r = b.boxed(TAG_STRING, s);
            b.ret1(r);
        });
        let r = b.str_val(k.object_object);
        b.ret1(r);
    });
}

/// `to_primitive(v) -> V`: objects become their string form.
fn to_primitive(m: &mut Module, cx: &Cx) {
    define(m, cx.h.to_primitive, |b| {
        let v = b.param(0);
        let o = b.is_objlike(v);
        b.if_then(o, |b| {
            let r = b.c1(cx.h.object_to_string, &[v]);
            b.ret1(r);
        });
        b.ret1(v);
    });
}

/// `array_join(arr, sep) -> V`: converts every element into a temporary
/// array of strings (undefined, null and holes as ""), then copies once.
fn array_join(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.array_join, |b| {
        let (arr, sep) = (b.param(0), b.param(1));
        let p = b.payload(arr);
        let n = b.ld(p, ARR_LEN);
        let none = b.not(n);
        b.if_then(none, |b| {
            let r = b.str_val(cx.k.empty);
            b.ret1(r);
        });
        let parts = b.c1(cx.rt.new_array, &[n]);
        let pp = b.payload(parts);
        let zero = b.ic(0);
        let empty = b.str_val(cx.k.empty);
        for_range(b, zero, n, |b, i| {
            // The source may not shrink meanwhile (no JS code runs), but
            // reload the element storage: nothing is cached across calls.
            let elems = b.ld(p, ARR_ELEMS);
            let a = elem_addr(b, elems, i, 3);
            let e = b.ld64(a, 0);
            let s = b.local(Type::I64);
            let nullish = b.is_nullish(e);
            b.if_else(
                nullish,
                |b| b.copy(s, empty),
                |b| b.call_into(&[s], cx.rt.to_string, &[e]),
            );
            b.call(cx.rt.array_push, &[parts, s]);
        });
        let sl = b.ld(sep, STR_LEN);
        let total = b.bin(I32Mul, sl, n);
        b.binary_into(total, I32Sub, total, sl);
        let pe = b.ld(pp, ARR_ELEMS);
        for_range(b, zero, n, |b, i| {
            let a = elem_addr(b, pe, i, 3);
            let s = b.ld(a, 0);
            let l = b.ld(s, STR_LEN);
            b.binary_into(total, I32Add, total, l);
        });
        let r = b.c1(cx.rt.new_string, &[total]);
        let d = b.opi(I32Add, r, STR_DATA as i32);
        let sep_bytes = b.opi(I32Shl, sl, 1);
        for_range(b, zero, n, |b, i| {
            b.if_then(i, |b| {
                super::strings::copy_units(b, d, sep, zero, sl);
                b.binary_into(d, I32Add, d, sep_bytes);
            });
            let a = elem_addr(b, pe, i, 3);
            let s = b.ld(a, 0);
            let l = b.ld(s, STR_LEN);
            super::strings::copy_units(b, d, s, zero, l);
            let bytes = b.opi(I32Shl, l, 1);
            b.binary_into(d, I32Add, d, bytes);
        });
        let v = b.boxed(TAG_STRING, r);
        b.ret1(v);
    });
}

/// `to_property_key(v) -> P`
fn to_property_key(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.to_property_key, |b| {
        let v = b.param(0);
        let is_str = b.has_tag(v, TAG_STRING);
        b.if_then(is_str, |b| {
            let p = b.payload(v);
            b.ret1(p);
        });
        let n = b.is_num(v);
        b.if_then(n, |b| {
            let x = b.to_f64(v);
            let s = b.c1(cx.rt.number_to_string, &[x]);
            let p = b.payload(s);
            b.ret1(p);
        });
        let s = b.c1(cx.rt.to_string, &[v]);
        let p = b.payload(s);
        b.ret1(p);
    });
}

/// `type_of(v) -> V`
fn type_of(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.type_of, |b| {
        let v = b.param(0);
        let k = &cx.k;
        let tb = b.tag_switch(v);
        for (blk, s) in [
            (tb.number, k.number),
            (tb.undefined, k.undefined),
            (tb.null, k.object),
            (tb.boolean, k.boolean),
            (tb.string, k.string),
            (tb.object, k.object),
            (tb.function, k.function),
            (tb.symbol, k.symbol),
        ] {
            b.switch_to(blk);
            let r = b.str_val(s);
            b.ret1(r);
        }
    });
}
