//! Objects, arrays and functions: allocation, property tables (lookup by
//! pointer then content, insertion-ordered, growing by doubling), the
//! prototype chain, array elements (integer keys, holes, `length`), own
//! keys in ECMAScript order, and calling / constructing functions.

use super::context::*;
use crate::layout::*;
use switchyard_ir::BinOp::*;
use switchyard_ir::UnOp::*;
use switchyard_ir::{FunctionBuilder, Local, Module, Type};

pub(super) fn build(m: &mut Module, cx: &Cx) {
    new_object_with_proto(m, cx);
    new_object(m, cx);
    new_array(m, cx);
    new_function(m, cx);
    find_prop(m, cx);
    lookup(m, cx);
    add_prop(m, cx);
    set_own(m, cx);
    array_index(m, cx);
    array_reserve(m, cx);
    array_set_elem(m, cx);
    array_push(m, cx);
    array_length(m, cx);
    array_set_length(m, cx);
    fn_prototype(m, cx);
    get_named(m, cx);
    get(m, cx);
    set_named(m, cx);
    set(m, cx);
    delete_property(m, cx);
    define_hidden(m, cx);
    own_keys(m, cx);
    call(m, cx);
    construct(m, cx);
}

/// Largest element count an array may reserve (2 GiB of elements); past it
/// the program stops with "out of memory".
const MAX_ELEMS: i32 = 0x0FFF_FFFF;

/// A plain object block with prototype `proto`, as a value.
fn emit_new_object(b: &mut FunctionBuilder, cx: &Cx, proto: Local) -> Local {
    let size = b.ic(OBJ_SIZE as i32);
    let p = b.c1(cx.rt.alloc, &[size]);
    b.sti(p, HEADER, KIND_OBJECT as i32);
    b.st(p, OBJ_PROTO, proto);
    b.boxed(TAG_OBJECT, p)
}

/// 1 if the string `key` might be an array index (non-empty, first unit a
/// digit): a cheap filter before calling `array_index`.
fn maybe_index(b: &mut FunctionBuilder, key: Local) -> Local {
    let r = b.ic(0);
    let len = b.ld(key, STR_LEN);
    b.if_then(len, |b| {
        let c = b.ld16(key, STR_DATA);
        let d = b.opi(I32Sub, c, '0' as i32);
        let digit = b.opi(I32LtU, d, 10);
        b.copy(r, digit);
    });
    r
}

/// Emits: if `key` is a canonical array index, `then(b, index)` (an i32;
/// the callback must terminate the block or fall through).
fn if_index(
    b: &mut FunctionBuilder,
    cx: &Cx,
    key: Local,
    then: impl FnOnce(&mut FunctionBuilder, Local),
) {
    let maybe = maybe_index(b, key);
    b.if_then(maybe, |b| {
        let idx = b.c1(cx.h.array_index, &[key]);
        let ok = b.opl(I64GeS, idx, 0);
        b.if_then(ok, |b| {
            let i = b.payload(idx);
            then(b, i);
        });
    });
}

/// The element value at index `i` (< length) of array block `p`, with holes
/// read as undefined.
fn load_elem(b: &mut FunctionBuilder, p: Local, i: Local) -> Local {
    let elems = b.ld(p, ARR_ELEMS);
    let a = elem_addr(b, elems, i, 3);
    let e = b.ld64(a, 0);
    let hole = b.opl(I64Eq, e, HOLE);
    let u = b.lc(UNDEFINED);
    b.select(hole, u, e)
}

/// If `x` is an integral number in [0, 2^32-2], `then(b, index)`.
fn if_number_index(
    b: &mut FunctionBuilder,
    x: Local,
    then: impl FnOnce(&mut FunctionBuilder, Local),
) {
    let i = b.un(I32TruncSatF64U, x);
    let back = b.un(F64ConvertI32U, i);
    let exact = b.bin(F64Eq, back, x);
    let not_max = b.opi(I32Ne, i, -1);
    let ok = b.bin(I32And, exact, not_max);
    b.if_then(ok, |b| then(b, i));
}

fn new_object_with_proto(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.new_object_with_proto, |b| {
        let proto = b.param(0);
        let v = emit_new_object(b, cx, proto);
        b.ret1(v);
    });
}

fn new_object(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.new_object, |b| {
        let proto = b.global_get(cx.rt.proto_object);
        let v = emit_new_object(b, cx, proto);
        b.ret1(v);
    });
}

/// `new_array(capacity) -> V`
fn new_array(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.new_array, |b| {
        let cap = b.param(0);
        let huge = b.opi(I32GtS, cap, MAX_ELEMS);
        b.if_then(huge, |b| b.fatal(cx, FATAL_OUT_OF_MEMORY));
        let size = b.ic(ARR_SIZE as i32);
        let p = b.c1(cx.rt.alloc, &[size]);
        b.sti(p, HEADER, KIND_ARRAY as i32);
        let proto = b.global_get(cx.rt.proto_array);
        b.st(p, OBJ_PROTO, proto);
        let some = b.opi(I32GtS, cap, 0);
        b.if_then(some, |b| {
            let bytes = b.opi(I32Shl, cap, 3);
            let e = b.c1(cx.h.new_bytes, &[bytes]);
            b.st(p, ARR_ELEMS, e);
            b.st(p, ARR_CAP, cap);
        });
        let v = b.boxed(TAG_OBJECT, p);
        b.ret1(v);
    });
}

/// `new_function(slot, env, name, arity) -> V`
fn new_function(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.new_function, |b| {
        let (slot, env, name, arity) = (b.param(0), b.param(1), b.param(2), b.param(3));
        let size = b.ic(FN_SIZE as i32);
        let p = b.c1(cx.rt.alloc, &[size]);
        b.sti(p, HEADER, KIND_FUNCTION as i32);
        let proto = b.global_get(cx.rt.proto_function);
        b.st(p, OBJ_PROTO, proto);
        b.st(p, FN_SLOT, slot);
        b.st(p, FN_ENV, env);
        b.st(p, FN_NAME, name);
        b.st(p, FN_ARITY, arity);
        let v = b.boxed(TAG_FUNCTION, p);
        b.ret1(v);
    });
}

/// Emits the scan of `o`'s own property table for `key`, setting `found`
/// to the entry's address or 0: one pass comparing pointers (interned keys
/// hit here), then one comparing contents.
fn emit_scan(b: &mut FunctionBuilder, cx: &Cx, o: Local, key: Local, found: Local) {
    b.seti(found, 0);
    let done = b.new_labeled_block("scan_done");
    let n = b.ld(o, OBJ_PROPS_LEN);
    b.if_then(n, |b| {
        let props = b.ld(o, OBJ_PROPS);
        let base = b.opi(I32Add, props, BYTES_DATA as i32);
        let bytes = b.opi(I32Shl, n, 4);
        let end = b.bin(I32Add, base, bytes);
        let e = b.local(Type::I32);
        b.copy(e, base);
        b.while_(
            |b| b.bin(I32LtU, e, end),
            |b, _| {
                let k = b.ld(e, PROP_KEY);
                let hit = b.bin(I32Eq, k, key);
                b.if_then(hit, |b| {
                    b.copy(found, e);
                    b.jump(done);
                });
                b.inc(e, PROP_ENTRY_SIZE as i32);
            },
        );
        let klen = b.ld(key, STR_LEN);
        b.copy(e, base);
        b.while_(
            |b| b.bin(I32LtU, e, end),
            |b, _| {
                let k = b.ld(e, PROP_KEY);
                let l = b.ld(k, STR_LEN);
                let same_len = b.bin(I32Eq, l, klen);
                b.if_then(same_len, |b| {
                    let eq = b.c1(cx.rt.string_equals, &[k, key]);
                    b.if_then(eq, |b| {
                        b.copy(found, e);
                        b.jump(done);
                    });
                });
                b.inc(e, PROP_ENTRY_SIZE as i32);
            },
        );
        b.jump(done);
        b.switch_to(done);
    });
}

/// `find_prop(obj, key) -> I`
fn find_prop(m: &mut Module, cx: &Cx) {
    define(m, cx.h.find_prop, |b| {
        let (o, key) = (b.param(0), b.param(1));
        let found = b.local(Type::I32);
        emit_scan(b, cx, o, key, found);
        b.ret1(found);
    });
}

/// `lookup(obj, key) -> I`: the entry along the prototype chain (the scan
/// is inlined: this is the path of every method call).
fn lookup(m: &mut Module, cx: &Cx) {
    define(m, cx.h.lookup, |b| {
        let (o, key) = (b.param(0), b.param(1));
        let p = b.local(Type::I32);
        let found = b.local(Type::I32);
        b.copy(p, o);
        b.while_(
            |b| b.opi(I32Ne, p, 0),
            |b, _| {
                emit_scan(b, cx, p, key, found);
                b.if_then(found, |b| b.ret1(found));
                b.load_into(p, switchyard_ir::LoadKind::I32, p, OBJ_PROTO);
            },
        );
        b.ret_i32(0);
    });
}

/// `add_prop(obj, key, v, flags)`: appends, doubling the table when full.
fn add_prop(m: &mut Module, cx: &Cx) {
    define(m, cx.h.add_prop, |b| {
        let (o, key, v, flags) = (b.param(0), b.param(1), b.param(2), b.param(3));
        let n = b.ld(o, OBJ_PROPS_LEN);
        let cap = b.ld(o, OBJ_PROPS_CAP);
        let full = b.bin(I32GeU, n, cap);
        b.if_then(full, |b| {
            let dbl = b.opi(I32Shl, cap, 1);
            let four = b.ic(4);
            let empty = b.not(cap);
            let newcap = b.select(empty, four, dbl);
            let bytes = b.opi(I32Shl, newcap, 4);
            let nb = b.c1(cx.h.new_bytes, &[bytes]);
            let old = b.ld(o, OBJ_PROPS);
            b.if_then(old, |b| {
                let d = b.opi(I32Add, nb, BYTES_DATA as i32);
                let s = b.opi(I32Add, old, BYTES_DATA as i32);
                let len = b.opi(I32Shl, n, 4);
                b.memory_copy(d, s, len);
            });
            b.st(o, OBJ_PROPS, nb);
            b.st(o, OBJ_PROPS_CAP, newcap);
        });
        let props = b.ld(o, OBJ_PROPS);
        let e = elem_addr(b, props, n, 4);
        b.st(e, PROP_KEY, key);
        b.st(e, PROP_FLAGS, flags);
        b.st64(e, PROP_VALUE, v);
        let n1 = b.opi(I32Add, n, 1);
        b.st(o, OBJ_PROPS_LEN, n1);
        b.ret(&[]);
    });
}

/// `set_own(obj, key, v, flags)`
fn set_own(m: &mut Module, cx: &Cx) {
    define(m, cx.h.set_own, |b| {
        let (o, key, v, flags) = (b.param(0), b.param(1), b.param(2), b.param(3));
        let e = b.c1(cx.h.find_prop, &[o, key]);
        b.if_then(e, |b| {
            b.st64(e, PROP_VALUE, v);
            b.if_then(flags, |b| b.st(e, PROP_FLAGS, flags));
            b.ret(&[]);
        });
        b.call(cx.h.add_prop, &[o, key, v, flags]);
        b.ret(&[]);
    });
}

/// `array_index(key) -> i64`: "0", "1", … "4294967294" (no sign, no
/// leading zeros) give the index; anything else -1.
fn array_index(m: &mut Module, cx: &Cx) {
    define(m, cx.h.array_index, |b| {
        let key = b.param(0);
        let len = b.ld(key, STR_LEN);
        let d = b.opi(I32Sub, len, 1);
        let bad_len = b.opi(I32GeU, d, 10);
        b.if_then(bad_len, |b| b.ret_val(u64::MAX));
        let c0 = b.ld16(key, STR_DATA);
        let zero_lead = b.opi(I32Eq, c0, '0' as i32);
        b.if_then(zero_lead, |b| {
            let one = b.opi(I32Eq, len, 1);
            let r0 = b.lc(0);
            let rm = b.lc(u64::MAX);
            let r = b.select(one, r0, rm);
            b.ret1(r);
        });
        let acc = b.lc(0);
        let zero = b.ic(0);
        for_range(b, zero, len, |b, i| {
            let off = b.opi(I32Shl, i, 1);
            let a = b.bin(I32Add, key, off);
            let c = b.ld16(a, STR_DATA);
            let dgt = b.opi(I32Sub, c, '0' as i32);
            let bad = b.opi(I32GeU, dgt, 10);
            b.if_then(bad, |b| b.ret_val(u64::MAX));
            let ten = b.lc(10);
            b.binary_into(acc, I64Mul, acc, ten);
            let d64 = b.un(I64ExtendI32U, dgt);
            b.binary_into(acc, I64Add, acc, d64);
        });
        let over = b.opl(I64GtU, acc, 4294967294);
        let rm = b.lc(u64::MAX);
        let r = b.select(over, rm, acc);
        b.ret1(r);
    });
}

/// `array_reserve(arr, need)`: grows the element storage to at least
/// `need` (doubling, at least 8), copying the live elements.
fn array_reserve(m: &mut Module, cx: &Cx) {
    define(m, cx.h.array_reserve, |b| {
        let (p, need) = (b.param(0), b.param(1));
        let cap = b.ld(p, ARR_CAP);
        let enough = b.bin(I32LeU, need, cap);
        b.if_then(enough, |b| b.ret(&[]));
        let huge = b.opi(I32GtU, need, MAX_ELEMS);
        b.if_then(huge, |b| b.fatal(cx, FATAL_OUT_OF_MEMORY));
        let dbl = b.opi(I32Shl, cap, 1);
        let more = b.bin(I32GtU, dbl, need);
        let c = b.select(more, dbl, need);
        let eight = b.ic(8);
        let small = b.opi(I32LtU, c, 8);
        let newcap = b.select(small, eight, c);
        let bytes = b.opi(I32Shl, newcap, 3);
        let nb = b.c1(cx.h.new_bytes, &[bytes]);
        let old = b.ld(p, ARR_ELEMS);
        b.if_then(old, |b| {
            let len = b.ld(p, ARR_LEN);
            let d = b.opi(I32Add, nb, BYTES_DATA as i32);
            let s = b.opi(I32Add, old, BYTES_DATA as i32);
            let n = b.opi(I32Shl, len, 3);
            b.memory_copy(d, s, n);
        });
        b.st(p, ARR_ELEMS, nb);
        b.st(p, ARR_CAP, newcap);
        b.ret(&[]);
    });
}

/// Fills elements `[from, to)` of array block `p` with holes.
fn fill_holes(b: &mut FunctionBuilder, p: Local, from: Local, to: Local) {
    let elems = b.ld(p, ARR_ELEMS);
    let start = elem_addr(b, elems, from, 3);
    let end = elem_addr(b, elems, to, 3);
    b.while_(
        |b| b.bin(I32LtU, start, end),
        |b, _| {
            b.stl(start, 0, HOLE);
            b.inc(start, 8);
        },
    );
}

/// `array_set_elem(arr, idx, v)`
fn array_set_elem(m: &mut Module, cx: &Cx) {
    define(m, cx.h.array_set_elem, |b| {
        let (p, idx, v) = (b.param(0), b.param(1), b.param(2));
        let len = b.ld(p, ARR_LEN);
        let inside = b.bin(I32LtU, idx, len);
        b.if_then(inside, |b| {
            let elems = b.ld(p, ARR_ELEMS);
            let a = elem_addr(b, elems, idx, 3);
            b.st64(a, 0, v);
            b.ret(&[]);
        });
        let huge = b.opi(I32GeU, idx, MAX_ELEMS);
        b.if_then(huge, |b| b.fatal(cx, FATAL_OUT_OF_MEMORY));
        let need = b.opi(I32Add, idx, 1);
        let cap = b.ld(p, ARR_CAP);
        let grow = b.bin(I32GtU, need, cap);
        b.if_then(grow, |b| {
            b.call(cx.h.array_reserve, &[p, need]);
        });
        fill_holes(b, p, len, idx);
        let elems = b.ld(p, ARR_ELEMS);
        let a = elem_addr(b, elems, idx, 3);
        b.st64(a, 0, v);
        b.st(p, ARR_LEN, need);
        b.ret(&[]);
    });
}

/// `array_push(arr, v)`
fn array_push(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.array_push, |b| {
        let (arr, v) = (b.param(0), b.param(1));
        let p = b.payload(arr);
        let len = b.ld(p, ARR_LEN);
        let cap = b.ld(p, ARR_CAP);
        let n1 = b.opi(I32Add, len, 1);
        let full = b.bin(I32GeU, len, cap);
        b.if_then(full, |b| {
            b.call(cx.h.array_reserve, &[p, n1]);
        });
        let elems = b.ld(p, ARR_ELEMS);
        let a = elem_addr(b, elems, len, 3);
        b.st64(a, 0, v);
        b.st(p, ARR_LEN, n1);
        b.ret(&[]);
    });
}

fn array_length(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.array_length, |b| {
        let arr = b.param(0);
        let p = b.payload(arr);
        let len = b.ld(p, ARR_LEN);
        b.ret1(len);
    });
}

/// `array_set_length(arr, len)`
fn array_set_length(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.array_set_length, |b| {
        let (arr, n) = (b.param(0), b.param(1));
        let p = b.payload(arr);
        let len = b.ld(p, ARR_LEN);
        let shrink = b.bin(I32LeU, n, len);
        b.if_then(shrink, |b| {
            b.st(p, ARR_LEN, n);
            b.ret(&[]);
        });
        b.call(cx.h.array_reserve, &[p, n]);
        fill_holes(b, p, len, n);
        b.st(p, ARR_LEN, n);
        b.ret(&[]);
    });
}

/// `fn_prototype(f) -> V`: the own `prototype` property, created on first
/// use as a new object whose hidden `constructor` is `f`. The property is
/// hidden (non-enumerable), as in JS.
fn fn_prototype(m: &mut Module, cx: &Cx) {
    define(m, cx.h.fn_prototype, |b| {
        let f = b.param(0);
        let key = b.str_ptr(cx.k.prototype);
        let e = b.c1(cx.h.find_prop, &[f, key]);
        b.if_then(e, |b| {
            let v = b.ld64(e, PROP_VALUE);
            b.ret1(v);
        });
        let hidden = b.ic(PROP_HIDDEN as i32);
        // A generator function's prototype inherits from
        // %GeneratorPrototype% and has no `constructor`.
        let class = b.ld(f, OBJ_CLASS);
        let is_gen = b.opi(I32Eq, class, CLASS_GENERATOR_FUNCTION as i32);
        b.if_then(is_gen, |b| {
            let gp = b.global_get(cx.rt.proto_generator);
            let proto = b.c1(cx.rt.new_object_with_proto, &[gp]);
            b.call(cx.h.add_prop, &[f, key, proto, hidden]);
            b.ret1(proto);
        });
        // An async function has no prototype; an async generator
        // function's inherits from %AsyncGeneratorPrototype%.
        let is_async = b.opi(I32Eq, class, CLASS_ASYNC_FUNCTION as i32);
        b.if_then(is_async, |b| b.ret_val(UNDEFINED));
        let is_agen = b.opi(I32Eq, class, CLASS_ASYNC_GENERATOR_FUNCTION as i32);
        b.if_then(is_agen, |b| {
            let ap = b.global_get(cx.rt.proto_async_generator);
            let op = b.global_get(cx.rt.proto_object);
            let p = b.select(ap, ap, op);
            let proto = b.c1(cx.rt.new_object_with_proto, &[p]);
            b.call(cx.h.add_prop, &[f, key, proto, hidden]);
            b.ret1(proto);
        });
        let proto = b.c1(cx.rt.new_object, &[]);
        let pp = b.payload(proto);
        let ckey = b.str_ptr(cx.k.constructor);
        let fv = b.boxed(TAG_FUNCTION, f);
        b.call(cx.h.add_prop, &[pp, ckey, fv, hidden]);
        b.call(cx.h.add_prop, &[f, key, proto, hidden]);
        b.ret1(proto);
    });
}

/// Throws TypeError `<prefix><what><middle><key>')` for a nullish receiver.
fn throw_nullish(
    b: &mut FunctionBuilder,
    cx: &Cx,
    what: Str,
    prefix: Str,
    middle: Str,
    key: Local,
) {
    let pre = b.str_ptr(prefix);
    let w = b.str_ptr(what);
    let mid = b.str_ptr(middle);
    let a = b.c1(cx.h.concat3, &[pre, w, mid]);
    let end = b.str_ptr(cx.k.quote_paren);
    let msg = b.c1(cx.h.concat3, &[a, key, end]);
    let kind = b.ic(ERR_TYPE);
    b.call(cx.rt.throw_error, &[kind, msg]);
}

/// `get_named(obj, key) -> V`
fn get_named(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.get_named, |b| {
        let (obj, key) = (b.param(0), b.param(1));
        let k = &cx.k;
        let start = b.local(Type::I32);
        let chain = b.new_labeled_block("chain");
        let tb = b.tag_switch(obj);

        b.switch_to(tb.object);
        let p = b.payload(obj);
        let kind = b.kind(p);
        let is_arr = b.opi(I32Eq, kind, KIND_ARRAY as i32);
        b.if_then(is_arr, |b| {
            let len = b.ld(p, ARR_LEN);
            let is_len = key_is(b, cx, key, k.length);
            b.if_then(is_len, |b| {
                let v = b.num_u32(len);
                b.ret1(v);
            });
            if_index(b, cx, key, |b, i| {
                let inside = b.bin(I32LtU, i, len);
                b.if_then(inside, |b| {
                    let v = load_elem(b, p, i);
                    b.ret1(v);
                });
                b.ret_val(UNDEFINED);
            });
        });
        b.copy(start, p);
        b.jump(chain);

        b.switch_to(tb.function);
        let p = b.payload(obj);
        let e = b.c1(cx.h.find_prop, &[p, key]);
        b.if_then(e, |b| {
            let v = b.ld64(e, PROP_VALUE);
            b.ret1(v);
        });
        let is_name = key_is(b, cx, key, k.name);
        b.if_then(is_name, |b| {
            let n = b.ld(p, FN_NAME);
            let v = b.boxed(TAG_STRING, n);
            b.ret1(v);
        });
        let is_len = key_is(b, cx, key, k.length);
        b.if_then(is_len, |b| {
            let n = b.ld(p, FN_ARITY);
            let v = b.num_u32(n);
            b.ret1(v);
        });
        let is_proto = key_is(b, cx, key, k.prototype);
        b.if_then(is_proto, |b| {
            let v = b.c1(cx.h.fn_prototype, &[p]);
            b.ret1(v);
        });
        b.load_into(start, switchyard_ir::LoadKind::I32, p, OBJ_PROTO);
        b.jump(chain);

        b.switch_to(tb.string);
        let p = b.payload(obj);
        let len = b.ld(p, STR_LEN);
        let is_len = key_is(b, cx, key, k.length);
        b.if_then(is_len, |b| {
            let v = b.num_u32(len);
            b.ret1(v);
        });
        if_index(b, cx, key, |b, i| {
            let inside = b.bin(I32LtU, i, len);
            b.if_then(inside, |b| {
                let off = b.opi(I32Shl, i, 1);
                let a = b.bin(I32Add, p, off);
                let u = b.ld16(a, STR_DATA);
                let v = b.c1(cx.rt.string_from_code_unit, &[u]);
                b.ret1(v);
            });
            b.ret_val(UNDEFINED);
        });
        b.global_get_into(start, cx.rt.proto_string);
        b.jump(chain);

        b.switch_to(tb.number);
        b.global_get_into(start, cx.rt.proto_number);
        b.jump(chain);

        b.switch_to(tb.boolean);
        b.global_get_into(start, cx.rt.proto_boolean);
        b.jump(chain);

        b.switch_to(tb.symbol);
        b.ret_val(UNDEFINED);

        for (blk, what) in [(tb.undefined, k.undefined), (tb.null, k.null)] {
            b.switch_to(blk);
            throw_nullish(b, cx, what, k.cannot_read, k.reading, key);
            b.ret_val(UNDEFINED);
        }

        b.switch_to(chain);
        let e = b.c1(cx.h.lookup, &[start, key]);
        b.if_then(e, |b| {
            let v = b.ld64(e, PROP_VALUE);
            b.ret1(v);
        });
        b.ret_val(UNDEFINED);
    });
}

/// `get(obj, key) -> V`: integer keys on arrays and strings directly,
/// everything else through `get_named`.
fn get(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.get, |b| {
        let (obj, key) = (b.param(0), b.param(1));
        let num = b.is_num(key);
        b.if_then(num, |b| {
            let x = b.to_f64(key);
            let t = b.tag(obj);
            let is_obj = b.opi(I32Eq, t, TAG_OBJECT as i32);
            b.if_then(is_obj, |b| {
                let p = b.payload(obj);
                let kind = b.kind(p);
                let is_arr = b.opi(I32Eq, kind, KIND_ARRAY as i32);
                b.if_then(is_arr, |b| {
                    if_number_index(b, x, |b, i| {
                        let len = b.ld(p, ARR_LEN);
                        let inside = b.bin(I32LtU, i, len);
                        b.if_then(inside, |b| {
                            let v = load_elem(b, p, i);
                            b.ret1(v);
                        });
                    });
                });
            });
            let is_str = b.opi(I32Eq, t, TAG_STRING as i32);
            b.if_then(is_str, |b| {
                let p = b.payload(obj);
                if_number_index(b, x, |b, i| {
                    let len = b.ld(p, STR_LEN);
                    let inside = b.bin(I32LtU, i, len);
                    b.if_then(inside, |b| {
                        let off = b.opi(I32Shl, i, 1);
                        let a = b.bin(I32Add, p, off);
                        let u = b.ld16(a, STR_DATA);
                        let v = b.c1(cx.rt.string_from_code_unit, &[u]);
                        b.ret1(v);
                    });
                });
            });
        });
        let pk = b.local(Type::I32);
        let is_str = b.has_tag(key, TAG_STRING);
        b.if_else(
            is_str,
            |b| {
                let p = b.payload(key);
                b.copy(pk, p);
            },
            |b| b.call_into(&[pk], cx.rt.to_property_key, &[key]),
        );
        let v = b.c1(cx.rt.get_named, &[obj, pk]);
        b.ret1(v);
    });
}

/// `set_named(obj, key, v)`
fn set_named(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.set_named, |b| {
        let (obj, key, v) = (b.param(0), b.param(1), b.param(2));
        let k = &cx.k;
        let tb = b.tag_switch(obj);
        let zero = b.ic(0);

        b.switch_to(tb.object);
        let p = b.payload(obj);
        let kind = b.kind(p);
        let is_arr = b.opi(I32Eq, kind, KIND_ARRAY as i32);
        b.if_then(is_arr, |b| {
            let is_len = key_is(b, cx, key, k.length);
            b.if_then(is_len, |b| {
                let x = b.c1(cx.rt.to_number, &[v]);
                let n = b.un(I32TruncSatF64U, x);
                let back = b.un(F64ConvertI32U, n);
                let bad = b.bin(F64Ne, back, x);
                b.if_then(bad, |b| {
                    let kind = b.ic(ERR_RANGE);
                    let msg = b.str_ptr(k.invalid_array_length);
                    b.call(cx.rt.throw_error, &[kind, msg]);
                    b.ret(&[]);
                });
                b.call(cx.rt.array_set_length, &[obj, n]);
                b.ret(&[]);
            });
            if_index(b, cx, key, |b, i| {
                b.call(cx.h.array_set_elem, &[p, i, v]);
                b.ret(&[]);
            });
        });
        b.call(cx.h.set_own, &[p, key, v, zero]);
        b.ret(&[]);

        // Functions: `name` and `length` are read-only (the write is
        // ignored, as in sloppy mode); `prototype` stays non-enumerable.
        b.switch_to(tb.function);
        let p = b.payload(obj);
        let is_name = key_is(b, cx, key, k.name);
        let is_len = key_is(b, cx, key, k.length);
        let read_only = b.bin(I32Or, is_name, is_len);
        b.if_then(read_only, |b| b.ret(&[]));
        let is_proto = key_is(b, cx, key, k.prototype);
        let hidden = b.opi(I32Mul, is_proto, PROP_HIDDEN as i32);
        b.call(cx.h.set_own, &[p, key, v, hidden]);
        b.ret(&[]);

        for (blk, what) in [(tb.undefined, k.undefined), (tb.null, k.null)] {
            b.switch_to(blk);
            throw_nullish(b, cx, what, k.cannot_set, k.setting, key);
            b.ret(&[]);
        }
        for blk in [tb.number, tb.boolean, tb.string, tb.symbol] {
            b.switch_to(blk);
            b.ret(&[]);
        }
    });
}

/// `set(obj, key, v)`: integer keys on arrays directly; symbol keys become
/// hidden properties named after the symbol; everything else `set_named`.
fn set(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.set, |b| {
        let (obj, key, v) = (b.param(0), b.param(1), b.param(2));
        let num = b.is_num(key);
        b.if_then(num, |b| {
            let is_obj = b.has_tag(obj, TAG_OBJECT);
            b.if_then(is_obj, |b| {
                let p = b.payload(obj);
                let kind = b.kind(p);
                let is_arr = b.opi(I32Eq, kind, KIND_ARRAY as i32);
                b.if_then(is_arr, |b| {
                    let x = b.to_f64(key);
                    if_number_index(b, x, |b, i| {
                        b.call(cx.h.array_set_elem, &[p, i, v]);
                        b.ret(&[]);
                    });
                });
            });
        });
        let is_str = b.has_tag(key, TAG_STRING);
        b.if_then(is_str, |b| {
            let pk = b.payload(key);
            b.call(cx.rt.set_named, &[obj, pk, v]);
            b.ret(&[]);
        });
        let pk = b.c1(cx.rt.to_property_key, &[key]);
        let is_sym = b.has_tag(key, TAG_SYMBOL);
        let target = b.is_objlike(obj);
        let hide = b.bin(I32And, is_sym, target);
        b.if_then(hide, |b| {
            let p = b.payload(obj);
            let hidden = b.ic((PROP_HIDDEN | PROP_SYMBOL) as i32);
            b.call(cx.h.set_own, &[p, pk, v, hidden]);
            b.ret(&[]);
        });
        b.call(cx.rt.set_named, &[obj, pk, v]);
        b.ret(&[]);
    });
}

/// `delete_property(obj, key) -> I`
fn delete_property(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.delete_property, |b| {
        let (obj, key) = (b.param(0), b.param(1));
        let k = &cx.k;
        let nullish = b.is_nullish(obj);
        b.if_then(nullish, |b| {
            let kind = b.ic(ERR_TYPE);
            let msg = b.str_ptr(k.cannot_convert);
            b.call(cx.rt.throw_error, &[kind, msg]);
            b.ret_i32(0);
        });
        let o = b.is_objlike(obj);
        let prim = b.not(o);
        b.if_then(prim, |b| b.ret_i32(1));
        let p = b.payload(obj);
        let pk = b.c1(cx.rt.to_property_key, &[key]);
        let kind = b.kind(p);
        let is_arr = b.opi(I32Eq, kind, KIND_ARRAY as i32);
        b.if_then(is_arr, |b| {
            let is_len = key_is(b, cx, pk, k.length);
            b.if_then(is_len, |b| b.ret_i32(0));
            if_index(b, cx, pk, |b, i| {
                let len = b.ld(p, ARR_LEN);
                let inside = b.bin(I32LtU, i, len);
                b.if_then(inside, |b| {
                    let elems = b.ld(p, ARR_ELEMS);
                    let a = elem_addr(b, elems, i, 3);
                    b.stl(a, 0, HOLE);
                });
                b.ret_i32(1);
            });
        });
        let e = b.c1(cx.h.find_prop, &[p, pk]);
        let missing = b.not(e);
        b.if_then(missing, |b| b.ret_i32(1));
        // Close the gap, keeping insertion order.
        let n = b.ld(p, OBJ_PROPS_LEN);
        let props = b.ld(p, OBJ_PROPS);
        let end = elem_addr(b, props, n, 4);
        let next = b.opi(I32Add, e, PROP_ENTRY_SIZE as i32);
        let len = b.bin(I32Sub, end, next);
        b.memory_copy(e, next, len);
        let n1 = b.opi(I32Sub, n, 1);
        b.st(p, OBJ_PROPS_LEN, n1);
        b.ret_i32(1);
    });
}

/// `define_hidden(obj, key, v)`
fn define_hidden(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.define_hidden, |b| {
        let (obj, key, v) = (b.param(0), b.param(1), b.param(2));
        let o = b.is_objlike(obj);
        b.if_then(o, |b| {
            let p = b.payload(obj);
            let hidden = b.ic(PROP_HIDDEN as i32);
            b.call(cx.h.set_own, &[p, key, v, hidden]);
        });
        b.ret(&[]);
    });
}

/// `own_keys(obj) -> V`: element indices (arrays, strings), then the
/// integer-like named keys in ascending order, then the other keys in
/// insertion order; hidden properties are skipped.
fn own_keys(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.own_keys, |b| {
        let obj = b.param(0);
        let zero = b.ic(0);
        let res = b.c1(cx.rt.new_array, &[zero]);
        let rp = b.payload(res);
        let push_index = |b: &mut FunctionBuilder, i: Local| {
            let x = b.un(F64ConvertI32U, i);
            let s = b.c1(cx.rt.number_to_string, &[x]);
            b.call(cx.rt.array_push, &[res, s]);
        };
        let is_str = b.has_tag(obj, TAG_STRING);
        b.if_then(is_str, |b| {
            let p = b.payload(obj);
            let len = b.ld(p, STR_LEN);
            for_range(b, zero, len, push_index);
            b.ret1(res);
        });
        let o = b.is_objlike(obj);
        let prim = b.not(o);
        b.if_then(prim, |b| b.ret1(res));
        let p = b.payload(obj);
        let kind = b.kind(p);
        let is_arr = b.opi(I32Eq, kind, KIND_ARRAY as i32);
        b.if_then(is_arr, |b| {
            let len = b.ld(p, ARR_LEN);
            for_range(b, zero, len, |b, i| {
                let elems = b.ld(p, ARR_ELEMS);
                let a = elem_addr(b, elems, i, 3);
                let e = b.ld64(a, 0);
                let present = b.opl(I64Ne, e, HOLE);
                b.if_then(present, |b| push_index(b, i));
            });
        });
        let n = b.ld(p, OBJ_PROPS_LEN);
        let none = b.not(n);
        b.if_then(none, |b| b.ret1(res));
        let base = b.ld(rp, ARR_LEN);
        let nbytes = b.opi(I32Shl, n, 2);
        let idxs = b.c1(cx.h.new_bytes, &[nbytes]);
        let cnt = b.ic(0);
        // Pass 1: integer-like keys, with their values in `idxs`.
        for_range(b, zero, n, |b, i| {
            let props = b.ld(p, OBJ_PROPS);
            let e = elem_addr(b, props, i, 4);
            let flags = b.ld(e, PROP_FLAGS);
            let hidden = b.opi(I32And, flags, PROP_HIDDEN as i32);
            let shown = b.not(hidden);
            b.if_then(shown, |b| {
                let key = b.ld(e, PROP_KEY);
                let idx = b.c1(cx.h.array_index, &[key]);
                let ok = b.opl(I64GeS, idx, 0);
                b.if_then(ok, |b| {
                    let a = elem_addr(b, idxs, cnt, 2);
                    let iv = b.payload(idx);
                    b.st(a, 0, iv);
                    let kv = b.boxed(TAG_STRING, key);
                    b.call(cx.rt.array_push, &[res, kv]);
                    b.inc(cnt, 1);
                });
            });
        });
        // Insertion sort of those keys by index.
        let many = b.opi(I32GtU, cnt, 1);
        b.if_then(many, |b| {
            let relems = b.ld(rp, ARR_ELEMS);
            let one = b.ic(1);
            for_range(b, one, cnt, |b, i| {
                let ai = elem_addr(b, idxs, i, 2);
                let vi = b.ld(ai, 0);
                let ri = b.bin(I32Add, base, i);
                let ari = elem_addr(b, relems, ri, 3);
                let ki = b.ld64(ari, 0);
                let j = b.local(Type::I32);
                b.copy(j, i);
                b.loop_(|b, t| {
                    let z = b.not(j);
                    b.if_then(z, |b| b.jump(t.break_to));
                    let jm = b.opi(I32Sub, j, 1);
                    let aprev = elem_addr(b, idxs, jm, 2);
                    let prev = b.ld(aprev, 0);
                    let stop = b.bin(I32LeU, prev, vi);
                    b.if_then(stop, |b| b.jump(t.break_to));
                    let aj = elem_addr(b, idxs, j, 2);
                    b.st(aj, 0, prev);
                    let rj = b.bin(I32Add, base, j);
                    let rjm = b.bin(I32Add, base, jm);
                    let arj = elem_addr(b, relems, rj, 3);
                    let arjm = elem_addr(b, relems, rjm, 3);
                    let kprev = b.ld64(arjm, 0);
                    b.st64(arj, 0, kprev);
                    b.copy(j, jm);
                });
                let aj = elem_addr(b, idxs, j, 2);
                b.st(aj, 0, vi);
                let rj = b.bin(I32Add, base, j);
                let arj = elem_addr(b, relems, rj, 3);
                b.st64(arj, 0, ki);
            });
        });
        // Pass 2: the other keys in insertion order.
        for_range(b, zero, n, |b, i| {
            let props = b.ld(p, OBJ_PROPS);
            let e = elem_addr(b, props, i, 4);
            let flags = b.ld(e, PROP_FLAGS);
            let hidden = b.opi(I32And, flags, PROP_HIDDEN as i32);
            let shown = b.not(hidden);
            b.if_then(shown, |b| {
                let key = b.ld(e, PROP_KEY);
                let idx = b.c1(cx.h.array_index, &[key]);
                let other = b.opl(I64LtS, idx, 0);
                b.if_then(other, |b| {
                    let kv = b.boxed(TAG_STRING, key);
                    b.call(cx.rt.array_push, &[res, kv]);
                });
            });
        });
        b.ret1(res);
    });
}

/// Calls function block `p` through the table with the JS calling convention.
fn emit_call_fn(b: &mut FunctionBuilder, p: Local, this: Local, argv: Local, argc: Local) -> Local {
    let slot = b.ld(p, FN_SLOT);
    let r = b.call_indirect(&js_func_sig(), slot, &[p, this, argv, argc]);
    r[0]
}

/// Throws TypeError `<describe(f)><suffix>`.
fn throw_described(b: &mut FunctionBuilder, cx: &Cx, f: Local, suffix: Str) {
    let d = b.c1(cx.h.describe, &[f]);
    let s = b.str_ptr(suffix);
    let msg = b.c1(cx.rt.string_concat, &[d, s]);
    let kind = b.ic(ERR_TYPE);
    b.call(cx.rt.throw_error, &[kind, msg]);
}

/// `call(f, this, argv, argc) -> V`
fn call(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.call, |b| {
        let (f, this, argv, argc) = (b.param(0), b.param(1), b.param(2), b.param(3));
        let is_fn = b.has_tag(f, TAG_FUNCTION);
        b.if_then(is_fn, |b| {
            let p = b.payload(f);
            let r = emit_call_fn(b, p, this, argv, argc);
            b.ret1(r);
        });
        throw_described(b, cx, f, cx.k.not_a_function);
        b.ret_val(UNDEFINED);
    });
}

/// `construct(f, argv, argc) -> V`
fn construct(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.construct, |b| {
        let (f, argv, argc) = (b.param(0), b.param(1), b.param(2));
        let is_fn = b.has_tag(f, TAG_FUNCTION);
        let not_fn = b.not(is_fn);
        b.if_then(not_fn, |b| {
            throw_described(b, cx, f, cx.k.not_a_constructor);
            b.ret_val(UNDEFINED);
        });
        let p = b.payload(f);
        let class = b.ld(p, OBJ_CLASS);
        // Generator, async and async generator functions are not constructors.
        let g1 = b.opi(I32Eq, class, CLASS_GENERATOR_FUNCTION as i32);
        let g2 = b.opi(I32Eq, class, CLASS_ASYNC_FUNCTION as i32);
        let g3 = b.opi(I32Eq, class, CLASS_ASYNC_GENERATOR_FUNCTION as i32);
        let g12 = b.bin(switchyard_ir::BinOp::I32Or, g1, g2);
        let is_gen = b.bin(switchyard_ir::BinOp::I32Or, g12, g3);
        b.if_then(is_gen, |b| {
            throw_described(b, cx, f, cx.k.not_a_constructor);
            b.ret_val(UNDEFINED);
        });
        let proto = b.c1(cx.h.fn_prototype, &[p]);
        let is_obj = b.is_objlike(proto);
        let pp = b.payload(proto);
        let dflt = b.global_get(cx.rt.proto_object);
        let pp = b.select(is_obj, pp, dflt);
        let o = emit_new_object(b, cx, pp);
        let r = emit_call_fn(b, p, o, argv, argc);
        ret_if_exc(b, cx, Ret::UNDEF);
        let r_obj = b.is_objlike(r);
        let v = b.select(r_obj, r, o);
        b.ret1(v);
    });
}
