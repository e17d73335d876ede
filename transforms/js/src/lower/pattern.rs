//! Binding and assignment patterns: destructuring (`[a, , ...r] = it`,
//! `{ a, b: { c } = {}, [k]: d, ...rest } = o`), default values, and the
//! source text Node puts in iteration/destructuring errors.
//!
//! Array patterns follow the iterator protocol (`destructure_iter` /
//! `destructure_next` / `destructure_rest`; an array is read by index
//! without allocating an iterator) and close the iterator when the pattern
//! does not exhaust it — also when binding an element throws or (in a
//! generator) a `yield` in a default value is resumed with `return()`: the
//! pattern is a `Ctl::IterClose` with a `done` flag, set before every step
//! (a throwing `next` must not be closed) and cleared when a step produced
//! a value. Object patterns read properties with `get`; `...rest` copies the
//! remaining own enumerable properties (`copy_props`). Default values apply
//! when the value is `undefined`; an anonymous function default takes the
//! binding's name.
//!
//! Evaluation order as in the spec: in assignment patterns a member target
//! (`[o.x] = …`) is evaluated before its value is read.

use super::expr::Place;
use super::*;
use swc_common::Spanned;
use swc_ecma_ast::{Expr, ObjectPatProp, Pat, PropName};

/// How the names of a pattern are bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatMode {
    /// Initialise the existing binding (declarations: `var`, `let`,
    /// `const`, parameters): no `const` check.
    Init,
    /// Create a fresh binding (a `let`/`const` for-of head each iteration,
    /// a catch parameter).
    Fresh,
    /// Assignment (`[a, b] = …`): `const` throws, undeclared names throw
    /// ReferenceError, member targets are written.
    Assign,
}

impl<'a, 's, 'm> Fx<'a, 's, 'm> {
    /// The source text Node shows for `e` in "… is not iterable" and
    /// "Cannot destructure …" messages (identifiers, member chains,
    /// literals, `f(...)` for calls), interned, as an i32 pointer (0 when
    /// Node would describe the value instead).
    pub fn what_ptr(&mut self, e: &Expr) -> Local {
        match self.what_text(e) {
            Some(t) => self.str_ptr(&t),
            None => self.c32(0),
        }
    }

    pub fn what_text(&self, e: &Expr) -> Option<String> {
        let e = super::expr::strip_parens(e);
        let simple = |fx: &Self, e: &Expr| -> Option<String> {
            let t = fx.callee_text(e);
            (t != "expression").then_some(t)
        };
        match e {
            Expr::Ident(_) | Expr::Lit(_) | Expr::This(_) => simple(self, e),
            Expr::Object(o) if o.props.is_empty() => Some("{}".to_string()),
            Expr::Object(_) => Some("{(intermediate value)}".to_string()),
            Expr::Member(m) => {
                let mut base = &*m.obj;
                loop {
                    match base {
                        Expr::Member(inner) => base = &inner.obj,
                        Expr::Ident(_) | Expr::This(_) => return simple(self, e),
                        _ => return None,
                    }
                }
            }
            Expr::Call(c) => match &c.callee {
                swc_ecma_ast::Callee::Expr(callee) => {
                    let callee = super::expr::strip_parens(callee);
                    match callee {
                        Expr::Ident(_) | Expr::Member(_) => {
                            self.what_text(callee).map(|t| format!("{t}(...)"))
                        }
                        _ => None,
                    }
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Binds (or assigns) `pat` to the value `v`. `what` is the source text
    /// of the value's expression, for error messages.
    pub fn bind_pat(
        &mut self,
        pat: &'a Pat,
        v: Local,
        mode: PatMode,
        what: Option<&'a Expr>,
    ) -> LResult<()> {
        match pat {
            Pat::Ident(id) => {
                self.bind_name(&id.id, v, mode);
                Ok(())
            }
            Pat::Assign(a) => {
                let v = self.apply_default(v, &a.left, &a.right)?;
                self.bind_pat(&a.left, v, mode, None)
            }
            Pat::Array(ap) => self.array_pattern(&ap.elems, v, mode, what),
            Pat::Object(op) => self.object_pattern(&op.props, v, mode, what),
            Pat::Expr(e) => {
                let place = self.place_of_expr(e)?;
                self.place_put(&place, v, e.span().lo.0);
                Ok(())
            }
            Pat::Rest(r) => Err(self.unsupported(r.span.lo.0, "a rest element here")),
            Pat::Invalid(i) => Err(self.unsupported(i.span.lo.0, "invalid pattern")),
        }
    }

    /// Binds one identifier of a pattern.
    fn bind_name(&mut self, id: &'a swc_ecma_ast::Ident, v: Local, mode: PatMode) {
        let pos = id.span.lo.0;
        match (self.sh.an.binding_at(pos), mode) {
            (Some(bid), PatMode::Init) => self.write_binding_raw(bid, v),
            (Some(bid), PatMode::Fresh) => self.bind_new(bid, v),
            (Some(bid), PatMode::Assign) => self.assign_binding(bid, v, pos),
            (None, _) => {
                let place = Place::Binding(None, id.sym.to_string());
                self.place_put(&place, v, pos);
            }
        }
    }

    /// `v === undefined ? default : v`, naming an anonymous function
    /// default after the target identifier.
    pub fn apply_default(
        &mut self,
        v: Local,
        target: &'a Pat,
        default: &'a Expr,
    ) -> LResult<Local> {
        let out = self.fresh_i64();
        self.b.copy(out, v);
        let u = self.undef();
        let is_u = self.b.bin(BinOp::I64Eq, v, u);
        let dflt = self.b.new_block();
        let join = self.b.new_block();
        self.b.branch(is_u, dflt, join);
        self.b.switch_to(dflt);
        if let Pat::Ident(id) = target {
            self.pending_name = Some(id.id.sym.to_string());
        }
        let d = self.expr(default)?;
        self.pending_name = None;
        let d = self.val(d);
        self.b.copy(out, d);
        self.b.jump(join);
        self.b.switch_to(join);
        Ok(out)
    }

    /// An assignment-pattern element whose target is a member expression
    /// (or a parenthesised one) is evaluated before its value is read.
    fn pre_place(&mut self, p: &'a Pat, mode: PatMode) -> LResult<Option<Place>> {
        if mode != PatMode::Assign {
            return Ok(None);
        }
        let target = match p {
            Pat::Assign(a) => &*a.left,
            other => other,
        };
        match target {
            Pat::Expr(e) => Ok(Some(self.place_of_expr(e)?)),
            _ => Ok(None),
        }
    }

    /// Binds a pattern element, using a pre-evaluated place if there is one.
    fn bind_elem(
        &mut self,
        p: &'a Pat,
        v: Local,
        mode: PatMode,
        place: Option<Place>,
    ) -> LResult<()> {
        match place {
            None => self.bind_pat(p, v, mode, None),
            Some(place) => {
                let v = match p {
                    Pat::Assign(a) => self.apply_default(v, &a.left, &a.right)?,
                    _ => v,
                };
                self.place_put(&place, v, p.span().lo.0);
                Ok(())
            }
        }
    }

    pub fn array_pattern(
        &mut self,
        elems: &'a [Option<Pat>],
        v: Local,
        mode: PatMode,
        what: Option<&'a Expr>,
    ) -> LResult<()> {
        let pos = match what {
            Some(e) => e.span().lo.0,
            None => elems
                .iter()
                .flatten()
                .next()
                .map(|p| p.span().lo.0)
                .unwrap_or(0),
        };
        let what_p = match what {
            Some(e) => self.what_ptr(e),
            None => self.c32(0),
        };
        let di = self.rt().destructure_iter;
        let it0 = self.call_throwing(di, &[v, what_p], pos)[0];
        let it = self.b.named_local(Type::I64, "destr.iter");
        self.b.copy(it, it0);
        let done = self.b.named_local(Type::I32, "destr.done");
        self.b.set_const(done, Const::I32(0));
        let landing = self.b.new_labeled_block("destr.close");
        self.ctl.push(Ctl::IterClose {
            landing,
            iter: it,
            loop_idx: usize::MAX,
            done: Some(done),
            async_close: false,
        });
        let r = self.array_pattern_elems(elems, it, done, mode, pos);
        self.ctl.pop();
        r?;
        // Not exhausted: close (errors from `return` propagate).
        let close = self.b.new_block();
        let after = self.b.new_block();
        self.b.branch(done, after, close);
        self.b.switch_to(close);
        let ic = self.rt().iterator_close;
        self.call_throwing(ic, &[it], pos);
        self.b.jump(after);
        // An exception while binding: close unless the iterator itself
        // failed or is exhausted, then rethrow.
        self.b.switch_to(landing);
        let rethrow = self.b.new_block();
        let closing = self.b.new_block();
        self.b.branch(done, rethrow, closing);
        self.b.switch_to(closing);
        self.close_iter_keeping_exception(it);
        self.b.jump(rethrow);
        self.b.switch_to(rethrow);
        self.throw_jump();
        self.b.switch_to(after);
        Ok(())
    }

    fn array_pattern_elems(
        &mut self,
        elems: &'a [Option<Pat>],
        it: Local,
        done: Local,
        mode: PatMode,
        pos: u32,
    ) -> LResult<()> {
        let next = self.rt().destructure_next;
        for (i, el) in elems.iter().enumerate() {
            let idx = self.c32(i as i32);
            match el {
                Some(Pat::Rest(r)) => {
                    let place = self.pre_place(&r.arg, mode)?;
                    self.b.set_const(done, Const::I32(1));
                    let dr = self.rt().destructure_rest;
                    let arr = self.call_throwing(dr, &[it, idx], pos)[0];
                    let arr_c = self.fresh_i64();
                    self.b.copy(arr_c, arr);
                    self.bind_elem(&r.arg, arr_c, mode, place)?;
                }
                el => {
                    let place = match el {
                        Some(p) => self.pre_place(p, mode)?,
                        None => None,
                    };
                    // x = done ? undefined : step
                    let x = self.fresh_i64();
                    let u = self.undef();
                    self.b.copy(x, u);
                    let step = self.b.new_block();
                    let join = self.b.new_block();
                    self.b.branch(done, join, step);
                    self.b.switch_to(step);
                    self.b.set_const(done, Const::I32(1));
                    let r = self.call_throwing(next, &[it, idx], pos)[0];
                    let dv = self.c64(DONE);
                    let exhausted = self.b.bin(BinOp::I64Eq, r, dv);
                    let got = self.b.new_block();
                    self.b.branch(exhausted, join, got);
                    self.b.switch_to(got);
                    self.b.copy(x, r);
                    self.b.set_const(done, Const::I32(0));
                    self.b.jump(join);
                    self.b.switch_to(join);
                    if let Some(p) = el {
                        self.bind_elem(p, x, mode, place)?;
                    }
                }
            }
        }
        Ok(())
    }

    pub fn object_pattern(
        &mut self,
        props: &'a [ObjectPatProp],
        v: Local,
        mode: PatMode,
        what: Option<&'a Expr>,
    ) -> LResult<()> {
        // undefined / null cannot be destructured.
        let pos = what
            .map(|e| e.span().lo.0)
            .unwrap_or_else(|| props.first().map(|p| p.span().lo.0).unwrap_or(0));
        let first_name = props.first().and_then(|p| match p {
            ObjectPatProp::KeyValue(kv) => self.prop_name_static(&kv.key),
            ObjectPatProp::Assign(a) => Some(a.key.id.sym.to_string()),
            ObjectPatProp::Rest(_) => None,
        });
        let nullish = self.is_nullish(v);
        let bad = self.b.new_block();
        let ok = self.b.new_block();
        self.b.branch(nullish, bad, ok);
        self.b.switch_to(bad);
        let what_p = match what {
            Some(e) => self.what_ptr(e),
            None => self.c32(0),
        };
        let prop_p = match &first_name {
            Some(n) => self.str_ptr(n),
            None => self.c32(0),
        };
        let td = self.rt().throw_destructure;
        self.b.call(td, &[v, what_p, prop_p]);
        let ep = self.enc_pos(pos);
        self.set_pos_if_unset(ep);
        self.throw_jump();
        self.b.switch_to(ok);

        let has_rest = props.iter().any(|p| matches!(p, ObjectPatProp::Rest(_)));
        let excluded = if has_rest {
            let n = self.c32(props.len() as i32);
            let na = self.rt().new_array;
            Some(self.b.call1(na, &[n]))
        } else {
            None
        };
        for p in props {
            match p {
                ObjectPatProp::KeyValue(kv) => {
                    let kpos = kv.key.span().lo.0;
                    let (key, name) = match self.prop_name_static(&kv.key) {
                        Some(n) => (None, Some(n)),
                        None => (Some(self.pattern_key(&kv.key)?), None),
                    };
                    if let Some(ex) = excluded {
                        let kv_ = match (&name, key) {
                            (Some(n), _) => self.str_val(n),
                            (None, Some(k)) => {
                                let tpk = self.rt().to_property_key;
                                let p = self.b.call1(tpk, &[k]);
                                self.box_ptr(TAG_STRING, p)
                            }
                            _ => unreachable!(),
                        };
                        let push = self.rt().array_push;
                        self.b.call(push, &[ex, kv_]);
                    }
                    let place = self.pre_place(&kv.value, mode)?;
                    let x = match (&name, key) {
                        (Some(n), _) => {
                            let n = n.clone();
                            self.get_named(v, &n, kpos)
                        }
                        (None, Some(k)) => self.get_computed(v, k, kpos),
                        _ => unreachable!(),
                    };
                    let xc = self.fresh_i64();
                    self.b.copy(xc, x);
                    self.bind_elem(&kv.value, xc, mode, place)?;
                }
                ObjectPatProp::Assign(a) => {
                    let name = a.key.id.sym.to_string();
                    if let Some(ex) = excluded {
                        let kv_ = self.str_val(&name);
                        let push = self.rt().array_push;
                        self.b.call(push, &[ex, kv_]);
                    }
                    let x = self.get_named(v, &name, a.key.id.span.lo.0);
                    let xc = self.fresh_i64();
                    self.b.copy(xc, x);
                    let x = match &a.value {
                        Some(d) => {
                            let out = self.fresh_i64();
                            self.b.copy(out, xc);
                            let u = self.undef();
                            let is_u = self.b.bin(BinOp::I64Eq, xc, u);
                            let dflt = self.b.new_block();
                            let join = self.b.new_block();
                            self.b.branch(is_u, dflt, join);
                            self.b.switch_to(dflt);
                            self.pending_name = Some(name.clone());
                            let dv = self.expr(d)?;
                            self.pending_name = None;
                            let dv = self.val(dv);
                            self.b.copy(out, dv);
                            self.b.jump(join);
                            self.b.switch_to(join);
                            out
                        }
                        None => xc,
                    };
                    self.bind_name(&a.key.id, x, mode);
                }
                ObjectPatProp::Rest(r) => {
                    let place = self.pre_place(&r.arg, mode)?;
                    let no = self.rt().new_object;
                    let obj = self.b.call1(no, &[]);
                    let cp = self.rt().copy_props;
                    let ex = excluded.expect("rest implies excluded keys");
                    self.call_throwing(cp, &[obj, v, ex], r.span.lo.0);
                    self.bind_elem(&r.arg, obj, mode, place)?;
                }
            }
        }
        Ok(())
    }

    /// A computed (or numeric) key of an object pattern, evaluated.
    fn pattern_key(&mut self, k: &'a PropName) -> LResult<Local> {
        match k {
            PropName::Computed(c) => {
                let v = self.expr(&c.expr)?;
                let v = self.val(v);
                let c2 = self.fresh_i64();
                self.b.copy(c2, v);
                Ok(c2)
            }
            PropName::Num(n) => Ok(self.num_const(n.value)),
            PropName::Ident(i) => Ok(self.str_val(&i.sym)),
            PropName::Str(s) => {
                let units: Vec<u16> = s.value.as_wtf8().to_ill_formed_utf16().collect();
                let p = self.sh.statics.string_utf16(&units);
                Ok(self.c64(boxed(TAG_STRING, p)))
            }
            PropName::BigInt(b) => Err(self.unsupported(b.span.lo.0, "BigInt literals")),
        }
    }
}
