//! Statements: declarations, expression statements, `if`, blocks (with
//! their block-scoped bindings), `return` and `throw`; loops, labels,
//! `switch` and `try` are in `control`.

use super::scope::BindKind;
use super::*;
use swc_common::Spanned;
use swc_ecma_ast::{Decl, Pat, VarDecl, VarDeclKind};

impl<'a, 's, 'm> Fx<'a, 's, 'm> {
    pub fn stmts(&mut self, stmts: &'a [Stmt]) -> LResult<()> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    /// A block's statements in a new lexical scope.
    pub fn block(&mut self, stmts: &'a [Stmt]) -> LResult<()> {
        self.enter_lexical(stmts);
        self.hoist_functions(stmts)?;
        self.stmts(stmts)
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> LResult<()> {
        match s {
            Stmt::Block(b) => self.block(&b.stmts),
            Stmt::Empty(_) => Ok(()),
            Stmt::Expr(e) => {
                self.expr(&e.expr)?;
                Ok(())
            }
            Stmt::Decl(Decl::Var(d)) => self.var_decl(d),
            // Hoisted when the enclosing scope was entered.
            Stmt::Decl(Decl::Fn(_)) => Ok(()),
            Stmt::Decl(Decl::Class(c)) => {
                Err(self.unsupported(c.class.span.lo.0, "class declarations"))
            }
            Stmt::Decl(other) => Err(self.unsupported(other.span().lo.0, "this declaration")),
            Stmt::If(i) => {
                let c = self.expr(&i.test)?;
                let c = self.truthy(c);
                let then_b = self.b.new_block();
                let else_b = self.b.new_block();
                let join = self.b.new_block();
                self.b.branch(c, then_b, else_b);
                self.b.switch_to(then_b);
                self.sub_stmt(&i.cons)?;
                self.b.jump(join);
                self.b.switch_to(else_b);
                if let Some(alt) = &i.alt {
                    self.sub_stmt(alt)?;
                }
                self.b.jump(join);
                self.b.switch_to(join);
                Ok(())
            }
            Stmt::Return(r) => {
                let v = match &r.arg {
                    // `return v` in an async generator awaits v.
                    Some(e) if self.is_async_generator() => {
                        let v = self.expr(e)?;
                        let v = self.val(v);
                        self.await_value(v)
                    }
                    Some(e) => {
                        let v = self.expr(e)?;
                        self.val(v)
                    }
                    None => self.undef(),
                };
                self.do_return(v);
                Ok(())
            }
            Stmt::Throw(t) => {
                let v = self.expr(&t.arg)?;
                let v = self.val(v);
                // Node's stack points where an error was created: for
                // `throw new E(…)` that is the `new`.
                let at = match &*t.arg {
                    swc_ecma_ast::Expr::New(n) => n.span.lo.0,
                    _ => t.span.lo.0,
                };
                let p = self.enc_pos(at);
                let pl = self.c32(p);
                let tv = self.rt().throw_value;
                self.b.call(tv, &[v, pl]);
                self.throw_jump();
                self.dead_block();
                Ok(())
            }
            Stmt::While(_)
            | Stmt::DoWhile(_)
            | Stmt::For(_)
            | Stmt::ForIn(_)
            | Stmt::ForOf(_)
            | Stmt::Labeled(_)
            | Stmt::Switch(_) => self.labeled_stmt(Vec::new(), s),
            Stmt::Break(b) => self.break_stmt(
                b.label.as_ref().map(|l| l.sym.to_string()),
                false,
                b.span.lo.0,
            ),
            Stmt::Continue(c) => self.break_stmt(
                c.label.as_ref().map(|l| l.sym.to_string()),
                true,
                c.span.lo.0,
            ),
            Stmt::Try(t) => self.try_stmt(t),
            Stmt::With(w) => Err(self.unsupported(w.span.lo.0, "with statements")),
            Stmt::Debugger(d) => Err(self.unsupported(d.span.lo.0, "debugger statements")),
        }
    }

    /// A statement in a position where it is not in a block of its own
    /// (`if (x) let y;` is a syntax error, but function declarations occur).
    pub fn sub_stmt(&mut self, s: &'a Stmt) -> LResult<()> {
        if let Stmt::Decl(Decl::Fn(_)) = s {
            return self.block(std::slice::from_ref(s));
        }
        self.stmt(s)
    }

    pub fn var_decl(&mut self, d: &'a VarDecl) -> LResult<()> {
        for decl in &d.decls {
            let Pat::Ident(id) = &decl.name else {
                // Destructuring: the initialiser is required by the grammar.
                let Some(init) = &decl.init else {
                    return Err(
                        self.unsupported(decl.name.span().lo.0, "a pattern without initialiser")
                    );
                };
                let v = self.expr(init)?;
                let v = self.val(v);
                let vc = self.fresh_i64();
                self.b.copy(vc, v);
                self.bind_pat(&decl.name, vc, super::pattern::PatMode::Init, Some(init))?;
                continue;
            };
            let bid = self.sh.an.binding_at(id.id.span.lo.0);
            let v = match &decl.init {
                Some(init) => {
                    self.pending_name = Some(id.id.sym.to_string());
                    let v = self.expr(init)?;
                    self.pending_name = None;
                    self.val(v)
                }
                // `var x;` leaves x alone; `let x;` (re)initialises it.
                None if d.kind == VarDeclKind::Var => continue,
                None => self.undef(),
            };
            match bid {
                Some(b) => {
                    // Declarations initialise even `const` bindings.
                    let kind = self.sh.an.bindings[b].kind;
                    debug_assert!(kind != BindKind::This);
                    self.write_binding_raw(b, v);
                }
                None => {
                    return Err(
                        self.unsupported(id.id.span.lo.0, "internal: unresolved declaration")
                    )
                }
            }
        }
        Ok(())
    }

    /// `return v` (through any `finally` blocks and for-of loops).
    pub fn do_return(&mut self, v: Local) {
        let crosses = self
            .ctl
            .iter()
            .any(|c| matches!(c, Ctl::Finally { .. } | Ctl::IterClose { .. }));
        if !crosses {
            self.b.ret(&[v]);
        } else {
            let rv = match self.ret_val {
                Some(r) => r,
                None => {
                    let r = self.b.named_local(Type::I64, "retval");
                    self.ret_val = Some(r);
                    r
                }
            };
            self.b.copy(rv, v);
            let d = self.ctl.len();
            self.emit_abrupt(Abrupt::Return, d);
        }
        self.dead_block();
    }
}
