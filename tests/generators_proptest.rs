//! Property test: random generator programs must print under `switchyard run` exactly what
//! they print under node, for every async strategy.
//!
//! Each case is a program made of
//! - two helper generators `h0(x)`, `h1(x)` and a main generator `gen(p)`, whose bodies are
//!   random statements: `yield expr` (the received value kept in `sent`), `v = (yield e1) +
//!   (yield e2)`, `yield*` over a helper (its return value assigned to a variable) or over a
//!   small array, for-of over a helper (closed early by `break`/`return`/exceptions),
//!   assignments to variables that live across yields (also through a closure, `bump`),
//!   nested `for` loops with small bounds, `if`/`else` on the variables,
//!   `try`/`catch`/`finally` (yields inside any of the three), `return`,
//!   `throw new Error(..)`, conditional `break`/`continue`, and trace lines that print the
//!   variables;
//! - a driver that calls `next(v)`, `return(v)` and `throw(new Error(..))` on one generator
//!   object in a random order (each call in a try/catch printing the outcome), drains it
//!   with `next(k)`, and finally iterates a fresh generator with for-of.
//!
//! Every line printed is `JSON.stringify` of an array. The program is run with node (the
//! expected output) and with `switchyard run --async-strategy=S`; the outputs must be
//! identical and the exit code 0. On a mismatch proptest shrinks the program, and the
//! failure report shows the smallest failing program's text with the diff.
//!
//! Each strategy is tested by its own proptest runner (in parallel threads, so a failing
//! strategy shrinks on its own); a strategy that cannot run a trivial generator program at
//! all is reported as failed without the property run (it would only shrink for minutes).
//!
//! Environment variables (plus those of `tests/common/mod.rs`):
//! - `SWITCHYARD_PROPTEST_CASES=N`: cases per strategy (default 64: 1-2 minutes per
//!   strategy on 2 cores; strategies run in parallel)
//! - `SWITCHYARD_PROPTEST_SEED=N`: the RNG seed (default fixed, so runs are reproducible;
//!   `random` for a fresh one, printed in the report)
//! - `SWITCHYARD_PROPTEST_SHRINK_SECS=N`: time limit for shrinking a failure (default 120)
//! - `SWITCHYARD_PROPTEST_CPS_ON_NODE=1`: also a runner `cps-on-node`: the program compiled
//!   with cps and run under node by `tests/node_host/run.mjs`
//! - `SWITCHYARD_PROPTEST_DUMP=DIR`: `random_programs_run_under_node` writes its sample
//!   programs there (to look at what is generated)
//! - `SWITCHYARD_STRATEGIES`, `SWITCHYARD_TEST_TIMEOUT`, `SWITCHYARD_SKIP_NODE=1` (skips the
//!   whole test: node defines the expected output)
//!
//! A longer run: `SWITCHYARD_PROPTEST_CASES=2000 SWITCHYARD_PROPTEST_SEED=random cargo test
//! --release --test generators_proptest -- --nocapture`.

mod common;

use common::differential_proptest::*;
use proptest::prelude::*;
use proptest::strategy::Union;
use proptest::test_runner::TestCaseError;
use std::fmt;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

// ---------------------------------------------------------------------------
// The program model
// ---------------------------------------------------------------------------

/// The variables every generator body has (besides `sent`, the last value received).
const VARS: [&str; 3] = ["a", "b", "c"];

#[derive(Clone, Debug)]
enum Expr {
    Num(i32),
    Var(usize),
    Sent,
    Add(usize, i32),
    Mul(usize, i32),
    Sub(usize, usize),
}

#[derive(Clone, Debug)]
enum Cond {
    Even(usize),
    Gt(usize, i32),
    SentUndefined,
}

#[derive(Clone, Debug)]
enum Stmt {
    /// `sent = yield e;` (true) or `yield e;` (false).
    Yield(Expr, bool),
    /// `v = yield* hK(e);`
    Delegate(usize, Expr, usize),
    /// `yield* [e, ...];`
    DelegateArray(Vec<Expr>),
    Assign(usize, Expr),
    /// `out([...variables and loop counters...]);`
    Trace,
    If(Cond, Vec<Stmt>, Vec<Stmt>),
    /// `for (let iN = 0; iN < bound; iN++) { ... }`
    Loop(u8, Vec<Stmt>),
    /// `for (const iN of hK(e)) { ... }`: a helper generator consumed by for-of (a `break`,
    /// `return` or exception in the body closes it).
    ForOf(usize, Expr, Vec<Stmt>),
    /// `v = (yield e1) + (yield e2);`
    YieldSum(usize, Expr, Expr),
    /// `v = bump(n);`: a closure defined at the top of the generator that updates `a`.
    Bump(usize, i32),
    /// try with a catch block, a finally block or both (at least one is `Some`).
    Try(Vec<Stmt>, Option<Vec<Stmt>>, Option<Vec<Stmt>>),
    Return(Expr),
    Throw,
    Break(Cond),
    Continue(Cond),
}

#[derive(Clone, Debug)]
enum Action {
    Next(Option<i32>),
    Return(i32),
    Throw,
}

/// One generated program. Its `Debug` is the JS text, so proptest's report shows the program.
#[derive(Clone)]
struct Program {
    helpers: Vec<Vec<Stmt>>,
    body: Vec<Stmt>,
    param: i32,
    actions: Vec<Action>,
}

impl fmt::Debug for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\n{}", self.render())
    }
}

// ---------------------------------------------------------------------------
// Rendering to JS
// ---------------------------------------------------------------------------

struct Renderer {
    out: String,
    indent: usize,
    /// Numbering of trace lines and thrown errors, so every printed line says where it came from.
    counter: usize,
    /// Which generator is being rendered (`gen`, `h0`, ...), for labels.
    scope: String,
    loop_depth: usize,
}

impl Renderer {
    fn line(&mut self, text: &str) {
        for _ in 0..self.indent {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn next_id(&mut self) -> String {
        self.counter += 1;
        format!("{}-{}", self.scope, self.counter)
    }

    fn expr(e: &Expr) -> String {
        match e {
            Expr::Num(n) if *n < 0 => format!("({n})"),
            Expr::Num(n) => n.to_string(),
            Expr::Var(v) => VARS[*v].to_string(),
            Expr::Sent => "sent".to_string(),
            Expr::Add(v, n) if *n < 0 => format!("({} - {})", VARS[*v], -n),
            Expr::Add(v, n) => format!("({} + {n})", VARS[*v]),
            Expr::Mul(v, n) => format!("({} * {n} % 1000)", VARS[*v]),
            Expr::Sub(v, w) => format!("({} - {})", VARS[*v], VARS[*w]),
        }
    }

    fn cond(c: &Cond) -> String {
        match c {
            Cond::Even(v) => format!("{} % 2 === 0", VARS[*v]),
            Cond::Gt(v, n) => format!("{} > {n}", VARS[*v]),
            Cond::SentUndefined => "sent === undefined".to_string(),
        }
    }

    fn trace(&mut self, label: &str) {
        let mut items = vec![
            format!("{label:?}"),
            "a".into(),
            "b".into(),
            "c".into(),
            "sent".into(),
        ];
        for d in 0..self.loop_depth {
            items.push(format!("i{d}"));
        }
        self.line(&format!("out([{}]);", items.join(", ")));
    }

    fn block(&mut self, stmts: &[Stmt]) {
        self.indent += 1;
        for s in stmts {
            self.stmt(s);
        }
        self.indent -= 1;
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Yield(e, true) => self.line(&format!("sent = yield {};", Self::expr(e))),
            Stmt::Yield(e, false) => self.line(&format!("yield {};", Self::expr(e))),
            Stmt::Delegate(h, e, v) => {
                self.line(&format!("{} = yield* h{h}({});", VARS[*v], Self::expr(e)))
            }
            Stmt::DelegateArray(items) => {
                let items: Vec<String> = items.iter().map(Self::expr).collect();
                self.line(&format!("yield* [{}];", items.join(", ")));
            }
            Stmt::Assign(v, e) => self.line(&format!("{} = {};", VARS[*v], Self::expr(e))),
            Stmt::Trace => {
                let id = self.next_id();
                self.trace(&id);
            }
            Stmt::If(c, then, els) => {
                self.line(&format!("if ({}) {{", Self::cond(c)));
                self.block(then);
                if els.is_empty() {
                    self.line("}");
                } else {
                    self.line("} else {");
                    self.block(els);
                    self.line("}");
                }
            }
            Stmt::Loop(bound, body) => {
                let d = self.loop_depth;
                self.line(&format!("for (let i{d} = 0; i{d} < {bound}; i{d}++) {{"));
                self.loop_depth += 1;
                self.block(body);
                self.loop_depth -= 1;
                self.line("}");
            }
            Stmt::ForOf(h, e, body) => {
                let d = self.loop_depth;
                self.line(&format!("for (const i{d} of h{h}({})) {{", Self::expr(e)));
                self.loop_depth += 1;
                self.block(body);
                self.loop_depth -= 1;
                self.line("}");
            }
            Stmt::YieldSum(v, e1, e2) => self.line(&format!(
                "{} = (yield {}) + (yield {});",
                VARS[*v],
                Self::expr(e1),
                Self::expr(e2)
            )),
            Stmt::Bump(v, n) => self.line(&format!("{} = bump({n});", VARS[*v])),
            Stmt::Try(body, catch, finally) => {
                self.line("try {");
                self.block(body);
                if let Some(c) = catch {
                    self.line("} catch (e) {");
                    self.indent += 1;
                    let id = self.next_id();
                    self.line(&format!(
                        "out([{:?}, e.message, a, b, c]);",
                        format!("caught {id}")
                    ));
                    self.indent -= 1;
                    self.block(c);
                }
                if let Some(f) = finally {
                    self.line("} finally {");
                    self.indent += 1;
                    let id = self.next_id();
                    self.line(&format!("out([{:?}, a, b, c]);", format!("finally {id}")));
                    self.indent -= 1;
                    self.block(f);
                }
                self.line("}");
            }
            Stmt::Return(e) => self.line(&format!("return {};", Self::expr(e))),
            Stmt::Throw => {
                let id = self.next_id();
                self.line(&format!("throw new Error({:?});", format!("thrown {id}")));
            }
            Stmt::Break(c) => self.line(&format!("if ({}) break;", Self::cond(c))),
            Stmt::Continue(c) => self.line(&format!("if ({}) continue;", Self::cond(c))),
        }
    }

    fn generator(&mut self, name: &str, param: &str, init: &str, body: &[Stmt], ret: &str) {
        self.scope = name.to_string();
        self.counter = 0;
        self.line(&format!("function* {name}({param}) {{"));
        self.indent += 1;
        self.line(&format!("let {init};"));
        self.line("const bump = (n) => {");
        self.line("  a = (a + n) % 1000;");
        self.line("  return a * 2;");
        self.line("};");
        self.line(&format!("out([{:?}, {param}]);", format!("{name} start")));
        self.indent -= 1;
        self.block(body);
        self.indent += 1;
        self.line(&format!(
            "out([{:?}, a, b, c, sent]);",
            format!("{name} end")
        ));
        self.line(&format!("return {ret};"));
        self.indent -= 1;
        self.line("}");
    }
}

impl Program {
    fn render(&self) -> String {
        let mut r = Renderer {
            out: String::new(),
            indent: 0,
            counter: 0,
            scope: String::new(),
            loop_depth: 0,
        };
        r.line("// generated by tests/generators_proptest.rs");
        r.line("function out(items) {");
        r.line("  console.log(JSON.stringify(items));");
        r.line("}");
        for (k, h) in self.helpers.iter().enumerate() {
            r.generator(
                &format!("h{k}"),
                "x",
                "a = x, b = 10, c = 20, sent = 0",
                h,
                &format!("a + {}", 100 * (k + 1)),
            );
        }
        r.generator(
            "gen",
            "p",
            "a = p, b = 1, c = 2, sent = 0",
            &self.body,
            "a + b + c",
        );
        r.line("function show(tag, f) {");
        r.line("  try {");
        r.line("    const r = f();");
        r.line("    out([tag, String(r.value), r.done]);");
        r.line("  } catch (e) {");
        r.line("    out([tag, \"threw\", e.message]);");
        r.line("  }");
        r.line("}");
        r.line(&format!("const it = gen({});", self.param));
        for (i, a) in self.actions.iter().enumerate() {
            match a {
                Action::Next(None) => r.line(&format!("show(\"next{i}\", () => it.next());")),
                Action::Next(Some(v)) => r.line(&format!("show(\"next{i}\", () => it.next({v}));")),
                Action::Return(v) => r.line(&format!("show(\"return{i}\", () => it.return({v}));")),
                Action::Throw => r.line(&format!(
                    "show(\"throw{i}\", () => it.throw(new Error(\"driver {i}\")));"
                )),
            }
        }
        r.line("for (let k = 0; k < 500; k++) {");
        r.line("  let r;");
        r.line("  try {");
        r.line("    r = it.next(1000 + k);");
        r.line("  } catch (e) {");
        r.line("    out([\"drain threw\", e.message]);");
        r.line("    break;");
        r.line("  }");
        r.line("  out([\"drain\", String(r.value), r.done]);");
        r.line("  if (r.done) break;");
        r.line("}");
        r.line("const all = [];");
        r.line("try {");
        r.line(&format!(
            "  for (const v of gen({})) all.push(String(v));",
            self.param + 1
        ));
        r.line("  out([\"for-of\", all]);");
        r.line("} catch (e) {");
        r.line("  out([\"for-of threw\", e.message, all]);");
        r.line("}");
        r.out
    }
}

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

fn var() -> impl Strategy<Value = usize> {
    0..VARS.len()
}

fn expr() -> BoxedStrategy<Expr> {
    prop_oneof![
        3 => (-3..10i32).prop_map(Expr::Num),
        3 => var().prop_map(Expr::Var),
        1 => Just(Expr::Sent),
        3 => (var(), -3..6i32).prop_map(|(v, n)| Expr::Add(v, n)),
        1 => (var(), 2..5i32).prop_map(|(v, n)| Expr::Mul(v, n)),
        1 => (var(), var()).prop_map(|(v, w)| Expr::Sub(v, w)),
    ]
    .boxed()
}

fn cond() -> BoxedStrategy<Cond> {
    prop_oneof![
        3 => var().prop_map(Cond::Even),
        3 => (var(), -2..8i32).prop_map(|(v, n)| Cond::Gt(v, n)),
        1 => Just(Cond::SentUndefined),
    ]
    .boxed()
}

/// Where a statement is generated.
#[derive(Clone, Copy)]
struct Ctx {
    /// How many more levels of nested compound statements are allowed.
    depth: u32,
    in_loop: bool,
    /// `yield* hK(..)` is allowed (only in the main generator: helpers don't delegate).
    delegate: bool,
}

fn block(ctx: Ctx, max: usize) -> BoxedStrategy<Vec<Stmt>> {
    prop::collection::vec(stmt(ctx), 1..=max).boxed()
}

fn stmt(ctx: Ctx) -> BoxedStrategy<Stmt> {
    let mut arms: Vec<(u32, BoxedStrategy<Stmt>)> = vec![
        (
            6,
            (expr(), prop::bool::weighted(0.7))
                .prop_map(|(e, c)| Stmt::Yield(e, c))
                .boxed(),
        ),
        (
            3,
            (var(), expr())
                .prop_map(|(v, e)| Stmt::Assign(v, e))
                .boxed(),
        ),
        (2, Just(Stmt::Trace).boxed()),
        (
            1,
            (var(), expr(), expr())
                .prop_map(|(v, e1, e2)| Stmt::YieldSum(v, e1, e2))
                .boxed(),
        ),
        (
            1,
            (var(), -2..5i32)
                .prop_map(|(v, n)| Stmt::Bump(v, n))
                .boxed(),
        ),
        (1, expr().prop_map(Stmt::Return).boxed()),
        (1, Just(Stmt::Throw).boxed()),
        (
            1,
            prop::collection::vec(expr(), 0..3)
                .prop_map(Stmt::DelegateArray)
                .boxed(),
        ),
    ];
    if ctx.delegate {
        arms.push((
            3,
            (0..2usize, expr(), var())
                .prop_map(|(h, e, v)| Stmt::Delegate(h, e, v))
                .boxed(),
        ));
    }
    if ctx.depth > 0 && ctx.delegate {
        let body = block(
            Ctx {
                depth: ctx.depth - 1,
                in_loop: true,
                ..ctx
            },
            3,
        );
        arms.push((
            2,
            (0..2usize, expr(), body)
                .prop_map(|(h, e, b)| Stmt::ForOf(h, e, b))
                .boxed(),
        ));
    }
    if ctx.in_loop {
        arms.push((1, cond().prop_map(Stmt::Break).boxed()));
        arms.push((1, cond().prop_map(Stmt::Continue).boxed()));
    }
    if ctx.depth > 0 {
        let inner = Ctx {
            depth: ctx.depth - 1,
            ..ctx
        };
        let in_loop = Ctx {
            in_loop: true,
            ..inner
        };
        arms.push((
            2,
            (
                cond(),
                block(inner, 3),
                prop::option::weighted(0.5, block(inner, 2)),
            )
                .prop_map(|(c, t, e)| Stmt::If(c, t, e.unwrap_or_default()))
                .boxed(),
        ));
        arms.push((
            2,
            (1..=3u8, block(in_loop, 3))
                .prop_map(|(n, b)| Stmt::Loop(n, b))
                .boxed(),
        ));
        arms.push((
            3,
            (0..3u8, block(inner, 3), block(inner, 2), block(inner, 2))
                .prop_map(|(kind, body, c, f)| match kind {
                    0 => Stmt::Try(body, Some(c), None),
                    1 => Stmt::Try(body, None, Some(f)),
                    _ => Stmt::Try(body, Some(c), Some(f)),
                })
                .boxed(),
        ));
    }
    Union::new_weighted(arms).boxed()
}

fn action() -> BoxedStrategy<Action> {
    prop_oneof![
        8 => prop::option::weighted(0.8, -5..50i32).prop_map(Action::Next),
        1 => (-5..50i32).prop_map(Action::Return),
        1 => Just(Action::Throw),
    ]
    .boxed()
}

fn program() -> impl Strategy<Value = Program> {
    let helper = block(
        Ctx {
            depth: 1,
            in_loop: false,
            delegate: false,
        },
        3,
    );
    let main = block(
        Ctx {
            depth: 3,
            in_loop: false,
            delegate: true,
        },
        5,
    );
    (
        prop::collection::vec(helper, 2..=2),
        main,
        -3..10i32,
        prop::collection::vec(action(), 1..12),
    )
        .prop_map(|(helpers, body, param, actions)| Program {
            helpers,
            body,
            param,
            actions,
        })
}

// ---------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------

/// The suite: its name, preflight and defaults (`common::differential_proptest`).
const SUITE: Suite = Suite {
    name: "generators-proptest",
    what: "random generator programs",
    preflight: "function* g(x) {\n  const y = yield x + 1;\n  yield y * 2;\n  return 'r';\n}\nconst it = g(1);\nconsole.log(JSON.stringify([it.next(), it.next(5), it.next(), it.next()]));\n",
    preflight_failed: "cannot run generators yet",
    mismatch: "a random program differs from node",
    default_cases: 64,
    default_seed: 0x5717_c4a2_d00d_0001,
};

#[test]
fn random_generator_programs_match_node() {
    if !SUITE.node_ready("random_generator_programs_match_node") {
        return;
    }
    SUITE.run_against_node(program, Program::render);
}

/// The generated programs themselves are sound: node runs a sample of them cleanly, they
/// print something from inside the generator, and they stay small. Needs no compiler.
#[test]
fn random_programs_run_under_node() {
    if !SUITE.node_ready("random_programs_run_under_node") {
        return;
    }
    let mut runner = SUITE.sample_runner(40);
    let lines = AtomicUsize::new(0);
    let result = runner.run(&program(), |p| {
        let js = p.render();
        let out = SUITE.run_node_on(&js).map_err(TestCaseError::fail)?;
        let text = String::from_utf8_lossy(&out);
        prop_assert!(
            text.contains("[\"gen start\""),
            "the generator never started:\n{text}"
        );
        prop_assert!(
            text.lines().all(|l| l.starts_with('[')),
            "unexpected output:\n{text}"
        );
        prop_assert!(js.len() < 20_000, "program too large: {} bytes", js.len());
        let n = lines.fetch_add(text.lines().count(), Ordering::Relaxed);
        if let Ok(dir) = std::env::var("SWITCHYARD_PROPTEST_DUMP") {
            let _ = std::fs::write(Path::new(&dir).join(format!("sample-{n}.js")), &js);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    println!(
        "40 sample programs ran under node, {} lines of output",
        lines.load(Ordering::Relaxed)
    );
    // The renderer's output for a fixed program.
    let p = Program {
        helpers: vec![vec![Stmt::Yield(Expr::Var(0), false)], vec![Stmt::Trace]],
        body: vec![
            Stmt::Loop(
                2,
                vec![
                    Stmt::Try(
                        vec![Stmt::Delegate(0, Expr::Add(1, -2), 2)],
                        None,
                        Some(vec![Stmt::Yield(Expr::Sent, true)]),
                    ),
                    Stmt::Break(Cond::Even(2)),
                ],
            ),
            Stmt::Throw,
        ],
        param: 3,
        actions: vec![Action::Next(Some(1)), Action::Throw, Action::Return(4)],
    };
    let js = p.render();
    for needle in [
        "function* h0(x) {",
        "for (let i0 = 0; i0 < 2; i0++) {",
        "c = yield* h0((b - 2));",
        "} finally {",
        "sent = yield sent;",
        "if (c % 2 === 0) break;",
        "throw new Error(\"thrown gen-",
        "show(\"throw1\", () => it.throw(new Error(\"driver 1\")));",
        "for (const v of gen(4)) all.push(String(v));",
    ] {
        assert!(js.contains(needle), "{needle:?} not in:\n{js}");
    }
    let out = SUITE.run_node_on(&js).expect("node runs the fixed program");
    assert!(!out.is_empty());
}
