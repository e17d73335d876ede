//! Prelude tree-shaking: compile only the built-ins a program can reach.
//!
//! The prelude is several thousand lines of JavaScript; compiling all of it
//! into every program would dominate compile time and binary size (and
//! drown the size differences between strategies that the benchmarks
//! measure). So before lowering, the prelude's top-level statements are
//! filtered *by name*:
//!
//! * a statement **provides** the names it defines: a function or variable
//!   declaration its binding, `__sy_define_hidden(obj, "key", …)` and
//!   `obj.key = …` / `obj["key"] = …` the property name `key`;
//! * it **uses** every identifier, property name and string literal that
//!   appears in it;
//! * the user's script uses every name that appears in it, plus the names
//!   that language features use implicitly ([`IMPLICIT`]: `next` for
//!   for-of, ...). Errors the runtime throws need no prelude code: their
//!   prototypes, `name` and `message` are made by the runtime's `init`.
//!
//! A prelude statement is kept when it provides a name that a kept
//! statement or the script uses (to a fixed point); statements that provide
//! nothing (side effects at start-up) are always kept. Identifiers and
//! property names share one namespace, which only over-approximates.
//!
//! The one way to defeat it is to reach a built-in through a property name
//! that appears nowhere in the program text (`obj["sl" + "ice"]`, or
//! printing a whole built-in object such as `console.log(Math)`): such a
//! program sees the method missing. Set `SWITCHYARD_NO_SHAKE=1` to compile
//! the whole prelude, or `SWITCHYARD_SHAKE_DEBUG=1` to list on stderr what
//! is kept.

use crate::parse::ParsedFile;
use std::collections::HashSet;
use swc_ecma_ast::{
    AssignTarget, Callee, Decl, Expr, Ident, IdentName, Lit, MemberProp, Pat, Program,
    SimpleAssignTarget, Stmt, Str,
};
use swc_ecma_visit::{Visit, VisitWith};

/// Names used implicitly by language features and the runtime, whatever the
/// program text says.
pub const IMPLICIT: &[&str] = &[
    // The iteration protocol (for-of, spread, destructuring, yield*) looks
    // these up on iterators and generator objects without the program
    // naming them.
    "Symbol",
    "iterator",
    "next",
    "return",
    "throw",
    "done",
    "value",
    // The symbol-keyed methods the iteration protocol calls (stored under
    // these keys): `arr[Symbol.iterator]()`, iterating array and string
    // iterator objects.
    "Symbol(Symbol.iterator)",
    // The runtime throws these (`e.constructor`, `instanceof TypeError`
    // must work even when the program never names them).
    "Error",
    "TypeError",
    "RangeError",
    "ReferenceError",
    "SyntaxError",
];

/// Collects every identifier, property name and string literal.
#[derive(Default)]
struct Names(HashSet<String>);

impl Visit for Names {
    fn visit_ident(&mut self, i: &Ident) {
        self.0.insert(i.sym.to_string());
    }

    fn visit_ident_name(&mut self, i: &IdentName) {
        self.0.insert(i.sym.to_string());
    }

    fn visit_str(&mut self, s: &Str) {
        if let Some(text) = s.value.as_str() {
            self.0.insert(text.to_string());
        }
    }
}

/// Whether a program has async functions, `await` or `for await`: their
/// lowering calls the prelude's async drivers by name
/// ([`crate::lower::async_fn::ASYNC_PRELUDE_NAMES`]).
#[derive(Default)]
struct HasAsync(bool);

impl Visit for HasAsync {
    fn visit_function(&mut self, f: &swc_ecma_ast::Function) {
        self.0 |= f.is_async;
        f.visit_children_with(self);
    }

    fn visit_arrow_expr(&mut self, a: &swc_ecma_ast::ArrowExpr) {
        self.0 |= a.is_async;
        a.visit_children_with(self);
    }

    fn visit_for_of_stmt(&mut self, f: &swc_ecma_ast::ForOfStmt) {
        self.0 |= f.is_await;
        f.visit_children_with(self);
    }
}

/// Global names whose use means the program needs the event loop (which
/// `main` runs after the script when the prelude keeps it).
const EVENT_LOOP_USERS: &[&str] = &["Promise", "queueMicrotask", "setTimeout", "setInterval"];

fn uses_of<T: VisitWith<Names>>(node: &T) -> HashSet<String> {
    let mut names = Names::default();
    node.visit_with(&mut names);
    names.0
}

fn str_lit(e: &Expr) -> Option<String> {
    match e {
        Expr::Lit(Lit::Str(s)) => s.value.as_str().map(str::to_string),
        _ => None,
    }
}

/// What a top-level prelude statement defines.
#[derive(Default)]
struct Defines {
    /// Bindings (function and variable declarations).
    bindings: Vec<String>,
    /// Properties: the receiver's root binding (`None` when the receiver is
    /// a built-in prototype, `__sy_proto("X")`, which always exists) and the
    /// property name.
    props: Vec<(Option<String>, String)>,
    /// For a statement that defines nothing (a start-up call): the prelude
    /// bindings passed to it as arguments. It is only needed when one of
    /// them is; with no such arguments it is always kept.
    about: Vec<String>,
}

/// The binding at the root of a receiver expression: `a` in `a.b.c`.
fn root_binding(e: &Expr) -> Option<String> {
    match e {
        Expr::Ident(i) => Some(i.sym.to_string()),
        Expr::Member(m) => root_binding(&m.obj),
        Expr::Paren(p) => root_binding(&p.expr),
        _ => None,
    }
}

fn defines(stmt: &Stmt) -> Defines {
    let mut d = Defines::default();
    match stmt {
        Stmt::Decl(Decl::Fn(f)) => d.bindings.push(f.ident.sym.to_string()),
        Stmt::Decl(Decl::Var(v)) => {
            for decl in &v.decls {
                if let Pat::Ident(b) = &decl.name {
                    d.bindings.push(b.id.sym.to_string());
                }
            }
        }
        Stmt::Expr(e) => match &*e.expr {
            Expr::Call(call) => {
                let callee = match &call.callee {
                    Callee::Expr(c) => match &**c {
                        Expr::Ident(i) => Some(i.sym.to_string()),
                        _ => None,
                    },
                    _ => None,
                };
                if callee.as_deref() == Some("__sy_define_hidden") {
                    if let (Some(obj), Some(key)) = (
                        call.args.first(),
                        call.args.get(1).and_then(|a| str_lit(&a.expr)),
                    ) {
                        d.props.push((root_binding(&obj.expr), key));
                    }
                } else {
                    for a in &call.args {
                        if let Expr::Ident(i) = &*a.expr {
                            d.about.push(i.sym.to_string());
                        }
                    }
                }
            }
            Expr::Assign(assign) => {
                if let AssignTarget::Simple(SimpleAssignTarget::Member(m)) = &assign.left {
                    let key = match &m.prop {
                        MemberProp::Ident(p) => Some(p.sym.to_string()),
                        MemberProp::Computed(c) => str_lit(&c.expr),
                        _ => None,
                    };
                    if let Some(key) = key {
                        d.props.push((root_binding(&m.obj), key));
                    }
                }
            }
            _ => {}
        },
        _ => {}
    }
    d
}

fn statements_mut(program: &mut Program) -> Option<&mut Vec<Stmt>> {
    match program {
        Program::Script(s) => Some(&mut s.body),
        Program::Module(_) => None,
    }
}

/// Removes the prelude statements (in `files[..prelude_files]`) that the
/// script (the remaining files) cannot reach.
pub fn shake(files: &mut [ParsedFile], prelude_files: usize) {
    if std::env::var_os("SWITCHYARD_NO_SHAKE").is_some_and(|v| v == "1") {
        return;
    }
    let mut needed: HashSet<String> = IMPLICIT.iter().map(|s| s.to_string()).collect();
    for f in &files[prelude_files..] {
        needed.extend(uses_of(&f.program));
        let mut has_async = HasAsync::default();
        f.program.visit_with(&mut has_async);
        if has_async.0 {
            needed.extend(
                crate::lower::async_fn::ASYNC_PRELUDE_NAMES
                    .iter()
                    .map(|s| s.to_string()),
            );
        }
    }
    if EVENT_LOOP_USERS.iter().any(|n| needed.contains(*n))
        || needed.contains(crate::lower::async_fn::ASYNC_FUNCTION_START)
    {
        needed.insert(crate::lower::async_fn::EVENT_LOOP.to_string());
        // Promise.prototype's and the async iterators' symbol-keyed
        // properties, which Object.prototype.toString and for await read.
        needed.insert("Symbol(Symbol.toStringTag)".to_string());
        needed.insert("Symbol(Symbol.asyncIterator)".to_string());
    }
    // (file, statement) -> (defines, uses), computed once.
    struct Item {
        file: usize,
        index: usize,
        defines: Defines,
        uses: HashSet<String>,
        keep: bool,
    }
    let mut items = Vec::new();
    for (fi, f) in files[..prelude_files].iter().enumerate() {
        if let Program::Script(s) = &f.program {
            for (si, stmt) in s.body.iter().enumerate() {
                items.push(Item {
                    file: fi,
                    index: si,
                    defines: defines(stmt),
                    uses: uses_of(stmt),
                    keep: false,
                });
            }
        }
    }
    // A variable initialised with `__sy_proto("X")` is an alias of a
    // built-in prototype, which exists whether or not the variable is
    // needed: properties defined through it depend on the key alone.
    let aliases: HashSet<String> = files[..prelude_files]
        .iter()
        .filter_map(|f| match &f.program {
            Program::Script(s) => Some(s.body.iter()),
            Program::Module(_) => None,
        })
        .flatten()
        .filter_map(|stmt| match stmt {
            Stmt::Decl(Decl::Var(v)) => Some(v.decls.iter().filter_map(|d| {
                let is_proto = d.init.as_deref().is_some_and(|e| match e {
                    Expr::Call(c) => matches!(&c.callee, Callee::Expr(callee)
                        if matches!(&**callee, Expr::Ident(i) if &*i.sym == "__sy_proto")),
                    _ => false,
                });
                match (&d.name, is_proto) {
                    (Pat::Ident(b), true) => Some(b.id.sym.to_string()),
                    _ => None,
                }
            })),
            _ => None,
        })
        .flatten()
        .collect();
    for item in &mut items {
        for (root, _) in &mut item.defines.props {
            if root.as_ref().is_some_and(|r| aliases.contains(r)) {
                *root = None;
            }
        }
    }
    // Only arguments that are prelude bindings make a start-up call
    // conditional.
    let bindings: HashSet<String> = items
        .iter()
        .flat_map(|i| i.defines.bindings.iter().cloned())
        .collect();
    for item in &mut items {
        item.defines.about.retain(|a| bindings.contains(a));
    }
    loop {
        let mut changed = false;
        for item in items.iter_mut().filter(|i| !i.keep) {
            let d = &item.defines;
            let wanted = d.bindings.iter().any(|b| needed.contains(b))
                || d.props.iter().any(|(root, key)| {
                    needed.contains(key) && root.as_ref().is_none_or(|r| needed.contains(r))
                })
                || (d.bindings.is_empty()
                    && d.props.is_empty()
                    && (d.about.is_empty() || d.about.iter().any(|a| needed.contains(a))));
            if wanted {
                item.keep = true;
                changed = true;
                needed.extend(item.uses.iter().cloned());
            }
        }
        if !changed {
            break;
        }
    }
    if std::env::var_os("SWITCHYARD_SHAKE_DEBUG").is_some() {
        for item in &items {
            if item.keep {
                eprintln!(
                    "keep {}:{} {:?} {:?}",
                    item.file, item.index, item.defines.bindings, item.defines.props
                );
            }
        }
    }
    for (fi, f) in files[..prelude_files].iter_mut().enumerate() {
        let keep: HashSet<usize> = items
            .iter()
            .filter(|i| i.file == fi && i.keep)
            .map(|i| i.index)
            .collect();
        if let Some(body) = statements_mut(&mut f.program) {
            let mut index = 0;
            body.retain(|_| {
                let k = keep.contains(&index);
                index += 1;
                k
            });
        }
    }
}
