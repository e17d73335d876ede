//! The JS calling convention at call sites.
//!
//! `f(a, b)`: evaluate the callee (and `this` for method calls), then the
//! arguments left to right; check inline that the callee is a function (tag
//! FUNCTION), else `throw_not_callable` with the callee's source text like
//! Node (`obj.m is not a function`); reserve argument slots with
//! `push_args`, store the arguments, load the code's table slot (`FN_SLOT`)
//! and `call_indirect` with `layout::js_func_sig()`; `pop_args`; then the
//! exception check. `new F(...)` goes through the runtime's `construct`.
//! No tail calls are ever emitted (Asyncify must see every frame).

use super::*;
use swc_common::Spanned;
use swc_ecma_ast::{Callee, Expr, ExprOrSpread, MemberExpr, MemberProp};
use switchyard_ir::{LoadKind, StoreKind};

/// Evaluated call arguments.
pub enum Args {
    /// A fixed number of values (in locals, not yet on the shadow stack).
    Fixed(Vec<Local>),
    /// With spread elements: an array of all the arguments.
    Spread(Local),
}

impl<'a, 's, 'm> Fx<'a, 's, 'm> {
    /// Evaluates arguments without spread elements.
    pub fn args(&mut self, args: &'a [ExprOrSpread]) -> LResult<Vec<Local>> {
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            if let Some(sp) = a.spread {
                return Err(self.unsupported(sp.lo.0, "spread syntax here"));
            }
            let v = self.expr(&a.expr)?;
            out.push(self.val(v));
        }
        Ok(out)
    }

    /// Evaluates call arguments, collecting them into an array when there
    /// are spread elements (`f(a, ...xs)`: the argument count is dynamic).
    pub fn call_args(&mut self, args: &'a [ExprOrSpread]) -> LResult<Args> {
        if args.iter().all(|a| a.spread.is_none()) {
            return Ok(Args::Fixed(self.args(args)?));
        }
        let n = self.c32(args.len() as i32);
        let na = self.rt().new_array;
        let arr = self.b.call1(na, &[n]);
        for a in args {
            let v = self.expr(&a.expr)?;
            let v = self.val(v);
            if a.spread.is_some() {
                let what = self.what_ptr(&a.expr);
                let style = self.c32(1);
                let si = self.rt().spread_into;
                self.call_throwing(si, &[arr, v, what, style], a.expr.span().lo.0);
            } else {
                let push = self.rt().array_push;
                self.b.call(push, &[arr, v]);
            }
        }
        Ok(Args::Spread(arr))
    }

    /// Calls `f` with evaluated arguments (see [`Self::call_value`]).
    pub fn call_value_args(
        &mut self,
        f: Local,
        this: Local,
        args: Args,
        what: &str,
        pos: u32,
    ) -> Local {
        match args {
            Args::Fixed(v) => self.call_value(f, this, &v, what, pos),
            Args::Spread(arr) => {
                let w = self.str_ptr(what);
                let cs = self.rt().call_spread;
                self.call_throwing(cs, &[f, this, arr, w], pos)[0]
            }
        }
    }

    /// Stores `args` in fresh shadow-stack slots; returns argv (0 when none).
    pub fn push_args(&mut self, args: &[Local]) -> Local {
        if args.is_empty() {
            return self.c32(0);
        }
        let n = self.c32(args.len() as i32);
        let pa = self.rt().push_args;
        let argv = self.b.call1(pa, &[n]);
        for (i, a) in args.iter().enumerate() {
            self.b.store(StoreKind::I64, argv, 8 * i as u32, *a);
        }
        argv
    }

    pub fn pop_args(&mut self, n: usize) {
        if n > 0 {
            let c = self.c32(n as i32);
            let pa = self.rt().pop_args;
            self.b.call(pa, &[c]);
        }
    }

    /// Calls the value `f` with `this` and `args`; `what` names the callee
    /// in the TypeError when it is not a function.
    pub fn call_value(
        &mut self,
        f: Local,
        this: Local,
        args: &[Local],
        what: &str,
        pos: u32,
    ) -> Local {
        let isf = self.has_tag(f, TAG_FUNCTION);
        let bad = self.b.new_block();
        let ok = self.b.new_block();
        self.b.branch(isf, ok, bad);
        self.b.switch_to(bad);
        let w = self.str_ptr(what);
        let tnc = self.rt().throw_not_callable;
        self.b.call(tnc, &[w]);
        let ep = self.enc_pos(pos);
        self.set_pos_if_unset(ep);
        self.throw_jump();
        self.b.switch_to(ok);
        let r = emit_js_call(&mut self.b, &self.sh.rt, f, this, args);
        self.check_exc(pos);
        r
    }

    /// The source text of a callee, for error messages.
    pub fn callee_text(&self, e: &Expr) -> String {
        let sp = e.span();
        let t = self.pf().text(sp.lo.0, sp.hi.0);
        let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if t.len() > 80 {
            "expression".to_string()
        } else {
            t
        }
    }

    /// Evaluates a member expression's object and property; returns the
    /// object value and the property's value.
    pub fn member_get_with_obj(&mut self, m: &'a MemberExpr) -> LResult<(Local, Local)> {
        let obj = self.expr(&m.obj)?;
        let obj = self.val(obj);
        let obj_copy = self.fresh_i64();
        self.b.copy(obj_copy, obj);
        let v = self.get_prop(obj_copy, &m.prop, m.span.lo.0)?;
        Ok((obj_copy, v))
    }

    /// A call expression.
    pub fn call_expr(&mut self, c: &'a swc_ecma_ast::CallExpr) -> LResult<Val> {
        let pos = c.span.lo.0;
        let callee = match &c.callee {
            Callee::Expr(e) => &**e,
            Callee::Super(s) => return Err(self.unsupported(s.span.lo.0, "super")),
            Callee::Import(i) => return Err(self.unsupported(i.span.lo.0, "dynamic import")),
        };
        // Intrinsics (prelude only).
        if self.prelude {
            if let Expr::Ident(id) = callee {
                if id.sym.starts_with("__sy_") && self.sh.an.binding_at(id.span.lo.0).is_none() {
                    return self.intrinsic_call(&id.sym, &c.args, pos);
                }
            }
        }
        if let Some(v) = self.builtin_call(callee, &c.args, pos)? {
            return Ok(v);
        }
        let what = self.callee_text(callee);
        let mut inner = callee;
        while let Expr::Paren(p) = inner {
            inner = &p.expr;
        }
        let pos = call_pos(inner, pos);
        let (f, this) = match inner {
            Expr::Member(m) => {
                let (obj, f) = self.member_get_with_obj(m)?;
                (f, obj)
            }
            _ => {
                let f = self.expr(inner)?;
                let f = self.val(f);
                let fc = self.fresh_i64();
                self.b.copy(fc, f);
                let u = self.undef();
                (fc, u)
            }
        };
        let args = self.call_args(&c.args)?;
        Ok(Val::V(self.call_value_args(f, this, args, &what, pos)))
    }

    /// `new F(args)`.
    pub fn new_expr(&mut self, n: &'a swc_ecma_ast::NewExpr) -> LResult<Val> {
        let f = self.expr(&n.callee)?;
        let f = self.val(f);
        let fc = self.fresh_i64();
        self.b.copy(fc, f);
        let args = match &n.args {
            Some(a) => self.call_args(a)?,
            None => Args::Fixed(Vec::new()),
        };
        let args = match args {
            Args::Fixed(v) => v,
            Args::Spread(arr) => {
                let cs = self.rt().construct_spread;
                let r = self.call_throwing(cs, &[fc, arr], n.span.lo.0)[0];
                return Ok(Val::V(r));
            }
        };
        let argv = self.push_args(&args);
        let argc = self.c32(args.len() as i32);
        let cons = self.rt().construct;
        let r = self.b.call1(cons, &[fc, argv, argc]);
        self.pop_args(args.len());
        self.check_exc(n.span.lo.0);
        Ok(Val::V(r))
    }

    /// Reads property `prop` of the value `obj`.
    pub fn get_prop(&mut self, obj: Local, prop: &'a MemberProp, _pos: u32) -> LResult<Local> {
        // Node reports member errors at the property name (or the `[`).
        let pos = prop.span().lo.0;
        match prop {
            MemberProp::Ident(id) => Ok(self.get_named(obj, &id.sym, pos)),
            MemberProp::Computed(c) => {
                if let Expr::Lit(swc_ecma_ast::Lit::Str(s)) = &*c.expr {
                    if let Some(name) = s.value.as_str() {
                        let name = name.to_string();
                        return Ok(self.get_named(obj, &name, pos));
                    }
                }
                let k = self.expr(&c.expr)?;
                let k = self.val(k);
                Ok(self.get_computed(obj, k, pos))
            }
            MemberProp::PrivateName(p) => Err(self.unsupported(p.span.lo.0, "private names")),
        }
    }

    pub fn get_named(&mut self, obj: Local, name: &str, pos: u32) -> Local {
        let k = self.str_ptr(name);
        let g = self.rt().get_named;
        let r = self.call_throwing(g, &[obj, k], pos);
        r[0]
    }

    /// `obj[key]`, with an inline fast path for in-bounds array elements.
    pub fn get_computed(&mut self, obj: Local, key: Local, pos: u32) -> Local {
        let out = self.fresh_i64();
        let slow = self.b.new_block();
        let done = self.b.new_block();
        if let Some((elem_addr, _)) = self.array_fast_path(obj, key, slow) {
            self.b.load_into(out, LoadKind::I64, elem_addr, 0);
            let hole = self.c64(HOLE);
            let is_hole = self.b.bin(BinOp::I64Eq, out, hole);
            self.b.branch(is_hole, slow, done);
        }
        self.b.switch_to(slow);
        let g = self.rt().get;
        self.b.call_into(&[out], g, &[obj, key]);
        self.check_exc(pos);
        self.b.jump(done);
        self.b.switch_to(done);
        out
    }

    /// `obj[key] = v`, with an inline fast path for in-bounds array elements.
    pub fn set_computed(&mut self, obj: Local, key: Local, v: Local, pos: u32) {
        let slow = self.b.new_block();
        let done = self.b.new_block();
        if let Some((elem_addr, _)) = self.array_fast_path(obj, key, slow) {
            self.b.store(StoreKind::I64, elem_addr, 0, v);
            self.b.jump(done);
        }
        self.b.switch_to(slow);
        let s = self.rt().set;
        self.b.call(s, &[obj, key, v]);
        self.check_exc(pos);
        self.b.jump(done);
        self.b.switch_to(done);
    }

    pub fn set_named(&mut self, obj: Local, name: &str, v: Local, pos: u32) {
        let k = self.str_ptr(name);
        let s = self.rt().set_named;
        self.call_throwing(s, &[obj, k, v], pos);
    }

    /// The position of the first token after byte position `hi` (an
    /// operator following its left operand), where Node reports errors.
    pub fn pos_after(&self, hi: u32) -> u32 {
        let pf = self.pf();
        let rest = pf.text(hi, pf.start + pf.source.len() as u32);
        let skip = rest.len() - rest.trim_start().len();
        hi + skip as u32
    }

    /// Emits the checks "obj is an array and key is an integer index below
    /// its length"; jumps to `slow` otherwise, and continues (in a fresh
    /// block) with the element's address.
    fn array_fast_path(&mut self, obj: Local, key: Local, slow: BlockId) -> Option<(Local, ())> {
        let is_obj = self.has_tag(obj, TAG_OBJECT);
        let is_num = self.is_number(key);
        let both = self.b.bin(BinOp::I32And, is_obj, is_num);
        let b1 = self.b.new_block();
        self.b.branch(both, b1, slow);
        self.b.switch_to(b1);
        let ptr = self.payload(obj);
        let kind = self.b.load(LoadKind::I32U8, ptr, HEADER);
        let ka = self.c32(KIND_ARRAY as i32);
        let is_arr = self.b.bin(BinOp::I32Eq, kind, ka);
        let b2 = self.b.new_block();
        self.b.branch(is_arr, b2, slow);
        self.b.switch_to(b2);
        let f = self.b.un(UnOp::F64ReinterpretI64, key);
        let i = self.b.un(UnOp::I32TruncSatF64U, f);
        let back = self.b.un(UnOp::F64ConvertI32U, i);
        let exact = self.b.bin(BinOp::F64Eq, back, f);
        let len = self.b.load(LoadKind::I32, ptr, ARR_LEN);
        let inb = self.b.bin(BinOp::I32LtU, i, len);
        let ok = self.b.bin(BinOp::I32And, exact, inb);
        let b3 = self.b.new_block();
        self.b.branch(ok, b3, slow);
        self.b.switch_to(b3);
        let elems = self.b.load(LoadKind::I32, ptr, ARR_ELEMS);
        let eight = self.c32(8);
        let off = self.b.bin(BinOp::I32Mul, i, eight);
        let base = self.b.bin(BinOp::I32Add, elems, off);
        let bd = self.c32(BYTES_DATA as i32);
        let addr = self.b.bin(BinOp::I32Add, base, bd);
        Some((addr, ()))
    }
}

/// Where Node reports a failing call: at the property name of a method
/// call, else at the callee.
pub fn call_pos(callee: &Expr, call_lo: u32) -> u32 {
    match callee {
        Expr::Member(m) => m.prop.span().lo.0,
        Expr::OptChain(o) => match &*o.base {
            swc_ecma_ast::OptChainBase::Member(m) => m.prop.span().lo.0,
            swc_ecma_ast::OptChainBase::Call(_) => call_lo,
        },
        _ => call_lo,
    }
}

/// A call in the JS calling convention of the function value `f` (known to
/// be a function): the arguments in fresh shadow-stack slots, then
/// `call_indirect` through its table slot. The caller checks for an
/// exception. Usable where there is no `Fx` (generated starters, `main`).
pub fn emit_js_call(
    b: &mut FunctionBuilder,
    rt: &Runtime,
    f: Local,
    this: Local,
    args: &[Local],
) -> Local {
    let n = args.len() as i32;
    let argv = if args.is_empty() {
        b.i32_const(0)
    } else {
        let c = b.i32_const(n);
        let argv = b.call1(rt.push_args, &[c]);
        for (i, a) in args.iter().enumerate() {
            b.store(StoreKind::I64, argv, 8 * i as u32, *a);
        }
        argv
    };
    let p = b.un(UnOp::I32WrapI64, f);
    let slot = b.load(LoadKind::I32, p, FN_SLOT);
    let argc = b.i32_const(n);
    let r = b.call_indirect(&layout::js_func_sig(), slot, &[p, this, argv, argc])[0];
    if !args.is_empty() {
        let c = b.i32_const(n);
        b.call(rt.pop_args, &[c]);
    }
    r
}
