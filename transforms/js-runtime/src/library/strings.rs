//! Strings: concatenation, equality and ordering by UTF-16 units,
//! one-unit strings (static below U+0080), substrings, search, and
//! building one string from many in a single allocation.

use super::context::*;
use crate::layout::*;
use switchyard_ir::BinOp::*;
use switchyard_ir::{FunctionBuilder, Local, Module, Type};

pub(super) fn build(m: &mut Module, cx: &Cx) {
    string_concat(m, cx);
    string_equals(m, cx);
    string_compare(m, cx);
    string_from_code_unit(m, cx);
    substring(m, cx);
    string_index_of(m, cx);
    concat_all(m, cx);
    concat3(m, cx);
    ascii_to_string(m, cx);
}

/// Copies `len` units from string `src` at unit `from` to address `dst`.
pub(crate) fn copy_units(b: &mut FunctionBuilder, dst: Local, src: Local, from: Local, len: Local) {
    let off = b.opi(I32Shl, from, 1);
    let s = b.bin(I32Add, src, off);
    let s = b.opi(I32Add, s, STR_DATA as i32);
    let bytes = b.opi(I32Shl, len, 1);
    b.memory_copy(dst, s, bytes);
}

/// `string_concat(a, b) -> P`
fn string_concat(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.string_concat, |b| {
        let (x, y) = (b.param(0), b.param(1));
        let lx = b.ld(x, STR_LEN);
        let ex = b.not(lx);
        b.if_then(ex, |b| b.ret1(y));
        let ly = b.ld(y, STR_LEN);
        let ey = b.not(ly);
        b.if_then(ey, |b| b.ret1(x));
        let n = b.bin(I32Add, lx, ly);
        let r = b.c1(cx.rt.new_string, &[n]);
        let zero = b.ic(0);
        let d = b.opi(I32Add, r, STR_DATA as i32);
        copy_units(b, d, x, zero, lx);
        let bx = b.opi(I32Shl, lx, 1);
        let d2 = b.bin(I32Add, d, bx);
        copy_units(b, d2, y, zero, ly);
        b.ret1(r);
    });
}

/// `string_equals(a, b) -> I`: pointer, length, then 4 units at a time.
fn string_equals(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.string_equals, |b| {
        let (x, y) = (b.param(0), b.param(1));
        let same = b.bin(I32Eq, x, y);
        b.if_then(same, |b| b.ret_i32(1));
        let lx = b.ld(x, STR_LEN);
        let ly = b.ld(y, STR_LEN);
        let ne = b.bin(I32Ne, lx, ly);
        b.if_then(ne, |b| b.ret_i32(0));
        let px = b.opi(I32Add, x, STR_DATA as i32);
        let py = b.opi(I32Add, y, STR_DATA as i32);
        let nbytes = b.opi(I32Shl, lx, 1);
        let end = b.bin(I32Add, px, nbytes);
        let wbytes = b.opi(I32And, nbytes, -8);
        let wend = b.bin(I32Add, px, wbytes);
        b.while_(
            |b| b.bin(I32LtU, px, wend),
            |b, _| {
                let a = b.ld64(px, 0);
                let c = b.ld64(py, 0);
                let d = b.bin(I64Ne, a, c);
                b.if_then(d, |b| b.ret_i32(0));
                b.inc(px, 8);
                b.inc(py, 8);
            },
        );
        b.while_(
            |b| b.bin(I32LtU, px, end),
            |b, _| {
                let a = b.ld16(px, 0);
                let c = b.ld16(py, 0);
                let d = b.bin(I32Ne, a, c);
                b.if_then(d, |b| b.ret_i32(0));
                b.inc(px, 2);
                b.inc(py, 2);
            },
        );
        b.ret_i32(1);
    });
}

/// `string_compare(a, b) -> I`: -1, 0 or 1.
fn string_compare(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.string_compare, |b| {
        let (x, y) = (b.param(0), b.param(1));
        let same = b.bin(I32Eq, x, y);
        b.if_then(same, |b| b.ret_i32(0));
        let lx = b.ld(x, STR_LEN);
        let ly = b.ld(y, STR_LEN);
        let shorter = b.bin(I32LtU, lx, ly);
        let n = b.select(shorter, lx, ly);
        let px = b.opi(I32Add, x, STR_DATA as i32);
        let py = b.opi(I32Add, y, STR_DATA as i32);
        let nbytes = b.opi(I32Shl, n, 1);
        let end = b.bin(I32Add, px, nbytes);
        b.while_(
            |b| b.bin(I32LtU, px, end),
            |b, _| {
                let a = b.ld16(px, 0);
                let c = b.ld16(py, 0);
                let d = b.bin(I32Ne, a, c);
                b.if_then(d, |b| {
                    let lt = b.bin(I32LtU, a, c);
                    let m1 = b.ic(-1);
                    let p1 = b.ic(1);
                    let r = b.select(lt, m1, p1);
                    b.ret1(r);
                });
                b.inc(px, 2);
                b.inc(py, 2);
            },
        );
        let gt = b.bin(I32GtU, lx, ly);
        let lt = b.bin(I32LtU, lx, ly);
        let r = b.bin(I32Sub, gt, lt);
        b.ret1(r);
    });
}

/// `string_from_code_unit(u) -> V`
fn string_from_code_unit(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.string_from_code_unit, |b| {
        let u = b.param(0);
        let u = b.opi(I32And, u, 0xFFFF);
        let small = b.opi(I32LtU, u, 128);
        b.if_then(small, |b| {
            let off = b.opi(I32Shl, u, 2);
            let p = b.ld(off, cx.k.chars);
            let v = b.boxed(TAG_STRING, p);
            b.ret1(v);
        });
        let one = b.ic(1);
        let s = b.c1(cx.rt.new_string, &[one]);
        b.st16(s, STR_DATA, u);
        let v = b.boxed(TAG_STRING, s);
        b.ret1(v);
    });
}

/// `substring(s, start, end) -> V`, indices clamped to [0, length].
fn substring(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.substring, |b| {
        let (s, start, end) = (b.param(0), b.param(1), b.param(2));
        let len = b.ld(s, STR_LEN);
        let zero = b.ic(0);
        for x in [start, end] {
            let neg = b.opi(I32LtS, x, 0);
            let c = b.select(neg, zero, x);
            let over = b.bin(I32GtS, c, len);
            let c = b.select(over, len, c);
            b.copy(x, c);
        }
        let empty = b.bin(I32LeS, end, start);
        b.if_then(empty, |b| {
            let v = b.str_val(cx.k.empty);
            b.ret1(v);
        });
        let n = b.bin(I32Sub, end, start);
        let whole = b.bin(I32Eq, n, len);
        b.if_then(whole, |b| {
            let v = b.boxed(TAG_STRING, s);
            b.ret1(v);
        });
        let one = b.opi(I32Eq, n, 1);
        b.if_then(one, |b| {
            let off = b.opi(I32Shl, start, 1);
            let a = b.bin(I32Add, s, off);
            let u = b.ld16(a, STR_DATA);
            let v = b.c1(cx.rt.string_from_code_unit, &[u]);
            b.ret1(v);
        });
        let r = b.c1(cx.rt.new_string, &[n]);
        let d = b.opi(I32Add, r, STR_DATA as i32);
        copy_units(b, d, s, start, n);
        let v = b.boxed(TAG_STRING, r);
        b.ret1(v);
    });
}

/// `string_index_of(s, search, from) -> I`
fn string_index_of(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.string_index_of, |b| {
        let (s, t, from) = (b.param(0), b.param(1), b.param(2));
        let ls = b.ld(s, STR_LEN);
        let lt = b.ld(t, STR_LEN);
        let zero = b.ic(0);
        let neg = b.opi(I32LtS, from, 0);
        let i = b.select(neg, zero, from);
        let over = b.bin(I32GtS, i, ls);
        let i0 = b.select(over, ls, i);
        let i = b.local(Type::I32);
        b.copy(i, i0);
        let empty = b.not(lt);
        b.if_then(empty, |b| b.ret1(i));
        let last = b.bin(I32Sub, ls, lt);
        let first = b.ld16(t, STR_DATA);
        b.while_(
            |b| b.bin(I32LeS, i, last),
            |b, _| {
                let off = b.opi(I32Shl, i, 1);
                let ps = b.bin(I32Add, s, off);
                let u = b.ld16(ps, STR_DATA);
                let hit = b.bin(I32Eq, u, first);
                b.if_then(hit, |b| {
                    // Compare the rest.
                    let j = b.ic(1);
                    let all = b.local(Type::I32);
                    b.seti(all, 1);
                    b.while_(
                        |b| b.bin(I32LtU, j, lt),
                        |b, t2| {
                            let oj = b.opi(I32Shl, j, 1);
                            let a1 = b.bin(I32Add, ps, oj);
                            let u1 = b.ld16(a1, STR_DATA);
                            let a2 = b.bin(I32Add, t, oj);
                            let u2 = b.ld16(a2, STR_DATA);
                            let d = b.bin(I32Ne, u1, u2);
                            b.if_then(d, |b| {
                                b.seti(all, 0);
                                b.jump(t2.break_to);
                            });
                            b.inc(j, 1);
                        },
                    );
                    b.if_then(all, |b| b.ret1(i));
                });
                b.inc(i, 1);
            },
        );
        b.ret_i32(-1);
    });
}

/// `concat_all(arr) -> V`: sums the lengths, allocates once, copies.
fn concat_all(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.concat_all, |b| {
        let arr = b.param(0);
        let p = b.payload(arr);
        let n = b.ld(p, ARR_LEN);
        let elems = b.ld(p, ARR_ELEMS);
        let none = b.not(n);
        b.if_then(none, |b| {
            let v = b.str_val(cx.k.empty);
            b.ret1(v);
        });
        let single = b.opi(I32Eq, n, 1);
        b.if_then(single, |b| {
            let v = b.ld64(elems, BYTES_DATA);
            b.ret1(v);
        });
        let total = b.ic(0);
        let zero = b.ic(0);
        for_range(b, zero, n, |b, i| {
            let a = elem_addr(b, elems, i, 3);
            let s = b.ld(a, 0);
            let l = b.ld(s, STR_LEN);
            b.binary_into(total, I32Add, total, l);
        });
        let r = b.c1(cx.rt.new_string, &[total]);
        let d = b.opi(I32Add, r, STR_DATA as i32);
        for_range(b, zero, n, |b, i| {
            let a = elem_addr(b, elems, i, 3);
            let s = b.ld(a, 0);
            let l = b.ld(s, STR_LEN);
            copy_units(b, d, s, zero, l);
            let bytes = b.opi(I32Shl, l, 1);
            b.binary_into(d, I32Add, d, bytes);
        });
        let v = b.boxed(TAG_STRING, r);
        b.ret1(v);
    });
}

/// `concat3(a, b, c) -> P` (error messages).
fn concat3(m: &mut Module, cx: &Cx) {
    define(m, cx.h.concat3, |b| {
        let (x, y, z) = (b.param(0), b.param(1), b.param(2));
        let xy = b.c1(cx.rt.string_concat, &[x, y]);
        let r = b.c1(cx.rt.string_concat, &[xy, z]);
        b.ret1(r);
    });
}

/// `ascii_to_string(buf, len) -> P`: widens `len` ASCII bytes into a new string.
fn ascii_to_string(m: &mut Module, cx: &Cx) {
    define(m, cx.h.ascii_to_string, |b| {
        let (buf, len) = (b.param(0), b.param(1));
        let s = b.c1(cx.rt.new_string, &[len]);
        let zero = b.ic(0);
        for_range(b, zero, len, |b, i| {
            let src = b.bin(I32Add, buf, i);
            let c = b.load(switchyard_ir::LoadKind::I32U8, src, 0);
            let off = b.opi(I32Shl, i, 1);
            let dst = b.bin(I32Add, s, off);
            b.st16(dst, STR_DATA, c);
        });
        b.ret1(s);
    });
}
