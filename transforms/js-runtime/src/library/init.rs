//! Start-up: `init` creates the built-in prototype objects, including the
//! Error prototypes with their hidden `name` (and Error.prototype's empty
//! `message`), so that errors the runtime makes are complete before the
//! prelude runs.

use super::context::*;
use switchyard_ir::Module;

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
        b.ret(&[]);
    });
}
