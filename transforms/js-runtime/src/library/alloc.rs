//! Memory: the bump allocator, the shadow stack, and the constructors of the
//! small blocks (byte buffers, strings, boxes, environments).
//!
//! Blocks come from memory that was never used before (nothing is freed
//! yet, and Wasm zero-initialises fresh pages), so `alloc` does not clear
//! them. A collector that reuses memory must clear blocks it hands out.

use super::context::*;
use crate::layout::*;
use switchyard_ir::BinOp::*;
use switchyard_ir::Module;

pub(super) fn build(m: &mut Module, cx: &Cx) {
    alloc(m, cx);
    push_args(m, cx);
    pop_args(m, cx);
    new_bytes(m, cx);
    new_string(m, cx);
    new_box(m, cx);
    new_env(m, cx);
}

/// `alloc(size) -> P`: bump allocation, growing memory geometrically.
fn alloc(m: &mut Module, cx: &Cx) {
    let rt = &cx.rt;
    define(m, rt.alloc, |b| {
        let size = b.param(0);
        let p = b.global_get(rt.heap_ptr);
        let s1 = b.bin(I32Add, p, size);
        let s2 = b.opi(I32Add, s1, 7);
        let end = b.opi(I32And, s2, -8);
        let too_big = b.opi(I32GtU, size, 0x7FFF_0000);
        let wrapped = b.bin(I32LtU, end, p);
        let bad = b.bin(I32Or, too_big, wrapped);
        b.if_then(bad, |b| b.fatal(cx, FATAL_OUT_OF_MEMORY));
        // The last byte used lies on page `(end - 1) >> 16`.
        let last = b.opi(I32Sub, end, 1);
        let last_page = b.opi(I32ShrU, last, 16);
        let cur = b.memory_size();
        let must_grow = b.bin(I32GeU, last_page, cur);
        b.if_then(must_grow, |b| {
            let total = b.opi(I32Add, last_page, 1);
            let delta = b.bin(I32Sub, total, cur);
            let half = b.opi(I32ShrU, cur, 1);
            let bigger = b.bin(I32GtU, half, delta);
            let want = b.select(bigger, half, delta);
            let r = b.memory_grow(want);
            let failed = b.opi(I32Eq, r, -1);
            b.if_then(failed, |b| {
                let r2 = b.memory_grow(delta);
                let failed2 = b.opi(I32Eq, r2, -1);
                b.if_then(failed2, |b| b.fatal(cx, FATAL_OUT_OF_MEMORY));
            });
        });
        b.global_set(rt.heap_ptr, end);
        b.ret1(p);
    });
}

/// `push_args(argc) -> P`
fn push_args(m: &mut Module, cx: &Cx) {
    let rt = &cx.rt;
    define(m, rt.push_args, |b| {
        let argc = b.param(0);
        let sp = b.global_get(rt.sp);
        let bytes = b.opi(I32Shl, argc, 3);
        let new_sp = b.bin(I32Sub, sp, bytes);
        let limit = b.global_get(rt.stack_limit);
        let below = b.bin(I32LtU, new_sp, limit);
        let wrapped = b.bin(I32GtU, new_sp, sp);
        let bad = b.bin(I32Or, below, wrapped);
        b.if_then(bad, |b| match &rt.fibers {
            // In a fiber: continue in a chained segment (see `fibers`).
            Some(fb) => {
                let r = b.c1(fb.stack_grow, &[argc]);
                b.ret1(r);
            }
            None => b.fatal(cx, FATAL_STACK_OVERFLOW),
        });
        b.global_set(rt.sp, new_sp);
        b.ret1(new_sp);
    });
}

/// `pop_args(argc)`
fn pop_args(m: &mut Module, cx: &Cx) {
    let rt = &cx.rt;
    define(m, rt.pop_args, |b| {
        let argc = b.param(0);
        let sp = b.global_get(rt.sp);
        let bytes = b.opi(I32Shl, argc, 3);
        let new_sp = b.bin(I32Add, sp, bytes);
        if let Some(fb) = &rt.fibers {
            // Emptied a fiber's chained segment: back to the previous one.
            let top = b.global_get(fb.stack_top);
            let at = b.bin(I32Eq, new_sp, top);
            b.if_then(at, |b| {
                b.call(fb.stack_shrink, &[]);
                b.ret(&[]);
            });
        }
        b.global_set(rt.sp, new_sp);
        b.ret(&[]);
    });
}

/// `new_bytes(size) -> P`
fn new_bytes(m: &mut Module, cx: &Cx) {
    define(m, cx.h.new_bytes, |b| {
        let size = b.param(0);
        let total = b.opi(I32Add, size, BYTES_DATA as i32);
        let p = b.c1(cx.rt.alloc, &[total]);
        b.sti(p, HEADER, KIND_BYTES as i32);
        b.st(p, BYTES_SIZE, size);
        b.ret1(p);
    });
}

/// `new_string(len) -> P`
fn new_string(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.new_string, |b| {
        let len = b.param(0);
        let huge = b.opi(I32GtU, len, 0x3FFF_0000);
        b.if_then(huge, |b| b.fatal(cx, FATAL_OUT_OF_MEMORY));
        let units = b.opi(I32Shl, len, 1);
        let total = b.opi(I32Add, units, STR_DATA as i32);
        let p = b.c1(cx.rt.alloc, &[total]);
        b.sti(p, HEADER, KIND_STRING as i32);
        b.st(p, STR_LEN, len);
        b.ret1(p);
    });
}

/// `new_box(v) -> P`
fn new_box(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.new_box, |b| {
        let v = b.param(0);
        let size = b.ic(BOX_SIZE as i32);
        let p = b.c1(cx.rt.alloc, &[size]);
        b.sti(p, HEADER, KIND_BOX as i32);
        b.st64(p, BOX_VALUE, v);
        b.ret1(p);
    });
}

/// `new_env(count) -> P`
fn new_env(m: &mut Module, cx: &Cx) {
    define(m, cx.rt.new_env, |b| {
        let count = b.param(0);
        let slots = b.opi(I32Shl, count, 2);
        let total = b.opi(I32Add, slots, ENV_SLOTS as i32);
        let p = b.c1(cx.rt.alloc, &[total]);
        b.sti(p, HEADER, KIND_ENV as i32);
        b.st(p, ENV_COUNT, count);
        b.ret1(p);
    });
}
