//! The lowering driver: installs the runtime, analyses every script
//! (`scope`), then compiles function bodies from a work queue (each function
//! expression met while lowering a body declares a Wasm function and queues
//! its body), and builds the exported `main`.
//!
//! Also home of the per-function lowering state [`Fx`] and its value
//! helpers (NaN-boxing, constants, the exception check after calls).

pub mod async_fn;
pub mod builtins;
pub mod calls;
pub mod control;
pub mod expr;
pub mod function;
pub mod generator;
pub mod intrinsic_calls;
pub mod intrinsics;
pub mod pattern;
pub mod scope;
pub mod stmt;

use crate::error::{CompileError, CompileErrorKind};
use crate::parse::ParsedFile;
use scope::{Analysis, BindingId, FnIdx, FnKey};
use std::collections::{HashMap, VecDeque};
use swc_ecma_ast::{ArrowExpr, Function, Ident, Program, Stmt};
use switchyard_ir::{
    BinOp, BlockId, Const, FuncId, FunctionBuilder, GlobalId, Local, Module, Signature, Type, UnOp,
};
use switchyard_js_runtime::layout::{self, *};
use switchyard_js_runtime::{Runtime, StaticData};

pub type LResult<T> = Result<T, CompileError>;

/// What a queued body is.
#[derive(Clone, Copy)]
pub enum JobBody<'a> {
    /// A function (for a generator function: its body, a coroutine entry
    /// `(gen: i64) -> i64`; the starter is built with the closure).
    Function(&'a Function, Option<&'a Ident>),
    /// The starter of a generator function whose parameters are not all
    /// plain identifiers: it binds them (evaluating defaults and patterns)
    /// and creates the generator object for the body (the `FuncId`) with
    /// the bound values (or boxes) as its stored arguments.
    GenStarter(&'a Function, Option<&'a Ident>, FuncId),
    Arrow(&'a ArrowExpr),
    Script,
}

/// A function body waiting to be compiled.
pub struct Job<'a> {
    pub func: FuncId,
    pub body: JobBody<'a>,
    pub file: usize,
    pub fn_idx: FnIdx,
}

/// State shared by all function lowerings.
pub struct Shared<'a> {
    pub files: &'a [ParsedFile],
    /// How many of `files` are prelude files (they come first).
    pub prelude_files: usize,
    pub an: Analysis,
    pub rt: Runtime,
    pub statics: StaticData,
    pub globals: HashMap<BindingId, GlobalId>,
    pub queue: VecDeque<Job<'a>>,
    pub name_counter: usize,
    /// The object standing in for globalThis (sloppy-mode `this`).
    pub global_this: Option<GlobalId>,
}

impl<'a> Shared<'a> {
    /// A unique Wasm function name for a JS function.
    pub fn fresh_name(&mut self, base: &str) -> String {
        self.name_counter += 1;
        let base = if base.is_empty() { "anonymous" } else { base };
        format!("js:{}#{}", base, self.name_counter)
    }
}

/// Where a binding lives in the function being lowered.
#[derive(Clone, Copy, Debug)]
pub enum Storage {
    /// An i64 local.
    Local(Local),
    /// An i32 local holding a box pointer.
    Boxed(Local),
    Global(GlobalId),
}

/// The result of lowering an expression: a boxed value, or an unboxed
/// number or boolean that is boxed only when needed.
#[derive(Clone, Copy, Debug)]
pub enum Val {
    /// An i64 NaN-boxed value.
    V(Local),
    /// An f64 JS number.
    N(Local),
    /// An i32 0/1 JS boolean.
    B(Local),
}

/// A control-flow context entry (loops, labels, handlers).
pub enum Ctl {
    /// A break (and maybe continue) target.
    Breakable {
        labels: Vec<String>,
        break_to: BlockId,
        continue_to: Option<BlockId>,
        /// Target of an unlabeled `break` (loops and switch).
        unlabeled: bool,
    },
    /// A `try` with a `catch`: exceptions go to `landing`.
    Catch { landing: BlockId },
    /// A `try` with a `finally`: every exit goes through `entry`, with
    /// `state` saying how to continue (0 normal, 1 throw, 2 return,
    /// 3 + i: `jumps[i]`).
    Finally {
        landing: BlockId,
        entry: BlockId,
        state: Local,
        jumps: Vec<Abrupt>,
    },
    /// The body of a for-of, or an array destructuring: leaving it early
    /// closes the iterator.
    IterClose {
        landing: BlockId,
        iter: Local,
        /// Control index of the loop's own `Breakable` (its `continue` does
        /// not close); `usize::MAX` for destructuring.
        loop_idx: usize,
        /// For destructuring: an i32 local, non-zero when the iterator is
        /// exhausted (or failed) and must not be closed.
        done: Option<Local>,
        /// A `for await` loop: closing calls `return()` and awaits it.
        async_close: bool,
    },
}

/// A non-exception abrupt completion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abrupt {
    /// Break to the `Breakable` at this index of the control stack.
    Break(usize),
    Continue(usize),
    Return,
}

/// Per-function lowering state.
pub struct Fx<'a, 's, 'm> {
    pub b: FunctionBuilder<'m>,
    pub sh: &'s mut Shared<'a>,
    pub file: usize,
    pub prelude: bool,
    pub fn_idx: FnIdx,
    pub is_arrow: bool,
    /// The function's incoming callee (i32 function block), `this` (i64),
    /// `argv` (i32) and `argc` (i32): the parameters of a JS function, or
    /// locals loaded from the generator object in a generator body.
    pub callee: Local,
    pub this_in: Local,
    pub argv: Local,
    pub argc: Local,
    /// In a generator body: the generator object (an i32 pointer).
    pub gen: Option<Local>,
    pub storage: HashMap<BindingId, Storage>,
    pub ctl: Vec<Ctl>,
    /// Holds the return value while `finally` blocks run.
    pub ret_val: Option<Local>,
    /// Returns `undefined` with the exception still pending.
    pub propagate: Option<BlockId>,
    /// A name to give the next anonymous function (`var f = function () {}`).
    pub pending_name: Option<String>,
}

/// Compiles the prelude and the user script into one module.
pub fn compile(files: &[ParsedFile], prelude_files: usize) -> LResult<Module> {
    // Analysis (and the unsupported-construct check), prelude first.
    let mut an = scope::Analyzer::new();
    for (i, f) in files.iter().enumerate() {
        let body = script_body(f)?;
        an.script(i, i < prelude_files, body);
    }
    let an = an.finish();
    for f in files {
        if let Some((pos, what)) = an.first_unsupported(f.start, f.start + f.source.len() as u32) {
            return Err(f.error(*pos, CompileErrorKind::Unsupported, what.clone()));
        }
    }

    let mut m = Module::new();
    let mut statics = StaticData::new();
    let features = switchyard_js_runtime::Features {
        generators: an.has_generators,
        fibers: crate::fiber::prelude_uses_fibers(&files[..prelude_files]),
    };
    let rt = switchyard_js_runtime::install_with(&mut m, &mut statics, features);
    let mut sh = Shared {
        files,
        prelude_files,
        an,
        rt,
        statics,
        globals: HashMap::new(),
        queue: VecDeque::new(),
        name_counter: 0,
        global_this: None,
    };

    // One function per script top level, called in order by `main`.
    let mut tops = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let fn_idx = sh.an.fn_keys[&FnKey::Script(i)];
        let name = format!("js:top:{}", f.name);
        let func = m.declare_func(name, layout::js_func_sig());
        tops.push(func);
        sh.queue.push_back(Job {
            func,
            body: JobBody::Script,
            file: i,
            fn_idx,
        });
    }
    while let Some(job) = sh.queue.pop_front() {
        function::lower_job(&mut m, &mut sh, job)?;
    }
    // The event loop (microtasks, then timers), when the prelude kept it:
    // the program uses promises, async code or timers.
    let event_loop = sh
        .an
        .prelude_global(async_fn::EVENT_LOOP)
        .and_then(|bid| sh.globals.get(&bid).copied());

    // main: init, then each script's top level; stop at an uncaught exception.
    let main = m.declare_func("main", Signature::new([], []));
    {
        let mut b = FunctionBuilder::new(&mut m, main);
        b.call(sh.rt.init, &[]);
        for top in tops {
            let callee = b.i32_const(0);
            let this = b.i64_const(UNDEFINED as i64);
            let argv = b.i32_const(0);
            let argc = b.i32_const(0);
            b.call(top, &[callee, this, argv, argc]);
            let p = b.global_get(sh.rt.exc_pending);
            let stop = b.new_block();
            let cont = b.new_block();
            b.branch(p, stop, cont);
            b.switch_to(stop);
            b.ret(&[]);
            b.switch_to(cont);
        }
        if let Some(g) = event_loop {
            let u = b.i64_const(UNDEFINED as i64);
            async_fn::call_js_global(&mut b, &sh.rt, g, u);
        }
        b.ret(&[]);
        b.finish();
    }
    m.export_func(main, EXPORT_MAIN);
    switchyard_js_runtime::finalize(&mut m, &sh.rt, &sh.statics);
    Ok(m)
}

fn script_body(f: &ParsedFile) -> LResult<&[Stmt]> {
    match &f.program {
        Program::Script(s) => Ok(&s.body),
        Program::Module(md) => {
            // Find the first import/export for the error position.
            for item in &md.body {
                if let swc_ecma_ast::ModuleItem::ModuleDecl(d) = item {
                    let what = match d {
                        swc_ecma_ast::ModuleDecl::Import(_) => "import declarations",
                        _ => "export declarations",
                    };
                    let pos = swc_common::Spanned::span(d).lo.0;
                    return Err(f.error(pos, CompileErrorKind::Unsupported, what));
                }
            }
            // No import/export: swc chose a module because of a top-level
            // `await` (or `for await`), which a script (Node's CommonJS)
            // does not allow.
            let mut finder = TopLevelAwait(None);
            swc_ecma_visit::VisitWith::visit_with(md, &mut finder);
            if let Some(pos) = finder.0 {
                return Err(f.error(
                    pos,
                    CompileErrorKind::Syntax,
                    "await is only valid in async functions and the top level bodies of modules",
                ));
            }
            Err(f.error(f.start, CompileErrorKind::Unsupported, "ES modules"))
        }
    }
}

/// Finds the first `await` / `for await` outside any function.
struct TopLevelAwait(Option<u32>);

impl swc_ecma_visit::Visit for TopLevelAwait {
    fn visit_function(&mut self, _: &Function) {}
    fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    fn visit_await_expr(&mut self, a: &swc_ecma_ast::AwaitExpr) {
        self.0 = self.0.or(Some(a.span.lo.0));
    }
    fn visit_for_of_stmt(&mut self, s: &swc_ecma_ast::ForOfStmt) {
        if s.is_await {
            self.0 = self.0.or(Some(s.span.lo.0));
        }
        swc_ecma_visit::VisitWith::visit_children_with(s, self);
    }
}

impl<'a, 's, 'm> Fx<'a, 's, 'm> {
    pub fn rt(&self) -> &Runtime {
        &self.sh.rt
    }

    pub fn pf(&self) -> &'a ParsedFile {
        &self.sh.files[self.file]
    }

    /// An unsupported-construct error at a byte position of this file.
    pub fn unsupported(&self, pos: u32, what: impl Into<String>) -> CompileError {
        self.pf().error(pos, CompileErrorKind::Unsupported, what)
    }

    /// The encoded source position for run-time errors (0 in the prelude,
    /// so that the user's call site is reported instead).
    pub fn enc_pos(&self, pos: u32) -> i32 {
        if self.prelude {
            return 0;
        }
        let (l, c) = self.pf().line_col(pos);
        encode_pos(l, c)
    }

    // ---- constants -----------------------------------------------------

    pub fn c64(&mut self, v: u64) -> Local {
        self.b.i64_const(v as i64)
    }

    pub fn c32(&mut self, v: i32) -> Local {
        self.b.i32_const(v)
    }

    pub fn undef(&mut self) -> Local {
        self.c64(UNDEFINED)
    }

    pub fn num_const(&mut self, x: f64) -> Local {
        let bits = if x.is_nan() {
            CANONICAL_NAN
        } else {
            x.to_bits()
        };
        self.c64(bits)
    }

    /// The interned string `s` as a pointer constant.
    pub fn str_ptr(&mut self, s: &str) -> Local {
        let p = self.sh.statics.string(s);
        self.c32(p as i32)
    }

    /// The interned string `s` as a value.
    pub fn str_val(&mut self, s: &str) -> Local {
        let v = self.sh.statics.string_value(s);
        self.c64(v)
    }

    pub fn fresh_i64(&mut self) -> Local {
        self.b.local(Type::I64)
    }

    // ---- boxing ----------------------------------------------------------

    /// A value as an i64 NaN-boxed local.
    pub fn val(&mut self, v: Val) -> Local {
        match v {
            Val::V(l) => l,
            Val::N(f) => self.b.un(UnOp::I64ReinterpretF64, f),
            Val::B(c) => {
                let e = self.b.un(UnOp::I64ExtendI32U, c);
                let t = self.c64(FALSE);
                self.b.bin(BinOp::I64Or, e, t)
            }
        }
    }

    /// Boxes an f64 that may be a non-canonical NaN (from the host or runtime).
    pub fn box_f64_checked(&mut self, f: Local) -> Local {
        let bits = self.b.un(UnOp::I64ReinterpretF64, f);
        let nan = self.c64(CANONICAL_NAN);
        let is_num = self.b.bin(BinOp::F64Eq, f, f);
        self.b.select(is_num, bits, nan)
    }

    /// Boxes a pointer under `tag`.
    pub fn box_ptr(&mut self, tag: u64, p: Local) -> Local {
        let e = self.b.un(UnOp::I64ExtendI32U, p);
        let t = self.c64(tag << TAG_SHIFT);
        self.b.bin(BinOp::I64Or, e, t)
    }

    /// The low 32 bits (pointer) of a value.
    pub fn payload(&mut self, v: Local) -> Local {
        self.b.un(UnOp::I32WrapI64, v)
    }

    /// i32: the value is a number.
    pub fn is_number(&mut self, v: Local) -> Local {
        let m = self.c64(TAG_MIN);
        self.b.bin(BinOp::I64LtU, v, m)
    }

    /// i32: the tag (top 16 bits) of `v` equals `tag` (never true for numbers).
    pub fn has_tag(&mut self, v: Local, tag: u64) -> Local {
        let s = self.c64(TAG_SHIFT as u64);
        let t = self.b.bin(BinOp::I64ShrU, v, s);
        let c = self.c64(tag);
        self.b.bin(BinOp::I64Eq, t, c)
    }

    /// i32: `v` is undefined or null.
    pub fn is_nullish(&mut self, v: Local) -> Local {
        let u = self.has_tag(v, TAG_UNDEFINED);
        let n = self.c64(NULL);
        let isn = self.b.bin(BinOp::I64Eq, v, n);
        self.b.bin(BinOp::I32Or, u, isn)
    }

    /// The value as an f64 (ToNumber, inline when it already is a number).
    pub fn num(&mut self, v: Val) -> Local {
        match v {
            Val::N(f) => f,
            Val::B(c) => self.b.un(UnOp::F64ConvertI32U, c),
            Val::V(l) => {
                let out = self.b.local(Type::F64);
                let isn = self.is_number(l);
                let to_number = self.rt().to_number;
                self.b.if_else(
                    isn,
                    |b| b.unary_into(out, UnOp::F64ReinterpretI64, l),
                    |b| {
                        // Canonicalise a NaN coming from the runtime/host.
                        b.call_into(&[out], to_number, &[l]);
                        let ok = b.bin(BinOp::F64Eq, out, out);
                        let nan = b.f64_const(f64::NAN);
                        let r = b.select(ok, out, nan);
                        b.copy(out, r);
                    },
                );
                out
            }
        }
    }

    /// i32 truthiness (ToBoolean), inline for numbers and booleans.
    pub fn truthy(&mut self, v: Val) -> Local {
        match v {
            Val::B(c) => c,
            Val::N(f) => self.f64_truthy(f),
            Val::V(l) => {
                let out = self.b.local(Type::I32);
                let isn = self.is_number(l);
                let then_b = self.b.new_block();
                let else_b = self.b.new_block();
                let join = self.b.new_block();
                self.b.branch(isn, then_b, else_b);
                self.b.switch_to(then_b);
                let f = self.b.un(UnOp::F64ReinterpretI64, l);
                let t = self.f64_truthy(f);
                self.b.copy(out, t);
                self.b.jump(join);
                self.b.switch_to(else_b);
                let isb = self.has_tag(l, TAG_BOOL);
                let to_boolean = self.rt().to_boolean;
                self.b.if_else(
                    isb,
                    |b| {
                        b.unary_into(out, UnOp::I32WrapI64, l);
                    },
                    |b| b.call_into(&[out], to_boolean, &[l]),
                );
                // Booleans: the payload is 0 or 1.
                self.b.jump(join);
                self.b.switch_to(join);
                out
            }
        }
    }

    fn f64_truthy(&mut self, f: Local) -> Local {
        let z = self.b.f64_const(0.0);
        let nz = self.b.bin(BinOp::F64Ne, f, z);
        let notnan = self.b.bin(BinOp::F64Eq, f, f);
        self.b.bin(BinOp::I32And, nz, notnan)
    }

    // ---- exceptions --------------------------------------------------------

    /// The block that returns `undefined` with the exception still pending.
    pub fn propagate_block(&mut self) -> BlockId {
        if let Some(b) = self.propagate {
            return b;
        }
        let saved = self.b.current_block();
        let blk = self.b.new_labeled_block("propagate");
        self.b.switch_to(blk);
        let u = self.undef();
        self.b.ret(&[u]);
        self.b.switch_to(saved);
        self.propagate = Some(blk);
        blk
    }

    /// The exception landing pad of the innermost handler below control depth `depth`.
    pub fn landing_below(&mut self, depth: usize) -> BlockId {
        for c in self.ctl[..depth].iter().rev() {
            match c {
                Ctl::Catch { landing } => return *landing,
                Ctl::Finally { landing, .. } => return *landing,
                Ctl::IterClose { landing, .. } => return *landing,
                Ctl::Breakable { .. } => {}
            }
        }
        self.propagate_block()
    }

    /// Jumps to the innermost exception handler (an exception is pending).
    pub fn throw_jump(&mut self) {
        let d = self.ctl.len();
        let l = self.landing_below(d);
        self.b.jump(l);
    }

    /// Sets `exc_pos` to `pos` if it is still 0.
    pub fn set_pos_if_unset(&mut self, pos: i32) {
        if pos == 0 {
            return;
        }
        let g = self.rt().exc_pos;
        let cur = self.b.global_get(g);
        let z = self.b.un(UnOp::I32Eqz, cur);
        let p = self.c32(pos);
        let s = self.b.select(z, p, cur);
        self.b.global_set(g, s);
    }

    /// After a call that may throw: on a pending exception, record the
    /// position and go to the handler.
    pub fn check_exc(&mut self, pos: u32) {
        let pending = self.rt().exc_pending;
        let p = self.b.global_get(pending);
        let slow = self.b.new_block();
        let cont = self.b.new_block();
        self.b.branch(p, slow, cont);
        self.b.switch_to(slow);
        let ep = self.enc_pos(pos);
        self.set_pos_if_unset(ep);
        self.throw_jump();
        self.b.switch_to(cont);
    }

    /// Calls a runtime function that may throw, then checks.
    pub fn call_throwing(&mut self, f: FuncId, args: &[Local], pos: u32) -> Vec<Local> {
        let r = self.b.call(f, args);
        self.check_exc(pos);
        r
    }

    /// Throws a new error of kind `kind` with a static message, here.
    pub fn throw_error_here(&mut self, kind: i32, msg: &str, pos: u32) {
        let k = self.c32(kind);
        let m = self.str_ptr(msg);
        let te = self.rt().throw_error;
        self.b.call(te, &[k, m]);
        let ep = self.enc_pos(pos);
        self.set_pos_if_unset(ep);
        self.throw_jump();
        // Unreachable continuation for whatever follows.
        let dead = self.b.new_block();
        self.b.switch_to(dead);
    }

    /// Starts a fresh (unreachable) block after a terminator so that lowering
    /// can continue appending code.
    pub fn dead_block(&mut self) {
        let dead = self.b.new_block();
        self.b.switch_to(dead);
    }
}
