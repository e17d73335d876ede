//! Binding resolution, run over every file before any code is generated.
//!
//! * Hoisting: `var` declarations and function-body-level function
//!   declarations belong to the enclosing function; `let`/`const` and block-level
//!   function declarations to their block (strict-mode semantics; no TDZ).
//! * Every identifier occurrence (declaration or reference) is mapped, by its
//!   start position, to the binding it denotes; unmapped means undeclared.
//! * A binding used by a function other than the one that owns it is
//!   *captured*: it lives in a heap box, and every function between the use
//!   and the owner lists it as a free variable (flat closures: an
//!   environment is an array of box pointers).
//! * `this` is a synthetic binding of every non-arrow function (and of each
//!   script's top level), so arrows capture it like any variable.
//! * Script top-level declarations are *global* (Wasm globals, never boxed).
//!   The prelude's scripts share one global scope; the user script has its
//!   own, whose parent is the prelude's (user declarations shadow built-ins
//!   without breaking them).
//!
//! The same walk reports the first construct outside the supported subset.

use std::collections::HashMap;
use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub type BindingId = usize;
pub type FnIdx = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BindKind {
    Var,
    Let,
    Const,
    Function,
    Param,
    CatchParam,
    /// The name of a named function expression, inside it.
    FnName,
    /// The synthetic `this` binding.
    This,
}

#[derive(Clone, Debug)]
pub struct Binding {
    pub name: String,
    pub kind: BindKind,
    /// The function whose frame owns the binding.
    pub func: FnIdx,
    /// Used by an inner function: lives in a box.
    pub captured: bool,
    /// A script top-level declaration: a Wasm global.
    pub global: bool,
    /// Declared by prelude code.
    pub prelude: bool,
    /// A `let`/`const` whose reads may happen before its initialisation
    /// (temporal dead zone): they are checked unless provably after it.
    pub tdz: bool,
    /// End of the declaration: a read in the owning function after this
    /// position runs after the initialisation (except in `switch` cases,
    /// where this is `u32::MAX`).
    pub decl_end: u32,
}

#[derive(Clone, Debug, Default)]
pub struct FnInfo {
    pub parent: Option<FnIdx>,
    pub is_arrow: bool,
    /// A generator function (`function*`): compiled as a starter and a
    /// coroutine-entry body.
    pub is_generator: bool,
    /// An async function or async generator (also `is_generator`: its body
    /// is a coroutine entry too, suspended by `await`).
    pub async_kind: AsyncKind,
    /// Captured bindings of enclosing functions, in first-use order: the
    /// closure environment's slots.
    pub free: Vec<BindingId>,
    pub this_binding: Option<BindingId>,
    pub name_binding: Option<BindingId>,
}

/// Whether a function is async, and which kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AsyncKind {
    #[default]
    None,
    /// `async function`, async arrow or method: returns a promise.
    Function,
    /// `async function*`: returns an async generator object.
    Generator,
}

/// Keys identifying function nodes by kind and start position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FnKey {
    Function(u32),
    Arrow(u32),
    Script(usize),
}

#[derive(Default, Debug)]
pub struct Analysis {
    pub bindings: Vec<Binding>,
    /// Identifier start position → binding.
    pub refs: HashMap<u32, BindingId>,
    /// `this` expression start position → binding.
    pub this_refs: HashMap<u32, BindingId>,
    /// The `this` bindings that some `this` expression uses.
    pub this_used: std::collections::HashSet<BindingId>,
    pub funcs: Vec<FnInfo>,
    pub fn_keys: HashMap<FnKey, FnIdx>,
    /// Unsupported constructs found: (position, what).
    pub unsupported: Vec<(u32, String)>,
    /// Some function (prelude or user) is a generator.
    pub has_generators: bool,
}

impl Analysis {
    /// The binding of the prelude's top-level declaration `name`.
    pub fn prelude_global(&self, name: &str) -> Option<BindingId> {
        self.bindings
            .iter()
            .position(|b| b.prelude && b.global && b.name == name)
    }

    pub fn binding_at(&self, pos: u32) -> Option<BindingId> {
        self.refs.get(&pos).copied()
    }

    /// The earliest unsupported construct of a file whose positions lie in `range`.
    pub fn first_unsupported(&self, lo: u32, hi: u32) -> Option<&(u32, String)> {
        self.unsupported
            .iter()
            .filter(|(p, _)| *p >= lo && *p <= hi)
            .min_by_key(|(p, _)| *p)
    }
}

struct Frame {
    names: HashMap<String, BindingId>,
    func: FnIdx,
    global: bool,
}

/// Runs the analysis over scripts: prelude scripts first, then user scripts.
pub struct Analyzer {
    pub a: Analysis,
    prelude_root: HashMap<String, BindingId>,
    user_root: HashMap<String, BindingId>,
    frames: Vec<Frame>,
    cur_fn: FnIdx,
    prelude: bool,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    pub fn new() -> Self {
        Analyzer {
            a: Analysis::default(),
            prelude_root: HashMap::new(),
            user_root: HashMap::new(),
            frames: Vec::new(),
            cur_fn: 0,
            prelude: false,
        }
    }

    /// Analyses one script's statements; `index` identifies the script.
    pub fn script(&mut self, index: usize, prelude: bool, body: &[Stmt]) {
        self.prelude = prelude;
        let f = self.new_fn(None, false);
        self.a.fn_keys.insert(FnKey::Script(index), f);
        self.cur_fn = f;
        // Root frames: the prelude's global scope, then (for user code) the user's.
        self.frames.push(Frame {
            names: std::mem::take(&mut self.prelude_root),
            func: f,
            global: true,
        });
        if !prelude {
            self.frames.push(Frame {
                names: std::mem::take(&mut self.user_root),
                func: f,
                global: true,
            });
        }
        // Global declarations.
        let mut vars = Vec::new();
        collect_vars(body, &mut vars);
        for id in vars {
            self.declare(id, BindKind::Var);
        }
        self.declare_lexical(body, false);
        // The script function's own frame, holding `this`.
        self.frames.push(Frame {
            names: HashMap::new(),
            func: f,
            global: false,
        });
        let this = self.declare_name("this", BindKind::This);
        self.a.funcs[f].this_binding = Some(this);
        for s in body {
            s.visit_with(self);
        }
        self.frames.pop();
        if !prelude {
            self.user_root = self.frames.pop().unwrap().names;
        }
        self.prelude_root = self.frames.pop().unwrap().names;
    }

    pub fn finish(self) -> Analysis {
        self.a
    }

    fn new_fn(&mut self, parent: Option<FnIdx>, is_arrow: bool) -> FnIdx {
        self.a.funcs.push(FnInfo {
            parent,
            is_arrow,
            ..Default::default()
        });
        self.a.funcs.len() - 1
    }

    fn unsupported(&mut self, pos: u32, what: impl Into<String>) {
        self.a.unsupported.push((pos, what.into()));
    }

    fn declare_name(&mut self, name: &str, kind: BindKind) -> BindingId {
        let frame = self.frames.last_mut().unwrap();
        if let Some(&b) = frame.names.get(name) {
            // Redeclaration (`var x; var x;`, or a function over a var): one binding.
            if kind == BindKind::Function || kind == BindKind::Let || kind == BindKind::Const {
                self.a.bindings[b].kind = kind;
            }
            return b;
        }
        let id = self.a.bindings.len();
        self.a.bindings.push(Binding {
            name: name.to_string(),
            kind,
            func: frame.func,
            captured: false,
            global: frame.global,
            prelude: self.prelude,
            tdz: false,
            decl_end: 0,
        });
        frame.names.insert(name.to_string(), id);
        id
    }

    fn declare(&mut self, id: &Ident, kind: BindKind) -> BindingId {
        let b = self.declare_name(&id.sym, kind);
        self.a.refs.insert(id.span.lo.0, b);
        b
    }

    /// Declares the `let`/`const`/function declarations directly in `stmts`.
    fn declare_lexical(&mut self, stmts: &[Stmt], in_switch: bool) {
        for (id, kind) in lexical_decls(stmts) {
            let b = self.declare(id, kind);
            if kind != BindKind::Function {
                self.a.bindings[b].tdz = true;
                self.a.bindings[b].decl_end = if in_switch {
                    u32::MAX
                } else {
                    decl_end_of(stmts, id)
                };
            }
        }
    }

    fn declare_pat(&mut self, pat: &Pat, kind: BindKind) {
        match pat {
            Pat::Ident(b) => {
                self.declare(&b.id, kind);
            }
            Pat::Array(p) => {
                for e in p.elems.iter().flatten() {
                    self.declare_pat(e, kind);
                }
            }
            Pat::Object(p) => {
                for prop in &p.props {
                    match prop {
                        ObjectPatProp::KeyValue(kv) => self.declare_pat(&kv.value, kind),
                        ObjectPatProp::Assign(a) => {
                            self.declare(&a.key.id, kind);
                        }
                        ObjectPatProp::Rest(r) => self.declare_pat(&r.arg, kind),
                    }
                }
            }
            Pat::Rest(p) => self.declare_pat(&p.arg, kind),
            Pat::Assign(p) => self.declare_pat(&p.left, kind),
            Pat::Expr(e) => self.unsupported(e.span().lo.0, "assignment targets in declarations"),
            Pat::Invalid(p) => self.unsupported(p.span.lo.0, "invalid pattern"),
        }
    }

    fn resolve(&mut self, name: &str, pos: u32) -> Option<BindingId> {
        let mut found = None;
        for f in self.frames.iter().rev() {
            if let Some(&b) = f.names.get(name) {
                found = Some(b);
                break;
            }
        }
        let b = found?;
        self.a.refs.insert(pos, b);
        let owner = self.a.bindings[b].func;
        if !self.a.bindings[b].global && owner != self.cur_fn {
            self.a.bindings[b].captured = true;
            let mut f = self.cur_fn;
            while f != owner {
                if !self.a.funcs[f].free.contains(&b) {
                    self.a.funcs[f].free.push(b);
                }
                match self.a.funcs[f].parent {
                    Some(p) => f = p,
                    None => break,
                }
            }
        }
        Some(b)
    }

    fn with_frame(&mut self, f: impl FnOnce(&mut Self)) {
        self.frames.push(Frame {
            names: HashMap::new(),
            func: self.cur_fn,
            global: false,
        });
        f(self);
        self.frames.pop();
    }

    /// A function, arrow or method: a new function frame.
    fn function_like(
        &mut self,
        key: FnKey,
        is_arrow: bool,
        self_name: Option<&Ident>,
        params: &[&Pat],
        body: FnBodyRef<'_>,
    ) {
        let f = self.new_fn(Some(self.cur_fn), is_arrow);
        self.a.fn_keys.insert(key, f);
        let saved = self.cur_fn;
        self.cur_fn = f;
        self.frames.push(Frame {
            names: HashMap::new(),
            func: f,
            global: false,
        });
        if let Some(id) = self_name {
            let b = self.declare(id, BindKind::FnName);
            self.a.funcs[f].name_binding = Some(b);
            // A fresh frame so that parameters and vars may shadow the name.
            self.frames.push(Frame {
                names: HashMap::new(),
                func: f,
                global: false,
            });
        }
        if !is_arrow {
            let t = self.declare_name("this", BindKind::This);
            self.a.funcs[f].this_binding = Some(t);
        }
        for p in params {
            self.declare_pat(p, BindKind::Param);
        }
        match body {
            FnBodyRef::Stmts(stmts) => {
                let mut vars = Vec::new();
                collect_vars(stmts, &mut vars);
                for id in vars {
                    self.declare(id, BindKind::Var);
                }
                self.declare_lexical(stmts, false);
                for p in params {
                    p.visit_with(self);
                }
                for s in stmts {
                    s.visit_with(self);
                }
            }
            FnBodyRef::Expr(e) => {
                for p in params {
                    p.visit_with(self);
                }
                e.visit_with(self);
            }
        }
        if self_name.is_some() {
            self.frames.pop();
        }
        self.frames.pop();
        self.cur_fn = saved;
    }

    fn function(&mut self, f: &Function, self_name: Option<&Ident>) {
        if f.is_generator || f.is_async {
            self.a.has_generators = true;
        }
        let params: Vec<&Pat> = f.params.iter().map(|p| &p.pat).collect();
        let empty: Vec<Stmt> = Vec::new();
        let stmts = f.body.as_ref().map(|b| &b.stmts).unwrap_or(&empty);
        let key = FnKey::Function(f.span.lo.0);
        self.function_like(key, false, self_name, &params, FnBodyRef::Stmts(stmts));
        let idx = self.a.fn_keys[&key];
        self.a.funcs[idx].is_generator = f.is_generator || f.is_async;
        self.a.funcs[idx].async_kind = match (f.is_async, f.is_generator) {
            (false, _) => AsyncKind::None,
            (true, false) => AsyncKind::Function,
            (true, true) => AsyncKind::Generator,
        };
    }

    fn for_head(&mut self, head: &ForHead) {
        match head {
            ForHead::VarDecl(d) => {
                if d.kind != VarDeclKind::Var {
                    let kind = if d.kind == VarDeclKind::Let {
                        BindKind::Let
                    } else {
                        BindKind::Const
                    };
                    for decl in &d.decls {
                        self.declare_pat(&decl.name, kind);
                    }
                }
                // `var` heads were hoisted with the function's vars.
            }
            ForHead::UsingDecl(d) => self.unsupported(d.span.lo.0, "using declarations"),
            ForHead::Pat(_) => {}
        }
    }
}

pub enum FnBodyRef<'x> {
    Stmts(&'x [Stmt]),
    Expr(&'x Expr),
}

/// The identifiers declared by `var` in `stmts`, recursively through nested
/// statements but not into nested functions.
pub fn collect_vars<'x>(stmts: &'x [Stmt], out: &mut Vec<&'x Ident>) {
    for s in stmts {
        collect_vars_stmt(s, out);
    }
}

fn var_decl_idents<'x>(d: &'x VarDecl, out: &mut Vec<&'x Ident>) {
    if d.kind == VarDeclKind::Var {
        for decl in &d.decls {
            pat_idents(&decl.name, out);
        }
    }
}

/// The identifiers a binding pattern declares, in source order.
pub fn pat_idents<'x>(p: &'x Pat, out: &mut Vec<&'x Ident>) {
    match p {
        Pat::Ident(b) => out.push(&b.id),
        Pat::Array(a) => {
            for e in a.elems.iter().flatten() {
                pat_idents(e, out);
            }
        }
        Pat::Object(o) => {
            for prop in &o.props {
                match prop {
                    ObjectPatProp::KeyValue(kv) => pat_idents(&kv.value, out),
                    ObjectPatProp::Assign(a) => out.push(&a.key.id),
                    ObjectPatProp::Rest(r) => pat_idents(&r.arg, out),
                }
            }
        }
        Pat::Rest(r) => pat_idents(&r.arg, out),
        Pat::Assign(a) => pat_idents(&a.left, out),
        Pat::Expr(_) | Pat::Invalid(_) => {}
    }
}

fn collect_vars_stmt<'x>(s: &'x Stmt, out: &mut Vec<&'x Ident>) {
    match s {
        Stmt::Decl(Decl::Var(d)) => var_decl_idents(d, out),
        Stmt::Block(b) => collect_vars(&b.stmts, out),
        Stmt::If(i) => {
            collect_vars_stmt(&i.cons, out);
            if let Some(a) = &i.alt {
                collect_vars_stmt(a, out);
            }
        }
        Stmt::Labeled(l) => collect_vars_stmt(&l.body, out),
        Stmt::While(w) => collect_vars_stmt(&w.body, out),
        Stmt::DoWhile(w) => collect_vars_stmt(&w.body, out),
        Stmt::For(f) => {
            if let Some(VarDeclOrExpr::VarDecl(d)) = &f.init {
                var_decl_idents(d, out);
            }
            collect_vars_stmt(&f.body, out);
        }
        Stmt::ForIn(f) => {
            if let ForHead::VarDecl(d) = &f.left {
                var_decl_idents(d, out);
            }
            collect_vars_stmt(&f.body, out);
        }
        Stmt::ForOf(f) => {
            if let ForHead::VarDecl(d) = &f.left {
                var_decl_idents(d, out);
            }
            collect_vars_stmt(&f.body, out);
        }
        Stmt::Try(t) => {
            collect_vars(&t.block.stmts, out);
            if let Some(h) = &t.handler {
                collect_vars(&h.body.stmts, out);
            }
            if let Some(f) = &t.finalizer {
                collect_vars(&f.stmts, out);
            }
        }
        Stmt::Switch(sw) => {
            for c in &sw.cases {
                collect_vars(&c.cons, out);
            }
        }
        Stmt::With(w) => collect_vars_stmt(&w.body, out),
        _ => {}
    }
}

/// The `let`/`const` and function declarations directly in `stmts`.
pub fn lexical_decls(stmts: &[Stmt]) -> Vec<(&Ident, BindKind)> {
    let mut out = Vec::new();
    for s in stmts {
        match s {
            Stmt::Decl(Decl::Var(d)) if d.kind != VarDeclKind::Var => {
                let kind = if d.kind == VarDeclKind::Let {
                    BindKind::Let
                } else {
                    BindKind::Const
                };
                for decl in &d.decls {
                    let mut ids = Vec::new();
                    pat_idents(&decl.name, &mut ids);
                    out.extend(ids.into_iter().map(|id| (id, kind)));
                }
            }
            Stmt::Decl(Decl::Fn(f)) => out.push((&f.ident, BindKind::Function)),
            _ => {}
        }
    }
    out
}

/// The end position of the declarator of `id` among `stmts`.
fn decl_end_of(stmts: &[Stmt], id: &Ident) -> u32 {
    for s in stmts {
        if let Stmt::Decl(Decl::Var(d)) = s {
            for decl in &d.decls {
                let mut ids = Vec::new();
                pat_idents(&decl.name, &mut ids);
                if ids.iter().any(|b| b.span.lo == id.span.lo) {
                    return decl.span.hi.0;
                }
            }
        }
    }
    u32::MAX
}

/// The function declarations directly in `stmts`.
pub fn fn_decls(stmts: &[Stmt]) -> Vec<&FnDecl> {
    stmts
        .iter()
        .filter_map(|s| match s {
            Stmt::Decl(Decl::Fn(f)) => Some(f),
            _ => None,
        })
        .collect()
}

impl Visit for Analyzer {
    fn visit_function(&mut self, f: &Function) {
        self.function(f, None);
    }

    fn visit_fn_expr(&mut self, f: &FnExpr) {
        self.function(&f.function, f.ident.as_ref());
    }

    fn visit_arrow_expr(&mut self, a: &ArrowExpr) {
        if a.is_async {
            self.a.has_generators = true;
        }
        if a.is_generator {
            self.unsupported(a.span.lo.0, "generator functions");
        }
        let params: Vec<&Pat> = a.params.iter().collect();
        let body = match &*a.body {
            ArrowFunctionBody::FunctionBody(b) => FnBodyRef::Stmts(&b.stmts),
            ArrowFunctionBody::Expr(e) => FnBodyRef::Expr(e),
        };
        let key = FnKey::Arrow(a.span.lo.0);
        self.function_like(key, true, None, &params, body);
        if a.is_async {
            let idx = self.a.fn_keys[&key];
            self.a.funcs[idx].is_generator = true;
            self.a.funcs[idx].async_kind = AsyncKind::Function;
        }
    }

    fn visit_block_stmt(&mut self, b: &BlockStmt) {
        self.with_frame(|s| {
            s.declare_lexical(&b.stmts, false);
            b.visit_children_with(s);
        });
    }

    fn visit_var_decl(&mut self, d: &VarDecl) {
        // Every name was declared when its scope was entered (`var`s with
        // the function, `let`/`const` with the block, loop heads with the
        // loop).
        d.visit_children_with(self);
    }

    fn visit_for_stmt(&mut self, f: &ForStmt) {
        self.with_frame(|s| {
            if let Some(VarDeclOrExpr::VarDecl(d)) = &f.init {
                if d.kind != VarDeclKind::Var {
                    let kind = if d.kind == VarDeclKind::Let {
                        BindKind::Let
                    } else {
                        BindKind::Const
                    };
                    for decl in &d.decls {
                        s.declare_pat(&decl.name, kind);
                    }
                }
            }
            f.visit_children_with(s);
        });
    }

    fn visit_for_in_stmt(&mut self, f: &ForInStmt) {
        // The right-hand side is evaluated outside the head's scope.
        f.right.visit_with(self);
        self.with_frame(|s| {
            s.for_head(&f.left);
            f.left.visit_with(s);
            f.body.visit_with(s);
        });
    }

    fn visit_for_of_stmt(&mut self, f: &ForOfStmt) {
        f.right.visit_with(self);
        self.with_frame(|s| {
            s.for_head(&f.left);
            f.left.visit_with(s);
            f.body.visit_with(s);
        });
    }

    fn visit_catch_clause(&mut self, c: &CatchClause) {
        self.with_frame(|s| {
            if let Some(p) = &c.param {
                s.declare_pat(p, BindKind::CatchParam);
            }
            c.visit_children_with(s);
        });
    }

    fn visit_switch_stmt(&mut self, sw: &SwitchStmt) {
        sw.discriminant.visit_with(self);
        self.with_frame(|s| {
            for c in &sw.cases {
                s.declare_lexical(&c.cons, true);
            }
            for c in &sw.cases {
                c.visit_with(s);
            }
        });
    }

    fn visit_ident(&mut self, id: &Ident) {
        let pos = id.span.lo.0;
        if self.resolve(&id.sym, pos).is_none() {
            match &*id.sym {
                "arguments" => self.unsupported(pos, "the arguments object"),
                "eval" => self.unsupported(pos, "eval"),
                _ => {}
            }
        }
    }

    fn visit_this_expr(&mut self, t: &ThisExpr) {
        if let Some(b) = self.resolve("this", t.span.lo.0) {
            self.a.this_refs.insert(t.span.lo.0, b);
            self.a.this_used.insert(b);
        }
    }

    fn visit_labeled_stmt(&mut self, l: &LabeledStmt) {
        if let Stmt::Decl(Decl::Fn(_)) = &*l.body {
            self.unsupported(l.body.span().lo.0, "labeled function declarations");
        }
        l.body.visit_with(self);
    }

    fn visit_break_stmt(&mut self, _: &BreakStmt) {}

    fn visit_continue_stmt(&mut self, _: &ContinueStmt) {}

    // ---- unsupported constructs -------------------------------------------

    fn visit_class(&mut self, c: &Class) {
        self.unsupported(c.span.lo.0, "classes");
    }

    fn visit_class_decl(&mut self, c: &ClassDecl) {
        self.unsupported(
            c.class.span.lo.0.min(c.ident.span.lo.0),
            "class declarations",
        );
    }

    fn visit_class_expr(&mut self, c: &ClassExpr) {
        self.unsupported(c.class.span.lo.0, "class expressions");
    }

    fn visit_module_decl(&mut self, d: &ModuleDecl) {
        let what = match d {
            ModuleDecl::Import(_) => "import declarations",
            _ => "export declarations",
        };
        self.unsupported(d.span().lo.0, what);
    }

    fn visit_lit(&mut self, l: &Lit) {
        match l {
            Lit::Regex(r) => self.unsupported(r.span.lo.0, "regular expression literals"),
            Lit::BigInt(b) => self.unsupported(b.span.lo.0, "BigInt literals"),
            Lit::JSXText(t) => self.unsupported(t.span.lo.0, "JSX"),
            _ => {}
        }
    }

    fn visit_prop_name(&mut self, p: &PropName) {
        if let PropName::BigInt(b) = p {
            self.unsupported(b.span.lo.0, "BigInt literals");
        }
        p.visit_children_with(self);
    }

    fn visit_getter_prop(&mut self, p: &GetterProp) {
        self.unsupported(p.span.lo.0, "getters");
    }

    fn visit_setter_prop(&mut self, p: &SetterProp) {
        self.unsupported(p.span.lo.0, "setters");
    }

    fn visit_prop(&mut self, p: &Prop) {
        if let Prop::Assign(a) = p {
            self.unsupported(a.span.lo.0, "shorthand property initializers");
        }
        p.visit_children_with(self);
    }

    fn visit_with_stmt(&mut self, w: &WithStmt) {
        self.unsupported(w.span.lo.0, "with statements");
    }

    fn visit_debugger_stmt(&mut self, d: &DebuggerStmt) {
        self.unsupported(d.span.lo.0, "debugger statements");
    }

    fn visit_tagged_tpl(&mut self, t: &TaggedTpl) {
        self.unsupported(t.span.lo.0, "tagged templates");
    }

    fn visit_super(&mut self, s: &Super) {
        self.unsupported(s.span.lo.0, "super");
    }

    fn visit_import(&mut self, i: &Import) {
        self.unsupported(i.span.lo.0, "dynamic import");
    }

    fn visit_meta_prop_expr(&mut self, m: &MetaPropExpr) {
        let what = match m.kind {
            MetaPropKind::NewTarget => "new.target",
            MetaPropKind::ImportMeta => "import.meta",
        };
        self.unsupported(m.span.lo.0, what);
    }

    fn visit_private_name(&mut self, p: &PrivateName) {
        self.unsupported(p.span.lo.0, "private names");
    }

    fn visit_using_decl(&mut self, u: &UsingDecl) {
        self.unsupported(u.span.lo.0, "using declarations");
    }

    fn visit_simple_assign_target(&mut self, t: &SimpleAssignTarget) {
        match t {
            SimpleAssignTarget::Ident(_)
            | SimpleAssignTarget::Member(_)
            | SimpleAssignTarget::Paren(_) => t.visit_children_with(self),
            other => self.unsupported(other.span().lo.0, "this assignment target"),
        }
    }

    fn visit_invalid(&mut self, i: &Invalid) {
        self.unsupported(i.span.lo.0, "invalid syntax");
    }

    fn visit_jsx_element(&mut self, j: &JSXElement) {
        self.unsupported(j.span.lo.0, "JSX");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_file;
    use swc_common::{sync::Lrc, SourceMap};

    fn analyse(src: &str) -> Analysis {
        let cm: Lrc<SourceMap> = Default::default();
        let f = parse_file(&cm, "t.js", src).unwrap();
        let Program::Script(s) = &f.program else {
            panic!("module")
        };
        let mut an = Analyzer::new();
        an.script(0, false, &s.body);
        an.finish()
    }

    /// The bindings named `name`, in declaration order.
    fn named<'x>(a: &'x Analysis, name: &str) -> Vec<&'x Binding> {
        a.bindings.iter().filter(|b| b.name == name).collect()
    }

    fn id_of(a: &Analysis, name: &str, nth: usize) -> BindingId {
        a.bindings
            .iter()
            .enumerate()
            .filter(|(_, b)| b.name == name)
            .nth(nth)
            .unwrap()
            .0
    }

    #[test]
    fn top_level_declarations_are_globals_and_never_captured() {
        let a = analyse("var g = 1; let h = 2; function f() { return g + h; }");
        for n in ["g", "h", "f"] {
            let b = named(&a, n);
            assert_eq!(b.len(), 1);
            assert!(b[0].global && !b[0].captured, "{n}");
        }
        assert!(named(&a, "h")[0].tdz);
        assert!(!named(&a, "g")[0].tdz);
    }

    #[test]
    fn captured_locals_are_boxed_and_free_lists_propagate() {
        let a = analyse(
            "function outer() { var x = 1; var y = 2; return function mid() { return function inner() { return x; }; }; }",
        );
        let x = id_of(&a, "x", 0);
        let y = id_of(&a, "y", 0);
        assert!(a.bindings[x].captured);
        assert!(!a.bindings[y].captured);
        // mid and inner both list x as free (flat closures).
        let with_x: Vec<&FnInfo> = a.funcs.iter().filter(|f| f.free.contains(&x)).collect();
        assert_eq!(with_x.len(), 2);
    }

    #[test]
    fn var_hoists_to_function_let_to_block() {
        let a = analyse("function f() { { var v = 1; let l = 2; } return v; }");
        let v = named(&a, "v");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].kind, BindKind::Var);
        assert!(!v[0].captured);
        let l = named(&a, "l");
        assert_eq!(l[0].kind, BindKind::Let);
    }

    #[test]
    fn shadowing_creates_distinct_bindings() {
        let a = analyse("let s = 1; { let s = 2; { const s = 3; } } function f(s) { return s; }");
        assert_eq!(named(&a, "s").len(), 4);
        assert_eq!(
            a.bindings
                .iter()
                .filter(|b| b.name == "s" && b.global)
                .count(),
            1
        );
    }

    #[test]
    fn arrows_capture_this_of_the_enclosing_function() {
        let a = analyse("function f() { return () => this; } function g() { return this; }");
        let thises: Vec<&Binding> = named(&a, "this");
        // The script's, f's and g's.
        assert_eq!(thises.len(), 3);
        assert_eq!(thises.iter().filter(|b| b.captured).count(), 1);
    }

    #[test]
    fn named_function_expression_binds_its_name_inside_only() {
        let a = analyse("var h = function fact(n) { return fact(n - 1); }; fact;");
        let f = named(&a, "fact");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].kind, BindKind::FnName);
        // The trailing `fact` is undeclared: not in refs.
        let last = a.refs.keys().max().copied().unwrap();
        assert_ne!(a.bindings[a.refs[&last]].name, "fact");
    }

    #[test]
    fn loop_let_captured_by_closure() {
        let a = analyse("var fs = []; for (let i = 0; i < 3; i++) fs.push(() => i);");
        let i = named(&a, "i");
        assert_eq!(i.len(), 1);
        assert!(i[0].captured && !i[0].global);
    }

    #[test]
    fn undeclared_names_are_unresolved_and_arguments_is_reported() {
        let a = analyse("function f() { return undeclared + arguments.length; }");
        assert!(named(&a, "undeclared").is_empty());
        assert_eq!(a.unsupported.len(), 1);
        assert!(a.unsupported[0].1.contains("arguments"));
    }

    #[test]
    fn switch_case_lets_are_always_tdz_checked() {
        let a = analyse("switch (1) { case 0: let q = 1; case 1: q; }");
        let q = named(&a, "q");
        assert!(q[0].tdz && q[0].decl_end == u32::MAX);
    }
}
