//! Lowering of the prelude's `__sy_*` intrinsics (see `intrinsics.rs` for
//! the table). Recognised only in prelude code, when the name is not bound;
//! the arity is checked at compile time, arguments are evaluated left to
//! right, and each intrinsic becomes inline IR or a direct runtime call.

use super::intrinsics::intrinsic_arity;
use super::*;
use swc_ecma_ast::{Expr, ExprOrSpread, Lit};
use switchyard_ir::{LoadKind, StoreKind};

impl<'a, 's, 'm> Fx<'a, 's, 'm> {
    pub fn intrinsic_call(
        &mut self,
        name: &str,
        args: &'a [ExprOrSpread],
        pos: u32,
    ) -> LResult<Val> {
        let Some(arity) = intrinsic_arity(name) else {
            return Err(self.unsupported(pos, format!("unknown intrinsic `{name}`")));
        };
        if args.len() != arity {
            return Err(self.unsupported(
                pos,
                format!(
                    "intrinsic `{name}` takes {arity} argument(s), got {}",
                    args.len()
                ),
            ));
        }
        if matches!(
            name,
            "__sy_argc" | "__sy_arg" | "__sy_console_log" | "__sy_console_error"
        ) && self.is_arrow
        {
            return Err(self.unsupported(pos, format!("`{name}` inside an arrow function")));
        }
        // `__sy_proto("Name")` takes a literal.
        if name == "__sy_proto" {
            let Expr::Lit(Lit::Str(s)) = &*args[0].expr else {
                return Err(self.unsupported(pos, "`__sy_proto` needs a string literal"));
            };
            let n = s.value.as_str().unwrap_or("").to_string();
            let rt = &self.sh.rt;
            // (The generator prototypes are objects; none is a function.)
            let g = match n.as_str() {
                "Object" => rt.proto_object,
                "Array" => rt.proto_array,
                "Function" => rt.proto_function,
                "String" => rt.proto_string,
                "Number" => rt.proto_number,
                "Boolean" => rt.proto_boolean,
                "Iterator" => rt.proto_iterator,
                "Generator" => rt.proto_generator,
                "GeneratorFunction" => rt.proto_generator_function,
                other => match ERROR_NAMES.iter().position(|e| *e == other) {
                    Some(i) if i < rt.proto_errors.len() => rt.proto_errors[i],
                    _ => return Err(self.unsupported(pos, format!("unknown prototype `{other}`"))),
                },
            };
            let p = self.b.global_get(g);
            return Ok(Val::V(self.box_ptr(TAG_OBJECT, p)));
        }
        // `__sy_symbol(n)` takes a literal.
        if name == "__sy_symbol" {
            let Expr::Lit(Lit::Num(n)) = &*args[0].expr else {
                return Err(self.unsupported(pos, "`__sy_symbol` needs a number literal"));
            };
            let id = n.value as u32;
            if !(1..=3).contains(&id) {
                return Err(self.unsupported(pos, format!("unknown symbol id {id}")));
            }
            return Ok(Val::V(self.c64(boxed(TAG_SYMBOL, id))));
        }
        if let Some(v) = self.slot_intrinsic(name, args, pos)? {
            return Ok(v);
        }
        let mut a = Vec::with_capacity(args.len());
        for arg in args {
            let v = self.expr(&arg.expr)?;
            let v = self.val(v);
            let c = self.fresh_i64();
            self.b.copy(c, v);
            a.push(c);
        }
        let rt = self.sh.rt.clone();
        let argv = self.argv;
        let argc = self.argc;
        let v = match name {
            "__sy_argc" => Val::N(self.b.un(UnOp::F64ConvertI32U, argc)),
            "__sy_arg" => {
                let i = self.int_arg(a[0]);
                let out = self.fresh_i64();
                let inb = self.b.bin(BinOp::I32LtU, i, argc);
                let eight = self.c32(8);
                let off = self.b.bin(BinOp::I32Mul, i, eight);
                let addr = self.b.bin(BinOp::I32Add, argv, off);
                let u = UNDEFINED as i64;
                self.b.if_else(
                    inb,
                    |b| b.load_into(out, LoadKind::I64, addr, 0),
                    |b| b.set_const(out, Const::I64(u)),
                );
                Val::V(out)
            }
            "__sy_console_log" | "__sy_console_error" => {
                let f = if name == "__sy_console_log" {
                    rt.host.console_log
                } else {
                    rt.host.console_error
                };
                self.b.call(f, &[argv, argc]);
                Val::V(self.undef())
            }
            "__sy_is_number" => Val::B(self.is_number(a[0])),
            "__sy_is_string" => Val::B(self.has_tag(a[0], TAG_STRING)),
            "__sy_is_function" => Val::B(self.has_tag(a[0], TAG_FUNCTION)),
            "__sy_is_object" => {
                let o = self.has_tag(a[0], TAG_OBJECT);
                let f = self.has_tag(a[0], TAG_FUNCTION);
                Val::B(self.b.bin(BinOp::I32Or, o, f))
            }
            "__sy_is_array" => {
                let out = self.b.local(Type::I32);
                self.b.set_const(out, Const::I32(0));
                let o = self.has_tag(a[0], TAG_OBJECT);
                let p = self.payload(a[0]);
                self.b.if_then(o, |b| {
                    let k = b.load(LoadKind::I32U8, p, HEADER);
                    let ka = b.i32_const(KIND_ARRAY as i32);
                    b.binary_into(out, BinOp::I32Eq, k, ka);
                });
                Val::B(out)
            }
            "__sy_to_string" => Val::V(self.b.call1(rt.to_string, &[a[0]])),
            "__sy_to_number" => {
                let f = self.b.call1(rt.to_number, &[a[0]]);
                Val::V(self.box_f64_checked(f))
            }
            "__sy_to_int32" => {
                let i = self.b.call1(rt.to_int32, &[a[0]]);
                Val::N(self.b.un(UnOp::F64ConvertI32S, i))
            }
            "__sy_to_property_key" => {
                let p = self.b.call1(rt.to_property_key, &[a[0]]);
                Val::V(self.box_ptr(TAG_STRING, p))
            }
            "__sy_string_to_number" => {
                let p = self.payload(a[0]);
                let f = self.b.call1(rt.host.string_to_number, &[p]);
                Val::V(self.box_f64_checked(f))
            }
            "__sy_parse_int" => {
                let p = self.payload(a[0]);
                let r = self.int_arg(a[1]);
                let f = self.b.call1(rt.host.parse_int, &[p, r]);
                Val::V(self.box_f64_checked(f))
            }
            "__sy_parse_float" => {
                let p = self.payload(a[0]);
                let f = self.b.call1(rt.host.parse_float, &[p]);
                Val::V(self.box_f64_checked(f))
            }
            "__sy_floor" | "__sy_ceil" | "__sy_trunc" | "__sy_sqrt" | "__sy_abs"
            | "__sy_nearest" => {
                let f = self.b.un(UnOp::F64ReinterpretI64, a[0]);
                let op = match name {
                    "__sy_floor" => UnOp::F64Floor,
                    "__sy_ceil" => UnOp::F64Ceil,
                    "__sy_trunc" => UnOp::F64Trunc,
                    "__sy_sqrt" => UnOp::F64Sqrt,
                    "__sy_abs" => UnOp::F64Abs,
                    _ => UnOp::F64Nearest,
                };
                let r = self.b.un(op, f);
                Val::V(self.box_f64_checked(r))
            }
            "__sy_fmin" | "__sy_fmax" => {
                let x = self.b.un(UnOp::F64ReinterpretI64, a[0]);
                let y = self.b.un(UnOp::F64ReinterpretI64, a[1]);
                let op = if name == "__sy_fmin" {
                    BinOp::F64Min
                } else {
                    BinOp::F64Max
                };
                let r = self.b.bin(op, x, y);
                Val::V(self.box_f64_checked(r))
            }
            "__sy_pow" => {
                let x = self.b.un(UnOp::F64ReinterpretI64, a[0]);
                let y = self.b.un(UnOp::F64ReinterpretI64, a[1]);
                let r = self.b.call1(rt.host.math_pow, &[x, y]);
                Val::V(self.box_f64_checked(r))
            }
            "__sy_str_len" => {
                let p = self.payload(a[0]);
                let l = self.b.load(LoadKind::I32, p, STR_LEN);
                Val::N(self.b.un(UnOp::F64ConvertI32U, l))
            }
            "__sy_char_code_at" => {
                let p = self.payload(a[0]);
                let i = self.int_arg(a[1]);
                let two = self.c32(2);
                let off = self.b.bin(BinOp::I32Mul, i, two);
                let addr = self.b.bin(BinOp::I32Add, p, off);
                let u = self.b.load(LoadKind::I32U16, addr, STR_DATA);
                Val::N(self.b.un(UnOp::F64ConvertI32U, u))
            }
            "__sy_from_char_code" => {
                let u = self.int_arg(a[0]);
                Val::V(self.b.call1(rt.string_from_code_unit, &[u]))
            }
            "__sy_substring" => {
                let p = self.payload(a[0]);
                let i = self.int_arg(a[1]);
                let j = self.int_arg(a[2]);
                Val::V(self.b.call1(rt.substring, &[p, i, j]))
            }
            "__sy_index_of" => {
                let s = self.payload(a[0]);
                let t = self.payload(a[1]);
                let i = self.int_arg(a[2]);
                let r = self.b.call1(rt.string_index_of, &[s, t, i]);
                Val::N(self.b.un(UnOp::F64ConvertI32S, r))
            }
            "__sy_str_concat" => {
                let s = self.payload(a[0]);
                let t = self.payload(a[1]);
                let r = self.b.call1(rt.string_concat, &[s, t]);
                Val::V(self.box_ptr(TAG_STRING, r))
            }
            "__sy_concat_all" => Val::V(self.b.call1(rt.concat_all, &[a[0]])),
            "__sy_get_proto" => {
                let out = self.fresh_i64();
                self.b.set_const(out, Const::I64(NULL as i64));
                let o = self.payload(a[0]);
                let p = self.b.load(LoadKind::I32, o, OBJ_PROTO);
                let tagged = self.box_heap_ptr(p);
                let nz = self.b.un(UnOp::I32Eqz, p);
                let r = self.b.select(nz, out, tagged);
                Val::V(r)
            }
            "__sy_set_proto" => {
                let o = self.payload(a[0]);
                let isn = self.c64(NULL);
                let is_null = self.b.bin(BinOp::I64Eq, a[1], isn);
                let pp = self.payload(a[1]);
                let z = self.c32(0);
                let p = self.b.select(is_null, z, pp);
                self.b.store(StoreKind::I32, o, OBJ_PROTO, p);
                Val::V(self.undef())
            }
            "__sy_define_hidden" => {
                let k = self.payload(a[1]);
                self.b.call(rt.define_hidden, &[a[0], k, a[2]]);
                Val::V(self.undef())
            }
            "__sy_own_keys" => Val::V(self.b.call1(rt.own_keys, &[a[0]])),
            "__sy_new_array" => {
                let n = self.int_arg(a[0]);
                Val::V(self.b.call1(rt.new_array, &[n]))
            }
            "__sy_array_len" => {
                let n = self.b.call1(rt.array_length, &[a[0]]);
                Val::N(self.b.un(UnOp::F64ConvertI32U, n))
            }
            "__sy_array_set_len" => {
                let f = self.b.un(UnOp::F64ReinterpretI64, a[1]);
                let n = self.b.un(UnOp::I32TruncSatF64U, f);
                self.b.call(rt.array_set_length, &[a[0], n]);
                Val::V(self.undef())
            }
            "__sy_array_push" => {
                self.b.call(rt.array_push, &[a[0], a[1]]);
                Val::V(self.undef())
            }
            "__sy_function_name" => {
                let f = self.payload(a[0]);
                let n = self.b.load(LoadKind::I32, f, FN_NAME);
                Val::V(self.box_ptr(TAG_STRING, n))
            }
            "__sy_array_iterator" => {
                let k = self.int_arg(a[1]);
                Val::V(self.b.call1(rt.new_array_iterator, &[a[0], k]))
            }
            "__sy_iterable_to_array" => {
                let na = rt.new_array;
                let zero = self.c32(0);
                let arr = self.b.call1(na, &[zero]);
                let style = self.c32(0);
                self.call_throwing(rt.spread_into, &[arr, a[0], zero, style], pos);
                Val::V(arr)
            }
            "__sy_make_error" => {
                let k = self.int_arg(a[0]);
                Val::V(self.b.call1(rt.make_error, &[k, a[1]]))
            }
            "__sy_throw_type_error" | "__sy_throw_range_error" => {
                let kind = if name == "__sy_throw_type_error" {
                    ERR_TYPE
                } else {
                    ERR_RANGE
                };
                let k = self.c32(kind);
                let m = self.payload(a[0]);
                self.b.call(rt.throw_error, &[k, m]);
                self.throw_jump();
                self.dead_block();
                Val::V(self.undef())
            }
            "__sy_fiber_new" | "__sy_fiber_resume" | "__sy_fiber_yield" => {
                self.fiber_intrinsic(name, &a, pos)?
            }
            other => match self.async_intrinsic(other, &a, pos) {
                Some(v) => v,
                None => {
                    return Err(self.unsupported(pos, format!("intrinsic `{other}` is not lowered")))
                }
            },
        };
        Ok(v)
    }

    /// A number argument truncated to i32 (saturating).
    fn int_arg(&mut self, v: Local) -> Local {
        let f = self.b.un(UnOp::F64ReinterpretI64, v);
        self.b.un(UnOp::I32TruncSatF64S, f)
    }

    /// Tags a heap pointer by its block kind (functions vs objects).
    pub fn box_heap_ptr(&mut self, p: Local) -> Local {
        let k = self.b.load(LoadKind::I32U8, p, HEADER);
        let kf = self.c32(KIND_FUNCTION as i32);
        let is_fn = self.b.bin(BinOp::I32Eq, k, kf);
        let f = self.box_ptr(TAG_FUNCTION, p);
        let o = self.box_ptr(TAG_OBJECT, p);
        self.b.select(is_fn, f, o)
    }
}

#[cfg(test)]
mod tests {
    use crate::lower::intrinsics::INTRINSICS;
    use crate::parse::parse_file;
    use swc_common::{sync::Lrc, SourceMap};

    /// Every intrinsic of the table lowers (with its arity) and the module verifies.
    #[test]
    fn every_intrinsic_lowers() {
        let mut src = String::from("function all(a, b, c) {\n");
        for (name, arity, _) in INTRINSICS {
            let args: Vec<&str> = if *name == "__sy_proto" {
                vec!["\"Array\""]
            } else if *name == "__sy_symbol" {
                vec!["1"]
            } else if *name == "__sy_new_slots" {
                vec!["5", "null", "3"]
            } else if *name == "__sy_slot" {
                vec!["a", "2"]
            } else if *name == "__sy_set_slot" {
                vec!["a", "2", "b"]
            } else {
                ["a", "b", "c"][..*arity].to_vec()
            };
            src.push_str(&format!("  {}({});\n", name, args.join(", ")));
        }
        src.push_str("}\n");
        let cm: Lrc<SourceMap> = Default::default();
        let files = vec![
            parse_file(&cm, "p.js", &src).unwrap(),
            parse_file(&cm, "u.js", "var x = 1;").unwrap(),
        ];
        let m = crate::lower::compile(&files, 1).unwrap();
        if let Err(e) = switchyard_ir::verify(&m) {
            panic!("{}", e[0]);
        }
    }

    #[test]
    fn intrinsic_arity_is_checked_and_user_code_has_none() {
        let cm: Lrc<SourceMap> = Default::default();
        let files = vec![
            parse_file(&cm, "p.js", "function f() { return __sy_str_len(); }").unwrap(),
            parse_file(&cm, "u.js", "").unwrap(),
        ];
        let e = crate::lower::compile(&files, 1).unwrap_err();
        assert_eq!((e.file.as_str(), e.line, e.col), ("p.js", 1, 23));
        // In user code `__sy_*` is an ordinary (here undeclared) identifier.
        let files = vec![parse_file(&cm, "u2.js", "__sy_str_len();").unwrap()];
        assert!(crate::lower::compile(&files, 0).is_ok());
    }
}
