//! Property test: random promise graphs must print under `switchyard run` exactly what they
//! print under node, for every async strategy — the same trace lines in the same order.
//!
//! Each case is one program holding a random *promise graph*: a list of nodes `p0, p1, ...`
//! defined in order at the top level of the script, each built from earlier nodes (a reference
//! to a node is an index taken modulo the number of earlier nodes, so any shrunk list stays
//! valid), with `queueMicrotask` callbacks interleaved between them. A node is one of
//! - `Promise.resolve(n)`, `Promise.reject(new Error(..))`;
//! - `new Promise(executor)` whose executor logs and then resolves with a value, an earlier node
//!   or a thenable, rejects, throws, calls several resolving functions (the first wins), or
//!   resolves later from a microtask;
//! - `Promise.resolve(thenable)` (the thenable logs, then resolves, rejects or throws);
//! - a promise resolved from a `queueMicrotask` callback, or from a `setTimeout` callback (0 or
//!   1 ms, the same due time in node, which reads the clock at each `setTimeout`: timers with
//!   different delays created a few milliseconds apart could fire in either order, so only one
//!   delay is used, and timers are only created while the script runs);
//! - a chain `pJ.then(..).catch(..).finally(..)` of 1-3 steps, whose handlers log what they
//!   receive and return a value, the value received, an earlier node, a thenable or a rejected
//!   promise, throw, or queue a microtask (`finally` handlers log, throw, or return a node);
//! - `Promise.all` / `race` / `allSettled` / `any` over a random list of earlier nodes and plain
//!   values;
//! - a call of an async arrow whose body awaits earlier nodes, `null`, plain values, thenables and
//!   nested async arrows (which await in turn), in `try`/`catch` or not, in small loops and in
//!   `try`/`catch`/`finally` statements (awaits in every part), returns a value or a node, or
//!   throws;
//! - a `for await` loop over an async generator yielding earlier nodes and plain values (with a
//!   `finally` that logs and an optional early `break`);
//! - an async generator driven by hand: `next(v)` / `return(x)` / `throw(e)` requests issued all
//!   at once (collected with `Promise.allSettled`) or one by one, each awaited.
//!
//! After the graph, the script attaches a handler to every node (so no rejection is unhandled)
//! that logs how the node settled. Every line printed is `JSON.stringify` of an array, values
//! passed through `show` (errors as `Err(message)`, AggregateErrors with their errors,
//! allSettled records as `status:value`, iterator results as `result:[value,done]`).
//!
//! node's output is the expectation; each strategy must print the same bytes and exit 0. Each
//! strategy has its own proptest runner (in parallel threads); a failure is shrunk for that
//! strategy alone (bounded by `SWITCHYARD_PROPTEST_SHRINK_SECS`) and the report shows the
//! smallest failing program, the diff and stderr. A strategy that cannot run a tiny async
//! program (the preflight) is reported failed without the random run.
//!
//! Environment variables (shared with `generators_proptest.rs`, plus those of `common/mod.rs`):
//! - `SWITCHYARD_PROPTEST_CASES=N`: programs per strategy (default 48 here)
//! - `SWITCHYARD_PROPTEST_SEED=N`: RNG seed (default fixed; `random` for a fresh one, printed)
//! - `SWITCHYARD_PROPTEST_SHRINK_SECS=N`: time limit for shrinking one failure (default 120)
//! - `SWITCHYARD_PROPTEST_DUMP=DIR`: `random_promise_graphs_run_under_node` writes its sample
//!   programs there
//! - `SWITCHYARD_STRATEGIES`, `SWITCHYARD_TEST_TIMEOUT`, `SWITCHYARD_SKIP_NODE=1` (skips both
//!   tests: node defines the expected output)
//!
//! A longer run: `SWITCHYARD_PROPTEST_CASES=1000 SWITCHYARD_PROPTEST_SEED=random cargo test
//! --release --test async_proptest -- --nocapture`.

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

/// How an executor or a thenable settles its promise.
#[derive(Clone, Debug)]
enum Settle {
    Resolve(i32),
    Reject,
    Throw,
    /// `res(pJ)`: adopt an earlier node.
    ResolveNode(usize),
    /// `res({ then(r) { ...; r(n) } })`.
    ResolveThenable(i32),
    /// `res(n); rej(new Error); res(n + 1);`: only the first call counts.
    Several(i32),
    /// `rej(new Error); res(n);`.
    RejectFirst(i32),
    /// `queueMicrotask(() => res(n))`: settles later.
    Later(i32),
}

/// What a `then`/`catch` handler does after logging what it received.
#[derive(Clone, Debug)]
enum Handler {
    Value(i32),
    Echo,
    Node(usize),
    Throw,
    Thenable(i32, bool),
    Rejected,
    Micro(i32),
}

#[derive(Clone, Debug)]
enum FinallyHandler {
    Log,
    Throw,
    Rejected,
    Node(usize),
}

#[derive(Clone, Debug)]
enum Step {
    Then(Handler, Option<Handler>),
    Catch(Handler),
    Finally(FinallyHandler),
}

#[derive(Clone, Copy, Debug)]
enum Combinator {
    All,
    Race,
    AllSettled,
    Any,
}

#[derive(Clone, Debug)]
enum Elem {
    Node(usize),
    Value(i32),
}

#[derive(Clone, Debug)]
enum AwaitTarget {
    Node(usize),
    Null,
    Value(i32),
    /// A thenable resolving with the number (false) or rejecting (true).
    Thenable(i32, bool),
    /// A nested async arrow, called and awaited.
    Nested(Vec<AStmt>),
}

#[derive(Clone, Debug)]
enum AStmt {
    Log,
    /// `x = await target;` inside `try`/`catch` (true) or bare.
    Await(AwaitTarget, bool),
    Loop(u8, Vec<AStmt>),
    /// `try { .. } catch (e) { .. } finally { .. }` with a catch block, a finally block or both.
    Try(Vec<AStmt>, Option<Vec<AStmt>>, Option<Vec<AStmt>>),
    ReturnValue(i32),
    ReturnNode(usize),
    Throw,
    Micro,
}

#[derive(Clone, Debug)]
enum Source {
    Resolved(i32),
    Rejected,
    Executor(Settle),
    ThenableResolve(Settle),
    MicroResolve(i32, bool),
    Timer(u8, i32, bool),
    Chain(usize, Vec<Step>),
    Combine(Combinator, Vec<Elem>),
    Async(Vec<AStmt>),
    /// `for await` over an async generator yielding these; `Some(k)`: break after k items.
    AsyncGen(Vec<Elem>, Option<u8>),
    /// An async generator yielding these (and logging what `next(v)` sends), driven by hand
    /// with these requests, issued all at once (true: their outcomes collected with
    /// `Promise.allSettled`) or one after the other, each awaited.
    AsyncGenDriver(Vec<Elem>, Vec<Request>, bool),
}

#[derive(Clone, Debug)]
enum Request {
    Next(i32),
    Return(Elem),
    Throw,
}

#[derive(Clone, Debug)]
enum Item {
    Node(Source),
    Micro,
}

/// One generated program. Its `Debug` is the JS text, so proptest's report shows the program.
#[derive(Clone)]
struct Program {
    items: Vec<Item>,
}

impl fmt::Debug for Program {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\n{}", self.render())
    }
}

// ---------------------------------------------------------------------------
// Rendering to JS
// ---------------------------------------------------------------------------

const PRELUDE: &str = r#"// generated by tests/async_proptest.rs
function out(items) {
  console.log(JSON.stringify(items));
}
function show(v) {
  if (v instanceof AggregateError) return "Agg(" + v.errors.map((e) => JSON.stringify(show(e))).join(",") + ")";
  if (v instanceof Error) return "Err(" + v.message + ")";
  if (Array.isArray(v)) return v.map(show);
  if (v !== null && typeof v === "object") {
    if (v.status === "fulfilled") return "fulfilled:" + JSON.stringify(show(v.value));
    if (v.status === "rejected") return "rejected:" + JSON.stringify(show(v.reason));
    if (v.done !== undefined) return "result:" + JSON.stringify([show(v.value), v.done]);
    return "object";
  }
  if (v === undefined) return "undefined";
  return v;
}
"#;

struct Renderer {
    out: String,
    indent: usize,
    /// Numbering of trace lines and errors, so every printed line says where it came from.
    counter: usize,
    /// The node being rendered: references are taken modulo this.
    node: usize,
}

impl Renderer {
    fn line(&mut self, text: &str) {
        for _ in 0..self.indent {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// A fresh label `pK.n`.
    fn id(&mut self) -> String {
        self.counter += 1;
        format!("p{}.{}", self.node, self.counter)
    }

    /// An earlier node, or a resolved promise when there is none.
    fn node_ref(&self, j: usize) -> String {
        if self.node == 0 {
            "Promise.resolve(\"none\")".to_string()
        } else {
            format!("p{}", j % self.node)
        }
    }

    fn error(&mut self) -> String {
        let id = self.id();
        format!("new Error({:?})", format!("e {id}"))
    }

    fn thenable(&mut self, n: i32, reject: bool) -> String {
        let id = self.id();
        let settle = if reject {
            format!("j({})", self.error())
        } else {
            format!("r({n})")
        };
        format!(
            "{{ then(r, j) {{ out([{:?}]); {settle}; }} }}",
            format!("then {id}")
        )
    }

    /// The body of an executor or a thenable's `then` with resolving functions `res`/`rej`.
    fn settle(&mut self, s: &Settle) -> String {
        match s {
            Settle::Resolve(n) => format!("res({n});"),
            Settle::Reject => format!("rej({});", self.error()),
            Settle::Throw => format!("throw {};", self.error()),
            Settle::ResolveNode(j) => format!("res({});", self.node_ref(*j)),
            Settle::ResolveThenable(n) => format!("res({});", self.thenable(*n, false)),
            Settle::Several(n) => {
                let e = self.error();
                format!("res({n}); rej({e}); res({});", n + 1)
            }
            Settle::RejectFirst(n) => format!("rej({}); res({n});", self.error()),
            Settle::Later(n) => format!("queueMicrotask(() => res({n}));"),
        }
    }

    fn handler(&mut self, h: &Handler) -> String {
        let id = self.id();
        let log = format!("out([{:?}, show(v)]);", format!("handler {id}"));
        let tail = match h {
            Handler::Value(n) => format!("return {n};"),
            Handler::Echo => "return v;".to_string(),
            Handler::Node(j) => format!("return {};", self.node_ref(*j)),
            Handler::Throw => format!("throw {};", self.error()),
            Handler::Thenable(n, reject) => format!("return {};", self.thenable(*n, *reject)),
            Handler::Rejected => format!("return Promise.reject({});", self.error()),
            Handler::Micro(n) => {
                let mid = self.id();
                format!(
                    "queueMicrotask(() => out([{:?}])); return {n};",
                    format!("micro {mid}")
                )
            }
        };
        format!("(v) => {{ {log} {tail} }}")
    }

    fn finally_handler(&mut self, h: &FinallyHandler) -> String {
        let id = self.id();
        let log = format!("out([{:?}]);", format!("finally {id}"));
        let tail = match h {
            FinallyHandler::Log => String::new(),
            FinallyHandler::Throw => format!(" throw {};", self.error()),
            FinallyHandler::Rejected => format!(" return Promise.reject({});", self.error()),
            FinallyHandler::Node(j) => format!(" return {};", self.node_ref(*j)),
        };
        format!("() => {{ {log}{tail} }}")
    }

    fn elem(&self, e: &Elem) -> String {
        match e {
            Elem::Node(j) => self.node_ref(*j),
            Elem::Value(n) => n.to_string(),
        }
    }

    fn await_target(&mut self, t: &AwaitTarget) -> String {
        match t {
            AwaitTarget::Node(j) => self.node_ref(*j),
            AwaitTarget::Null => "null".to_string(),
            AwaitTarget::Value(n) => n.to_string(),
            AwaitTarget::Thenable(n, reject) => self.thenable(*n, *reject),
            AwaitTarget::Nested(body) => {
                let mut inner = Renderer {
                    out: String::new(),
                    indent: self.indent + 1,
                    counter: self.counter,
                    node: self.node,
                };
                inner.async_body(body);
                self.counter = inner.counter;
                let mut text = String::from("(async () => {\n");
                text.push_str(&inner.out);
                for _ in 0..self.indent {
                    text.push_str("  ");
                }
                text.push_str("})()");
                text
            }
        }
    }

    /// An async function body: `let x = 0;` then the statements, then `return x;`.
    fn async_body(&mut self, body: &[AStmt]) {
        let id = self.id();
        self.line("let x = 0;");
        self.line(&format!("out([{:?}]);", format!("async start {id}")));
        for s in body {
            self.astmt(s);
        }
        self.line(&format!("out([{:?}, show(x)]);", format!("async end {id}")));
        self.line("return x;");
    }

    fn astmt(&mut self, s: &AStmt) {
        match s {
            AStmt::Log => {
                let id = self.id();
                self.line(&format!("out([{:?}, show(x)]);", format!("log {id}")));
            }
            AStmt::Await(t, guarded) => {
                if *guarded {
                    self.line("try {");
                    self.indent += 1;
                }
                let target = self.await_target(t);
                let id = self.id();
                self.line(&format!("x = await {target};"));
                self.line(&format!("out([{:?}, show(x)]);", format!("awaited {id}")));
                if *guarded {
                    self.indent -= 1;
                    self.line("} catch (e) {");
                    self.line(&format!("  out([{:?}, show(e)]);", format!("caught {id}")));
                    self.line("}");
                }
            }
            AStmt::Loop(n, body) => {
                self.line(&format!("for (let i = 0; i < {n}; i++) {{"));
                self.indent += 1;
                for s in body {
                    self.astmt(s);
                }
                self.indent -= 1;
                self.line("}");
            }
            AStmt::Try(body, catch, finally) => {
                self.line("try {");
                self.indent += 1;
                for s in body {
                    self.astmt(s);
                }
                self.indent -= 1;
                if let Some(c) = catch {
                    let id = self.id();
                    self.line("} catch (e) {");
                    self.indent += 1;
                    self.line(&format!("out([{:?}, show(e)]);", format!("catch {id}")));
                    for s in c {
                        self.astmt(s);
                    }
                    self.indent -= 1;
                }
                if let Some(f) = finally {
                    let id = self.id();
                    self.line("} finally {");
                    self.indent += 1;
                    self.line(&format!("out([{:?}, show(x)]);", format!("finally {id}")));
                    for s in f {
                        self.astmt(s);
                    }
                    self.indent -= 1;
                }
                self.line("}");
            }
            AStmt::ReturnValue(n) => self.line(&format!("return {n};")),
            AStmt::ReturnNode(j) => {
                let r = self.node_ref(*j);
                self.line(&format!("return {r};"));
            }
            AStmt::Throw => {
                let e = self.error();
                self.line(&format!("throw {e};"));
            }
            AStmt::Micro => {
                let id = self.id();
                self.line(&format!(
                    "queueMicrotask(() => out([{:?}, show(x)]));",
                    format!("micro {id}")
                ));
            }
        }
    }

    fn source(&mut self, k: usize, s: &Source) {
        let head = format!("const p{k} = ");
        match s {
            Source::Resolved(n) => self.line(&format!("{head}Promise.resolve({n});")),
            Source::Rejected => {
                let e = self.error();
                self.line(&format!("{head}Promise.reject({e});"));
            }
            Source::Executor(st) => {
                let id = self.id();
                let body = self.settle(st);
                self.line(&format!(
                    "{head}new Promise((res, rej) => {{ out([{:?}]); {body} }});",
                    format!("executor {id}")
                ));
            }
            Source::ThenableResolve(st) => {
                let id = self.id();
                let body = self.settle(st);
                self.line(&format!(
                    "{head}Promise.resolve({{ then(res, rej) {{ out([{:?}]); {body} }} }});",
                    format!("thenable {id}")
                ));
            }
            Source::MicroResolve(n, reject) => {
                let id = self.id();
                let settle = if *reject {
                    format!("rej({})", self.error())
                } else {
                    format!("res({n})")
                };
                self.line(&format!(
                    "{head}new Promise((res, rej) => queueMicrotask(() => {{ out([{:?}]); {settle}; }}));",
                    format!("micro {id}")
                ));
            }
            Source::Timer(ms, n, reject) => {
                let id = self.id();
                let settle = if *reject {
                    format!("rej({})", self.error())
                } else {
                    format!("res({n})")
                };
                self.line(&format!(
                    "{head}new Promise((res, rej) => setTimeout(() => {{ out([{:?}]); {settle}; }}, {ms}));",
                    format!("timer {id}")
                ));
            }
            Source::Chain(j, steps) => {
                let base = self.node_ref(*j);
                self.line(&format!("{head}{base}"));
                self.indent += 1;
                let n = steps.len();
                for (i, st) in steps.iter().enumerate() {
                    let end = if i + 1 == n { ";" } else { "" };
                    let text = match st {
                        Step::Then(on_f, on_r) => {
                            let f = self.handler(on_f);
                            match on_r {
                                Some(r) => {
                                    let r = self.handler(r);
                                    format!(".then({f}, {r})")
                                }
                                None => format!(".then({f})"),
                            }
                        }
                        Step::Catch(h) => format!(".catch({})", self.handler(h)),
                        Step::Finally(h) => format!(".finally({})", self.finally_handler(h)),
                    };
                    self.line(&format!("{text}{end}"));
                }
                self.indent -= 1;
            }
            Source::Combine(c, elems) => {
                let name = match c {
                    Combinator::All => "all",
                    Combinator::Race => "race",
                    Combinator::AllSettled => "allSettled",
                    Combinator::Any => "any",
                };
                let elems: Vec<String> = elems.iter().map(|e| self.elem(e)).collect();
                self.line(&format!("{head}Promise.{name}([{}]);", elems.join(", ")));
            }
            Source::Async(body) => {
                self.line(&format!("{head}(async () => {{"));
                self.indent += 1;
                self.async_body(body);
                self.indent -= 1;
                self.line("})();");
            }
            Source::AsyncGenDriver(elems, requests, concurrent) => {
                let id = self.id();
                self.line(&format!("{head}(async () => {{"));
                self.indent += 1;
                self.line("async function* g() {");
                self.indent += 1;
                self.line("try {");
                self.indent += 1;
                self.line(&format!("out([{:?}]);", format!("gen start {id}")));
                for e in elems {
                    let e = self.elem(e);
                    self.line(&format!(
                        "out([{:?}, show(yield {e})]);",
                        format!("gen received {id}")
                    ));
                }
                self.line("return \"gen done\";");
                self.indent -= 1;
                self.line("} finally {");
                self.line(&format!("  out([{:?}]);", format!("gen finally {id}")));
                self.line("  await null;");
                self.line("}");
                self.indent -= 1;
                self.line("}");
                self.line("const it = g();");
                let reqs: Vec<String> = requests
                    .iter()
                    .map(|r| match r {
                        Request::Next(n) => format!("it.next({n})"),
                        Request::Return(e) => format!("it.return({})", self.elem(e)),
                        Request::Throw => format!("it.throw({})", self.error()),
                    })
                    .collect();
                if *concurrent {
                    self.line(&format!(
                        "return Promise.allSettled([{}]);",
                        reqs.join(", ")
                    ));
                } else {
                    for (i, r) in reqs.iter().enumerate() {
                        let rid = self.id();
                        self.line("try {");
                        self.line(&format!("  const r = await {r};"));
                        self.line(&format!(
                            "  out([{:?}, show(r.value), r.done]);",
                            format!("request {i} {rid}")
                        ));
                        self.line("} catch (e) {");
                        self.line(&format!(
                            "  out([{:?}, show(e)]);",
                            format!("request {i} rejected {rid}")
                        ));
                        self.line("}");
                    }
                    self.line("return \"driven\";");
                }
                self.indent -= 1;
                self.line("})();");
            }
            Source::AsyncGen(elems, brk) => {
                let id = self.id();
                self.line(&format!("{head}(async () => {{"));
                self.indent += 1;
                self.line("async function* g() {");
                self.indent += 1;
                self.line("try {");
                self.indent += 1;
                self.line(&format!("out([{:?}]);", format!("gen start {id}")));
                for (i, e) in elems.iter().enumerate() {
                    let e = self.elem(e);
                    self.line(&format!("yield {e};"));
                    if i % 2 == 1 {
                        self.line("await null;");
                    }
                }
                self.indent -= 1;
                self.line("} finally {");
                self.line(&format!("  out([{:?}]);", format!("gen finally {id}")));
                self.line("}");
                self.indent -= 1;
                self.line("}");
                self.line("const got = [];");
                self.line("for await (const v of g()) {");
                self.indent += 1;
                self.line(&format!("out([{:?}, show(v)]);", format!("gen got {id}")));
                self.line("got.push(show(v));");
                if let Some(k) = brk {
                    self.line(&format!("if (got.length === {k}) break;"));
                }
                self.indent -= 1;
                self.line("}");
                self.line("return got;");
                self.indent -= 1;
                self.line("})();");
            }
        }
    }
}

impl Program {
    fn render(&self) -> String {
        let mut r = Renderer {
            out: String::new(),
            indent: 0,
            counter: 0,
            node: 0,
        };
        r.out.push_str(PRELUDE);
        let mut micro = 0;
        for item in &self.items {
            match item {
                Item::Node(s) => {
                    r.counter = 0;
                    let k = r.node;
                    r.source(k, s);
                    r.node += 1;
                }
                Item::Micro => {
                    micro += 1;
                    r.line(&format!(
                        "queueMicrotask(() => out([{:?}]));",
                        format!("top micro {micro}")
                    ));
                }
            }
        }
        let nodes: Vec<String> = (0..r.node).map(|k| format!("p{k}")).collect();
        r.line(&format!("const nodes = [{}];", nodes.join(", ")));
        r.line("for (let k = 0; k < nodes.length; k++) {");
        r.line("  nodes[k].then(");
        r.line("    (v) => out([\"fulfilled p\" + k, show(v)]),");
        r.line("    (e) => out([\"rejected p\" + k, show(e)])");
        r.line("  );");
        r.line("}");
        r.line("out([\"script end\"]);");
        r.out
    }
}

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

fn num() -> impl Strategy<Value = i32> {
    -2..20i32
}

/// A reference to an earlier node (taken modulo the number of earlier nodes when rendered).
fn node_ref() -> impl Strategy<Value = usize> {
    0..64usize
}

fn settle() -> BoxedStrategy<Settle> {
    prop_oneof![
        4 => num().prop_map(Settle::Resolve),
        2 => Just(Settle::Reject),
        1 => Just(Settle::Throw),
        3 => node_ref().prop_map(Settle::ResolveNode),
        1 => num().prop_map(Settle::ResolveThenable),
        1 => num().prop_map(Settle::Several),
        1 => num().prop_map(Settle::RejectFirst),
        1 => num().prop_map(Settle::Later),
    ]
    .boxed()
}

fn handler() -> BoxedStrategy<Handler> {
    prop_oneof![
        4 => num().prop_map(Handler::Value),
        2 => Just(Handler::Echo),
        3 => node_ref().prop_map(Handler::Node),
        2 => Just(Handler::Throw),
        1 => (num(), prop::bool::weighted(0.3)).prop_map(|(n, r)| Handler::Thenable(n, r)),
        1 => Just(Handler::Rejected),
        1 => num().prop_map(Handler::Micro),
    ]
    .boxed()
}

fn finally_handler() -> BoxedStrategy<FinallyHandler> {
    prop_oneof![
        3 => Just(FinallyHandler::Log),
        1 => Just(FinallyHandler::Throw),
        1 => Just(FinallyHandler::Rejected),
        2 => node_ref().prop_map(FinallyHandler::Node),
    ]
    .boxed()
}

fn step() -> BoxedStrategy<Step> {
    prop_oneof![
        5 => (handler(), prop::option::weighted(0.4, handler()))
            .prop_map(|(f, r)| Step::Then(f, r)),
        2 => handler().prop_map(Step::Catch),
        2 => finally_handler().prop_map(Step::Finally),
    ]
    .boxed()
}

fn request() -> BoxedStrategy<Request> {
    prop_oneof![
        5 => num().prop_map(Request::Next),
        2 => elem().prop_map(Request::Return),
        1 => Just(Request::Throw),
    ]
    .boxed()
}

fn elem() -> BoxedStrategy<Elem> {
    prop_oneof![
        4 => node_ref().prop_map(Elem::Node),
        1 => num().prop_map(Elem::Value),
    ]
    .boxed()
}

fn await_target(depth: u32) -> BoxedStrategy<AwaitTarget> {
    let mut arms: Vec<(u32, BoxedStrategy<AwaitTarget>)> = vec![
        (6, node_ref().prop_map(AwaitTarget::Node).boxed()),
        (2, Just(AwaitTarget::Null).boxed()),
        (1, num().prop_map(AwaitTarget::Value).boxed()),
        (
            1,
            (num(), prop::bool::weighted(0.3))
                .prop_map(|(n, r)| AwaitTarget::Thenable(n, r))
                .boxed(),
        ),
    ];
    if depth > 0 {
        arms.push((
            2,
            async_body(depth - 1, 3)
                .prop_map(AwaitTarget::Nested)
                .boxed(),
        ));
    }
    Union::new_weighted(arms).boxed()
}

fn astmt(depth: u32) -> BoxedStrategy<AStmt> {
    let mut arms: Vec<(u32, BoxedStrategy<AStmt>)> = vec![
        (1, Just(AStmt::Log).boxed()),
        (
            8,
            (await_target(depth), prop::bool::weighted(0.4))
                .prop_map(|(t, g)| AStmt::Await(t, g))
                .boxed(),
        ),
        (1, Just(AStmt::Micro).boxed()),
    ];
    if depth > 0 {
        arms.push((
            1,
            (1..=3u8, async_body(depth - 1, 2))
                .prop_map(|(n, b)| AStmt::Loop(n, b))
                .boxed(),
        ));
        arms.push((
            2,
            (
                0..3u8,
                async_body(depth - 1, 3),
                async_body(depth - 1, 2),
                async_body(depth - 1, 2),
            )
                .prop_map(|(kind, body, c, f)| match kind {
                    0 => AStmt::Try(body, Some(c), None),
                    1 => AStmt::Try(body, None, Some(f)),
                    _ => AStmt::Try(body, Some(c), Some(f)),
                })
                .boxed(),
        ));
    }
    Union::new_weighted(arms).boxed()
}

/// `return` or `throw`, generated only as the last statement of a body (so that bodies rarely
/// have dead code).
fn terminator() -> BoxedStrategy<AStmt> {
    prop_oneof![
        2 => num().prop_map(AStmt::ReturnValue),
        2 => node_ref().prop_map(AStmt::ReturnNode),
        1 => Just(AStmt::Throw),
    ]
    .boxed()
}

fn async_body(depth: u32, max: usize) -> BoxedStrategy<Vec<AStmt>> {
    (
        prop::collection::vec(astmt(depth), 1..=max),
        prop::option::weighted(0.3, terminator()),
    )
        .prop_map(|(mut body, end)| {
            body.extend(end);
            body
        })
        .boxed()
}

fn source() -> BoxedStrategy<Source> {
    prop_oneof![
        2 => num().prop_map(Source::Resolved),
        1 => Just(Source::Rejected),
        3 => settle().prop_map(Source::Executor),
        1 => settle().prop_map(Source::ThenableResolve),
        1 => (num(), prop::bool::weighted(0.3)).prop_map(|(n, r)| Source::MicroResolve(n, r)),
        1 => (0..=1u8, num(), prop::bool::weighted(0.3)).prop_map(|(ms, n, r)| Source::Timer(ms, n, r)),
        6 => (node_ref(), prop::collection::vec(step(), 1..=3))
            .prop_map(|(j, s)| Source::Chain(j, s)),
        3 => (
            prop_oneof![
                Just(Combinator::All),
                Just(Combinator::Race),
                Just(Combinator::AllSettled),
                Just(Combinator::Any)
            ],
            prop::collection::vec(elem(), 0..=4)
        )
            .prop_map(|(c, e)| Source::Combine(c, e)),
        5 => async_body(2, 5).prop_map(Source::Async),
        1 => (prop::collection::vec(elem(), 0..=4), prop::option::weighted(0.3, 1..=3u8))
            .prop_map(|(e, b)| Source::AsyncGen(e, b)),
        1 => (
            prop::collection::vec(elem(), 0..=3),
            prop::collection::vec(request(), 1..=5),
            any::<bool>()
        )
            .prop_map(|(e, r, c)| Source::AsyncGenDriver(e, r, c)),
    ]
    .boxed()
}

fn program() -> impl Strategy<Value = Program> {
    prop::collection::vec(
        prop_oneof![
            9 => source().prop_map(Item::Node),
            1 => Just(Item::Micro),
        ],
        4..=24,
    )
    .prop_map(|items| Program { items })
}

// ---------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------

/// The suite: its name, preflight and defaults (`common::differential_proptest`).
const SUITE: Suite = Suite {
    name: "async-proptest",
    what: "random promise graphs",
    preflight: "async function f(x) {\n  const y = await Promise.resolve(x + 1);\n  return y * 2;\n}\nf(1).then((v) => console.log(v));\nPromise.resolve().then(() => console.log('tick'));\nconsole.log('sync');\n",
    preflight_failed: "cannot run async functions yet",
    mismatch: "a random promise graph differs from node",
    default_cases: 48,
    default_seed: 0xa5c0_7e11_0000_0001,
};

#[test]
fn random_promise_graphs_match_node() {
    if !SUITE.node_ready("random_promise_graphs_match_node") {
        return;
    }
    SUITE.run_against_node(program, Program::render);
}

/// The generated programs themselves are sound: node runs a sample of them cleanly (no
/// unhandled rejection, no exception), they reach the end of the script, nodes settle (at
/// least one per program on average), and they stay small. Needs no compiler.
#[test]
fn random_promise_graphs_run_under_node() {
    if !SUITE.node_ready("random_promise_graphs_run_under_node") {
        return;
    }
    let mut runner = SUITE.sample_runner(40);
    let lines = AtomicUsize::new(0);
    let settled = AtomicUsize::new(0);
    let result = runner.run(&program(), |p| {
        let js = p.render();
        let out = SUITE.run_node_on(&js).map_err(TestCaseError::fail)?;
        let text = String::from_utf8_lossy(&out);
        prop_assert!(
            text.contains("[\"script end\"]"),
            "the script did not finish:\n{text}"
        );
        // (A node may legitimately never settle, e.g. `Promise.race([])`, so settling is
        // counted over the whole sample below rather than required of each program.)
        let settled_here = text
            .lines()
            .filter(|l| l.starts_with("[\"fulfilled p") || l.starts_with("[\"rejected p"))
            .count();
        settled.fetch_add(settled_here, Ordering::Relaxed);
        prop_assert!(
            text.lines().all(|l| l.starts_with('[')),
            "unexpected output:\n{text}"
        );
        prop_assert!(js.len() < 40_000, "program too large: {} bytes", js.len());
        let n = lines.fetch_add(text.lines().count(), Ordering::Relaxed);
        if let Ok(dir) = std::env::var("SWITCHYARD_PROPTEST_DUMP") {
            let _ = std::fs::write(Path::new(&dir).join(format!("async-sample-{n}.js")), &js);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let settled = settled.load(Ordering::Relaxed);
    println!(
        "40 sample programs ran under node, {} lines of output, {settled} nodes settled",
        lines.load(Ordering::Relaxed)
    );
    assert!(
        settled >= 40,
        "too few nodes settled in the sample: {settled}"
    );
    // The renderer's output for a fixed program.
    let p = Program {
        items: vec![
            Item::Node(Source::Executor(Settle::Several(3))),
            Item::Micro,
            Item::Node(Source::Chain(
                0,
                vec![
                    Step::Then(Handler::Node(0), Some(Handler::Throw)),
                    Step::Finally(FinallyHandler::Log),
                ],
            )),
            Item::Node(Source::Combine(
                Combinator::Any,
                vec![Elem::Node(1), Elem::Value(4)],
            )),
            Item::Node(Source::Async(vec![
                AStmt::Await(AwaitTarget::Node(2), true),
                AStmt::Await(
                    AwaitTarget::Nested(vec![AStmt::Await(AwaitTarget::Thenable(5, false), false)]),
                    false,
                ),
            ])),
            Item::Node(Source::AsyncGen(
                vec![Elem::Node(3), Elem::Value(1)],
                Some(1),
            )),
            Item::Node(Source::AsyncGenDriver(
                vec![Elem::Value(2)],
                vec![
                    Request::Next(1),
                    Request::Return(Elem::Node(0)),
                    Request::Throw,
                ],
                true,
            )),
        ],
    };
    let js = p.render();
    for needle in [
        "const p0 = new Promise((res, rej) => { out([\"executor p0.1\"]); res(3); rej(",
        "queueMicrotask(() => out([\"top micro 1\"]));",
        "const p1 = p0",
        "  .then((v) => { out([\"handler p1.1\", show(v)]); return p0; }, (v) =>",
        "  .finally(() => { out([\"finally p1.",
        "const p2 = Promise.any([p1, 4]);",
        "x = await p2;",
        "x = await (async () => {",
        "} catch (e) {",
        "for await (const v of g()) {",
        "if (got.length === 1) break;",
        "out([\"gen received p5.1\", show(yield 2)]);",
        "return Promise.allSettled([it.next(1), it.return(p0), it.throw(new Error(",
        "const nodes = [p0, p1, p2, p3, p4, p5];",
    ] {
        assert!(js.contains(needle), "{needle:?} not in:\n{js}");
    }
    let out = SUITE.run_node_on(&js).expect("node runs the fixed program");
    assert!(!out.is_empty());
}
