//! The self-hosted prelude: the JavaScript built-ins (global objects and
//! prototype methods) written in JavaScript and compiled by switchyard
//! together with every user program.
//!
//! The files are plain JS in the subset the front end compiles, plus calls
//! to the `__sy_*` intrinsics of `crate::lower::intrinsics` (recognised only
//! while compiling these files). Their top-level declarations become global
//! bindings that user declarations shadow; internal helpers are named
//! `__prelude_*`, and built-in methods are installed with
//! `__sy_define_hidden` so for-in, `Object.keys` and `console.log` do not
//! see them. The prelude never calls a method user code could replace.
//!
//! | file             | defines |
//! |------------------|---------|
//! | `core.js`        | conversion and call helpers used by all files; `NaN`, `Infinity`; `Object` (+ statics, `Object.prototype`); `Function.prototype.call/apply/bind/toString`; `Boolean`; `Error`, `TypeError`, `RangeError`, `ReferenceError`, `SyntaxError`, `AggregateError` |
//! | `string.js`      | `String`, `String.fromCharCode/fromCodePoint`, `String.prototype` methods (full Unicode case tables generated from node) |
//! | `math-number.js` | `Number` (+ statics, `toString(radix)`, `toFixed`, `toPrecision`, `toExponential`, `toLocaleString`), `parseInt`, `parseFloat`, `isNaN`, `isFinite`, `Math` |
//! | `array.js`       | `Array`, `Array.isArray/of/from`, `Array.prototype` methods (`sort` is V8's TimSort) |
//! | `json.js`        | `JSON.stringify`, `JSON.parse` |
//! | `console.js`     | `console.log/info/debug/error/warn/assert` |
//! | `iteration.js`   | `Symbol` (the well-known symbols only), the `GeneratorFunction` constructor |
//! | `promise.js`     | `Promise` (+ `then/catch/finally`, `resolve/reject/all/allSettled/any/race`), the microtask queue, async function and async generator drivers, `for await` helpers, `queueMicrotask`, `setTimeout/setInterval/clearTimeout/clearInterval`, the event loop |
//! | `fiber.js`       | `Fiber` (non-standard stackful coroutines: `new Fiber(fn)`, `resume`, `Fiber.yield`; see the file) |
//!
//! Front-end features the prelude relies on beyond plain functions, `var`,
//! loops, `if`, `?:` and method calls (run `test/check.js` for counts):
//! named function expressions (the name is the built-in's `name`; one
//! anonymous function takes its name from an object-literal key,
//! `{ with: function () {} }`, i.e. NamedEvaluation); `this`; `in` (false
//! for array holes; with the prototype cut off by `__sy_set_proto(o, null)`
//! it must see exactly the own properties, hidden ones included); `delete`
//! (of a named property, and of an array element, which must leave a
//! hole); `try`/`finally`; `switch`; `do`-`while`; `>>`, `>>>`, `<<`, `&`,
//! `|`, `^`; `++`/`--` on member expressions; top-level `var NaN`/`var
//! Infinity`. It uses no `new`, `instanceof`, `typeof`, labels, for-in,
//! for-of or template literals. Constructors (`Error`, `Array`, ...) return
//! objects, so they work with and without `new`.
//!
//! Deviations from Node (documented where they are implemented):
//! * `f.call`/`f.apply`/`bind` and callbacks with a `thisArg` pass `this` by
//!   temporarily installing `f` as the hidden property `__prelude_callee` on
//!   the receiver (or its primitive prototype); at most 16 arguments (more
//!   throw a RangeError, except for the variadic built-ins with an array
//!   form: Math.max/min/hypot, push, unshift, concat, String.fromCharCode/
//!   fromCodePoint, Array.of). `f.call(null)` calls with `this` undefined
//!   (only Object.prototype.toString tells null apart).
//! * Bound functions are named "bound", not "bound f"; Function.prototype.
//!   toString prints `function f() { [native code] }` for every function.
//! * Array `keys()`/`values()`/`entries()` and `[Symbol.iterator]` return
//!   iterator objects (the runtime's, `Object [Array Iterator] {}`) over
//!   real arrays only; array methods require a real array as `this`.
//! * `Symbol` provides only the well-known `Symbol.iterator`,
//!   `Symbol.asyncIterator` and `Symbol.toStringTag`; `Symbol()` throws.
//!   Symbol values have no methods (`String(sym)` works).
//! * Iterables (Array.from, Object.fromEntries, AggregateError) use the
//!   iteration protocol through the `__sy_iterable_to_array` intrinsic;
//!   object spread and `Object.assign` copy string-keyed properties only.
//! * No primitive wrapper objects (`Object("s")` is "s"); `Object.freeze`/
//!   `seal`/`preventExtensions` return their argument unchanged;
//!   `defineProperty` supports data properties only (enumerable or hidden).
//! * `localeCompare` implements ICU's root collation for ASCII only;
//!   `normalize` returns the string unchanged; case mapping is full Unicode
//!   (tables from node) except that Final_Sigma uses an approximate
//!   cased/case-ignorable test and locale rules are ignored.
//! * `Number.prototype.toLocaleString` is en-US with only the
//!   minimum/maximumFractionDigits options.
//! * Math has no sin/cos/tan/exp/log/... (no intrinsics; pure-JS versions
//!   would not be bit-identical to V8); `Math.random` is deterministic.
//! * String methods with regex arguments (match, search, matchAll, regex
//!   split/replace), `String.raw` and the HTML methods are not provided.
//!
//! Testing without the compiler: `node transforms/js/src/prelude/test/run.js`
//! loads these files into a node `vm` context whose intrinsics are
//! implemented in JS (`test/shim.js`), compares the built-ins with node's own
//! on many inputs, and runs the corpus programs (`tests/corpus/sync`)
//! against their expected output. `node --expose-internals
//! transforms/js/src/prelude/test/check.js` checks that the files stay inside
//! the JS subset and use the intrinsics correctly. `node
//! transforms/js/src/prelude/test/gen-case-table.js --write` regenerates the
//! case-mapping tables of `string.js`.

/// (file name for error messages, source) in compilation order.
pub const PRELUDE_SOURCES: &[(&str, &str)] = &[
    ("prelude/core.js", include_str!("core.js")),
    ("prelude/string.js", include_str!("string.js")),
    ("prelude/math-number.js", include_str!("math-number.js")),
    ("prelude/array.js", include_str!("array.js")),
    ("prelude/json.js", include_str!("json.js")),
    ("prelude/console.js", include_str!("console.js")),
    ("prelude/iteration.js", include_str!("iteration.js")),
    ("prelude/promise.js", include_str!("promise.js")),
    ("prelude/fiber.js", include_str!("fiber.js")),
];
