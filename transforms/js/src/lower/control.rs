//! Structured control flow over the CFG: loops, labels, break/continue,
//! `switch`, `try`/`catch`/`finally` and for-of iterator closing.
//!
//! The control stack (`Fx::ctl`) records break/continue targets and
//! handlers. An abrupt completion (`break`, `continue`, `return`) walks it
//! outwards ([`Fx::emit_abrupt`]): a `finally` on the way is entered with
//! its state local set to a code for the pending jump (a completion record),
//! and continues the walk when the `finally` block ends normally; a for-of on
//! the way closes its iterator. Exceptions jump to the innermost landing pad
//! (catch: binds the value; finally: saves it, runs the block, rethrows;
//! for-of: closes the iterator, rethrows). A `finally` that itself
//! completes abruptly overrides the pending completion, as in JS.

use super::scope::BindKind;
use super::*;
use swc_ecma_ast::{
    CatchClause, ForHead, ForInStmt, ForOfStmt, ForStmt, Pat, SwitchStmt, TryStmt, VarDeclKind,
    VarDeclOrExpr,
};
use switchyard_ir::{LoadKind, StoreKind};

impl<'a, 's, 'm> Fx<'a, 's, 'm> {
    /// A statement that may carry labels (loops, switch, labeled statements).
    pub fn labeled_stmt(&mut self, mut labels: Vec<String>, s: &'a Stmt) -> LResult<()> {
        match s {
            Stmt::Labeled(l) => {
                labels.push(l.label.sym.to_string());
                match &*l.body {
                    Stmt::While(_)
                    | Stmt::DoWhile(_)
                    | Stmt::For(_)
                    | Stmt::ForIn(_)
                    | Stmt::ForOf(_)
                    | Stmt::Labeled(_)
                    | Stmt::Switch(_) => self.labeled_stmt(labels, &l.body),
                    body => {
                        let exit = self.b.new_block();
                        self.ctl.push(Ctl::Breakable {
                            labels,
                            break_to: exit,
                            continue_to: None,
                            unlabeled: false,
                        });
                        let r = self.sub_stmt(body);
                        self.ctl.pop();
                        r?;
                        self.b.jump(exit);
                        self.b.switch_to(exit);
                        Ok(())
                    }
                }
            }
            Stmt::While(w) => {
                let header = self.b.new_labeled_block("while");
                let body = self.b.new_block();
                let exit = self.b.new_block();
                self.b.jump(header);
                self.b.switch_to(header);
                let c = self.expr(&w.test)?;
                let c = self.truthy(c);
                self.b.branch(c, body, exit);
                self.b.switch_to(body);
                self.loop_body(labels, exit, header, &w.body)?;
                self.b.jump(header);
                self.b.switch_to(exit);
                Ok(())
            }
            Stmt::DoWhile(w) => {
                let body = self.b.new_labeled_block("do");
                let test = self.b.new_block();
                let exit = self.b.new_block();
                self.b.jump(body);
                self.b.switch_to(body);
                self.loop_body(labels, exit, test, &w.body)?;
                self.b.jump(test);
                self.b.switch_to(test);
                let c = self.expr(&w.test)?;
                let c = self.truthy(c);
                self.b.branch(c, body, exit);
                self.b.switch_to(exit);
                Ok(())
            }
            Stmt::For(f) => self.for_stmt(labels, f),
            Stmt::ForIn(f) => self.for_in(labels, f),
            Stmt::ForOf(f) if f.is_await => self.for_await(labels, f),
            Stmt::ForOf(f) => self.for_of(labels, f),
            Stmt::Switch(sw) => self.switch_stmt(labels, sw),
            other => self.stmt(other),
        }
    }

    fn loop_body(
        &mut self,
        labels: Vec<String>,
        exit: BlockId,
        cont: BlockId,
        body: &'a Stmt,
    ) -> LResult<()> {
        self.ctl.push(Ctl::Breakable {
            labels,
            break_to: exit,
            continue_to: Some(cont),
            unlabeled: true,
        });
        let r = self.sub_stmt(body);
        self.ctl.pop();
        r
    }

    fn for_stmt(&mut self, labels: Vec<String>, f: &'a ForStmt) -> LResult<()> {
        // Bindings of a `let` head, copied into fresh boxes every iteration
        // when captured.
        let mut per_iter = Vec::new();
        match &f.init {
            Some(VarDeclOrExpr::VarDecl(d)) => {
                if d.kind != VarDeclKind::Var {
                    for decl in &d.decls {
                        let mut ids = Vec::new();
                        super::scope::pat_idents(&decl.name, &mut ids);
                        for id in ids {
                            if let Some(bid) = self.sh.an.binding_at(id.span.lo.0) {
                                let u = self.undef();
                                self.bind_new(bid, u);
                                if self.sh.an.bindings[bid].captured && d.kind == VarDeclKind::Let {
                                    per_iter.push(bid);
                                }
                            }
                        }
                    }
                }
                self.var_decl(d)?;
            }
            Some(VarDeclOrExpr::Expr(e)) => {
                self.expr(e)?;
            }
            None => {}
        }
        let header = self.b.new_labeled_block("for");
        let body = self.b.new_block();
        let cont = self.b.new_block();
        let exit = self.b.new_block();
        self.b.jump(header);
        self.b.switch_to(header);
        match &f.test {
            Some(t) => {
                let c = self.expr(t)?;
                let c = self.truthy(c);
                self.b.branch(c, body, exit);
            }
            None => self.b.jump(body),
        }
        self.b.switch_to(body);
        self.loop_body(labels, exit, cont, &f.body)?;
        self.b.jump(cont);
        self.b.switch_to(cont);
        for bid in per_iter {
            if let Some(Storage::Boxed(bx)) = self.storage.get(&bid).copied() {
                let cur = self.b.load(LoadKind::I64, bx, BOX_VALUE);
                let nb = self.rt().new_box;
                let fresh = self.b.call1(nb, &[cur]);
                self.b.copy(bx, fresh);
            }
        }
        if let Some(u) = &f.update {
            self.expr(u)?;
        }
        self.b.jump(header);
        self.b.switch_to(exit);
        Ok(())
    }

    /// Assigns the iteration value to a for-in/for-of head.
    pub fn bind_for_head(&mut self, head: &'a ForHead, v: Local) -> LResult<()> {
        match head {
            ForHead::VarDecl(d) => {
                let Some(decl) = d.decls.first() else {
                    return Ok(());
                };
                let Pat::Ident(id) = &decl.name else {
                    let mode = if d.kind == VarDeclKind::Var {
                        super::pattern::PatMode::Init
                    } else {
                        super::pattern::PatMode::Fresh
                    };
                    return self.bind_pat(&decl.name, v, mode, None);
                };
                if let Some(bid) = self.sh.an.binding_at(id.id.span.lo.0) {
                    if d.kind == VarDeclKind::Var {
                        self.write_binding_raw(bid, v);
                    } else {
                        // A fresh binding per iteration.
                        self.bind_new(bid, v);
                    }
                }
                Ok(())
            }
            ForHead::Pat(p) => match &**p {
                Pat::Ident(id) => {
                    match self.sh.an.binding_at(id.id.span.lo.0) {
                        Some(bid) => self.assign_binding(bid, v, id.id.span.lo.0),
                        None => {
                            let name = self.str_ptr(&id.id.sym);
                            let t = self.rt().throw_not_defined;
                            self.b.call(t, &[name]);
                            let ep = self.enc_pos(id.id.span.lo.0);
                            self.set_pos_if_unset(ep);
                            self.throw_jump();
                            self.dead_block();
                        }
                    }
                    Ok(())
                }
                other => self.bind_pat(other, v, super::pattern::PatMode::Assign, None),
            },
            ForHead::UsingDecl(u) => Err(self.unsupported(u.span.lo.0, "using declarations")),
        }
    }

    fn for_in(&mut self, labels: Vec<String>, f: &'a ForInStmt) -> LResult<()> {
        let obj = self.expr(&f.right)?;
        let obj = self.val(obj);
        let exit = self.b.new_block();
        let start = self.b.new_block();
        let nullish = self.is_nullish(obj);
        self.b.branch(nullish, exit, start);
        self.b.switch_to(start);
        let ok = self.rt().own_keys;
        let keys = self.b.call1(ok, &[obj]);
        self.b.set_local_name(keys, "forin.keys");
        let al = self.rt().array_length;
        let len = self.b.call1(al, &[keys]);
        let i = self.b.named_local(Type::I32, "forin.i");
        self.b.set_const(i, Const::I32(0));
        let header = self.b.new_labeled_block("forin");
        let body = self.b.new_block();
        self.b.jump(header);
        self.b.switch_to(header);
        let more = self.b.bin(BinOp::I32LtU, i, len);
        self.b.branch(more, body, exit);
        self.b.switch_to(body);
        let key = self.array_elem_unchecked(keys, i);
        let one = self.c32(1);
        self.b.binary_into(i, BinOp::I32Add, i, one);
        // Skip keys deleted since the iteration started (objects only).
        let is_obj = self.has_tag(obj, TAG_OBJECT);
        let check = self.b.new_block();
        let go = self.b.new_block();
        self.b.branch(is_obj, check, go);
        self.b.switch_to(check);
        let hp = self.rt().has_property;
        let present = self.call_throwing(hp, &[key, obj], f.span.lo.0)[0];
        self.b.branch(present, go, header);
        self.b.switch_to(go);
        self.bind_for_head(&f.left, key)?;
        self.loop_body(labels, exit, header, &f.body)?;
        self.b.jump(header);
        self.b.switch_to(exit);
        Ok(())
    }

    fn for_of(&mut self, labels: Vec<String>, f: &'a ForOfStmt) -> LResult<()> {
        let pos = swc_common::Spanned::span(&*f.right).lo.0;
        let v = self.expr(&f.right)?;
        let v = self.val(v);
        let what = self.what_ptr(&f.right);
        let style = self.c32(0);
        let gi = self.rt().get_iterator;
        let it = self.call_throwing(gi, &[v, what, style], pos)[0];
        let iter = self.b.named_local(Type::I64, "forof.iter");
        self.b.copy(iter, it);
        let header = self.b.new_labeled_block("forof");
        let body = self.b.new_block();
        let exit = self.b.new_block();
        let landing = self.b.new_labeled_block("forof.close");
        self.b.jump(header);
        self.b.switch_to(header);
        let inext = self.rt().iterator_next;
        let x = self.call_throwing(inext, &[iter], pos)[0];
        let done = self.c64(DONE);
        let is_done = self.b.bin(BinOp::I64Eq, x, done);
        self.b.branch(is_done, exit, body);
        self.b.switch_to(body);
        let blocks = IterLoop {
            header,
            exit,
            landing,
            iter,
            async_close: false,
        };
        self.iter_loop_body(labels, f, x, blocks)
    }

    /// The body of a for-of or for-await loop, entered with the step's
    /// value `x`: binds the head, runs the body with `break`/`continue`
    /// targets and the iterator-closing context, loops back to the header;
    /// an exception from the body closes the iterator (awaiting `return()`
    /// for for-await) and is rethrown. Leaves the builder at the exit.
    pub fn iter_loop_body(
        &mut self,
        labels: Vec<String>,
        f: &'a ForOfStmt,
        x: Local,
        l: IterLoop,
    ) -> LResult<()> {
        let loop_idx = self.ctl.len();
        self.ctl.push(Ctl::Breakable {
            labels,
            break_to: l.exit,
            continue_to: Some(l.header),
            unlabeled: true,
        });
        self.ctl.push(Ctl::IterClose {
            landing: l.landing,
            iter: l.iter,
            loop_idx,
            done: None,
            async_close: l.async_close,
        });
        let r = self
            .bind_for_head(&f.left, x)
            .and_then(|_| self.sub_stmt(&f.body));
        self.ctl.pop();
        self.ctl.pop();
        r?;
        self.b.jump(l.header);
        self.b.switch_to(l.landing);
        if l.async_close {
            self.async_close_keeping_exception(l.iter);
        } else {
            self.close_iter_keeping_exception(l.iter);
        }
        self.throw_jump();
        self.b.switch_to(l.exit);
        Ok(())
    }

    /// Calls `iterator_close` while an exception is pending; the original
    /// exception wins over anything the close throws.
    pub fn close_iter_keeping_exception(&mut self, iter: Local) {
        let rt = self.rt().clone_ids();
        let val = self.b.global_get(rt.exc_value);
        let pos = self.b.global_get(rt.exc_pos);
        let z = self.c32(0);
        self.b.global_set(rt.exc_pending, z);
        self.b.call(rt.iterator_close, &[iter]);
        let one = self.c32(1);
        self.b.global_set(rt.exc_pending, one);
        self.b.global_set(rt.exc_value, val);
        self.b.global_set(rt.exc_pos, pos);
    }

    fn switch_stmt(&mut self, labels: Vec<String>, sw: &'a SwitchStmt) -> LResult<()> {
        let d = self.expr(&sw.discriminant)?;
        let d = self.val(d);
        let dc = self.fresh_i64();
        self.b.copy(dc, d);
        let all: Vec<Stmt> = Vec::new();
        let _ = all;
        for c in &sw.cases {
            self.enter_lexical(&c.cons);
        }
        for c in &sw.cases {
            self.hoist_functions(&c.cons)?;
        }
        let exit = self.b.new_block();
        let bodies: Vec<BlockId> = sw.cases.iter().map(|_| self.b.new_block()).collect();
        let mut default = exit;
        for (i, c) in sw.cases.iter().enumerate() {
            match &c.test {
                None => default = bodies[i],
                Some(t) => {
                    let tv = self.expr(t)?;
                    let eq =
                        self.bin_op(swc_ecma_ast::BinaryOp::EqEqEq, Val::V(dc), tv, c.span.lo.0)?;
                    let eq = self.truthy(eq);
                    let next = self.b.new_block();
                    self.b.branch(eq, bodies[i], next);
                    self.b.switch_to(next);
                }
            }
        }
        self.b.jump(default);
        self.ctl.push(Ctl::Breakable {
            labels,
            break_to: exit,
            continue_to: None,
            unlabeled: true,
        });
        let mut res = Ok(());
        for (i, c) in sw.cases.iter().enumerate() {
            self.b.switch_to(bodies[i]);
            res = self.stmts(&c.cons);
            if res.is_err() {
                break;
            }
            let next = bodies.get(i + 1).copied().unwrap_or(exit);
            self.b.jump(next);
        }
        self.ctl.pop();
        res?;
        self.b.switch_to(exit);
        Ok(())
    }

    /// `break`/`continue` (with an optional label).
    pub fn break_stmt(
        &mut self,
        label: Option<String>,
        is_continue: bool,
        pos: u32,
    ) -> LResult<()> {
        let mut target = None;
        for (i, c) in self.ctl.iter().enumerate().rev() {
            if let Ctl::Breakable {
                labels,
                continue_to,
                unlabeled,
                ..
            } = c
            {
                let label_ok = match &label {
                    Some(l) => labels.contains(l),
                    None => *unlabeled,
                };
                let kind_ok = !is_continue || continue_to.is_some();
                if label_ok && kind_ok {
                    target = Some(i);
                    break;
                }
            }
        }
        let Some(t) = target else {
            return Err(self.unsupported(pos, "break/continue without a target"));
        };
        let kind = if is_continue {
            Abrupt::Continue(t)
        } else {
            Abrupt::Break(t)
        };
        let d = self.ctl.len();
        self.emit_abrupt(kind, d);
        self.dead_block();
        Ok(())
    }

    /// Performs an abrupt completion from control depth `depth` outwards.
    pub fn emit_abrupt(&mut self, kind: Abrupt, depth: usize) {
        let mut i = depth;
        while i > 0 {
            i -= 1;
            match &mut self.ctl[i] {
                Ctl::Breakable {
                    break_to,
                    continue_to,
                    ..
                } => match kind {
                    Abrupt::Break(t) if t == i => {
                        let to = *break_to;
                        self.b.jump(to);
                        return;
                    }
                    Abrupt::Continue(t) if t == i => {
                        let to = continue_to.expect("continue target checked");
                        self.b.jump(to);
                        return;
                    }
                    _ => {}
                },
                Ctl::Finally {
                    entry,
                    state,
                    jumps,
                    ..
                } => {
                    let code = match kind {
                        Abrupt::Return => 2,
                        k => {
                            let idx = match jumps.iter().position(|j| *j == k) {
                                Some(x) => x,
                                None => {
                                    jumps.push(k);
                                    jumps.len() - 1
                                }
                            };
                            3 + idx as i32
                        }
                    };
                    let (entry, state) = (*entry, *state);
                    self.b.set_const(state, Const::I32(code));
                    self.b.jump(entry);
                    return;
                }
                Ctl::IterClose {
                    iter,
                    loop_idx,
                    done,
                    async_close,
                    ..
                } => {
                    if kind == Abrupt::Continue(*loop_idx) {
                        continue;
                    }
                    let (iter, done) = (*iter, *done);
                    if *async_close {
                        let l = self.landing_below(i);
                        self.async_close(iter, l);
                        continue;
                    }
                    let skip = self.b.new_block();
                    if let Some(d) = done {
                        let close = self.b.new_block();
                        self.b.branch(d, skip, close);
                        self.b.switch_to(close);
                    }
                    let ic = self.rt().iterator_close;
                    self.b.call(ic, &[iter]);
                    let pending = self.rt().exc_pending;
                    let p = self.b.global_get(pending);
                    let slow = self.b.new_block();
                    self.b.branch(p, slow, skip);
                    self.b.switch_to(slow);
                    let l = self.landing_below(i);
                    self.b.jump(l);
                    self.b.switch_to(skip);
                }
                Ctl::Catch { .. } => {}
            }
        }
        match kind {
            Abrupt::Return => {
                let rv = self.ret_val.expect("return value local");
                self.b.ret(&[rv]);
            }
            _ => self.b.unreachable(),
        }
    }

    pub fn try_stmt(&mut self, t: &'a TryStmt) -> LResult<()> {
        match &t.finalizer {
            None => match &t.handler {
                Some(h) => self.try_catch(&t.block.stmts, h),
                None => self.block(&t.block.stmts),
            },
            Some(fin) => {
                let state = self.b.named_local(Type::I32, "finally.state");
                let saved_v = self.b.named_local(Type::I64, "finally.exc");
                let saved_p = self.b.named_local(Type::I32, "finally.pos");
                let entry = self.b.new_labeled_block("finally");
                let landing = self.b.new_labeled_block("finally.landing");
                self.ctl.push(Ctl::Finally {
                    landing,
                    entry,
                    state,
                    jumps: Vec::new(),
                });
                let r = match &t.handler {
                    Some(h) => self.try_catch(&t.block.stmts, h),
                    None => self.block(&t.block.stmts),
                };
                let Some(Ctl::Finally { jumps, .. }) = self.ctl.pop() else {
                    unreachable!("control stack out of sync")
                };
                r?;
                self.b.set_const(state, Const::I32(0));
                self.b.jump(entry);
                // An exception: save it and run the finally block.
                self.b.switch_to(landing);
                let rt = self.rt().clone_ids();
                self.b.global_get_into(saved_v, rt.exc_value);
                self.b.global_get_into(saved_p, rt.exc_pos);
                let z = self.c32(0);
                self.b.global_set(rt.exc_pending, z);
                self.b.set_const(state, Const::I32(1));
                self.b.jump(entry);
                // The finally block, then continue as recorded.
                self.b.switch_to(entry);
                self.block(&fin.stmts)?;
                let after = self.b.new_block();
                let rethrow = self.b.new_block();
                let ret = self.b.new_block();
                let mut targets = vec![after, rethrow, ret];
                let jump_blocks: Vec<BlockId> = jumps.iter().map(|_| self.b.new_block()).collect();
                targets.extend(jump_blocks.iter().copied());
                self.b.switch(state, targets, after);
                self.b.switch_to(rethrow);
                let one = self.c32(1);
                self.b.global_set(rt.exc_pending, one);
                self.b.global_set(rt.exc_value, saved_v);
                self.b.global_set(rt.exc_pos, saved_p);
                self.throw_jump();
                self.b.switch_to(ret);
                if self.ret_val.is_some() {
                    let d = self.ctl.len();
                    self.emit_abrupt(Abrupt::Return, d);
                } else {
                    self.b.unreachable();
                }
                for (k, jb) in jumps.iter().zip(jump_blocks) {
                    self.b.switch_to(jb);
                    let d = self.ctl.len();
                    self.emit_abrupt(*k, d);
                }
                self.b.switch_to(after);
                Ok(())
            }
        }
    }

    fn try_catch(&mut self, block: &'a [Stmt], h: &'a CatchClause) -> LResult<()> {
        let landing = self.b.new_labeled_block("catch");
        let after = self.b.new_block();
        self.ctl.push(Ctl::Catch { landing });
        let r = self.block(block);
        self.ctl.pop();
        r?;
        self.b.jump(after);
        self.b.switch_to(landing);
        let rt = self.rt().clone_ids();
        let v = self.b.global_get(rt.exc_value);
        if self.prelude {
            // The prelude's async drivers read where a caught exception
            // was thrown (`__sy_caught_pos`).
            let cp = self.rt().caught_pos;
            let pos = self.b.global_get(rt.exc_pos);
            self.b.global_set(cp, pos);
        }
        let z = self.c32(0);
        self.b.global_set(rt.exc_pending, z);
        self.b.global_set(rt.exc_pos, z);
        if let Some(p) = &h.param {
            let Pat::Ident(id) = p else {
                let vc = self.fresh_i64();
                self.b.copy(vc, v);
                self.bind_pat(p, vc, super::pattern::PatMode::Fresh, None)?;
                self.block(&h.body.stmts)?;
                self.b.jump(after);
                self.b.switch_to(after);
                return Ok(());
            };
            if let Some(bid) = self.sh.an.binding_at(id.id.span.lo.0) {
                debug_assert_eq!(self.sh.an.bindings[bid].kind, BindKind::CatchParam);
                self.bind_new(bid, v);
            }
        }
        self.block(&h.body.stmts)?;
        self.b.jump(after);
        self.b.switch_to(after);
        let _ = StoreKind::I64;
        Ok(())
    }
}

/// The blocks and iterator of a for-of / for-await loop (see
/// [`Fx::iter_loop_body`]).
pub struct IterLoop {
    pub header: BlockId,
    pub exit: BlockId,
    /// Where an exception from the body goes (closes the iterator).
    pub landing: BlockId,
    /// The iterator: a runtime iterator handle (for-of) or an async
    /// iterator object (for-await).
    pub iter: Local,
    pub async_close: bool,
}

/// The runtime ids the exception paths need (copied out to avoid borrows).
pub struct ExcIds {
    pub exc_pending: GlobalId,
    pub exc_value: GlobalId,
    pub exc_pos: GlobalId,
    pub iterator_close: FuncId,
}

pub trait CloneIds {
    fn clone_ids(&self) -> ExcIds;
}

impl CloneIds for Runtime {
    fn clone_ids(&self) -> ExcIds {
        ExcIds {
            exc_pending: self.exc_pending,
            exc_value: self.exc_value,
            exc_pos: self.exc_pos,
            iterator_close: self.iterator_close,
        }
    }
}
