//! Async functions, `await`, async generators and `for await`.
//!
//! An async function (declaration, expression, arrow or method) is
//! compiled like a generator: a *starter* (the function's code) creates the
//! raw generator object whose body is a coroutine entry, then hands it to
//! the prelude's driver (`promise.js`): `__prelude_async_function_start`
//! runs the body up to its first `await` and returns the function's
//! promise; `__prelude_async_generator_start` wraps it in an async
//! generator object with a request queue. The parameters of an async
//! function are bound inside the body, so that an error in a default value
//! rejects the promise instead of throwing at the call.
//!
//! `await v` is one `coro.suspend v`: the body hands `v` to the driver,
//! which performs the spec's Await (PromiseResolve, then PerformPromiseThen
//! with a reaction that resumes this body from the microtask queue — one
//! tick for a native promise, more for thenables, as in the spec). When
//! resumed, the body reads the resume mode from the generator object
//! (`GEN_MODE`): next (the value is the result of the `await`) or throw
//! (the value is thrown at the `await`). In an async generator, where the
//! body also suspends at `yield`, an `await` first stores
//! `GEN_MODE_AWAIT` in the generator so that the driver can tell the two
//! apart; its `yield v` awaits `v` first, a `return` resumption at a
//! `yield` awaits the returned value, and `return v` awaits `v`
//! (AsyncGeneratorYield / AsyncGeneratorUnwrapYieldResumption).
//!
//! How a suspended body is kept (each strategy's coroutine mechanism) is
//! the strategies' business: see their module headers.
//!
//! `for await (x of e)` gets an async iterator from the prelude (the
//! object's `[Symbol.asyncIterator]`, or its sync iterator wrapped as in
//! CreateAsyncFromSyncIterator), and each step awaits `next()`. Leaving the
//! loop early calls the iterator's `return` and awaits its result
//! (AsyncIteratorClose); when the loop is left by an exception, that
//! exception wins over anything the close throws.

use super::calls::emit_js_call;
use super::control::{CloneIds, IterLoop};
use super::scope::AsyncKind;
use super::*;
use swc_ecma_ast::{AwaitExpr, ForOfStmt, YieldExpr};
use switchyard_ir::{LoadKind, StoreKind};

/// The prelude function that starts an async function's body and returns
/// its promise (`promise.js`).
pub const ASYNC_FUNCTION_START: &str = "__prelude_async_function_start";
/// The prelude function that wraps a raw generator into an async generator.
pub const ASYNC_GENERATOR_START: &str = "__prelude_async_generator_start";
/// The prelude's event loop: microtasks, then timers (called by `main`
/// after the script when the program uses promises, async code or timers).
pub const EVENT_LOOP: &str = "__prelude_event_loop";
/// %AsyncFunction.prototype% (kept with the statement that hands the async
/// prototypes to the runtime).
const ASYNC_FUNCTION_PROTO: &str = "__prelude_AsyncFunctionProto";
/// GetIterator(obj, async) as an iterator object.
const GET_ASYNC_ITERATOR: &str = "__prelude_get_async_iterator";
/// TypeError unless an async iterator's `next` is callable.
const CHECK_NEXT: &str = "__prelude_check_next";
/// The `done` of an iterator result (TypeError if it is not an object).
const ITER_RESULT_DONE: &str = "__prelude_iter_result_done";
/// GetMethod(iterator, "return"): a function or undefined.
const GET_RETURN_METHOD: &str = "__prelude_get_return_method";
/// TypeError unless the awaited result of `return()` is an object.
const CHECK_RETURN_RESULT: &str = "__prelude_check_return_result";
/// `yield*` in an async generator: which call the resumption mode needs
/// (0 call it, 1 no `return` method, 2 no `throw` method).
const YSTAR_KIND: &str = "__prelude_ystar_kind";
/// `yield*` in an async generator: calls next/throw/return with the value.
const YSTAR_CALL: &str = "__prelude_ystar_call";

/// Every prelude name the lowering of async code may reference (the
/// tree-shaker keeps them when a program has async functions or `for await`).
pub const ASYNC_PRELUDE_NAMES: &[&str] = &[
    ASYNC_FUNCTION_START,
    ASYNC_GENERATOR_START,
    EVENT_LOOP,
    GET_ASYNC_ITERATOR,
    ITER_RESULT_DONE,
    CHECK_NEXT,
    GET_RETURN_METHOD,
    CHECK_RETURN_RESULT,
    YSTAR_KIND,
    YSTAR_CALL,
    ASYNC_FUNCTION_PROTO,
    // The key `obj[Symbol.asyncIterator]` is stored under (the async
    // iterator prototypes' method; `for await` looks it up).
    "Symbol(Symbol.asyncIterator)",
];

/// Calls the JS function held in global `g` with `this` undefined and one
/// argument, in a function built without `Fx` (a starter). The callee
/// never throws except for fatal errors; a pending exception propagates to
/// the caller's check.
pub fn call_js_global(b: &mut FunctionBuilder, rt: &Runtime, g: GlobalId, arg: Local) -> Local {
    let f = b.global_get(g);
    let u = b.i64_const(UNDEFINED as i64);
    emit_js_call(b, rt, f, u, &[arg])
}

impl<'a, 's, 'm> Fx<'a, 's, 'm> {
    /// This body is an async (non-generator) function's.
    pub fn is_async_function(&self) -> bool {
        self.sh.an.funcs[self.fn_idx].async_kind == AsyncKind::Function
    }

    /// This body is an async generator's.
    pub fn is_async_generator(&self) -> bool {
        self.sh.an.funcs[self.fn_idx].async_kind == AsyncKind::Generator
    }

    /// The Wasm global holding the prelude's top-level function `name`.
    pub fn prelude_global(&mut self, name: &str, pos: u32) -> LResult<GlobalId> {
        match self.sh.an.prelude_global(name) {
            Some(bid) => Ok(self.global_of(bid)),
            None => Err(self.unsupported(
                pos,
                format!("internal: the prelude function `{name}` is missing"),
            )),
        }
    }

    /// Calls the prelude's function `name` (may throw: checked here).
    pub fn call_prelude(&mut self, name: &str, args: &[Local], pos: u32) -> LResult<Local> {
        let g = self.prelude_global(name, pos)?;
        let f = self.b.global_get(g);
        let u = self.undef();
        Ok(self.call_value(f, u, args, name, pos))
    }

    /// Calls the JS function value `f` without any check: the caller looks
    /// at `exc_pending` itself.
    fn raw_js_call(&mut self, f: Local, this: Local, args: &[Local]) -> Local {
        emit_js_call(&mut self.b, &self.sh.rt, f, this, args)
    }

    /// Branches to `fail` if an exception is pending.
    fn jump_if_pending(&mut self, fail: BlockId) {
        let pending = self.rt().exc_pending;
        let p = self.b.global_get(pending);
        let cont = self.b.new_block();
        self.b.branch(p, fail, cont);
        self.b.switch_to(cont);
    }

    /// Suspends the body with `v` for the driver to await; returns the
    /// value it was resumed with and the resume mode (0 next, 1 throw).
    fn await_suspend(&mut self, v: Local) -> (Local, Local) {
        let gen = self
            .gen
            .expect("await outside an async body is rejected earlier");
        if self.is_async_generator() {
            let k = self.c32(GEN_MODE_AWAIT as i32);
            self.b.store(StoreKind::I32, gen, GEN_MODE, k);
        }
        let sent = self.b.coro_suspend(v);
        self.b.set_local_name(sent, "awaited");
        let mode = self.b.load(LoadKind::I32, gen, GEN_MODE);
        (sent, mode)
    }

    /// `await v`: the awaited value; a rejection is thrown here.
    pub fn await_value(&mut self, v: Local) -> Local {
        let (sent, mode) = self.await_suspend(v);
        let thrown = self.b.new_labeled_block("await.rejected");
        let cont = self.b.new_block();
        self.b.branch(mode, thrown, cont);
        self.b.switch_to(thrown);
        let tv = self.rt().throw_value;
        let z = self.c32(0);
        self.b.call(tv, &[sent, z]);
        self.throw_jump();
        self.b.switch_to(cont);
        sent
    }

    pub fn await_expr(&mut self, a: &'a AwaitExpr) -> LResult<Val> {
        if self.gen.is_none() || self.sh.an.funcs[self.fn_idx].async_kind == AsyncKind::None {
            return Err(self.unsupported(a.span.lo.0, "await outside an async function"));
        }
        let v = self.expr(&a.arg)?;
        let v = self.val(v);
        Ok(Val::V(self.await_value(v)))
    }

    /// `for await (left of right) body`.
    pub fn for_await(&mut self, labels: Vec<String>, f: &'a ForOfStmt) -> LResult<()> {
        if self.gen.is_none() || self.sh.an.funcs[self.fn_idx].async_kind == AsyncKind::None {
            return Err(self.unsupported(f.span.lo.0, "for await outside an async function"));
        }
        let pos = swc_common::Spanned::span(&*f.right).lo.0;
        let v = self.expr(&f.right)?;
        let v = self.val(v);
        let vc = self.fresh_i64();
        self.b.copy(vc, v);
        let what = match self.what_text(&f.right) {
            Some(t) => self.str_val(&t),
            None => self.undef(),
        };
        let it = self.call_prelude(GET_ASYNC_ITERATOR, &[vc, what], pos)?;
        let iter = self.b.named_local(Type::I64, "forawait.iter");
        self.b.copy(iter, it);
        let nm = self.get_named(iter, "next", pos);
        let next = self.b.named_local(Type::I64, "forawait.next");
        self.b.copy(next, nm);
        self.call_prelude(CHECK_NEXT, &[next], pos)?;
        let header = self.b.new_labeled_block("forawait");
        let body = self.b.new_block();
        let exit = self.b.new_block();
        let landing = self.b.new_labeled_block("forawait.close");
        self.b.jump(header);
        self.b.switch_to(header);
        let r0 = self.call_value(next, iter, &[], "next", pos);
        let r = self.await_value(r0);
        let rc = self.fresh_i64();
        self.b.copy(rc, r);
        let done = self.call_prelude(ITER_RESULT_DONE, &[rc], pos)?;
        let is_done = self.truthy(Val::V(done));
        self.b.branch(is_done, exit, body);
        self.b.switch_to(body);
        let x = self.get_named(rc, "value", pos);
        let blocks = IterLoop {
            header,
            exit,
            landing,
            iter,
            async_close: true,
        };
        self.iter_loop_body(labels, f, x, blocks)
    }

    /// `yield* e` in an async generator (the spec's YieldExpression
    /// evaluation with generatorKind async): the delegate is an async
    /// iterator; each step's result is awaited, its value is yielded without
    /// another await, and the resumption (next / throw / return) is
    /// forwarded to the delegate's `next` / `throw` / `return`. A return
    /// resumption awaits its value first (AsyncGeneratorUnwrapYieldResumption);
    /// if that await throws, the throw is what gets forwarded.
    pub fn async_yield_star(&mut self, y: &'a YieldExpr) -> LResult<Val> {
        let gen = self.gen.expect("async generator body");
        let Some(arg) = &y.arg else {
            return Err(self.unsupported(y.span.lo.0, "yield* without an operand"));
        };
        let pos = swc_common::Spanned::span(&**arg).lo.0;
        let v = self.expr(arg)?;
        let v = self.val(v);
        let vc = self.fresh_i64();
        self.b.copy(vc, v);
        let what = match self.what_text(arg) {
            Some(t) => self.str_val(&t),
            None => self.undef(),
        };
        let it = self.call_prelude(GET_ASYNC_ITERATOR, &[vc, what], pos)?;
        let iter = self.b.named_local(Type::I64, "ystar.iter");
        self.b.copy(iter, it);
        let nm = self.get_named(iter, "next", pos);
        let next = self.b.named_local(Type::I64, "ystar.next");
        self.b.copy(next, nm);
        // The resumption: mode as a JS number (0 next, 1 throw, 2 return) and value.
        let mode = self.b.named_local(Type::I64, "ystar.mode");
        let zero = self.num_const(0.0);
        self.b.copy(mode, zero);
        let recv = self.b.named_local(Type::I64, "ystar.received");
        let u = self.undef();
        self.b.copy(recv, u);
        let result = self.b.named_local(Type::I64, "ystar.result");
        let head = self.b.new_labeled_block("ystar.async");
        let exit = self.b.new_block();
        self.b.jump(head);
        self.b.switch_to(head);
        let kind = self.call_prelude(YSTAR_KIND, &[iter, mode], pos)?;
        let kind_i = {
            let f = self.b.un(UnOp::F64ReinterpretI64, kind);
            self.b.un(UnOp::I32TruncSatF64S, f)
        };
        let call_b = self.b.new_block();
        let no_method = self.b.new_block();
        self.b.branch(kind_i, no_method, call_b);
        // No `return` method: await the value and return it. No `throw`
        // method: close the delegate, then a TypeError.
        self.b.switch_to(no_method);
        let one = self.c32(1);
        let is_ret = self.b.bin(BinOp::I32Eq, kind_i, one);
        let ret_b = self.b.new_block();
        let throw_b = self.b.new_block();
        self.b.branch(is_ret, ret_b, throw_b);
        self.b.switch_to(ret_b);
        let rv = self.await_value(recv);
        self.do_return(rv);
        self.b.switch_to(throw_b);
        let landing = self.landing_below(self.ctl.len());
        self.async_close(iter, landing);
        self.throw_error_here(
            ERR_TYPE,
            "The iterator does not provide a 'throw' method",
            y.span.lo.0,
        );
        self.b.jump(exit);
        // Call next/throw/return, await the result, check it.
        self.b.switch_to(call_b);
        let r0 = self.call_prelude(YSTAR_CALL, &[iter, next, mode, recv], pos)?;
        let r = self.await_value(r0);
        let rc = self.fresh_i64();
        self.b.copy(rc, r);
        let done = self.call_prelude(ITER_RESULT_DONE, &[rc], pos)?;
        let is_done = self.truthy(Val::V(done));
        let done_b = self.b.new_block();
        let yield_b = self.b.new_block();
        self.b.branch(is_done, done_b, yield_b);
        // Done: the value of `yield*`, or (return mode) the return value.
        self.b.switch_to(done_b);
        let value = self.get_named(rc, "value", pos);
        self.b.copy(result, value);
        let two = self.num_const(2.0);
        let was_return = self.b.bin(BinOp::I64Eq, mode, two);
        let ret2 = self.b.new_block();
        self.b.branch(was_return, ret2, exit);
        self.b.switch_to(ret2);
        self.do_return(result);
        self.b.jump(exit);
        // Not done: yield the value as it is (no await) and take the resumption.
        self.b.switch_to(yield_b);
        let yv = self.get_named(rc, "value", pos);
        let sent = self.b.coro_suspend(yv);
        let m = self.b.load(LoadKind::I32, gen, GEN_MODE);
        let two_i = self.c32(GEN_MODE_RETURN as i32);
        let is_return = self.b.bin(BinOp::I32Eq, m, two_i);
        let plain = self.b.new_block();
        let unwrap = self.b.new_block();
        self.b.branch(is_return, unwrap, plain);
        self.b.switch_to(plain);
        let mf = self.b.un(UnOp::F64ConvertI32U, m);
        let mv = self.b.un(UnOp::I64ReinterpretF64, mf);
        self.b.copy(mode, mv);
        self.b.copy(recv, sent);
        self.b.jump(head);
        // A return resumption: await its value; a rejection becomes a throw.
        self.b.switch_to(unwrap);
        let (awaited, amode) = self.await_suspend(sent);
        self.b.copy(recv, awaited);
        let one_f = self.num_const(1.0);
        let two_f = self.num_const(2.0);
        let nm2 = self.b.select(amode, one_f, two_f);
        self.b.copy(mode, nm2);
        self.b.jump(head);
        self.b.switch_to(exit);
        Ok(Val::V(result))
    }

    /// AsyncIteratorClose with a normal completion (break, continue to an
    /// outer loop, return): calls `return()` if the iterator has one and
    /// awaits its result; an exception goes to `fail`.
    pub fn async_close(&mut self, iter: Local, fail: BlockId) {
        let get_ret = self.prelude_global(GET_RETURN_METHOD, 0);
        let check = self.prelude_global(CHECK_RETURN_RESULT, 0);
        let (Ok(get_ret), Ok(check)) = (get_ret, check) else {
            // The prelude always has them when `for await` is used.
            self.b.unreachable();
            self.dead_block();
            return;
        };
        let u = self.undef();
        let gf = self.b.global_get(get_ret);
        let m = self.raw_js_call(gf, u, &[iter]);
        self.jump_if_pending(fail);
        let undef = self.c64(UNDEFINED);
        let none = self.b.bin(BinOp::I64Eq, m, undef);
        let call = self.b.new_block();
        let done = self.b.new_block();
        self.b.branch(none, done, call);
        self.b.switch_to(call);
        let r = self.raw_js_call(m, iter, &[]);
        self.jump_if_pending(fail);
        let (sent, mode) = self.await_suspend(r);
        let rejected = self.b.new_block();
        let ok = self.b.new_block();
        self.b.branch(mode, rejected, ok);
        self.b.switch_to(rejected);
        let tv = self.rt().throw_value;
        let z = self.c32(0);
        self.b.call(tv, &[sent, z]);
        self.b.jump(fail);
        self.b.switch_to(ok);
        let cf = self.b.global_get(check);
        let u2 = self.undef();
        self.raw_js_call(cf, u2, &[sent]);
        self.jump_if_pending(fail);
        self.b.jump(done);
        self.b.switch_to(done);
    }

    /// AsyncIteratorClose while an exception is pending: `return()` is
    /// still called and awaited, but the original exception wins.
    pub fn async_close_keeping_exception(&mut self, iter: Local) {
        let rt = self.rt().clone_ids();
        let val = self.b.global_get(rt.exc_value);
        let pos = self.b.global_get(rt.exc_pos);
        let z = self.c32(0);
        self.b.global_set(rt.exc_pending, z);
        let restore = self.b.new_block();
        self.async_close(iter, restore);
        self.b.jump(restore);
        self.b.switch_to(restore);
        let one = self.c32(1);
        self.b.global_set(rt.exc_pending, one);
        self.b.global_set(rt.exc_value, val);
        self.b.global_set(rt.exc_pos, pos);
    }
}

/// A number literal argument of an intrinsic.
fn literal_u32(e: &swc_ecma_ast::Expr) -> Option<u32> {
    match e {
        swc_ecma_ast::Expr::Lit(swc_ecma_ast::Lit::Num(n))
            if n.value >= 0.0 && n.value <= 1024.0 && n.value.fract() == 0.0 =>
        {
            Some(n.value as u32)
        }
        _ => None,
    }
}

impl<'a, 's, 'm> Fx<'a, 's, 'm> {
    /// The internal-slot intrinsics, whose class, count and index arguments
    /// are literals (so a slot access is one load or store).
    pub fn slot_intrinsic(
        &mut self,
        name: &str,
        args: &'a [swc_ecma_ast::ExprOrSpread],
        pos: u32,
    ) -> LResult<Option<Val>> {
        let lit = |this: &Self, i: usize, what: &str| -> LResult<u32> {
            literal_u32(&args[i].expr).ok_or_else(|| {
                this.unsupported(pos, format!("`{name}` needs a number literal {what}"))
            })
        };
        match name {
            "__sy_new_slots" => {
                let class = lit(self, 0, "class")?;
                // Objects with slots carry a class of their own (their
                // methods check it before reading slots); 0 only for internal
                // records that never reach user code.
                if ![
                    CLASS_PLAIN,
                    CLASS_PROMISE,
                    CLASS_ASYNC_GENERATOR,
                    CLASS_TIMER,
                    CLASS_ASYNC_FROM_SYNC_ITERATOR,
                ]
                .contains(&class)
                {
                    return Err(self.unsupported(pos, format!("`{name}`: unknown class {class}")));
                }
                let n = lit(self, 2, "slot count")?;
                let proto = self.expr(&args[1].expr)?;
                let proto = self.val(proto);
                let alloc = self.rt().alloc;
                let size = self.c32((SLOTS + 8 * n) as i32);
                let p = self.b.call1(alloc, &[size]);
                let k = self.c32(KIND_OBJECT as i32);
                self.b.store(StoreKind::I32, p, HEADER, k);
                // null -> 0, an object -> its block.
                let pp = self.payload(proto);
                let is_null = self.has_tag(proto, TAG_NULL);
                let z = self.c32(0);
                let pp = self.b.select(is_null, z, pp);
                self.b.store(StoreKind::I32, p, OBJ_PROTO, pp);
                for off in [OBJ_PROPS_LEN, OBJ_PROPS_CAP, OBJ_PROPS] {
                    self.b.store(StoreKind::I32, p, off, z);
                }
                let c = self.c32(class as i32);
                self.b.store(StoreKind::I32, p, OBJ_CLASS, c);
                let u = self.undef();
                for i in 0..n {
                    self.b.store(StoreKind::I64, p, SLOTS + 8 * i, u);
                }
                Ok(Some(Val::V(self.box_ptr(TAG_OBJECT, p))))
            }
            "__sy_slot" => {
                let i = lit(self, 1, "index")?;
                let o = self.expr(&args[0].expr)?;
                let o = self.val(o);
                let p = self.payload(o);
                Ok(Some(Val::V(self.b.load(LoadKind::I64, p, SLOTS + 8 * i))))
            }
            "__sy_set_slot" => {
                let i = lit(self, 1, "index")?;
                let o = self.expr(&args[0].expr)?;
                let o = self.val(o);
                let oc = self.fresh_i64();
                self.b.copy(oc, o);
                let v = self.expr(&args[2].expr)?;
                let v = self.val(v);
                let p = self.payload(oc);
                self.b.store(StoreKind::I64, p, SLOTS + 8 * i, v);
                Ok(Some(Val::V(self.undef())))
            }
            _ => Ok(None),
        }
    }

    /// The generator and event-loop intrinsics (arguments evaluated).
    pub fn async_intrinsic(&mut self, name: &str, a: &[Local], pos: u32) -> Option<Val> {
        let v = match name {
            "__sy_gen_resume" => {
                let g = self.payload(a[0]);
                let f = self.b.un(UnOp::F64ReinterpretI64, a[1]);
                let mode = self.b.un(UnOp::I32TruncSatF64S, f);
                let gr = self.rt().gen_resume;
                let r = self.call_throwing(gr, &[g, mode, a[2]], pos)[0];
                // DONE: the body returned; its value is in gen_retval.
                let done = self.c64(DONE);
                let is_done = self.b.bin(BinOp::I64Eq, r, done);
                let grv = self.rt().gen_retval;
                let rv = self.b.global_get(grv);
                Val::V(self.b.select(is_done, rv, r))
            }
            "__sy_object_class" => {
                let out = self.b.local(Type::I32);
                self.b.set_const(out, Const::I32(-1));
                let o = self.has_tag(a[0], TAG_OBJECT);
                let p = self.payload(a[0]);
                self.b.if_then(o, |b| {
                    let k = b.load(LoadKind::I32U8, p, HEADER);
                    let ko = b.i32_const(KIND_OBJECT as i32);
                    let is_obj = b.bin(BinOp::I32Eq, k, ko);
                    b.if_then(is_obj, |b| b.load_into(out, LoadKind::I32, p, OBJ_CLASS));
                });
                Val::N(self.b.un(UnOp::F64ConvertI32S, out))
            }
            "__sy_gen_done" => {
                let g = self.payload(a[0]);
                let st = self.b.load(LoadKind::I32, g, GEN_STATE);
                let k = self.c32(GEN_DONE as i32);
                Val::B(self.b.bin(BinOp::I32Eq, st, k))
            }
            "__sy_gen_awaiting" => {
                let g = self.payload(a[0]);
                let md = self.b.load(LoadKind::I32, g, GEN_MODE);
                let k = self.c32(GEN_MODE_AWAIT as i32);
                Val::B(self.b.bin(BinOp::I32Eq, md, k))
            }
            "__sy_set_async_protos" => {
                let rt = self.rt();
                let globals = [
                    rt.proto_async_function,
                    rt.proto_async_generator_function,
                    rt.proto_async_generator,
                ];
                for (g, v) in globals.into_iter().zip(a) {
                    let p = self.payload(*v);
                    self.b.global_set(g, p);
                }
                Val::V(self.undef())
            }
            "__sy_caught_pos" => {
                let cp = self.rt().caught_pos;
                let v = self.b.global_get(cp);
                Val::N(self.b.un(UnOp::F64ConvertI32S, v))
            }
            "__sy_clock_now" => {
                let f = self.rt().host.clock_now;
                Val::N(self.b.call1(f, &[]))
            }
            "__sy_sleep" => {
                let ms = self.b.un(UnOp::F64ReinterpretI64, a[0]);
                let f = self.rt().host.sleep;
                self.b.call(f, &[ms]);
                Val::V(self.undef())
            }
            "__sy_unhandled_rejection" => {
                let f = self.rt().host.unhandled_rejection;
                self.b.call(f, &[]);
                Val::V(self.undef())
            }
            _ => return None,
        };
        Some(v)
    }
}
