//! Expressions.
//!
//! Results are [`Val`]s: numbers and booleans stay unboxed (f64 / i32)
//! inside an expression and are boxed only when stored or passed. Number
//! fast paths are inline (`+ - * / < <= > >= === !==` when both operands are
//! numbers: two unsigned compares against TAG_MIN); everything else calls
//! the runtime.

use super::scope::BindingId;
use super::*;
use swc_common::Spanned;
use swc_ecma_ast::*;
use switchyard_ir::LoadKind;

/// An assignable place.
pub enum Place {
    /// A variable (`None`: undeclared).
    Binding(Option<BindingId>, String),
    /// `obj.name`
    Named(Local, String),
    /// `obj[key]`
    Computed(Local, Local),
}

impl<'a, 's, 'm> Fx<'a, 's, 'm> {
    pub fn expr(&mut self, e: &'a Expr) -> LResult<Val> {
        match e {
            Expr::Lit(l) => self.lit(l),
            Expr::Ident(id) => Ok(Val::V(self.ident(id)?)),
            Expr::This(t) => {
                let v = match self.sh.an.this_refs.get(&t.span.lo.0).copied() {
                    Some(b) => self.read_binding(b),
                    None => self.undef(),
                };
                Ok(Val::V(v))
            }
            Expr::Paren(p) => self.expr(&p.expr),
            Expr::Seq(s) => {
                let mut last = Val::V(self.undef());
                for e in &s.exprs {
                    last = self.expr(e)?;
                }
                Ok(last)
            }
            Expr::Array(a) => self.array_lit(a),
            Expr::Object(o) => self.object_lit(o),
            Expr::Fn(f) => {
                let name = match &f.ident {
                    Some(id) => id.sym.to_string(),
                    None => self.pending_name.take().unwrap_or_default(),
                };
                self.pending_name = None;
                Ok(Val::V(self.closure_of_function(
                    &f.function,
                    f.ident.as_ref(),
                    &name,
                )?))
            }
            Expr::Arrow(a) => {
                let name = self.pending_name.take().unwrap_or_default();
                Ok(Val::V(self.closure_of_arrow(a, &name)?))
            }
            Expr::Unary(u) => self.unary(u),
            Expr::Update(u) => self.update(u),
            Expr::Bin(b) => self.binary(b),
            Expr::Assign(a) => self.assign(a),
            Expr::Member(m) => {
                let (_, v) = self.member_get_with_obj(m)?;
                Ok(Val::V(v))
            }
            Expr::Cond(c) => {
                let t = self.expr(&c.test)?;
                let t = self.truthy(t);
                let out = self.fresh_i64();
                let then_b = self.b.new_block();
                let else_b = self.b.new_block();
                let join = self.b.new_block();
                self.b.branch(t, then_b, else_b);
                self.b.switch_to(then_b);
                let v = self.expr(&c.cons)?;
                let v = self.val(v);
                self.b.copy(out, v);
                self.b.jump(join);
                self.b.switch_to(else_b);
                let v = self.expr(&c.alt)?;
                let v = self.val(v);
                self.b.copy(out, v);
                self.b.jump(join);
                self.b.switch_to(join);
                Ok(Val::V(out))
            }
            Expr::Call(c) => self.call_expr(c),
            Expr::New(n) => self.new_expr(n),
            Expr::Tpl(t) => self.template(t),
            Expr::OptChain(o) => self.opt_chain_outer(o),
            Expr::Yield(y) => self.yield_expr(y),
            Expr::Await(a) => self.await_expr(a),
            other => Err(self.unsupported(other.span().lo.0, unsupported_expr_name(other))),
        }
    }

    fn lit(&mut self, l: &Lit) -> LResult<Val> {
        Ok(match l {
            Lit::Str(s) => {
                let units: Vec<u16> = s.value.as_wtf8().to_ill_formed_utf16().collect();
                let p = self.sh.statics.string_utf16(&units);
                Val::V(self.c64(boxed(TAG_STRING, p)))
            }
            Lit::Num(n) => Val::N(self.b.f64_const(n.value)),
            Lit::Bool(b) => Val::B(self.c32(b.value as i32)),
            Lit::Null(_) => Val::V(self.c64(NULL)),
            Lit::Regex(r) => {
                return Err(self.unsupported(r.span.lo.0, "regular expression literals"))
            }
            Lit::BigInt(b) => return Err(self.unsupported(b.span.lo.0, "BigInt literals")),
            Lit::JSXText(t) => return Err(self.unsupported(t.span.lo.0, "JSX")),
        })
    }

    /// Reads an identifier.
    pub fn ident(&mut self, id: &Ident) -> LResult<Local> {
        match self.sh.an.binding_at(id.span.lo.0) {
            Some(b) => Ok(self.read_binding_at(b, id.span.lo.0)),
            None => Ok(self.undeclared_read(&id.sym, id.span.lo.0)),
        }
    }

    /// A read of a name declared nowhere: a few well-known constants, else
    /// a ReferenceError at run time.
    fn undeclared_read(&mut self, name: &str, pos: u32) -> Local {
        match name {
            "undefined" => self.undef(),
            "NaN" => self.c64(CANONICAL_NAN),
            "Infinity" => self.num_const(f64::INFINITY),
            _ => {
                self.throw_not_defined(name, pos);
                self.undef()
            }
        }
    }

    fn throw_not_defined(&mut self, name: &str, pos: u32) {
        let p = self.str_ptr(name);
        let t = self.rt().throw_not_defined;
        self.b.call(t, &[p]);
        let ep = self.enc_pos(pos);
        self.set_pos_if_unset(ep);
        self.throw_jump();
        self.dead_block();
    }

    fn array_lit(&mut self, a: &'a ArrayLit) -> LResult<Val> {
        let cap = self.c32(a.elems.len() as i32);
        let na = self.rt().new_array;
        let arr = self.b.call1(na, &[cap]);
        let push = self.rt().array_push;
        for el in &a.elems {
            let v = match el {
                None => self.c64(HOLE),
                Some(e) => {
                    let v = self.expr(&e.expr)?;
                    let v = self.val(v);
                    if e.spread.is_some() {
                        let what = self.what_ptr(&e.expr);
                        let style = self.c32(0);
                        let si = self.rt().spread_into;
                        self.call_throwing(si, &[arr, v, what, style], e.expr.span().lo.0);
                        continue;
                    }
                    v
                }
            };
            self.b.call(push, &[arr, v]);
        }
        Ok(Val::V(arr))
    }

    /// The static name of a property key, if it has one.
    pub fn prop_name_static(&self, k: &PropName) -> Option<String> {
        match k {
            PropName::Ident(i) => Some(i.sym.to_string()),
            PropName::Str(s) => s.value.as_str().map(|s| s.to_string()),
            PropName::Num(n) => {
                let v = n.value;
                if v.fract() == 0.0 && v.abs() < 1e15 {
                    Some(format!("{}", v as i64))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    fn object_lit(&mut self, o: &'a ObjectLit) -> LResult<Val> {
        let no = self.rt().new_object;
        let obj = self.b.call1(no, &[]);
        for p in &o.props {
            let prop = match p {
                PropOrSpread::Spread(s) => {
                    let v = self.expr(&s.expr)?;
                    let v = self.val(v);
                    let u = self.undef();
                    let cp = self.rt().copy_props;
                    self.call_throwing(cp, &[obj, v, u], s.dot3_token.lo.0);
                    continue;
                }
                PropOrSpread::Prop(p) => &**p,
            };
            match prop {
                Prop::Shorthand(id) => {
                    let v = self.ident(id)?;
                    self.set_named(obj, &id.sym, v, id.span.lo.0);
                }
                Prop::KeyValue(kv) => {
                    let name = self.prop_name_static(&kv.key);
                    self.pending_name = name.clone().or_else(|| self.symbol_key_name(&kv.key));
                    let key = match &name {
                        Some(_) => None,
                        None => Some(self.prop_key_value(&kv.key)?),
                    };
                    let v = self.expr(&kv.value)?;
                    self.pending_name = None;
                    let v = self.val(v);
                    // NamedEvaluation with a dynamic key.
                    if let (None, Some(k)) = (&name, key) {
                        if is_anonymous_fn(&kv.value) && self.symbol_key_name(&kv.key).is_none() {
                            let sfn = self.rt().set_function_name;
                            self.b.call(sfn, &[v, k]);
                        }
                    }
                    match (name, key) {
                        (Some(n), _) => self.set_named(obj, &n, v, kv.key.span().lo.0),
                        (None, Some(k)) => self.set_computed(obj, k, v, kv.key.span().lo.0),
                        _ => {}
                    }
                }
                Prop::Method(mp) => {
                    let name = self.prop_name_static(&mp.key);
                    let key = match &name {
                        Some(_) => None,
                        None => Some(self.prop_key_value(&mp.key)?),
                    };
                    let fname = name
                        .clone()
                        .or_else(|| self.symbol_key_name(&mp.key))
                        .unwrap_or_default();
                    let f = self.closure_of_function(&mp.function, None, &fname)?;
                    if let (None, Some(k)) = (&name, key) {
                        if self.symbol_key_name(&mp.key).is_none() {
                            let sfn = self.rt().set_function_name;
                            self.b.call(sfn, &[f, k]);
                        }
                    }
                    match (name, key) {
                        (Some(n), _) => self.set_named(obj, &n, f, mp.key.span().lo.0),
                        (None, Some(k)) => self.set_computed(obj, k, f, mp.key.span().lo.0),
                        _ => {}
                    }
                }
                Prop::Getter(g) => return Err(self.unsupported(g.span.lo.0, "getters")),
                Prop::Setter(s) => return Err(self.unsupported(s.span.lo.0, "setters")),
                Prop::Assign(a) => {
                    return Err(self.unsupported(a.span.lo.0, "shorthand property initializers"))
                }
            }
        }
        Ok(Val::V(obj))
    }

    /// The function name a computed key `[Symbol.iterator]` gives (when
    /// `Symbol` is the built-in).
    pub fn symbol_key_name(&self, k: &PropName) -> Option<String> {
        let PropName::Computed(c) = k else {
            return None;
        };
        let Expr::Member(m) = strip_parens(&c.expr) else {
            return None;
        };
        let (Expr::Ident(obj), MemberProp::Ident(prop)) = (&*m.obj, &m.prop) else {
            return None;
        };
        let builtin = match self.sh.an.binding_at(obj.span.lo.0) {
            None => true,
            Some(b) => self.sh.an.bindings[b].prelude,
        };
        (&*obj.sym == "Symbol" && builtin).then(|| format!("[Symbol.{}]", prop.sym))
    }

    /// A property key as a value (computed keys are evaluated).
    fn prop_key_value(&mut self, k: &'a PropName) -> LResult<Local> {
        Ok(match k {
            PropName::Ident(i) => self.str_val(&i.sym),
            PropName::Str(s) => {
                let units: Vec<u16> = s.value.as_wtf8().to_ill_formed_utf16().collect();
                let p = self.sh.statics.string_utf16(&units);
                self.c64(boxed(TAG_STRING, p))
            }
            PropName::Num(n) => self.num_const(n.value),
            PropName::Computed(c) => {
                let v = self.expr(&c.expr)?;
                let v = self.val(v);
                let c2 = self.fresh_i64();
                self.b.copy(c2, v);
                c2
            }
            PropName::BigInt(b) => return Err(self.unsupported(b.span.lo.0, "BigInt literals")),
        })
    }

    fn template(&mut self, t: &'a Tpl) -> LResult<Val> {
        let concat = self.rt().string_concat;
        let to_string = self.rt().to_string;
        let mut acc: Option<Local> = None; // a string pointer
        for (i, q) in t.quasis.iter().enumerate() {
            let units: Vec<u16> = match &q.cooked {
                Some(c) => c.as_wtf8().to_ill_formed_utf16().collect(),
                None => return Err(self.unsupported(q.span.lo.0, "invalid escape in template")),
            };
            if !units.is_empty() {
                let p = self.sh.statics.string_utf16(&units);
                let pl = self.c32(p as i32);
                acc = Some(match acc {
                    None => pl,
                    Some(a) => self.b.call1(concat, &[a, pl]),
                });
            }
            if let Some(e) = t.exprs.get(i) {
                let v = self.expr(e)?;
                let v = self.val(v);
                let s = self.b.call1(to_string, &[v]);
                let sp = self.payload(s);
                acc = Some(match acc {
                    None => sp,
                    Some(a) => self.b.call1(concat, &[a, sp]),
                });
            }
        }
        let p = match acc {
            Some(p) => p,
            None => {
                let p = self.sh.statics.string("");
                self.c32(p as i32)
            }
        };
        Ok(Val::V(self.box_ptr(TAG_STRING, p)))
    }

    // ---- operators -----------------------------------------------------------

    /// ToInt32 as an i32, inline when the number is already an int32.
    pub fn to_i32(&mut self, v: Val) -> Local {
        let out = self.b.local(Type::I32);
        let to_int32 = self.rt().to_int32;
        match v {
            Val::B(c) => return c,
            Val::N(f) => {
                let t = self.b.un(UnOp::I32TruncSatF64S, f);
                let back = self.b.un(UnOp::F64ConvertI32S, t);
                let exact = self.b.bin(BinOp::F64Eq, back, f);
                self.b.if_else(
                    exact,
                    |b| b.copy(out, t),
                    |b| {
                        let bits = b.un(UnOp::I64ReinterpretF64, f);
                        b.call_into(&[out], to_int32, &[bits]);
                    },
                );
            }
            Val::V(l) => {
                let isn = self.is_number(l);
                let fast = self.b.new_block();
                let slow = self.b.new_block();
                let join = self.b.new_block();
                self.b.branch(isn, fast, slow);
                self.b.switch_to(fast);
                let f = self.b.un(UnOp::F64ReinterpretI64, l);
                let t = self.b.un(UnOp::I32TruncSatF64S, f);
                let back = self.b.un(UnOp::F64ConvertI32S, t);
                let exact = self.b.bin(BinOp::F64Eq, back, f);
                self.b.copy(out, t);
                self.b.branch(exact, join, slow);
                self.b.switch_to(slow);
                self.b.call_into(&[out], to_int32, &[l]);
                self.b.jump(join);
                self.b.switch_to(join);
            }
        }
        out
    }

    /// Applies a binary operator to two evaluated operands.
    pub fn bin_op(&mut self, op: BinaryOp, l: Val, r: Val, pos: u32) -> LResult<Val> {
        use BinaryOp::*;
        Ok(match op {
            Add => self.add(l, r),
            Sub | Mul | Div => {
                let a = self.num(l);
                let b = self.num(r);
                let o = match op {
                    Sub => BinOp::F64Sub,
                    Mul => BinOp::F64Mul,
                    _ => BinOp::F64Div,
                };
                Val::N(self.b.bin(o, a, b))
            }
            Mod => {
                // (A literal divisor was just lowered into the current block.)
                let k = match r {
                    Val::N(f) => self.f64_const_value(f),
                    _ => None,
                };
                let a = self.num(l);
                let b = self.num(r);
                if let Some(k) = k {
                    if k >= 1.0 && k <= i32::MAX as f64 && k.fract() == 0.0 {
                        return Ok(Val::N(self.rem_by_const(a, b, k as u32)));
                    }
                }
                let rem = self.rt().remainder;
                let f = self.b.call1(rem, &[a, b]);
                Val::V(self.box_f64_checked(f))
            }
            Exp => {
                let a = self.num(l);
                let b = self.num(r);
                let pow = self.rt().host.math_pow;
                let f = self.b.call1(pow, &[a, b]);
                Val::V(self.box_f64_checked(f))
            }
            Lt | LtEq | Gt | GtEq => {
                let (fop, code) = match op {
                    Lt => (BinOp::F64Lt, 0),
                    LtEq => (BinOp::F64Le, 1),
                    Gt => (BinOp::F64Gt, 2),
                    _ => (BinOp::F64Ge, 3),
                };
                if let (Val::N(a), Val::N(b)) = (l, r) {
                    return Ok(Val::B(self.b.bin(fop, a, b)));
                }
                let a = self.val(l);
                let b = self.val(r);
                let cmp = self.rt().compare;
                Val::B(self.num_fast_or(a, b, fop, |fx, a, b| {
                    let c = fx.c32(code);
                    fx.b.call1(cmp, &[a, b, c])
                }))
            }
            EqEqEq | NotEqEq | EqEq | NotEq => {
                let eq = match (l, r) {
                    (Val::N(a), Val::N(b)) => self.b.bin(BinOp::F64Eq, a, b),
                    _ => {
                        let a = self.val(l);
                        let b = self.val(r);
                        let f = if matches!(op, EqEqEq | NotEqEq) {
                            self.rt().strict_equals
                        } else {
                            self.rt().loose_equals
                        };
                        self.num_fast_or(a, b, BinOp::F64Eq, |fx, a, b| fx.b.call1(f, &[a, b]))
                    }
                };
                if matches!(op, NotEqEq | NotEq) {
                    Val::B(self.b.un(UnOp::I32Eqz, eq))
                } else {
                    Val::B(eq)
                }
            }
            BitAnd | BitOr | BitXor | LShift | RShift | ZeroFillRShift => {
                let a = self.to_i32(l);
                let b = self.to_i32(r);
                let (o, unsigned) = match op {
                    BitAnd => (BinOp::I32And, false),
                    BitOr => (BinOp::I32Or, false),
                    BitXor => (BinOp::I32Xor, false),
                    LShift => (BinOp::I32Shl, false),
                    RShift => (BinOp::I32ShrS, false),
                    _ => (BinOp::I32ShrU, true),
                };
                let x = self.b.bin(o, a, b);
                let conv = if unsigned {
                    UnOp::F64ConvertI32U
                } else {
                    UnOp::F64ConvertI32S
                };
                Val::N(self.b.un(conv, x))
            }
            In => {
                let k = self.val(l);
                let o = self.val(r);
                let hp = self.rt().has_property;
                let res = self.call_throwing(hp, &[k, o], pos);
                Val::B(res[0])
            }
            InstanceOf => {
                let v = self.val(l);
                let c = self.val(r);
                let io = self.rt().instance_of;
                let res = self.call_throwing(io, &[v, c], pos);
                Val::B(res[0])
            }
            LogicalAnd | LogicalOr | NullishCoalescing => {
                unreachable!("logical operators are lowered with short-circuiting")
            }
        })
    }

    /// If both values are numbers, `fop` on them; otherwise `slow`.
    fn num_fast_or(
        &mut self,
        a: Local,
        b: Local,
        fop: BinOp,
        slow: impl FnOnce(&mut Self, Local, Local) -> Local,
    ) -> Local {
        let out = self.b.local(Type::I32);
        let na = self.is_number(a);
        let nb = self.is_number(b);
        let both = self.b.bin(BinOp::I32And, na, nb);
        let fast = self.b.new_block();
        let slow_b = self.b.new_block();
        let join = self.b.new_block();
        self.b.branch(both, fast, slow_b);
        self.b.switch_to(fast);
        let fa = self.b.un(UnOp::F64ReinterpretI64, a);
        let fb = self.b.un(UnOp::F64ReinterpretI64, b);
        self.b.binary_into(out, fop, fa, fb);
        self.b.jump(join);
        self.b.switch_to(slow_b);
        let r = slow(self, a, b);
        self.b.copy(out, r);
        self.b.jump(join);
        self.b.switch_to(join);
        out
    }

    fn add(&mut self, l: Val, r: Val) -> Val {
        let is_num = |v: &Val| matches!(v, Val::N(_) | Val::B(_));
        if is_num(&l) && is_num(&r) {
            let a = self.num(l);
            let b = self.num(r);
            return Val::N(self.b.bin(BinOp::F64Add, a, b));
        }
        let a = self.val(l);
        let b = self.val(r);
        let out = self.fresh_i64();
        let na = self.is_number(a);
        let nb = self.is_number(b);
        let both = self.b.bin(BinOp::I32And, na, nb);
        let add = self.rt().add;
        self.b.if_else(
            both,
            |bb| {
                let fa = bb.un(UnOp::F64ReinterpretI64, a);
                let fb = bb.un(UnOp::F64ReinterpretI64, b);
                let s = bb.bin(BinOp::F64Add, fa, fb);
                bb.unary_into(out, UnOp::I64ReinterpretF64, s);
            },
            |bb| bb.call_into(&[out], add, &[a, b]),
        );
        Val::V(out)
    }

    fn binary(&mut self, e: &'a BinExpr) -> LResult<Val> {
        use BinaryOp::*;
        match e.op {
            LogicalAnd | LogicalOr | NullishCoalescing => {
                let l = self.expr(&e.left)?;
                let lv = self.val(l);
                let out = self.fresh_i64();
                self.b.copy(out, lv);
                let cond = match e.op {
                    // Evaluate the right side when…
                    LogicalAnd => self.truthy(Val::V(lv)),
                    LogicalOr => {
                        let t = self.truthy(Val::V(lv));
                        self.b.un(UnOp::I32Eqz, t)
                    }
                    _ => self.is_nullish(lv),
                };
                let rhs = self.b.new_block();
                let join = self.b.new_block();
                self.b.branch(cond, rhs, join);
                self.b.switch_to(rhs);
                let r = self.expr(&e.right)?;
                let rv = self.val(r);
                self.b.copy(out, rv);
                self.b.jump(join);
                self.b.switch_to(join);
                Ok(Val::V(out))
            }
            op => {
                let l = self.expr(&e.left)?;
                // Keep the left operand safe from side effects of the right.
                let l = self.stabilize(l);
                let r = self.expr(&e.right)?;
                let pos = self.pos_after(e.left.span().hi.0);
                self.bin_op(op, l, r, pos)
            }
        }
    }

    /// The value of an f64 local defined by a constant in the current block
    /// (a literal operand just lowered).
    fn f64_const_value(&self, l: Local) -> Option<f64> {
        let body = self.b.body();
        let block = body.blocks.get(self.b.current_block().index())?;
        block.insts.iter().rev().find_map(|i| match i {
            switchyard_ir::Inst::Const {
                dst,
                value: Const::F64(bits),
            } if *dst == l => Some(f64::from_bits(*bits)),
            _ => None,
        })
    }

    /// `a % k` for a positive int32 constant `k` (in `b`): a non-negative
    /// int32 `a` takes `i32.rem_u` by the constant (which Cranelift turns
    /// into a multiplication); anything else calls `remainder`.
    fn rem_by_const(&mut self, a: Local, b: Local, k: u32) -> Local {
        let out = self.b.local(Type::F64);
        let ai = self.b.un(UnOp::I32TruncSatF64S, a);
        let back = self.b.un(UnOp::F64ConvertI32S, ai);
        let exact = self.b.bin(BinOp::F64Eq, back, a);
        let bits = self.b.un(UnOp::I64ReinterpretF64, a);
        let z = self.c64(0);
        let nonneg = self.b.bin(BinOp::I64GeS, bits, z);
        let fast = self.b.bin(BinOp::I32And, exact, nonneg);
        let rem = self.rt().remainder;
        self.b.if_else(
            fast,
            |b| {
                let kl = b.i32_const(k as i32);
                let r = b.bin(BinOp::I32RemU, ai, kl);
                b.unary_into(out, UnOp::F64ConvertI32U, r);
            },
            |fb| {
                fb.call_into(&[out], rem, &[a, b]);
                let ok = fb.bin(BinOp::F64Eq, out, out);
                let nan = fb.f64_const(f64::NAN);
                let r = fb.select(ok, out, nan);
                fb.copy(out, r);
            },
        );
        out
    }

    /// Copies a value into a fresh local (so later code cannot change it).
    pub fn stabilize(&mut self, v: Val) -> Val {
        match v {
            Val::V(l) => {
                let c = self.fresh_i64();
                self.b.copy(c, l);
                Val::V(c)
            }
            other => other,
        }
    }

    fn unary(&mut self, u: &'a UnaryExpr) -> LResult<Val> {
        use UnaryOp::*;
        match u.op {
            TypeOf => {
                if let Expr::Ident(id) = strip_parens(&u.arg) {
                    if self.sh.an.binding_at(id.span.lo.0).is_none()
                        && !matches!(&*id.sym, "undefined" | "NaN" | "Infinity")
                    {
                        return Ok(Val::V(self.str_val("undefined")));
                    }
                }
                let v = self.expr(&u.arg)?;
                let v = self.val(v);
                let t = self.rt().type_of;
                Ok(Val::V(self.b.call1(t, &[v])))
            }
            Void => {
                self.expr(&u.arg)?;
                Ok(Val::V(self.undef()))
            }
            Minus => {
                let v = self.expr(&u.arg)?;
                let f = self.num(v);
                Ok(Val::N(self.b.un(UnOp::F64Neg, f)))
            }
            Plus => {
                let v = self.expr(&u.arg)?;
                Ok(Val::N(self.num(v)))
            }
            Bang => {
                let v = self.expr(&u.arg)?;
                let t = self.truthy(v);
                Ok(Val::B(self.b.un(UnOp::I32Eqz, t)))
            }
            Tilde => {
                let v = self.expr(&u.arg)?;
                let i = self.to_i32(v);
                let m1 = self.c32(-1);
                let x = self.b.bin(BinOp::I32Xor, i, m1);
                Ok(Val::N(self.b.un(UnOp::F64ConvertI32S, x)))
            }
            Delete => match strip_parens(&u.arg) {
                Expr::Member(m) => {
                    let o = self.expr(&m.obj)?;
                    let o = self.val(o);
                    let oc = self.fresh_i64();
                    self.b.copy(oc, o);
                    let k = match &m.prop {
                        MemberProp::Ident(id) => self.str_val(&id.sym),
                        MemberProp::Computed(c) => {
                            let k = self.expr(&c.expr)?;
                            self.val(k)
                        }
                        MemberProp::PrivateName(p) => {
                            return Err(self.unsupported(p.span.lo.0, "private names"))
                        }
                    };
                    let d = self.rt().delete_property;
                    let r = self.call_throwing(d, &[oc, k], u.span.lo.0);
                    Ok(Val::B(r[0]))
                }
                Expr::Ident(id) => {
                    // Deleting a declared variable fails; an undeclared one "succeeds".
                    let declared = self.sh.an.binding_at(id.span.lo.0).is_some();
                    Ok(Val::B(self.c32(!declared as i32)))
                }
                other => {
                    self.expr(other)?;
                    Ok(Val::B(self.c32(1)))
                }
            },
        }
    }

    // ---- places: assignment and update ---------------------------------------

    /// Evaluates the reference parts of an assignment target.
    pub fn place_of_expr(&mut self, e: &'a Expr) -> LResult<Place> {
        match e {
            Expr::Ident(id) => Ok(Place::Binding(
                self.sh.an.binding_at(id.span.lo.0),
                id.sym.to_string(),
            )),
            Expr::Paren(p) => self.place_of_expr(&p.expr),
            Expr::Member(m) => self.place_of_member(m),
            other => Err(self.unsupported(other.span().lo.0, "this assignment target")),
        }
    }

    fn place_of_member(&mut self, m: &'a MemberExpr) -> LResult<Place> {
        let o = self.expr(&m.obj)?;
        let o = self.val(o);
        let oc = self.fresh_i64();
        self.b.copy(oc, o);
        match &m.prop {
            MemberProp::Ident(id) => Ok(Place::Named(oc, id.sym.to_string())),
            MemberProp::Computed(c) => {
                if let Expr::Lit(Lit::Str(s)) = &*c.expr {
                    if let Some(n) = s.value.as_str() {
                        return Ok(Place::Named(oc, n.to_string()));
                    }
                }
                let k = self.expr(&c.expr)?;
                let k = self.val(k);
                let kc = self.fresh_i64();
                self.b.copy(kc, k);
                Ok(Place::Computed(oc, kc))
            }
            MemberProp::PrivateName(p) => Err(self.unsupported(p.span.lo.0, "private names")),
        }
    }

    fn place_of_target(&mut self, t: &'a AssignTarget) -> LResult<Place> {
        match t {
            AssignTarget::Simple(s) => match s {
                SimpleAssignTarget::Ident(b) => Ok(Place::Binding(
                    self.sh.an.binding_at(b.id.span.lo.0),
                    b.id.sym.to_string(),
                )),
                SimpleAssignTarget::Member(m) => self.place_of_member(m),
                SimpleAssignTarget::Paren(p) => self.place_of_expr(&p.expr),
                other => Err(self.unsupported(other.span().lo.0, "this assignment target")),
            },
            AssignTarget::Pat(p) => {
                Err(self.unsupported(p.span().lo.0, "destructuring assignment"))
            }
        }
    }

    fn place_get(&mut self, p: &Place, pos: u32) -> Local {
        match p {
            Place::Binding(Some(b), _) => self.read_binding_at(*b, pos),
            Place::Binding(None, name) => {
                let name = name.clone();
                self.undeclared_read(&name, pos)
            }
            Place::Named(o, n) => {
                let n = n.clone();
                self.get_named(*o, &n, pos)
            }
            Place::Computed(o, k) => self.get_computed(*o, *k, pos),
        }
    }

    pub fn place_put(&mut self, p: &Place, v: Local, pos: u32) {
        match p {
            Place::Binding(Some(b), _) => self.assign_binding(*b, v, pos),
            Place::Binding(None, name) => {
                // Strict-mode-like: assigning an undeclared name is a ReferenceError.
                let name = name.clone();
                self.throw_not_defined(&name, pos);
            }
            Place::Named(o, n) => {
                let n = n.clone();
                self.set_named(*o, &n, v, pos)
            }
            Place::Computed(o, k) => self.set_computed(*o, *k, v, pos),
        }
    }

    fn assign(&mut self, a: &'a AssignExpr) -> LResult<Val> {
        let pos = self.pos_after(a.left.span().hi.0);
        if let AssignTarget::Pat(p) = &a.left {
            // Destructuring assignment: the value of the expression is the
            // right-hand side.
            let v = self.expr(&a.right)?;
            let v = self.val(v);
            let vc = self.fresh_i64();
            self.b.copy(vc, v);
            let mode = super::pattern::PatMode::Assign;
            match p {
                AssignTargetPat::Array(ap) => self.array_pattern(&ap.elems, vc, mode, None)?,
                AssignTargetPat::Object(op) => self.object_pattern(&op.props, vc, mode, None)?,
                AssignTargetPat::Invalid(i) => {
                    return Err(self.unsupported(i.span.lo.0, "invalid assignment target"))
                }
            }
            return Ok(Val::V(vc));
        }
        let place = self.place_of_target(&a.left)?;
        let name_hint = match &place {
            Place::Binding(_, n) => Some(n.clone()),
            _ => None,
        };
        use AssignOp::*;
        match a.op {
            Assign => {
                self.pending_name = name_hint;
                let v = self.expr(&a.right)?;
                self.pending_name = None;
                let v = self.val(v);
                let vc = self.fresh_i64();
                self.b.copy(vc, v);
                self.place_put(&place, vc, pos);
                Ok(Val::V(vc))
            }
            AndAssign | OrAssign | NullishAssign => {
                let old = self.place_get(&place, pos);
                let out = self.fresh_i64();
                self.b.copy(out, old);
                let cond = match a.op {
                    AndAssign => self.truthy(Val::V(old)),
                    OrAssign => {
                        let t = self.truthy(Val::V(old));
                        self.b.un(UnOp::I32Eqz, t)
                    }
                    _ => self.is_nullish(old),
                };
                let rhs = self.b.new_block();
                let join = self.b.new_block();
                self.b.branch(cond, rhs, join);
                self.b.switch_to(rhs);
                self.pending_name = name_hint;
                let v = self.expr(&a.right)?;
                self.pending_name = None;
                let v = self.val(v);
                self.b.copy(out, v);
                self.place_put(&place, out, pos);
                self.b.jump(join);
                self.b.switch_to(join);
                Ok(Val::V(out))
            }
            op => {
                let bop = match op {
                    AddAssign => BinaryOp::Add,
                    SubAssign => BinaryOp::Sub,
                    MulAssign => BinaryOp::Mul,
                    DivAssign => BinaryOp::Div,
                    ModAssign => BinaryOp::Mod,
                    LShiftAssign => BinaryOp::LShift,
                    RShiftAssign => BinaryOp::RShift,
                    ZeroFillRShiftAssign => BinaryOp::ZeroFillRShift,
                    BitOrAssign => BinaryOp::BitOr,
                    BitXorAssign => BinaryOp::BitXor,
                    BitAndAssign => BinaryOp::BitAnd,
                    _ => BinaryOp::Exp,
                };
                let old = self.place_get(&place, pos);
                let r = self.expr(&a.right)?;
                let res = self.bin_op(bop, Val::V(old), r, pos)?;
                let v = self.val(res);
                let vc = self.fresh_i64();
                self.b.copy(vc, v);
                self.place_put(&place, vc, pos);
                Ok(Val::V(vc))
            }
        }
    }

    fn update(&mut self, u: &'a UpdateExpr) -> LResult<Val> {
        let pos = u.span.lo.0;
        let place = self.place_of_expr(&u.arg)?;
        let old = self.place_get(&place, pos);
        let n = self.num(Val::V(old));
        let nc = self.b.local(Type::F64);
        self.b.copy(nc, n);
        let one = self.b.f64_const(1.0);
        let op = if u.op == UpdateOp::PlusPlus {
            BinOp::F64Add
        } else {
            BinOp::F64Sub
        };
        let new = self.b.bin(op, nc, one);
        let nv = self.val(Val::N(new));
        self.place_put(&place, nv, pos);
        Ok(Val::N(if u.prefix { new } else { nc }))
    }

    // ---- optional chaining -----------------------------------------------------

    fn opt_chain_outer(&mut self, o: &'a OptChainExpr) -> LResult<Val> {
        let out = self.fresh_i64();
        let short = self.b.new_block();
        let join = self.b.new_block();
        let (v, _) = self.chain_part_opt(o, short)?;
        self.b.copy(out, v);
        self.b.jump(join);
        self.b.switch_to(short);
        let u = self.undef();
        self.b.copy(out, u);
        self.b.jump(join);
        self.b.switch_to(join);
        Ok(Val::V(out))
    }

    /// Lowers an expression in chain position: returns its value and, for
    /// member accesses, the object (the `this` of a following call).
    fn chain_part(&mut self, e: &'a Expr, short: BlockId) -> LResult<(Local, Option<Local>)> {
        match e {
            Expr::OptChain(o) => self.chain_part_opt(o, short),
            Expr::Member(m) => {
                let (o, _) = self.chain_part(&m.obj, short)?;
                let oc = self.fresh_i64();
                self.b.copy(oc, o);
                let v = self.get_prop(oc, &m.prop, m.span.lo.0)?;
                Ok((v, Some(oc)))
            }
            Expr::Call(c) => {
                let Callee::Expr(callee) = &c.callee else {
                    return Err(self.unsupported(c.span.lo.0, "this call in an optional chain"));
                };
                let what = self.callee_text(callee);
                let pos = super::calls::call_pos(strip_parens(callee), c.span.lo.0);
                let (f, this) = self.chain_part(callee, short)?;
                let fc = self.fresh_i64();
                self.b.copy(fc, f);
                let this = match this {
                    Some(t) => t,
                    None => self.undef(),
                };
                let args = self.call_args(&c.args)?;
                Ok((self.call_value_args(fc, this, args, &what, pos), None))
            }
            other => {
                let v = self.expr(other)?;
                Ok((self.val(v), None))
            }
        }
    }

    fn chain_part_opt(
        &mut self,
        o: &'a OptChainExpr,
        short: BlockId,
    ) -> LResult<(Local, Option<Local>)> {
        match &*o.base {
            OptChainBase::Member(m) => {
                let (obj, _) = self.chain_part(&m.obj, short)?;
                let oc = self.fresh_i64();
                self.b.copy(oc, obj);
                if o.optional {
                    self.short_if_nullish(oc, short);
                }
                let v = self.get_prop(oc, &m.prop, m.span.lo.0)?;
                Ok((v, Some(oc)))
            }
            OptChainBase::Call(c) => {
                let what = self.callee_text(&c.callee);
                let pos = super::calls::call_pos(strip_parens(&c.callee), c.span.lo.0);
                let (f, this) = self.chain_part(&c.callee, short)?;
                let fc = self.fresh_i64();
                self.b.copy(fc, f);
                if o.optional {
                    self.short_if_nullish(fc, short);
                }
                let this = match this {
                    Some(t) => t,
                    None => self.undef(),
                };
                let args = self.call_args(&c.args)?;
                Ok((self.call_value_args(fc, this, args, &what, pos), None))
            }
        }
    }

    fn short_if_nullish(&mut self, v: Local, short: BlockId) {
        let n = self.is_nullish(v);
        let cont = self.b.new_block();
        self.b.branch(n, short, cont);
        self.b.switch_to(cont);
    }

    /// Loads array element `i` (an i32 below the length) of the array value `arr`.
    pub fn array_elem_unchecked(&mut self, arr: Local, i: Local) -> Local {
        let p = self.payload(arr);
        let elems = self.b.load(LoadKind::I32, p, ARR_ELEMS);
        let eight = self.c32(8);
        let off = self.b.bin(BinOp::I32Mul, i, eight);
        let addr = self.b.bin(BinOp::I32Add, elems, off);
        self.b.load(LoadKind::I64, addr, BYTES_DATA)
    }
}

/// An anonymous function or arrow expression (named by the binding or key
/// it is assigned to).
pub fn is_anonymous_fn(e: &Expr) -> bool {
    match strip_parens(e) {
        Expr::Fn(f) => f.ident.is_none(),
        Expr::Arrow(_) => true,
        _ => false,
    }
}

pub fn strip_parens(e: &Expr) -> &Expr {
    match e {
        Expr::Paren(p) => strip_parens(&p.expr),
        other => other,
    }
}

fn unsupported_expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Class(_) => "class expressions",
        Expr::Yield(_) => "yield",
        Expr::Await(_) => "await",
        Expr::MetaProp(_) => "meta properties",
        Expr::TaggedTpl(_) => "tagged templates",
        Expr::SuperProp(_) => "super",
        Expr::PrivateName(_) => "private names",
        _ => "this expression",
    }
}
