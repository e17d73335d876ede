//! End-to-end runs of small hand-written modules (WAT) through `run_wasm`:
//! output, uncaught exceptions, traps, resource limits, link errors, and
//! the engine features compiled code relies on.

use switchyard_host::heap_builder::*;
use switchyard_host::{
    required_imports, run_wasm, HostErrorKind, Outcome, RunOptions, SharedBuffer, TrapKind,
};
use switchyard_js_runtime::layout::*;

/// WAT data-segment string for `bytes`.
fn wat_bytes(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("\\{b:02x}")).collect()
}

/// A module with the standard exports around `body` (which defines
/// `$main`), with `data` placed at STATIC_BASE and the host imports.
fn module(body: &str, data: &[u8]) -> Vec<u8> {
    let text = format!(
        r#"(module
  (import "switchyard" "console_log" (func $console_log (param i32 i32)))
  (import "switchyard" "console_error" (func $console_error (param i32 i32)))
  (import "switchyard" "number_to_string" (func $number_to_string (param f64 i32) (result i32)))
  (import "switchyard" "fatal" (func $fatal (param i32)))
  (memory (export "memory") 2)
  (global $exc_pending (export "exc_pending") (mut i32) (i32.const 0))
  (global $exc_value (export "exc_value") (mut i64) (i64.const 0))
  (global $exc_pos (export "exc_pos") (mut i32) (i32.const 0))
  (data (i32.const {base}) "{data}")
  (func (export "main") (call $main))
  {body}
)"#,
        base = STATIC_BASE,
        data = wat_bytes(data),
    );
    wat::parse_str(&text).unwrap_or_else(|e| panic!("bad test module: {e}\n{text}"))
}

struct Run {
    outcome: Outcome,
    stdout: String,
    stderr: String,
}

fn run(wasm: &[u8]) -> Run {
    run_with(wasm, |o| o)
}

fn run_with(wasm: &[u8], configure: impl FnOnce(RunOptions) -> RunOptions) -> Run {
    let out = SharedBuffer::new();
    let err = SharedBuffer::new();
    let opts = configure(
        RunOptions::new("test.js")
            .with_stdout(out.clone())
            .with_stderr(err.clone()),
    );
    let outcome = run_wasm(wasm, opts).expect("the module runs");
    Run {
        outcome,
        stdout: out.text(),
        stderr: err.text(),
    }
}

/// `console.log(v)` where the value is stored at ARGS.
const ARGS: u32 = 512;

fn log_value(v: u64) -> String {
    format!("(i64.store (i32.const {ARGS}) (i64.const {}))\n(call $console_log (i32.const {ARGS}) (i32.const 1))", v as i64)
}

#[test]
fn prints_a_string_with_console_log() {
    let mut b = HeapBuilder::new();
    let hello = b.string_value("hello, world");
    let body = format!("(func $main {})", log_value(hello));
    let r = run(&module(&body, b.data_segment()));
    assert_eq!(r.outcome, Outcome::Finished);
    assert_eq!(r.stdout, "hello, world\n");
    assert_eq!(r.stderr, "");
}

#[test]
fn prints_several_values_and_objects() {
    let mut b = HeapBuilder::new();
    let s = b.string_value("x =");
    let inner = b.array(&[num(1.0), num(2.0), num(3.0)]);
    let o = b.plain(&[("a", num(1.0)), ("list", obj(inner))]);
    let args = b.array(&[s, obj(o), num(-0.0)]);
    // Pass the array's element storage as argv.
    let elems = b.read_u32(args + ARR_ELEMS) + BYTES_DATA;
    let body = format!("(func $main (call $console_log (i32.const {elems}) (i32.const 3)))");
    let r = run(&module(&body, b.data_segment()));
    assert_eq!(r.outcome, Outcome::Finished);
    assert_eq!(r.stdout, "x = { a: 1, list: [ 1, 2, 3 ] } -0\n");
}

#[test]
fn console_error_goes_to_stderr_after_flushing_stdout() {
    let mut b = HeapBuilder::new();
    let out = b.string_value("out");
    let err = b.string_value("err");
    let body = format!(
        "(func $main {} (i64.store (i32.const {ARGS}) (i64.const {})) (call $console_error (i32.const {ARGS}) (i32.const 1)))",
        log_value(out),
        err as i64
    );
    let r = run(&module(&body, b.data_segment()));
    assert_eq!(r.outcome, Outcome::Finished);
    assert_eq!(r.stdout, "out\n");
    assert_eq!(r.stderr, "err\n");
}

#[test]
fn number_to_string_writes_ascii() {
    // Formats 1e21 into the scratch buffer, then logs its length.
    let body = format!(
        "(func $main (local $n i32)
           (local.set $n (call $number_to_string (f64.const 1e21) (i32.const {SCRATCH})))
           (i64.store (i32.const {ARGS}) (i64.reinterpret_f64 (f64.convert_i32_u (local.get $n))))
           (call $console_log (i32.const {ARGS}) (i32.const 1)))"
    );
    let r = run(&module(&body, &[]));
    assert_eq!(r.outcome, Outcome::Finished);
    assert_eq!(r.stdout, "5\n"); // "1e+21"
}

fn throw_body(value: u64, pos: i32) -> String {
    format!(
        "(func $main (global.set $exc_value (i64.const {})) (global.set $exc_pos (i32.const {pos})) (global.set $exc_pending (i32.const 1)))",
        value as i64
    )
}

#[test]
fn uncaught_error_is_reported_like_node() {
    let mut b = HeapBuilder::new();
    let e = b.error(ERR_TYPE, "x is not a function");
    let r = run(&module(
        &throw_body(obj(e), encode_pos(3, 7)),
        b.data_segment(),
    ));
    assert_eq!(
        r.outcome,
        Outcome::UncaughtException {
            message: "TypeError: x is not a function\n    at test.js:3:7".to_string()
        }
    );
}

#[test]
fn uncaught_error_without_position_and_with_extra_properties() {
    let mut b = HeapBuilder::new();
    let e = b.error(ERR_ERROR, "boom");
    b.set_prop(e, "code", 0, num(5.0));
    let r = run(&module(&throw_body(obj(e), 0), b.data_segment()));
    assert_eq!(
        r.outcome,
        Outcome::UncaughtException {
            message: "Error: boom { code: 5 }".to_string()
        }
    );
    let mut b = HeapBuilder::new();
    let e = b.error(ERR_RANGE, "");
    let r = run(&module(
        &throw_body(obj(e), encode_pos(10, 1)),
        b.data_segment(),
    ));
    assert_eq!(
        r.outcome,
        Outcome::UncaughtException {
            message: "RangeError\n    at test.js:10:1".to_string()
        }
    );
}

#[test]
fn uncaught_non_errors_print_like_node() {
    // `throw "x"` prints the string; others are inspected.
    let mut b = HeapBuilder::new();
    let s = b.string_value("multi\nline");
    let o = b.plain(&[("a", num(1.0))]);
    let cases = [
        (s, "multi\nline"),
        (num(42.0), "42"),
        (obj(o), "{ a: 1 }"),
        (NULL, "null"),
        (UNDEFINED, "undefined"),
    ];
    for (v, expected) in cases {
        let r = run(&module(&throw_body(v, encode_pos(1, 1)), b.data_segment()));
        assert_eq!(
            r.outcome,
            Outcome::UncaughtException {
                message: expected.to_string()
            }
        );
    }
}

#[test]
fn output_before_an_exception_is_flushed() {
    let mut b = HeapBuilder::new();
    let s = b.string_value("before");
    let e = b.error(ERR_ERROR, "after");
    let body =
        throw_body(obj(e), 0).replacen("(func $main", &format!("(func $main {}", log_value(s)), 1);
    let r = run(&module(&body, b.data_segment()));
    assert_eq!(r.stdout, "before\n");
    assert!(matches!(r.outcome, Outcome::UncaughtException { .. }));
}

#[test]
fn runaway_recursion_is_a_stack_overflow_trap() {
    let mut b = HeapBuilder::new();
    let s = b.string_value("start");
    let body = format!(
        "(func $main {} (call $f (i32.const 0)))
         (func $f (param i32) (call $f (i32.add (local.get 0) (i32.const 1))))",
        log_value(s)
    );
    let r = run(&module(&body, b.data_segment()));
    assert_eq!(
        r.outcome,
        Outcome::Trap {
            kind: TrapKind::StackOverflow,
            message: "stack overflow".to_string()
        }
    );
    assert_eq!(r.stdout, "start\n", "output before the trap is flushed");
}

#[test]
fn deep_but_finite_recursion_fits() {
    // A JS-like frame: four i64 locals kept live across the call.
    let body = "(func $main (drop (call $f (i32.const 200000))))
         (func $f (param $n i32) (result i64) (local $a i64) (local $b i64)
           (local.set $a (i64.extend_i32_u (local.get $n)))
           (local.set $b (i64.mul (local.get $a) (i64.const 3)))
           (if (result i64) (i32.eqz (local.get $n))
             (then (i64.const 0))
             (else (i64.add (i64.add (local.get $a) (local.get $b))
                            (call $f (i32.sub (local.get $n) (i32.const 1)))))))";
    let r = run(&module(body, &[]));
    assert_eq!(r.outcome, Outcome::Finished);
}

#[test]
fn fatal_codes_map_to_outcomes() {
    for (code, kind, message) in [
        (
            FATAL_STACK_OVERFLOW,
            TrapKind::StackOverflow,
            "stack overflow",
        ),
        (FATAL_OUT_OF_MEMORY, TrapKind::OutOfMemory, "out of memory"),
        (FATAL_INTERNAL, TrapKind::Other, "internal error (fatal)"),
        (
            FATAL_CORO_RESUME,
            TrapKind::Other,
            "resumed a coroutine that is running or finished",
        ),
        (
            FATAL_CORO_FREE,
            TrapKind::Other,
            "freed a coroutine that is running or already freed",
        ),
    ] {
        let body = format!("(func $main (call $fatal (i32.const {code})))");
        let r = run(&module(&body, &[]));
        assert_eq!(
            r.outcome,
            Outcome::Trap {
                kind,
                message: message.to_string()
            }
        );
    }
}

#[test]
fn unreachable_is_an_internal_error() {
    let r = run(&module("(func $main unreachable)", &[]));
    assert_eq!(
        r.outcome,
        Outcome::Trap {
            kind: TrapKind::Unreachable,
            message: "unreachable code reached (internal error)".to_string()
        }
    );
}

#[test]
fn other_traps_use_wasmtimes_description() {
    let r = run(&module(
        "(func $main (drop (i32.div_s (i32.const 1) (i32.const 0))))",
        &[],
    ));
    match r.outcome {
        Outcome::Trap {
            kind: TrapKind::Other,
            message,
        } => assert!(message.contains("divide by zero"), "{message}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn memory_limit_makes_growth_fail() {
    // Grows by 100 pages (6.4 MiB); the runtime calls fatal(2) when
    // memory.grow fails.
    let body = "(func $main (if (i32.eq (memory.grow (i32.const 100)) (i32.const -1)) (then (call $fatal (i32.const 2)))))";
    let wasm = module(body, &[]);
    let r = run_with(&wasm, |o| o.with_max_memory(4 << 20));
    assert_eq!(
        r.outcome,
        Outcome::Trap {
            kind: TrapKind::OutOfMemory,
            message: "out of memory".to_string()
        }
    );
    let r = run(&wasm);
    assert_eq!(r.outcome, Outcome::Finished);
}

#[test]
fn corrupt_heap_is_an_internal_error_not_a_crash() {
    // console.log of a string pointer far outside memory.
    let v = boxed(TAG_STRING, 0x7FFF_0000);
    let body = format!("(func $main {})", log_value(v));
    match run(&module(&body, &[])).outcome {
        Outcome::Trap {
            kind: TrapKind::Other,
            message,
        } => assert!(
            message.starts_with("internal error: corrupt heap"),
            "{message}"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn missing_import_is_a_clear_host_error() {
    let wasm = wat::parse_str(
        r#"(module
             (import "switchyard" "wall_clock" (func (result f64)))
             (memory (export "memory") 1)
             (func (export "main")))"#,
    )
    .unwrap();
    let err = run_wasm(&wasm, RunOptions::new("t.js")).unwrap_err();
    assert_eq!(err.kind, HostErrorKind::Import);
    assert!(
        err.message.contains("`switchyard::wall_clock`"),
        "{}",
        err.message
    );
    assert!(
        err.message.contains("console_log"),
        "lists what is provided: {}",
        err.message
    );

    let wasm = wat::parse_str(
        r#"(module
             (import "switchyard" "console_log" (func (param i32)))
             (memory (export "memory") 1)
             (func (export "main")))"#,
    )
    .unwrap();
    let err = run_wasm(&wasm, RunOptions::new("t.js")).unwrap_err();
    assert_eq!(err.kind, HostErrorKind::Import);
    assert!(
        err.message.contains("(i32) -> ()") && err.message.contains("(i32, i32) -> ()"),
        "{}",
        err.message
    );
}

#[test]
fn missing_exports_are_a_clear_host_error() {
    let wasm =
        wat::parse_str(r#"(module (memory (export "memory") 1) (func (export "start")))"#).unwrap();
    let err = run_wasm(&wasm, RunOptions::new("t.js")).unwrap_err();
    assert_eq!(err.kind, HostErrorKind::Export);
    assert!(
        err.message.contains("`main: () -> ()` is not exported"),
        "{}",
        err.message
    );
    // The exception globals are optional as a group (a module that never
    // throws need not export them), but `exc_pending` without `exc_value`
    // is an error.
    assert!(!err.message.contains("`exc_pending`"), "{}", err.message);
    let half = wat::parse_str(
        r#"(module (memory (export "memory") 1) (func (export "main"))
             (global (export "exc_pending") (mut i32) (i32.const 0)))"#,
    )
    .unwrap();
    let err = run_wasm(&half, RunOptions::new("t.js")).unwrap_err();
    assert!(err.message.contains("`exc_value`"), "{}", err.message);
    let none =
        wat::parse_str(r#"(module (memory (export "memory") 1) (func (export "main")))"#).unwrap();
    assert_eq!(
        run_wasm(&none, RunOptions::new("t.js")).unwrap(),
        switchyard_host::Outcome::Finished
    );

    let err = run_wasm(b"not wasm", RunOptions::new("t.js")).unwrap_err();
    assert_eq!(err.kind, HostErrorKind::Compile);
}

#[test]
fn required_imports_lists_every_host_function() {
    let imports = required_imports();
    assert!(imports.contains(&(
        "switchyard".to_string(),
        "console_log".to_string(),
        "(i32, i32) -> ()".to_string()
    )));
    assert!(imports.contains(&(
        "switchyard".to_string(),
        "math_pow".to_string(),
        "(f64, f64) -> f64".to_string()
    )));
    assert_eq!(
        imports.len(),
        switchyard_js_runtime::host_imports::HOST_IMPORTS.len()
    );
}

#[test]
fn every_required_import_links() {
    // A module importing all host functions with their declared types.
    let imports: String = required_imports()
        .iter()
        .zip(switchyard_js_runtime::host_imports::HOST_IMPORTS)
        .map(|((m, n, _), i)| {
            let params: Vec<&str> = i.params.iter().map(|t| t.name()).collect();
            let results: Vec<&str> = i.results.iter().map(|t| t.name()).collect();
            format!(
                "(import \"{m}\" \"{n}\" (func (param {}) (result {})))\n",
                params.join(" "),
                results.join(" ")
            )
        })
        .collect();
    let text = format!(
        r#"(module {imports}
             (memory (export "memory") 1)
             (global (export "exc_pending") (mut i32) (i32.const 0))
             (global (export "exc_value") (mut i64) (i64.const 0))
             (func (export "main")))"#
    );
    let wasm = wat::parse_str(&text).unwrap();
    assert_eq!(run(&wasm).outcome, Outcome::Finished);
}

#[test]
fn engine_enables_stack_switching() {
    let engine = switchyard_host::build_engine(&Default::default()).unwrap();
    if cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        assert_eq!(engine.stack_switching, Ok(()));
    }
}

/// A continuation that suspends once and is resumed, plus tail calls and
/// typed function references: the features the strategies compile to.
#[test]
fn stack_switching_tail_calls_and_function_references_run() {
    if !cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        return;
    }
    let mut b = HeapBuilder::new();
    let before = b.string_value("suspended");
    let after = b.string_value("resumed");
    let done = b.string_value("done");
    let body = format!(
        r#"
  (type $ft (func))
  (type $ct (cont $ft))
  (tag $yield)
  (func $gen
    (suspend $yield)
    {log_after})
  (elem declare func $gen $count)
  (func $count (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 7))
      (else (return_call $count (i32.sub (local.get 0) (i32.const 1))))))
  (type $cf (func (param i32) (result i32)))
  (func $main (local $k (ref null $ct))
    (block $on_yield (result (ref $ct))
      (resume $ct (on $yield $on_yield) (cont.new $ct (ref.func $gen)))
      (unreachable))
    (local.set $k)
    {log_before}
    (block $on_yield2 (result (ref $ct))
      (resume $ct (on $yield $on_yield2) (local.get $k))
      (br 1))
    (unreachable))
  (func $after_main
    ;; a million tail calls through a typed reference must not overflow
    (drop (call_ref $cf (i32.const 1000000) (ref.func $count)))
    {log_done})
  (start $after_main)
"#,
        log_after = log_value(after),
        log_before = log_value(before),
        log_done = log_value(done),
    );
    let r = run(&module(&body, b.data_segment()));
    assert_eq!(r.outcome, Outcome::Finished, "stderr: {}", r.stderr);
    assert_eq!(r.stdout, "done\nsuspended\nresumed\n");
}

#[test]
fn runaway_recursion_inside_a_continuation_is_a_clean_trap() {
    if !cfg!(all(target_arch = "x86_64", target_os = "linux")) {
        return;
    }
    let body = r#"
  (type $ft (func))
  (type $ct (cont $ft))
  (func $rec (param i32) (call $rec (i32.add (local.get 0) (i32.const 1))))
  (func $body (call $rec (i32.const 0)))
  (elem declare func $body)
  (func $main (resume $ct (cont.new $ct (ref.func $body))))
"#;
    let r = run(&module(body, &[]));
    assert_eq!(
        r.outcome,
        Outcome::Trap {
            kind: TrapKind::StackOverflow,
            message: "stack overflow".to_string()
        }
    );
}
