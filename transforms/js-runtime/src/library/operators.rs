//! Operators (the slow paths; the front end inlines number fast paths):
//! `+`, `===`, `==`, relational comparison, `%`, `instanceof` and `in`.

use super::context::*;
use super::convert::canonical_f64;
use crate::layout::*;
use switchyard_ir::BinOp::*;
use switchyard_ir::UnOp::*;
use switchyard_ir::{FunctionBuilder, Local, Module, Type};

pub(super) fn build(m: &mut Module, cx: &Cx) {
    add(m, cx);
    strict_equals(m, cx);
    loose_equals(m, cx);
    compare(m, cx);
    remainder(m, cx);
    instance_of(m, cx);
    has_property(m, cx);
}

/// ToPrimitive without a call for primitives.
fn inline_to_primitive(b: &mut FunctionBuilder, cx: &Cx, v: Local) -> Local {
    let r = b.local(Type::I64);
    b.copy(r, v);
    let o = b.is_objlike(v);
    b.if_then(o, |b| b.call_into(&[r], cx.h.object_to_string, &[v]));
    r
}

/// `add(a, b) -> V`
fn add(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.add, |b| {
        let (x, y) = (b.param(0), b.param(1));
        let nx = b.is_num(x);
        let ny = b.is_num(y);
        let both = b.bin(I32And, nx, ny);
        b.if_then(both, |b| {
            let fx = b.to_f64(x);
            let fy = b.to_f64(y);
            let s = b.bin(F64Add, fx, fy);
            let c = canonical_f64(b, s);
            let v = b.f64_val(c);
            b.ret1(v);
        });
        let sx = b.has_tag(x, TAG_STRING);
        let sy = b.has_tag(y, TAG_STRING);
        let strs = b.bin(I32And, sx, sy);
        b.if_then(strs, |b| {
            let px = b.payload(x);
            let py = b.payload(y);
            let r = b.c1(cx.rt.string_concat, &[px, py]);
            let v = b.boxed(TAG_STRING, r);
            b.ret1(v);
        });
        let px = inline_to_primitive(b, cx, x);
        let py = inline_to_primitive(b, cx, y);
        let sx = b.has_tag(px, TAG_STRING);
        let sy = b.has_tag(py, TAG_STRING);
        let any = b.bin(I32Or, sx, sy);
        b.if_then(any, |b| {
            let a = b.c1(cx.rt.to_property_key, &[px]);
            let c = b.c1(cx.rt.to_property_key, &[py]);
            let r = b.c1(cx.rt.string_concat, &[a, c]);
            let v = b.boxed(TAG_STRING, r);
            b.ret1(v);
        });
        let fx = b.c1(cx.rt.to_number, &[px]);
        let fy = b.c1(cx.rt.to_number, &[py]);
        let s = b.bin(F64Add, fx, fy);
        let c = canonical_f64(b, s);
        let v = b.f64_val(c);
        b.ret1(v);
    });
}

/// `strict_equals(a, b) -> I`
fn strict_equals(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.strict_equals, |b| {
        let (x, y) = (b.param(0), b.param(1));
        let nx = b.is_num(x);
        b.if_then(nx, |b| {
            // A tagged y reads as a NaN, which equals nothing.
            let fx = b.to_f64(x);
            let fy = b.to_f64(y);
            let r = b.bin(F64Eq, fx, fy);
            b.ret1(r);
        });
        let same = b.bin(I64Eq, x, y);
        b.if_then(same, |b| b.ret_i32(1));
        let sx = b.has_tag(x, TAG_STRING);
        let sy = b.has_tag(y, TAG_STRING);
        let strs = b.bin(I32And, sx, sy);
        b.if_then(strs, |b| {
            let px = b.payload(x);
            let py = b.payload(y);
            let r = b.c1(cx.rt.string_equals, &[px, py]);
            b.ret1(r);
        });
        b.ret_i32(0);
    });
}

/// `loose_equals(a, b) -> I`: coerces step by step (booleans and strings
/// to numbers, objects to their string form) until the types match.
fn loose_equals(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.loose_equals, |b| {
        let x = b.param(0);
        let y = b.param(1);
        b.loop_(|b, _| {
            let nx = b.is_num(x);
            let ny = b.is_num(y);
            let both = b.bin(I32And, nx, ny);
            b.if_then(both, |b| {
                let fx = b.to_f64(x);
                let fy = b.to_f64(y);
                let r = b.bin(F64Eq, fx, fy);
                b.ret1(r);
            });
            let qx = b.is_nullish(x);
            let qy = b.is_nullish(y);
            let any = b.bin(I32Or, qx, qy);
            b.if_then(any, |b| {
                let r = b.bin(I32And, qx, qy);
                b.ret1(r);
            });
            let tx = b.tag(x);
            let ty = b.tag(y);
            let same = b.bin(I32Eq, tx, ty);
            b.if_then(same, |b| {
                let s = b.opi(I32Eq, tx, TAG_STRING as i32);
                b.if_then(s, |b| {
                    let px = b.payload(x);
                    let py = b.payload(y);
                    let r = b.c1(cx.rt.string_equals, &[px, py]);
                    b.ret1(r);
                });
                let r = b.bin(I64Eq, x, y);
                b.ret1(r);
            });
            // Booleans become numbers.
            for v in [x, y] {
                let t = b.tag(v);
                let is_bool = b.opi(I32Eq, t, TAG_BOOL as i32);
                b.if_then(is_bool, |b| {
                    let p = b.payload(v);
                    let n = b.num_u32(p);
                    b.copy(v, n);
                    let t = b.innermost_loop().expect("inside the loop");
                    b.jump(t.continue_to);
                });
            }
            // Number vs string: the string becomes a number.
            for (n, s, ts) in [(nx, y, ty), (ny, x, tx)] {
                let is_s = b.opi(I32Eq, ts, TAG_STRING as i32);
                let c = b.bin(I32And, n, is_s);
                b.if_then(c, |b| {
                    let f = b.c1(cx.rt.to_number, &[s]);
                    let v = b.f64_val(f);
                    b.copy(s, v);
                    let t = b.innermost_loop().expect("inside the loop");
                    b.jump(t.continue_to);
                });
            }
            // Object vs primitive: the object becomes its string form.
            let ox = b.is_objlike(x);
            let oy = b.is_objlike(y);
            for (o, other, v) in [(ox, oy, x), (oy, ox, y)] {
                let prim = b.not(other);
                let c = b.bin(I32And, o, prim);
                b.if_then(c, |b| {
                    let r = b.c1(cx.h.to_primitive, &[v]);
                    b.copy(v, r);
                    let t = b.innermost_loop().expect("inside the loop");
                    b.jump(t.continue_to);
                });
            }
            b.ret_i32(0);
        });
    });
}

/// Picks the result for `op` (0 `<`, 1 `<=`, 2 `>`, 3 `>=`).
fn by_op(b: &mut FunctionBuilder, op: Local, lt: Local, le: Local, gt: Local, ge: Local) -> Local {
    let is0 = b.opi(I32Eq, op, 0);
    let is1 = b.opi(I32Eq, op, 1);
    let is2 = b.opi(I32Eq, op, 2);
    let r = b.select(is2, gt, ge);
    let r = b.select(is1, le, r);
    b.select(is0, lt, r)
}

fn numeric_compare(b: &mut FunctionBuilder, op: Local, x: Local, y: Local) -> Local {
    let lt = b.bin(F64Lt, x, y);
    let le = b.bin(F64Le, x, y);
    let gt = b.bin(F64Gt, x, y);
    let ge = b.bin(F64Ge, x, y);
    by_op(b, op, lt, le, gt, ge)
}

/// `compare(a, b, op) -> I`
fn compare(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.compare, |b| {
        let (x, y, op) = (b.param(0), b.param(1), b.param(2));
        let nx = b.is_num(x);
        let ny = b.is_num(y);
        let both = b.bin(I32And, nx, ny);
        b.if_then(both, |b| {
            let fx = b.to_f64(x);
            let fy = b.to_f64(y);
            let r = numeric_compare(b, op, fx, fy);
            b.ret1(r);
        });
        let px = b.c1(cx.h.to_primitive, &[x]);
        let py = b.c1(cx.h.to_primitive, &[y]);
        let sx = b.has_tag(px, TAG_STRING);
        let sy = b.has_tag(py, TAG_STRING);
        let strs = b.bin(I32And, sx, sy);
        b.if_then(strs, |b| {
            let a = b.payload(px);
            let c = b.payload(py);
            let r = b.c1(cx.rt.string_compare, &[a, c]);
            let lt = b.opi(I32LtS, r, 0);
            let le = b.opi(I32LeS, r, 0);
            let gt = b.opi(I32GtS, r, 0);
            let ge = b.opi(I32GeS, r, 0);
            let r = by_op(b, op, lt, le, gt, ge);
            b.ret1(r);
        });
        let fx = b.c1(cx.rt.to_number, &[px]);
        let fy = b.c1(cx.rt.to_number, &[py]);
        let r = numeric_compare(b, op, fx, fy);
        b.ret1(r);
    });
}

/// `remainder(x, y) -> f64`
fn remainder(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.remainder, |b| {
        let (x, y) = (b.param(0), b.param(1));
        let xi = b.un(I32TruncSatF64S, x);
        let yi = b.un(I32TruncSatF64S, y);
        let bx = b.un(F64ConvertI32S, xi);
        let by = b.un(F64ConvertI32S, yi);
        let ex = b.bin(F64Eq, bx, x);
        let ey = b.bin(F64Eq, by, y);
        let nz = b.opi(I32Ne, yi, 0);
        let ok = b.bin(I32And, ex, ey);
        let ok = b.bin(I32And, ok, nz);
        b.if_then(ok, |b| {
            // i32.rem_s does not trap on INT_MIN % -1 (it gives 0).
            let r = b.bin(I32RemS, xi, yi);
            let rf = b.un(F64ConvertI32S, r);
            let z = b.not(r);
            b.if_then(z, |b| {
                // The result has the sign of x, including -0.
                let bits = b.f64_val(x);
                let neg = b.opl(I64LtS, bits, 0);
                let mz = b.fc(-0.0);
                let r = b.select(neg, mz, rf);
                b.ret1(r);
            });
            b.ret1(rf);
        });
        let r = b.c1(cx.rt.host.math_fmod, &[x, y]);
        let r = canonical_f64(b, r);
        b.ret1(r);
    });
}

/// `instance_of(v, ctor) -> I`
fn instance_of(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.instance_of, |b| {
        let (v, ctor) = (b.param(0), b.param(1));
        let k = &cx.k;
        let is_fn = b.has_tag(ctor, TAG_FUNCTION);
        let not_fn = b.not(is_fn);
        b.if_then(not_fn, |b| {
            let is_obj = b.has_tag(ctor, TAG_OBJECT);
            let a = b.str_ptr(k.instanceof_not_callable);
            let c = b.str_ptr(k.instanceof_not_object);
            let msg = b.select(is_obj, a, c);
            let kind = b.ic(ERR_TYPE);
            b.call(cx.rt.throw_error, &[kind, msg]);
            b.ret_i32(0);
        });
        let fp = b.payload(ctor);
        let proto = b.c1(cx.h.fn_prototype, &[fp]);
        let ok = b.is_objlike(proto);
        let bad = b.not(ok);
        b.if_then(bad, |b| {
            let pre = b.str_ptr(k.instanceof_bad_proto);
            let s = b.c1(cx.rt.to_property_key, &[proto]);
            let post = b.str_ptr(k.instanceof_bad_proto_end);
            let msg = b.c1(cx.h.concat3, &[pre, s, post]);
            let kind = b.ic(ERR_TYPE);
            b.call(cx.rt.throw_error, &[kind, msg]);
            b.ret_i32(0);
        });
        let o = b.is_objlike(v);
        let prim = b.not(o);
        b.if_then(prim, |b| b.ret_i32(0));
        let target = b.payload(proto);
        let vp = b.payload(v);
        let p = b.ld(vp, OBJ_PROTO);
        b.while_(
            |b| b.opi(I32Ne, p, 0),
            |b, _| {
                let hit = b.bin(I32Eq, p, target);
                b.if_then(hit, |b| b.ret_i32(1));
                b.load_into(p, switchyard_ir::LoadKind::I32, p, OBJ_PROTO);
            },
        );
        b.ret_i32(0);
    });
}

/// `has_property(key, obj) -> I`
fn has_property(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.has_property, |b| {
        let (key, obj) = (b.param(0), b.param(1));
        let k = &cx.k;
        let o = b.is_objlike(obj);
        let prim = b.not(o);
        b.if_then(prim, |b| {
            let pre = b.str_ptr(k.in_prefix);
            let ks = b.c1(cx.rt.to_property_key, &[key]);
            let mid = b.str_ptr(k.in_middle);
            let a = b.c1(cx.h.concat3, &[pre, ks, mid]);
            let os = b.c1(cx.rt.to_property_key, &[obj]);
            let msg = b.c1(cx.rt.string_concat, &[a, os]);
            let kind = b.ic(ERR_TYPE);
            b.call(cx.rt.throw_error, &[kind, msg]);
            b.ret_i32(0);
        });
        let p = b.payload(obj);
        let pk = b.c1(cx.rt.to_property_key, &[key]);
        let kind = b.kind(p);
        let is_arr = b.opi(I32Eq, kind, KIND_ARRAY as i32);
        b.if_then(is_arr, |b| {
            let is_len = key_is(b, cx, pk, k.length);
            b.if_then(is_len, |b| b.ret_i32(1));
            let len = b.ld(p, ARR_LEN);
            let idx = b.c1(cx.h.array_index, &[pk]);
            let ok = b.opl(I64GeS, idx, 0);
            b.if_then(ok, |b| {
                let i = b.payload(idx);
                let inside = b.bin(I32LtU, i, len);
                b.if_then(inside, |b| {
                    let elems = b.ld(p, ARR_ELEMS);
                    let a = elem_addr(b, elems, i, 3);
                    let e = b.ld64(a, 0);
                    let present = b.opl(I64Ne, e, HOLE);
                    b.ret1(present);
                });
                b.ret_i32(0);
            });
        });
        let is_fn = b.opi(I32Eq, kind, KIND_FUNCTION as i32);
        b.if_then(is_fn, |b| {
            let r = b.local(Type::I32);
            b.seti(r, 0);
            for s in [k.name, k.length, k.prototype] {
                let hit = key_is(b, cx, pk, s);
                b.binary_into(r, I32Or, r, hit);
            }
            b.if_then(r, |b| b.ret_i32(1));
        });
        let e = b.c1(cx.h.lookup, &[p, pk]);
        let r = b.opi(I32Ne, e, 0);
        b.ret1(r);
    });
}
