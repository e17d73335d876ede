//! Compile errors: malformed and unsupported inputs give errors at exact
//! 1-based positions, never panics.

use switchyard_js::{compile_js, CompileErrorKind};

fn check(src: &str, line: u32, col: u32, kind: CompileErrorKind, what: &str) {
    let e = match compile_js(src, "t.js") {
        Ok(_) => panic!("{src:?}: compiled, expected {kind:?} at {line}:{col}"),
        Err(e) => e,
    };
    assert_eq!(
        (e.line, e.col, e.kind),
        (line, col, kind),
        "{src:?}: got {e}"
    );
    assert!(
        e.message.contains(what),
        "{src:?}: message {:?} lacks {what:?}",
        e.message
    );
    assert!(
        e.to_string().starts_with(&format!("t.js:{line}:{col}: ")),
        "{e}"
    );
}

fn unsupported(src: &str, line: u32, col: u32, what: &str) {
    check(src, line, col, CompileErrorKind::Unsupported, what);
}

fn syntax(src: &str, line: u32, col: u32) {
    check(src, line, col, CompileErrorKind::Syntax, "");
}

#[test]
fn unsupported_constructs_at_exact_positions() {
    unsupported("var a = 1;\nclass P {}\n", 2, 1, "class declarations");
    unsupported("var C = class {};", 1, 9, "class");
    unsupported("function* g() { class K { *m() {} } }", 1, 17, "class");
    // A script cannot await at its top level (Node runs .js files as CommonJS).
    syntax("var p = 1;\nvar x = await p;", 2, 9);
    syntax("var a = [];\nfor await (var v of a) {}", 2, 1);
    unsupported("var r = /ab+c/g;", 1, 9, "regular expression");
    unsupported("var b = 10n;", 1, 9, "BigInt");
    unsupported("var o = {\n  get x() { return 1; }\n};", 2, 3, "getters");
    unsupported("var o = { set x(v) {} };", 1, 11, "setters");
    unsupported("var o = {};\nwith (o) {}", 2, 1, "with");
    unsupported("l: function f() {}", 1, 4, "labeled function");
    unsupported("function f() { return arguments[0]; }", 1, 23, "arguments");
    unsupported("eval('1');", 1, 1, "eval");
    unsupported("import x from 'y';", 1, 1, "import");
    unsupported("export var x = 1;", 1, 1, "export");
    unsupported("function F() { return new.target; }", 1, 23, "new.target");
    unsupported("var t = tag`x`;", 1, 9, "tagged template");
    unsupported("debugger;", 1, 1, "debugger");
    unsupported("var o = { f() { return super.x; } };", 1, 24, "super");
    unsupported(
        "var s = Symbol.iterator;\nvar o = { get [s]() {} };",
        2,
        11,
        "getters",
    );
    unsupported(
        "  var x = 1;\n  var y = x + /re/.source;",
        2,
        15,
        "regular expression",
    );
    // The earliest construct is the one reported.
    unsupported("var r = /x/;\nclass A {}", 1, 9, "regular expression");
}

#[test]
fn syntax_errors_at_exact_positions() {
    syntax("var x = 1 @ 2;", 1, 11);
    syntax("var b = a * ;", 1, 13);
    syntax("if (x > 1 {\n}", 1, 11);
    syntax("var s = \"abc;\n", 1, 9);
    syntax("function f() {\n  return 1;\n", 3, 1);
    syntax("var = 5;", 1, 5);
    syntax("let let = 1;", 1, 5);
    syntax("a +;", 1, 4);
    syntax("for (;;", 1, 8);
    syntax("x = {a: 1,, b: 2};", 1, 11);
    syntax("return;", 1, 1);
    syntax("break;", 1, 1);
}

#[test]
fn malformed_inputs_never_panic() {
    let inputs = [
        "",
        "}",
        "{",
        "(",
        ")",
        "[",
        "]",
        "`",
        "`${",
        "'",
        "/*",
        "//",
        "=>",
        "...",
        "a.",
        "a?.",
        "new",
        "new.",
        "x ? y",
        "function",
        "function (",
        "var",
        "let",
        "const x;",
        "continue;",
        "lbl: lbl: ;",
        "a = => b",
        "1 = 2",
        "++1",
        "a++ ++",
        "({a b})",
        "[,,,",
        "\u{0}",
        "\u{feff}var x;",
        "\\u0041",
        "if (a) else b",
        "try {}",
        "switch (x) { default: default: }",
        "do x while (y)",
        "async",
        "yield",
        "await 1",
        "#!/usr/bin/env node\nconsole.log(1)",
        "0b102",
        "0o9",
        "1__0",
        "'\\u{110000}'",
        "x = 'a' + \n",
        "/",
        "a /= /",
        "class",
        "@dec function f() {}",
    ];
    for src in inputs {
        // Any result is fine; a panic is not.
        let _ = compile_js(src, "m.js");
    }
}

#[test]
fn valid_subset_compiles_and_verifies() {
    let srcs = [
        "var x = 1; let y = x + 2; const z = y * 3; console.log(z);",
        "function f(a, b) { return a + b; } console.log(f(1, 2));",
        "for (let i = 0; i < 3; i++) { setTimeoutLike(() => i); } function setTimeoutLike(f) { return f(); }",
        "label: for (var i of [1, 2]) { for (var k in { a: 1 }) { if (k) continue label; break label; } }",
        "try { throw 1; } catch (e) { } finally { }",
        "var o = { a: 1, 'b': 2, [1 + 1]: 3, m() { return this.a; }, f: function () {}, g: () => 1 }; delete o.a;",
        "switch (1) { case 1: let q = 1; default: q; }",
        "var u = undefined?.x ?? null?.(); var t = `a${u}b`;",
        // Generators, yield, yield*, generator methods.
        "function* g(a, b = a) { const x = yield a; yield* [x, b]; return yield; } var o = { *m() { yield this; }, *[Symbol.iterator]() {} };",
        "var h = function* () { try { yield 1; } finally { yield 2; } }; for (const v of h()) {}",
        // Patterns: declarations, assignments, parameters, for-of heads, catch.
        "var [a, , b = 1, ...c] = [1]; let { d, e: { f } = {}, [a]: g, ...h } = {}; [a, b] = [b, a]; ({ d, x: a.y } = {});",
        "function p([a], { b = 2 } = {}, ...r) { return r; } var q = ({ a }, [b]) => a + b;",
        "for (const [k, v] of []) {} for ([a, b] of []) {} for (var { z } of []) {} try {} catch ({ message }) {}",
        // Spread and rest.
        "function f(...xs) { return xs; } f(...[1, 2], 3, ...'ab'); new f(...[]); var s = [...[1], ...'x']; var o2 = { ...s, k: 1 };",
    ];
    for src in srcs {
        let m = compile_js(src, "ok.js").unwrap_or_else(|e| panic!("{src}: {e}"));
        if let Err(errs) = switchyard_ir::verify(&m) {
            panic!("{src}: {}", errs[0]);
        }
    }
}
