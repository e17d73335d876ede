//! `yield` and `yield*` in a generator body (a coroutine entry, see
//! `function.rs` and the runtime's `generators.rs`).
//!
//! `yield v` is one `coro.suspend v`; when the generator is resumed, the
//! suspend returns the value passed to `next`/`throw`/`return`, and the
//! body reads the resume mode the runtime stored in the generator object
//! (`GEN_MODE`):
//! * next: the value is the result of the `yield` expression;
//! * throw: the value is thrown at the `yield` (the normal exception path:
//!   the innermost `catch`/`finally`/for-of landing pad);
//! * return: a return completion with the value (the normal `return`
//!   lowering: `finally` blocks run, for-of loops close their iterators, and
//!   a `finally` may itself yield or override the return).
//!
//! `yield* e` gets an iterator handle for `e` and loops: the runtime's
//! `yield_star_step` forwards the current mode and value to the delegate
//! (`gen_resume` directly for plain generators, else the iterator's
//! `next`/`throw`/`return` methods) and returns either a value to yield
//! (the body suspends with it and loops with the new mode and value) or
//! DONE, with the delegate's return value in `gen_retval`: the value of the
//! `yield*` expression, or — when the mode was return — the value to return.
//!
//! Nothing is ever pushed on the shadow stack across a suspension: call
//! arguments are evaluated into locals before `push_args`.

use super::*;
use swc_common::Spanned;
use swc_ecma_ast::YieldExpr;
use switchyard_ir::LoadKind;

impl<'a, 's, 'm> Fx<'a, 's, 'm> {
    pub fn yield_expr(&mut self, y: &'a YieldExpr) -> LResult<Val> {
        let Some(gen) = self.gen else {
            return Err(self.unsupported(y.span.lo.0, "yield outside a generator"));
        };
        if y.delegate {
            if self.is_async_generator() {
                return self.async_yield_star(y);
            }
            return self.yield_star(y, gen);
        }
        let v = match &y.arg {
            Some(e) => {
                let v = self.expr(e)?;
                self.val(v)
            }
            None => self.undef(),
        };
        // An async generator awaits the operand first.
        let v = if self.is_async_generator() {
            self.await_value(v)
        } else {
            v
        };
        let sent = self.b.coro_suspend(v);
        self.b.set_local_name(sent, "sent");
        let mode = self.b.load(LoadKind::I32, gen, GEN_MODE);
        let slow = self.b.new_labeled_block("resumed.abrupt");
        let cont = self.b.new_block();
        // GEN_MODE_NEXT is 0.
        self.b.branch(mode, slow, cont);
        self.b.switch_to(slow);
        self.resume_abrupt(mode, sent);
        self.b.switch_to(cont);
        Ok(Val::V(sent))
    }

    /// After a suspension resumed with mode throw (1) or return (2): throw
    /// or return `sent` here. Leaves the builder in a dead block.
    fn resume_abrupt(&mut self, mode: Local, sent: Local) {
        let throw_b = self.b.new_block();
        let return_b = self.b.new_block();
        let k = self.c32(GEN_MODE_THROW as i32);
        let is_throw = self.b.bin(BinOp::I32Eq, mode, k);
        self.b.branch(is_throw, throw_b, return_b);
        self.b.switch_to(throw_b);
        let tv = self.rt().throw_value;
        let z = self.c32(0);
        self.b.call(tv, &[sent, z]);
        self.throw_jump();
        self.b.switch_to(return_b);
        if self.is_async_generator() {
            // AsyncGeneratorUnwrapYieldResumption: await the value first.
            let v = self.await_value(sent);
            self.do_return(v);
        } else {
            self.do_return(sent);
        }
    }

    fn yield_star(&mut self, y: &'a YieldExpr, gen: Local) -> LResult<Val> {
        let Some(arg) = &y.arg else {
            return Err(self.unsupported(y.span.lo.0, "yield* without an operand"));
        };
        let pos = arg.span().lo.0;
        let v = self.expr(arg)?;
        let v = self.val(v);
        let what = self.what_ptr(arg);
        let style = self.c32(0);
        let gi = self.rt().get_iterator;
        let it0 = self.call_throwing(gi, &[v, what, style], pos)[0];
        let it = self.b.named_local(Type::I64, "ystar.iter");
        self.b.copy(it, it0);
        let mode = self.b.named_local(Type::I32, "ystar.mode");
        self.b.set_const(mode, Const::I32(GEN_MODE_NEXT as i32));
        let recv = self.b.named_local(Type::I64, "ystar.received");
        let u = self.undef();
        self.b.copy(recv, u);
        let head = self.b.new_labeled_block("ystar");
        let suspend = self.b.new_block();
        let finished = self.b.new_block();
        self.b.jump(head);
        self.b.switch_to(head);
        let step = self.rt().yield_star_step;
        let r = self.call_throwing(step, &[gen, it, mode, recv], y.span.lo.0)[0];
        let done = self.c64(DONE);
        let is_done = self.b.bin(BinOp::I64Eq, r, done);
        self.b.branch(is_done, finished, suspend);
        self.b.switch_to(suspend);
        let sent = self.b.coro_suspend(r);
        self.b.copy(recv, sent);
        self.b.load_into(mode, LoadKind::I32, gen, GEN_MODE);
        self.b.jump(head);
        self.b.switch_to(finished);
        let grv = self.rt().gen_retval;
        let rv = self.b.global_get(grv);
        let ret_b = self.b.new_block();
        let after = self.b.new_block();
        // A return resumption forwarded to the delegate, which completed.
        let k = self.c32(GEN_MODE_RETURN as i32);
        let r1 = self.b.bin(BinOp::I32Eq, mode, k);
        let k2 = self.c32(GEN_MODE_DELEGATE_RETURN as i32);
        let r2 = self.b.bin(BinOp::I32Eq, mode, k2);
        let is_ret = self.b.bin(BinOp::I32Or, r1, r2);
        self.b.branch(is_ret, ret_b, after);
        self.b.switch_to(ret_b);
        self.do_return(rv);
        self.b.jump(after);
        self.b.switch_to(after);
        Ok(Val::V(rv))
    }
}
