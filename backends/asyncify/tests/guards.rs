//! The post-pass on hand-written modules: what Binaryen 116 would abort the
//! process on is refused with an `AsyncifyError` naming the function (if
//! any of these reached Binaryen, the test process would die), and a
//! well-formed module is instrumented, optimised and keeps its names.

use switchyard_asyncify::{asyncify, asyncify_with, optimize, AsyncifyOptions};

fn wasm(wat: &str) -> Vec<u8> {
    wat::parse_str(wat).unwrap_or_else(|e| panic!("bad test module: {e}"))
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// A minimal coroutine runtime in the shape the asyncify strategy produces:
/// `suspend` starts an unwind, `resume` stops it; `$body` is instrumented.
/// `$extra` is spliced into the module.
fn module(extra: &str, body_extra: &str) -> Vec<u8> {
    wasm(&format!(
        r#"(module
          (import "asyncify" "start_unwind" (func $start_unwind (param i32)))
          (import "asyncify" "stop_unwind" (func $stop_unwind))
          (import "asyncify" "start_rewind" (func $start_rewind (param i32)))
          (import "asyncify" "stop_rewind" (func $stop_rewind))
          (memory (export "memory") 1)
          (global $unwinding (mut i32) (i32.const 0))
          (func $suspend (param i64) (result i64)
            (global.set $unwinding (i32.const 1))
            (i32.store (i32.const 16) (i32.const 24))
            (i32.store (i32.const 20) (i32.const 1024))
            (call $start_unwind (i32.const 16))
            (i64.const 0))
          (func $body (param $x i64) (result i64)
            {body_extra}
            (i64.add (call $suspend (local.get $x)) (i64.const 1)))
          (func $resume (export "resume") (result i64)
            (local $r i64)
            (local.set $r (call $body (i64.const 5)))
            (if (global.get $unwinding)
              (then (global.set $unwinding (i32.const 0)) (call $stop_unwind)))
            (local.get $r))
          (func $rewind (call $start_rewind (i32.const 16)) (call $stop_rewind))
          {extra})"#
    ))
}

fn err(result: Result<Vec<u8>, switchyard_asyncify::AsyncifyError>) -> String {
    match result {
        Ok(_) => panic!("the module was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn instruments_a_well_formed_module_and_keeps_names() {
    let input = module("", "");
    let out = asyncify(
        &input,
        &names(&["body", "suspend"]),
        &names(&["resume", "rewind"]),
    )
    .expect("asyncify");
    wasmparser::Validator::new().validate_all(&out).unwrap();
    let wat = wasmprinter::print_bytes(&out).unwrap();
    // The imports are gone (implemented by Asyncify) and the names came back.
    assert!(!wat.contains("(import \"asyncify\""), "{wat}");
    assert!(wat.contains("asyncify_start_unwind"));
    assert!(wat.contains("$resume"), "{wat}");
    // The instrumented body saves into the buffer: it reads Asyncify's state.
    assert!(wat.contains("__asyncify_state") || wat.contains("global.get"));

    // Without names: no name section in the output.
    let out = asyncify_with(
        &input,
        &names(&["body", "suspend"]),
        &[],
        &AsyncifyOptions {
            keep_names: false,
            ..Default::default()
        },
    )
    .unwrap();
    let wat = wasmprinter::print_bytes(&out).unwrap();
    assert!(!wat.contains("$resume"), "{wat}");
}

#[test]
fn odd_names_and_global_names_are_safe() {
    // Names with list syntax, and a global named like Binaryen's own.
    let input = wasm(
        r#"(module
          (import "asyncify" "start_unwind" (func $start_unwind (param i32)))
          (import "asyncify" "stop_unwind" (func $stop_unwind))
          (memory (export "memory") 1)
          (global $__asyncify_state (mut i32) (i32.const 0))
          (func $suspend (call $start_unwind (i32.const 16)))
          (func $"a,b*[c]" (call $suspend) (global.set $__asyncify_state (i32.const 1)))
          (func $main (export "main") (call $"a,b*[c]") (call $stop_unwind)))"#,
    );
    let out = asyncify(&input, &names(&["a,b*[c]"]), &names(&["main"])).unwrap();
    let wat = wasmprinter::print_bytes(&out).unwrap();
    assert!(wat.contains("$main"), "{wat}");
}

#[test]
fn return_call_in_an_instrumented_function_is_refused() {
    let input = module(
        r#"(func $tail (param i64) (result i64) (return_call $body (local.get 0)))"#,
        "",
    );
    let e = err(asyncify(&input, &names(&["body", "suspend", "tail"]), &[]));
    assert!(e.contains("`tail`") && e.contains("return_call"), "{e}");
}

#[test]
fn return_call_anywhere_is_refused() {
    // Not instrumented, but Binaryen 116's Asyncify scans every function.
    let input = module(
        r#"(func $elsewhere (param i64) (result i64) (return_call $elsewhere (local.get 0)))"#,
        "",
    );
    let e = err(asyncify(&input, &names(&["body", "suspend"]), &[]));
    assert!(
        e.contains("`elsewhere`") && e.contains("return_call"),
        "{e}"
    );
    // The optimiser alone is fine with tail calls.
    optimize(&input, &AsyncifyOptions::default()).unwrap();
}

#[test]
fn return_call_indirect_is_refused() {
    let input = module(
        r#"(type $t (func (param i64) (result i64)))
           (table 1 funcref)
           (func $ind (param i64) (result i64)
             (return_call_indirect (type $t) (local.get 0) (i32.const 0)))"#,
        "",
    );
    let e = err(asyncify(&input, &names(&["body", "suspend"]), &[]));
    assert!(
        e.contains("`ind`") && e.contains("return_call_indirect"),
        "{e}"
    );
}

#[test]
fn reference_typed_locals_and_params_are_refused() {
    let input = module("", "(local $r externref)");
    let e = err(asyncify(&input, &names(&["body", "suspend"]), &[]));
    assert!(e.contains("`body`") && e.contains("reference"), "{e}");

    let input = module(
        r#"(func $takes_ref (param externref) (param i64) (result i64)
             (call $body (local.get 1)))"#,
        "",
    );
    let e = err(asyncify(
        &input,
        &names(&["body", "suspend", "takes_ref"]),
        &[],
    ));
    assert!(e.contains("`takes_ref`") && e.contains("parameter"), "{e}");
    // Not instrumented: fine.
    asyncify(&input, &names(&["body", "suspend"]), &[]).unwrap();
}

#[test]
fn exception_instructions_are_refused() {
    let input = module(
        r#"(tag $e)
           (func $thrower (param i64) (result i64)
             try
               local.get 0
               call $body
               drop
             catch $e
             end
             (local.get 0))"#,
        "",
    );
    let e = err(asyncify(
        &input,
        &names(&["body", "suspend", "thrower"]),
        &[],
    ));
    assert!(e.contains("`thrower`") && e.contains("try"), "{e}");
    // Legacy exceptions outside the instrumented functions are fine.
    asyncify(&input, &names(&["body", "suspend"]), &[]).unwrap();

    let input = module(
        r#"(tag $e)
           (func $throws (param i64) (result i64)
             (if (i64.eqz (local.get 0)) (then (throw $e)))
             (call $body (local.get 0)))"#,
        "",
    );
    let e = err(asyncify(
        &input,
        &names(&["body", "suspend", "throws"]),
        &[],
    ));
    assert!(e.contains("`throws`") && e.contains("throw"), "{e}");
}

#[test]
fn try_table_is_refused() {
    // The new exception proposal is unknown to Binaryen 116.
    let input = module(
        r#"(tag $e)
           (func $tt (param i64) (result i64)
             (block $h (try_table (catch_all $h) (drop (call $body (local.get 0)))))
             (local.get 0))"#,
        "",
    );
    let e = err(asyncify(&input, &names(&["body", "suspend", "tt"]), &[]));
    assert!(e.contains("Binaryen 116"), "{e}");
}

#[test]
fn exnref_is_refused() {
    // A local of type exnref, in a function that is not even instrumented.
    let input = module(r#"(func $holds (local exnref))"#, "");
    let e = err(asyncify(&input, &names(&["body", "suspend"]), &[]));
    assert!(e.contains("`holds`") && e.contains("exnref"), "{e}");
    let input = module(r#"(global $g (mut exnref) (ref.null exn))"#, "");
    let e = err(optimize(&input, &AsyncifyOptions::default()));
    assert!(e.contains("exnref"), "{e}");
}

#[test]
fn unknown_features_are_refused() {
    // Stack switching (the wasmfx strategy's output).
    let input = wasm(
        r#"(module
          (type $f (func))
          (type $c (cont $f))
          (memory (export "memory") 1)
          (elem declare func $g)
          (func $g)
          (func $main (export "main") (drop (cont.new $c (ref.func $g)))))"#,
    );
    let e = err(asyncify(&input, &[], &[]));
    assert!(e.contains("Binaryen 116"), "{e}");
    let e = err(optimize(&input, &AsyncifyOptions::default()));
    assert!(e.contains("Binaryen 116"), "{e}");
}

#[test]
fn bad_lists_are_refused() {
    let input = module("", "");
    let e = err(asyncify(&input, &names(&["body", "nope"]), &[]));
    assert!(e.contains("`nope`"), "{e}");
    let e = err(asyncify(&input, &names(&["body", "start_unwind"]), &[]));
    assert!(e.contains("`start_unwind`") && e.contains("import"), "{e}");
    // No name section at all.
    let stripped = {
        let mut m = wasm_encoder::Module::new();
        for p in wasmparser::Parser::new(0).parse_all(&input) {
            let p = p.unwrap();
            if let wasmparser::Payload::CustomSection(c) = &p {
                if c.name() == "name" {
                    continue;
                }
            }
            if let Some((id, range)) = p.as_section() {
                m.section(&wasm_encoder::RawSection {
                    id,
                    data: &input[range],
                });
            }
        }
        m.finish()
    };
    let e = err(asyncify(&stripped, &names(&["body"]), &[]));
    assert!(e.contains("name section"), "{e}");
}

#[test]
fn bad_asyncify_imports_and_exports_are_refused() {
    let input = wasm(
        r#"(module
          (import "asyncify" "sleep" (func $sleep))
          (memory 1)
          (func $f (call $sleep)))"#,
    );
    let e = err(asyncify(&input, &names(&["f"]), &[]));
    assert!(e.contains("asyncify.sleep"), "{e}");

    let input = wasm(
        r#"(module
          (import "asyncify" "start_unwind" (func $su (param i64)))
          (memory 1)
          (func $f (call $su (i64.const 0))))"#,
    );
    let e = err(asyncify(&input, &names(&["f"]), &[]));
    assert!(e.contains("wrong type"), "{e}");

    let input = module(
        r#"(func (export "asyncify_get_state") (result i32) (i32.const 0))"#,
        "",
    );
    let e = err(asyncify(&input, &names(&["body", "suspend"]), &[]));
    assert!(e.contains("asyncify_get_state"), "{e}");

    let input = wasm(
        r#"(module
          (import "asyncify" "start_unwind" (func $su (param i32)))
          (memory 1)
          (table 1 funcref)
          (elem (i32.const 0) $su)
          (func $f (call $su (i32.const 0))))"#,
    );
    let e = err(asyncify(&input, &names(&["f"]), &[]));
    assert!(e.contains("table"), "{e}");
}

#[test]
fn invalid_input_is_an_error() {
    let e = err(asyncify(b"\0asm\x01\0\0\0garbage", &[], &[]));
    assert!(e.contains("not valid"), "{e}");
}
