//! Start-up: `init` creates the built-in prototype objects, including the
//! Error prototypes with their hidden `name` (and Error.prototype's empty
//! `message`), so that errors the runtime makes are complete before the
//! prelude runs.

use super::context::*;
use switchyard_ir::{FuncId, FunctionBuilder, Local, Module};

pub(super) fn build(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.init, |b| {
        let rt = &cx.rt;
        let null = b.ic(0);
        let op = b.c1(rt.new_object_with_proto, &[null]);
        let opp = b.payload(op);
        b.global_set(rt.proto_object, opp);
        for g in [
            rt.proto_function,
            rt.proto_array,
            rt.proto_string,
            rt.proto_number,
            rt.proto_boolean,
        ] {
            let v = b.c1(rt.new_object_with_proto, &[opp]);
            let p = b.payload(v);
            b.global_set(g, p);
        }
        let name = b.str_ptr(cx.k.name);
        let ep = b.c1(rt.new_object_with_proto, &[opp]);
        let epp = b.payload(ep);
        b.global_set(rt.proto_errors[0], epp);
        let n = b.str_val(cx.k.error_names[0]);
        b.call(rt.define_hidden, &[ep, name, n]);
        let msg = b.str_ptr(cx.k.message);
        let empty = b.str_val(cx.k.empty);
        b.call(rt.define_hidden, &[ep, msg, empty]);
        for (i, g) in rt.proto_errors.iter().enumerate().skip(1) {
            let e = b.c1(rt.new_object_with_proto, &[epp]);
            let p = b.payload(e);
            b.global_set(*g, p);
            let n = b.str_val(cx.k.error_names[i]);
            b.call(rt.define_hidden, &[e, name, n]);
        }
        build_generator_protos(b, cx, op);
        b.ret(&[]);
    });
}

/// A function object for the runtime function `f` (JS calling convention).
fn native_fn(b: &mut FunctionBuilder, cx: &Cx, f: FuncId, name: Str, arity: i32) -> Local {
    let slot = b.func_addr(f);
    let env = b.ic(0);
    let n = b.str_ptr(name);
    let a = b.ic(arity);
    b.c1(cx.rt.new_function, &[slot, env, n, a])
}

/// %IteratorPrototype%, %GeneratorPrototype% and
/// %GeneratorFunction.prototype% (`op` is Object.prototype as a value).
/// The prelude adds the `GeneratorFunction` constructor.
fn build_generator_protos(b: &mut FunctionBuilder, cx: &Cx, op: Local) {
    let rt = &cx.rt;
    let k = &cx.k;
    let opp = b.payload(op);
    let ip = b.c1(rt.new_object_with_proto, &[opp]);
    let ipp = b.payload(ip);
    b.global_set(rt.proto_iterator, ipp);
    let f = native_fn(b, cx, cx.h.iterator_proto_iterator, k.sym_iterator_name, 0);
    let key = b.str_ptr(k.sym_iterator);
    b.call(rt.define_hidden, &[ip, key, f]);

    let gp = b.c1(rt.new_object_with_proto, &[ipp]);
    let gpp = b.payload(gp);
    b.global_set(rt.proto_generator, gpp);
    for (f, name) in [
        (cx.h.gen_proto_next, k.next),
        (cx.h.gen_proto_return, k.return_),
        (cx.h.gen_proto_throw, k.throw_),
    ] {
        let fv = native_fn(b, cx, f, name, 1);
        let key = b.str_ptr(name);
        b.call(rt.define_hidden, &[gp, key, fv]);
    }
    let tag = b.str_ptr(k.sym_to_string_tag);
    let gname = b.str_val(k.generator);
    b.call(rt.define_hidden, &[gp, tag, gname]);

    let fp = b.global_get(rt.proto_function);
    let gfp = b.c1(rt.new_object_with_proto, &[fp]);
    let gfpp = b.payload(gfp);
    b.global_set(rt.proto_generator_function, gfpp);
    let key = b.str_ptr(k.prototype);
    b.call(rt.define_hidden, &[gfp, key, gp]);
    let gfname = b.str_val(k.generator_function);
    b.call(rt.define_hidden, &[gfp, tag, gfname]);
    let key = b.str_ptr(k.constructor);
    b.call(rt.define_hidden, &[gp, key, gfp]);

    for (g, name) in [
        (rt.proto_array_iterator, k.array_iterator),
        (rt.proto_string_iterator, k.string_iterator),
    ] {
        let p = b.c1(rt.new_object_with_proto, &[ipp]);
        let pp = b.payload(p);
        b.global_set(g, pp);
        let f = native_fn(b, cx, cx.h.array_iter_proto_next, k.next, 0);
        let key = b.str_ptr(k.next);
        b.call(rt.define_hidden, &[p, key, f]);
        let nm = b.str_val(name);
        b.call(rt.define_hidden, &[p, tag, nm]);
    }
}
