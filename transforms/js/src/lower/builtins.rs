//! Fast paths for well-known built-ins, used when the name is not bound by
//! user code (it is undeclared, or the prelude's):
//! * `console.log(...)` / `console.error(...)` → a direct host call;
//! * `Math.floor/ceil/trunc/sqrt/abs(x)` → one f64 instruction,
//!   `Math.max/min(x, y)` → `f64.max/min` (same NaN and ±0 rules as JS).
//!
//! Assumption (documented): user code does not replace `console.log` or the
//! `Math` functions by assigning to their properties.

use super::*;
use swc_ecma_ast::{Expr, ExprOrSpread, MemberProp};

impl<'a, 's, 'm> Fx<'a, 's, 'm> {
    /// Whether `name` (at `pos`) refers to the built-in, not a user binding.
    fn is_builtin_name(&self, id: &Ident) -> bool {
        match self.sh.an.binding_at(id.span.lo.0) {
            None => true,
            Some(b) => self.sh.an.bindings[b].prelude && self.sh.an.bindings[b].global,
        }
    }

    /// Lowers `callee(args)` inline if it is a recognised built-in.
    pub fn builtin_call(
        &mut self,
        callee: &'a Expr,
        args: &'a [ExprOrSpread],
        _pos: u32,
    ) -> LResult<Option<Val>> {
        let Expr::Member(m) = callee else {
            return Ok(None);
        };
        let (Expr::Ident(obj), MemberProp::Ident(prop)) = (&*m.obj, &m.prop) else {
            return Ok(None);
        };
        if args.iter().any(|a| a.spread.is_some()) || !self.is_builtin_name(obj) {
            return Ok(None);
        }
        match (&*obj.sym, &*prop.sym) {
            ("console", "log") | ("console", "error") => {
                let vals = self.args(args)?;
                let argv = self.push_args(&vals);
                let argc = self.c32(vals.len() as i32);
                let f = if &*prop.sym == "log" {
                    self.rt().host.console_log
                } else {
                    self.rt().host.console_error
                };
                self.b.call(f, &[argv, argc]);
                self.pop_args(vals.len());
                Ok(Some(Val::V(self.undef())))
            }
            ("Math", op @ ("floor" | "ceil" | "trunc" | "sqrt" | "abs")) if args.len() == 1 => {
                let v = self.expr(&args[0].expr)?;
                let f = self.num(v);
                let u = match op {
                    "floor" => UnOp::F64Floor,
                    "ceil" => UnOp::F64Ceil,
                    "trunc" => UnOp::F64Trunc,
                    "sqrt" => UnOp::F64Sqrt,
                    _ => UnOp::F64Abs,
                };
                Ok(Some(Val::N(self.b.un(u, f))))
            }
            ("Math", op @ ("max" | "min")) if args.len() == 2 => {
                let a = self.expr(&args[0].expr)?;
                let a = self.num(a);
                let ac = self.b.local(Type::F64);
                self.b.copy(ac, a);
                let b = self.expr(&args[1].expr)?;
                let b = self.num(b);
                let o = if op == "max" {
                    BinOp::F64Max
                } else {
                    BinOp::F64Min
                };
                Ok(Some(Val::N(self.b.bin(o, ac, b))))
            }
            _ => Ok(None),
        }
    }
}
