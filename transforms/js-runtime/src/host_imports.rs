//! The host functions a compiled JS module imports (module `"switchyard"`).
//!
//! The host provides only what Wasm cannot do by itself or what would be
//! large to write in IR and is never on a hot path: printing, exact
//! number<->text conversion, `fmod`/`pow` with ECMAScript's edge cases, and
//! aborting with a reason. Everything else (objects, strings, closures, the
//! microtask queue) lives in the Wasm module.
//!
//! Strings are passed as pointers to `KIND_STRING` blocks (see `layout`).
//! Values are passed as `argv`/`argc`: `argc` NaN-boxed i64 values at `argv`.

use switchyard_ir::Type::{self, *};

/// One host import: name, parameter types, result types, and what it does.
pub struct HostImport {
    pub name: &'static str,
    pub params: &'static [Type],
    pub results: &'static [Type],
    pub doc: &'static str,
}

pub const CONSOLE_LOG: &str = "console_log";
pub const CONSOLE_ERROR: &str = "console_error";
pub const NUMBER_TO_STRING: &str = "number_to_string";
pub const STRING_TO_NUMBER: &str = "string_to_number";
pub const PARSE_INT: &str = "parse_int";
pub const PARSE_FLOAT: &str = "parse_float";
pub const MATH_POW: &str = "math_pow";
pub const MATH_FMOD: &str = "math_fmod";
pub const FATAL: &str = "fatal";
pub const CLOCK_NOW: &str = "clock_now";
pub const SLEEP: &str = "sleep";
pub const UNHANDLED_REJECTION: &str = "unhandled_rejection";

pub const HOST_IMPORTS: &[HostImport] = &[
    HostImport {
        name: CONSOLE_LOG,
        params: &[I32, I32],
        results: &[],
        doc: "console_log(argv, argc): formats the values like Node's console.log (util.inspect) and writes one line to stdout",
    },
    HostImport {
        name: CONSOLE_ERROR,
        params: &[I32, I32],
        results: &[],
        doc: "console_error(argv, argc): like console_log, to stderr",
    },
    HostImport {
        name: NUMBER_TO_STRING,
        params: &[F64, I32],
        results: &[I32],
        doc: "number_to_string(x, buf): writes ECMAScript Number::toString(x) as ASCII at buf (at most 32 bytes) and returns its length",
    },
    HostImport {
        name: STRING_TO_NUMBER,
        params: &[I32],
        results: &[F64],
        doc: "string_to_number(str): ECMAScript StringToNumber of the string block at str (NaN if not numeric)",
    },
    HostImport {
        name: PARSE_INT,
        params: &[I32, I32],
        results: &[F64],
        doc: "parse_int(str, radix): ECMAScript parseInt of the string block at str with an already ToInt32'd radix (0 = auto)",
    },
    HostImport {
        name: PARSE_FLOAT,
        params: &[I32],
        results: &[F64],
        doc: "parse_float(str): ECMAScript parseFloat of the string block at str",
    },
    HostImport {
        name: MATH_POW,
        params: &[F64, F64],
        results: &[F64],
        doc: "math_pow(x, y): ECMAScript Number::exponentiate (x ** y), e.g. 1 ** NaN is NaN",
    },
    HostImport {
        name: MATH_FMOD,
        params: &[F64, F64],
        results: &[F64],
        doc: "math_fmod(x, y): ECMAScript Number::remainder (x % y), exact, sign of x",
    },
    HostImport {
        name: FATAL,
        params: &[I32],
        results: &[],
        doc: "fatal(code): stops the program with a trap explaining the code (layout::FATAL_*): stack overflow, out of memory, internal error, coroutine misuse (wasmfx)",
    },
    HostImport {
        name: CLOCK_NOW,
        params: &[],
        results: &[F64],
        doc: "clock_now(): milliseconds since the run started, from a monotonic clock (the timers' clock; virtual under RunOptions::virtual_time)",
    },
    HostImport {
        name: SLEEP,
        params: &[F64],
        results: &[],
        doc: "sleep(ms): blocks until ms milliseconds have passed (the event loop waiting for its next timer; under virtual time it only advances the clock)",
    },
    HostImport {
        name: UNHANDLED_REJECTION,
        params: &[],
        results: &[],
        doc: "unhandled_rejection(): the exception the program is about to end with (exc_value) is a promise rejection nobody handled; the host prints it like Node does",
    },
];
