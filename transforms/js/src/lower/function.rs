//! Function bodies and closures.
//!
//! A JS function is a Wasm function `(callee, this, argv, argc) -> i64`.
//! Its prologue loads the box pointers of its free variables from the
//! callee's environment (`FN_ENV`, an array of box pointers in the order of
//! `FnInfo::free`), binds the function-expression name (the callee itself),
//! `this` (non-arrows only; arrows reach the enclosing `this` binding like
//! any captured variable), parameters from `argv` (missing → undefined),
//! hoisted `var`s, and body-level `let`/`const`/function declarations.
//! Captured bindings live in boxes (`new_box`), others in i64 locals;
//! script top-level bindings are Wasm globals.
//!
//! A closure is created with `new_function(slot, env, name, arity)`; its body
//! is queued and compiled after the current function.

use super::async_fn::{call_js_global, ASYNC_FUNCTION_START, ASYNC_GENERATOR_START};
use super::scope::{collect_vars, fn_decls, lexical_decls, BindKind, BindingId, FnKey};
use super::scope::{AsyncKind, FnIdx};
use super::*;
use swc_ecma_ast::{ArrowFunctionBody, FnDecl, Function, Pat};
use switchyard_ir::{LoadKind, StoreKind};

/// Compiles one queued body into `m`.
pub fn lower_job<'a>(m: &mut Module, sh: &mut Shared<'a>, job: Job<'a>) -> LResult<()> {
    let prelude = job.file < sh.prelude_files;
    let is_arrow = sh.an.funcs[job.fn_idx].is_arrow;
    // A generator's body (not its starter) is a coroutine entry.
    let is_generator =
        sh.an.funcs[job.fn_idx].is_generator && !matches!(job.body, JobBody::GenStarter(..));
    let mut b = FunctionBuilder::new(m, job.func);
    // The incoming callee, this, argv, argc: parameters, or (in a generator
    // body, whose one parameter is the generator object) the values the
    // starter stored in the generator object.
    let (callee, this_in, argv, argc, gen) = if is_generator {
        let gv = b.param(0);
        b.set_local_name(gv, "gen.value");
        let g = b.un(UnOp::I32WrapI64, gv);
        b.set_local_name(g, "gen");
        let callee = b.load(LoadKind::I32, g, GEN_FUNC);
        let this_in = b.load(LoadKind::I64, g, GEN_THIS);
        let off = b.i32_const(GEN_ARGS as i32);
        let argv = b.bin(BinOp::I32Add, g, off);
        let argc = b.load(LoadKind::I32, g, GEN_ARGC);
        (callee, this_in, argv, argc, Some(g))
    } else {
        let p = |i| switchyard_ir::Local(i);
        (p(0), p(1), p(2), p(3), None)
    };
    for (l, n) in [
        (callee, "callee"),
        (this_in, "this"),
        (argv, "argv"),
        (argc, "argc"),
    ] {
        b.set_local_name(l, n);
    }
    let mut fx = Fx {
        b,
        sh,
        file: job.file,
        prelude,
        fn_idx: job.fn_idx,
        is_arrow,
        callee,
        this_in,
        argv,
        argc,
        gen,
        storage: HashMap::new(),
        ctl: Vec::new(),
        ret_val: None,
        propagate: None,
        pending_name: None,
    };
    fx.prologue_env();
    match job.body {
        JobBody::Script => {
            let files = fx.sh.files;
            let body = match &files[job.file].program {
                Program::Script(s) => &s.body,
                Program::Module(_) => unreachable!("modules are rejected before lowering"),
            };
            if let Some(tb) = fx.sh.an.funcs[fx.fn_idx].this_binding {
                let this = fx.sloppy_this();
                fx.bind_new(tb, this);
            }
            // Global `var`s start undefined (the Wasm global's initial value);
            // function declarations are created first.
            fx.hoist_functions(body)?;
            fx.stmts(body)?;
        }
        JobBody::Function(f, name) => {
            if let Some(id) = name {
                if let Some(bid) = fx.sh.an.binding_at(id.span.lo.0) {
                    let callee = fx.callee;
                    let v = fx.box_ptr(TAG_FUNCTION, callee);
                    fx.bind_new(bid, v);
                }
            }
            if let Some(tb) = fx.sh.an.funcs[fx.fn_idx].this_binding {
                if fx.sh.an.this_used.contains(&tb) {
                    let this = fx.sloppy_this();
                    fx.bind_new(tb, this);
                }
            }
            if is_generator && !fx.is_async_function() && !params_simple(f) {
                // The starter bound the parameters (defaults and patterns
                // are evaluated by the call): their values, or the boxes of
                // captured ones, are the generator's stored arguments.
                for (i, bid) in fx.param_bindings(f).into_iter().enumerate() {
                    let v = fx.b.load(LoadKind::I64, fx.argv, 8 * i as u32);
                    if fx.sh.an.bindings[bid].captured {
                        let bx = fx.b.un(UnOp::I32WrapI64, v);
                        fx.storage.insert(bid, Storage::Boxed(bx));
                    } else {
                        fx.bind_new(bid, v);
                    }
                }
            } else {
                let pats: Vec<&Pat> = f.params.iter().map(|p| &p.pat).collect();
                fx.bind_params(&pats)?;
            }
            let stmts: &'a [Stmt] = match &f.body {
                Some(b) => &b.stmts,
                None => &[],
            };
            fx.function_body(stmts)?;
        }
        JobBody::GenStarter(f, name, body_func) => {
            if let Some(id) = name {
                if let Some(bid) = fx.sh.an.binding_at(id.span.lo.0) {
                    let callee = fx.callee;
                    let v = fx.box_ptr(TAG_FUNCTION, callee);
                    fx.bind_new(bid, v);
                }
            }
            if let Some(tb) = fx.sh.an.funcs[fx.fn_idx].this_binding {
                if fx.sh.an.this_used.contains(&tb) {
                    let this = fx.sloppy_this();
                    fx.bind_new(tb, this);
                }
            }
            let pats: Vec<&Pat> = f.params.iter().map(|p| &p.pat).collect();
            fx.bind_params(&pats)?;
            let mut vals = Vec::new();
            for bid in fx.param_bindings(f) {
                let v = match fx.storage.get(&bid).copied() {
                    Some(Storage::Boxed(bx)) => fx.b.un(UnOp::I64ExtendI32U, bx),
                    _ => fx.read_binding(bid),
                };
                vals.push(v);
            }
            let argv = fx.push_args(&vals);
            let n = fx.c32(vals.len() as i32);
            let slot = fx.b.func_addr(body_func);
            let ng = fx.rt().new_generator;
            let (c, t) = (fx.callee, fx.this_in);
            let g = fx.b.call1(ng, &[c, t, argv, n, slot]);
            fx.pop_args(vals.len());
            // An async generator's object wraps the raw generator.
            let g = match fx.sh.an.funcs[fx.fn_idx].async_kind {
                AsyncKind::Generator => {
                    let start = fx.prelude_global(ASYNC_GENERATOR_START, f.span.lo.0)?;
                    let fv = fx.b.global_get(start);
                    let u = fx.undef();
                    fx.call_value(fv, u, &[g], ASYNC_GENERATOR_START, 0)
                }
                _ => g,
            };
            fx.b.ret(&[g]);
        }
        JobBody::Arrow(a) => {
            let pats: Vec<&Pat> = a.params.iter().collect();
            fx.bind_params(&pats)?;
            match &*a.body {
                ArrowFunctionBody::FunctionBody(body) => fx.function_body(&body.stmts)?,
                ArrowFunctionBody::Expr(e) => {
                    let v = fx.expr(e)?;
                    let v = fx.val(v);
                    fx.do_return(v);
                }
            }
        }
    }
    // Falling off the end returns undefined.
    let u = fx.undef();
    fx.b.ret(&[u]);
    fx.seal();
    fx.b.finish();
    Ok(())
}

impl<'a, 's, 'm> Fx<'a, 's, 'm> {
    /// Terminates every block left open (unreachable code) with `unreachable`.
    pub fn seal(&mut self) {
        let n = self.b.body().blocks.len();
        for i in 0..n {
            if self.b.body().blocks[i].term.is_none() {
                self.b.switch_to(BlockId(i as u32));
                self.b.unreachable();
            }
        }
    }

    /// The `this` of a user (sloppy-mode) function: `undefined`/`null`
    /// become a global object (a plain object standing in for globalThis),
    /// as in Node. Prelude functions see `this` unchanged.
    fn sloppy_this(&mut self) -> Local {
        let this = self.this_in;
        let used = self.sh.an.funcs[self.fn_idx]
            .this_binding
            .is_some_and(|tb| self.sh.an.this_used.contains(&tb));
        if self.prelude || !used {
            return this;
        }
        let g = match self.sh.global_this {
            Some(g) => g,
            None => {
                let g = self.b.module().add_global(
                    "js:globalThis",
                    Type::I64,
                    true,
                    Const::I64(UNDEFINED as i64),
                );
                self.sh.global_this = Some(g);
                g
            }
        };
        let out = self.fresh_i64();
        self.b.copy(out, this);
        let nullish = self.is_nullish(this);
        let new_object = self.rt().new_object;
        self.b.if_then(nullish, |b| {
            b.global_get_into(out, g);
            let u = b.i64_const(UNDEFINED as i64);
            let unset = b.bin(BinOp::I64Eq, out, u);
            b.if_then(unset, |b| {
                b.call_into(&[out], new_object, &[]);
                b.global_set(g, out);
            });
        });
        out
    }

    /// Loads the box pointers of the free variables from the environment.
    fn prologue_env(&mut self) {
        let free = self.sh.an.funcs[self.fn_idx].free.clone();
        if free.is_empty() {
            return;
        }
        let callee = self.callee;
        let env = self.b.load(LoadKind::I32, callee, FN_ENV);
        self.b.set_local_name(env, "env");
        for (i, bid) in free.into_iter().enumerate() {
            let bx = self.b.load(LoadKind::I32, env, ENV_SLOTS + 4 * i as u32);
            let name = self.sh.an.bindings[bid].name.clone();
            self.b.set_local_name(bx, format!("{name}.box"));
            self.storage.insert(bid, Storage::Boxed(bx));
        }
    }

    fn bind_params(&mut self, pats: &[&'a Pat]) -> LResult<()> {
        let argv = self.argv;
        let argc = self.argc;
        for (i, p) in pats.iter().enumerate() {
            let Pat::Ident(id) = p else {
                // Patterns, defaults and rest parameters.
                let v = match p {
                    Pat::Rest(_) => {
                        let from = self.c32(i as i32);
                        let ra = self.rt().rest_args;
                        self.b.call1(ra, &[argv, argc, from])
                    }
                    _ => self.param_value(i),
                };
                let target = match p {
                    Pat::Rest(r) => &*r.arg,
                    other => other,
                };
                self.bind_pat(target, v, super::pattern::PatMode::Init, None)?;
                continue;
            };
            let Some(bid) = self.sh.an.binding_at(id.id.span.lo.0) else {
                continue;
            };
            let v = self.fresh_i64();
            let idx = self.c32(i as i32);
            let present = self.b.bin(BinOp::I32LtU, idx, argc);
            let u = UNDEFINED as i64;
            self.b.if_else(
                present,
                |b| b.load_into(v, LoadKind::I64, argv, 8 * i as u32),
                |b| b.set_const(v, Const::I64(u)),
            );
            if self.storage.contains_key(&bid) {
                // A repeated parameter name: the last one wins.
                self.write_binding_raw(bid, v);
            } else {
                self.bind_new(bid, v);
            }
        }
        Ok(())
    }

    /// The bindings a function's parameters declare, in order (each once).
    fn param_bindings(&self, f: &'a Function) -> Vec<BindingId> {
        let mut ids = Vec::new();
        for p in &f.params {
            super::scope::pat_idents(&p.pat, &mut ids);
        }
        let mut out: Vec<BindingId> = Vec::new();
        for id in ids {
            if let Some(b) = self.sh.an.binding_at(id.span.lo.0) {
                if !out.contains(&b) {
                    out.push(b);
                }
            }
        }
        out
    }

    /// Argument `i` of the incoming arguments, or undefined.
    fn param_value(&mut self, i: usize) -> Local {
        let (argv, argc) = (self.argv, self.argc);
        let v = self.fresh_i64();
        let idx = self.c32(i as i32);
        let present = self.b.bin(BinOp::I32LtU, idx, argc);
        let u = UNDEFINED as i64;
        self.b.if_else(
            present,
            |b| b.load_into(v, LoadKind::I64, argv, 8 * i as u32),
            |b| b.set_const(v, Const::I64(u)),
        );
        v
    }

    /// Hoisting for a function body, then its statements.
    fn function_body(&mut self, stmts: &'a [Stmt]) -> LResult<()> {
        let mut vars = Vec::new();
        collect_vars(stmts, &mut vars);
        for id in vars {
            if let Some(bid) = self.sh.an.binding_at(id.span.lo.0) {
                if !self.storage.contains_key(&bid) {
                    let u = self.undef();
                    self.bind_new(bid, u);
                }
            }
        }
        self.enter_lexical(stmts);
        self.hoist_functions(stmts)?;
        self.stmts(stmts)
    }

    /// Creates the bindings of the `let`/`const`/function declarations
    /// directly in `stmts` (fresh boxes each time the block is entered).
    pub fn enter_lexical(&mut self, stmts: &[Stmt]) {
        for (id, kind) in lexical_decls(stmts) {
            let Some(bid) = self.sh.an.binding_at(id.span.lo.0) else {
                continue;
            };
            if self.sh.an.bindings[bid].global {
                continue;
            }
            if kind == BindKind::Function && self.storage.contains_key(&bid) {
                continue;
            }
            // let/const start uninitialised (the temporal dead zone).
            let init = if self.sh.an.bindings[bid].tdz {
                self.c64(HOLE)
            } else {
                self.undef()
            };
            self.bind_new(bid, init);
        }
    }

    /// Creates the closures of the function declarations directly in `stmts`.
    pub fn hoist_functions(&mut self, stmts: &'a [Stmt]) -> LResult<()> {
        for f in fn_decls(stmts) {
            self.hoist_function(f)?;
        }
        Ok(())
    }

    fn hoist_function(&mut self, f: &'a FnDecl) -> LResult<()> {
        let v = self.closure_of_function(&f.function, None, &f.ident.sym)?;
        if let Some(bid) = self.sh.an.binding_at(f.ident.span.lo.0) {
            if self.storage.contains_key(&bid) || self.sh.an.bindings[bid].global {
                self.write_binding_raw(bid, v);
            } else {
                self.bind_new(bid, v);
            }
        }
        Ok(())
    }

    /// A closure for a `function` (declaration, expression or method).
    pub fn closure_of_function(
        &mut self,
        f: &'a Function,
        self_name: Option<&'a Ident>,
        name: &str,
    ) -> LResult<Local> {
        let key = FnKey::Function(f.span.lo.0);
        let arity = f
            .params
            .iter()
            .take_while(|p| !matches!(p.pat, Pat::Assign(_) | Pat::Rest(_)))
            .count() as i32;
        self.make_closure(
            key,
            JobBody::Function(f, self_name),
            name,
            arity,
            f.span.lo.0,
        )
    }

    /// A closure for an arrow function.
    pub fn closure_of_arrow(&mut self, a: &'a ArrowExpr, name: &str) -> LResult<Local> {
        let key = FnKey::Arrow(a.span.lo.0);
        let arity = a
            .params
            .iter()
            .take_while(|p| !matches!(p, Pat::Assign(_) | Pat::Rest(_)))
            .count() as i32;
        self.make_closure(key, JobBody::Arrow(a), name, arity, a.span.lo.0)
    }

    fn make_closure(
        &mut self,
        key: FnKey,
        body: JobBody<'a>,
        name: &str,
        arity: i32,
        pos: u32,
    ) -> LResult<Local> {
        let Some(&fn_idx) = self.sh.an.fn_keys.get(&key) else {
            return Err(self.unsupported(pos, "function not seen by the analysis"));
        };
        let wasm_name = self.sh.fresh_name(name);
        let is_generator = self.sh.an.funcs[fn_idx].is_generator;
        let async_kind = self.sh.an.funcs[fn_idx].async_kind;
        // Async functions and generators: the starter hands the raw
        // generator to the prelude's driver (a JS function held in a global).
        let async_start = match async_kind {
            AsyncKind::None => None,
            AsyncKind::Function => Some((
                self.prelude_global(ASYNC_FUNCTION_START, pos)?,
                ASYNC_FUNCTION_START,
            )),
            AsyncKind::Generator => Some((
                self.prelude_global(ASYNC_GENERATOR_START, pos)?,
                ASYNC_GENERATOR_START,
            )),
        };
        let func = if is_generator {
            // The body is a coroutine entry; the function's code is a
            // starter that creates the generator object.
            let body_func = self.b.module().declare_func(
                format!("{wasm_name}:body"),
                Signature::new([Type::I64], [Type::I64]),
            );
            self.b.module().mark_coroutine_entry(body_func);
            self.sh.queue.push_back(Job {
                func: body_func,
                body,
                file: self.file,
                fn_idx,
            });
            let starter = self
                .b
                .module()
                .declare_func(wasm_name, layout::js_func_sig());
            if let JobBody::Function(f, self_name) = body {
                // (An async function evaluates its parameters in its body,
                // where an error rejects the promise.)
                if !params_simple(f) && async_kind != AsyncKind::Function {
                    // Defaults and patterns are evaluated by the call.
                    self.sh.queue.push_back(Job {
                        func: starter,
                        body: JobBody::GenStarter(f, self_name, body_func),
                        file: self.file,
                        fn_idx,
                    });
                    return self.finish_closure(starter, fn_idx, name, arity, pos, async_kind);
                }
            }
            let new_generator = self.rt().new_generator;
            let mut sb = FunctionBuilder::new(self.b.module(), starter);
            for (i, n) in ["callee", "this", "argv", "argc"].iter().enumerate() {
                let p = sb.param(i);
                sb.set_local_name(p, *n);
            }
            let slot = sb.func_addr(body_func);
            let (c, t, v, n) = (sb.param(0), sb.param(1), sb.param(2), sb.param(3));
            let g = sb.call1(new_generator, &[c, t, v, n, slot]);
            match async_start {
                None => sb.ret(&[g]),
                Some((global, _)) => {
                    let r = call_js_global(&mut sb, &self.sh.rt, global, g);
                    sb.ret(&[r]);
                }
            }
            sb.finish();
            starter
        } else {
            let func = self
                .b
                .module()
                .declare_func(wasm_name, layout::js_func_sig());
            self.sh.queue.push_back(Job {
                func,
                body,
                file: self.file,
                fn_idx,
            });
            func
        };
        self.finish_closure(func, fn_idx, name, arity, pos, async_kind)
    }

    /// Creates the function object for `func` with its environment.
    fn finish_closure(
        &mut self,
        func: FuncId,
        fn_idx: FnIdx,
        name: &str,
        arity: i32,
        pos: u32,
        async_kind: AsyncKind,
    ) -> LResult<Local> {
        let is_generator = self.sh.an.funcs[fn_idx].is_generator && async_kind == AsyncKind::None;
        let free = self.sh.an.funcs[fn_idx].free.clone();
        let env = if free.is_empty() {
            self.c32(0)
        } else {
            let n = self.c32(free.len() as i32);
            let new_env = self.rt().new_env;
            let env = self.b.call1(new_env, &[n]);
            for (i, bid) in free.into_iter().enumerate() {
                let Some(Storage::Boxed(bx)) = self.storage.get(&bid).copied() else {
                    let nm = self.sh.an.bindings[bid].name.clone();
                    return Err(
                        self.unsupported(pos, format!("internal: captured `{nm}` has no box"))
                    );
                };
                self.b
                    .store(StoreKind::I32, env, ENV_SLOTS + 4 * i as u32, bx);
            }
            env
        };
        let slot = self.b.func_addr(func);
        let name_ptr = self.str_ptr(name);
        let ar = self.c32(arity);
        let nf = if is_generator {
            self.rt().new_generator_function
        } else {
            self.rt().new_function
        };
        let f = self.b.call1(nf, &[slot, env, name_ptr, ar]);
        let class = match async_kind {
            AsyncKind::None => None,
            AsyncKind::Function => Some(CLASS_ASYNC_FUNCTION),
            AsyncKind::Generator => Some(CLASS_ASYNC_GENERATOR_FUNCTION),
        };
        if let Some(class) = class {
            let p = self.payload(f);
            let c = self.c32(class as i32);
            self.b.store(StoreKind::I32, p, OBJ_CLASS, c);
            // %AsyncFunction.prototype% / %AsyncGeneratorFunction.prototype%
            // once the prelude has made them.
            let g = if class == CLASS_ASYNC_FUNCTION {
                self.rt().proto_async_function
            } else {
                self.rt().proto_async_generator_function
            };
            let proto = self.b.global_get(g);
            let fp = self.b.load(LoadKind::I32, p, OBJ_PROTO);
            let chosen = self.b.select(proto, proto, fp);
            self.b.store(StoreKind::I32, p, OBJ_PROTO, chosen);
        }
        Ok(f)
    }

    // ---- bindings ------------------------------------------------------------

    /// Creates storage for a binding of this function, initialised to `init`.
    pub fn bind_new(&mut self, bid: BindingId, init: Local) {
        let bd = &self.sh.an.bindings[bid];
        if bd.global {
            let g = self.global_of(bid);
            self.b.global_set(g, init);
            return;
        }
        let name = bd.name.clone();
        if bd.captured {
            let nb = self.rt().new_box;
            let bx = self.b.call1(nb, &[init]);
            self.b.set_local_name(bx, format!("{name}.box"));
            self.storage.insert(bid, Storage::Boxed(bx));
        } else {
            let l = match self.storage.get(&bid) {
                Some(Storage::Local(l)) => *l,
                _ => self.b.named_local(Type::I64, name),
            };
            self.b.copy(l, init);
            self.storage.insert(bid, Storage::Local(l));
        }
    }

    /// The Wasm global of a script top-level binding.
    pub fn global_of(&mut self, bid: BindingId) -> GlobalId {
        if let Some(g) = self.sh.globals.get(&bid) {
            return *g;
        }
        let bd = &self.sh.an.bindings[bid];
        let name = format!(
            "js:{}:{}#{}",
            if bd.prelude { "prelude" } else { "user" },
            bd.name,
            bid
        );
        let init = if bd.tdz { HOLE } else { UNDEFINED };
        let g = self
            .b
            .module()
            .add_global(name, Type::I64, true, Const::I64(init as i64));
        self.sh.globals.insert(bid, g);
        g
    }

    pub fn storage_of(&mut self, bid: BindingId) -> Option<Storage> {
        if self.sh.an.bindings[bid].global {
            return Some(Storage::Global(self.global_of(bid)));
        }
        self.storage.get(&bid).copied()
    }

    /// Reads a binding into a fresh local.
    pub fn read_binding(&mut self, bid: BindingId) -> Local {
        let out = self.fresh_i64();
        match self.storage_of(bid) {
            Some(Storage::Local(l)) => self.b.copy(out, l),
            Some(Storage::Boxed(bx)) => self.b.load_into(out, LoadKind::I64, bx, BOX_VALUE),
            Some(Storage::Global(g)) => self.b.global_get_into(out, g),
            // Not yet created (a use before the declaration was reached): undefined.
            None => self.b.set_const(out, Const::I64(UNDEFINED as i64)),
        }
        out
    }

    /// Reads a binding at source position `pos`, checking the temporal dead
    /// zone unless the read provably runs after the initialisation.
    pub fn read_binding_at(&mut self, bid: BindingId, pos: u32) -> Local {
        let v = self.read_binding(bid);
        let bd = &self.sh.an.bindings[bid];
        if !bd.tdz || (bd.func == self.fn_idx && pos >= bd.decl_end) {
            return v;
        }
        let msg = format!("Cannot access '{}' before initialization", bd.name);
        let hole = self.c64(HOLE);
        let is_hole = self.b.bin(BinOp::I64Eq, v, hole);
        let bad = self.b.new_block();
        let ok = self.b.new_block();
        self.b.branch(is_hole, bad, ok);
        self.b.switch_to(bad);
        self.throw_error_here(ERR_REFERENCE, &msg, pos);
        self.b.jump(ok);
        self.b.switch_to(ok);
        v
    }

    /// Writes a binding (no const check).
    pub fn write_binding_raw(&mut self, bid: BindingId, v: Local) {
        match self.storage_of(bid) {
            Some(Storage::Local(l)) => self.b.copy(l, v),
            Some(Storage::Boxed(bx)) => self.b.store(StoreKind::I64, bx, BOX_VALUE, v),
            Some(Storage::Global(g)) => self.b.global_set(g, v),
            None => self.bind_new(bid, v),
        }
    }

    /// An assignment to a binding: `const` bindings throw a TypeError.
    pub fn assign_binding(&mut self, bid: BindingId, v: Local, pos: u32) {
        match self.sh.an.bindings[bid].kind {
            BindKind::Const => {
                self.throw_error_here(ERR_TYPE, "Assignment to constant variable.", pos);
            }
            // Assigning to a named function expression's own name is ignored (sloppy mode).
            BindKind::FnName => {}
            _ => self.write_binding_raw(bid, v),
        }
    }
}

/// All parameters are plain identifiers (no defaults, patterns or rest).
fn params_simple(f: &Function) -> bool {
    f.params.iter().all(|p| matches!(p.pat, Pat::Ident(_)))
}
