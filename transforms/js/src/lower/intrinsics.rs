//! Intrinsics: the primitive operations the self-hosted prelude (the JS
//! built-ins in `src/prelude/`) is written with.
//!
//! An intrinsic is written as a call `__sy_name(args…)` and is recognised
//! only while compiling the prelude; the front end lowers it to inline IR or
//! a direct runtime call. Intrinsics are not values (they cannot be stored
//! or passed), their arguments are evaluated left to right, and each has a
//! fixed arity checked at compile time. In user code, `__sy_*` names are
//! ordinary identifiers.
//!
//! Where a description says "number" for an argument, the prelude has
//! already made sure it is a JS number (the intrinsic does not convert); an
//! integer-valued argument is truncated to i32 with saturation.

/// `(name, arity, description)` of every intrinsic.
pub const INTRINSICS: &[(&str, usize, &str)] = &[
    // -- arguments of the enclosing non-arrow function --
    ("__sy_argc", 0, "number of arguments passed to the enclosing function"),
    ("__sy_arg", 1, "argument i (number) of the enclosing function, undefined if i >= argc"),
    ("__sy_console_log", 0, "passes the enclosing function's own arguments to the host's console_log"),
    ("__sy_console_error", 0, "passes the enclosing function's own arguments to the host's console_error"),
    // -- type tests (return booleans) --
    ("__sy_is_number", 1, "v is a number"),
    ("__sy_is_string", 1, "v is a string"),
    ("__sy_is_array", 1, "v is an array"),
    ("__sy_is_function", 1, "v is callable"),
    ("__sy_is_object", 1, "v is an object, array or function (not null)"),
    // -- conversions --
    ("__sy_to_string", 1, "ToString(v)"),
    ("__sy_to_number", 1, "ToNumber(v)"),
    ("__sy_to_int32", 1, "ToInt32(v) as a number"),
    ("__sy_to_property_key", 1, "ToPropertyKey(v) as a string"),
    ("__sy_string_to_number", 1, "StringToNumber(s) for a string s"),
    ("__sy_parse_int", 2, "parseInt(s, radix) for a string s and a number radix already ToInt32'd (0 = auto)"),
    ("__sy_parse_float", 1, "parseFloat(s) for a string s"),
    // -- numbers (arguments are numbers) --
    ("__sy_floor", 1, "f64.floor"),
    ("__sy_ceil", 1, "f64.ceil"),
    ("__sy_trunc", 1, "f64.trunc"),
    ("__sy_sqrt", 1, "f64.sqrt"),
    ("__sy_abs", 1, "f64.abs"),
    ("__sy_nearest", 1, "f64.nearest (round half to even)"),
    ("__sy_fmin", 2, "f64.min (NaN if either is NaN; -0 < +0)"),
    ("__sy_fmax", 2, "f64.max (NaN if either is NaN; -0 < +0)"),
    ("__sy_pow", 2, "x ** y (Number::exponentiate)"),
    // -- strings (s, t are strings; i, j numbers) --
    ("__sy_str_len", 1, "length of s in UTF-16 units, as a number"),
    ("__sy_char_code_at", 2, "UTF-16 unit of s at index i (0 <= i < length), as a number"),
    ("__sy_from_char_code", 1, "a one-unit string from a number 0..65535"),
    ("__sy_substring", 3, "units [i, j) of s, clamped to [0, length], i <= j"),
    ("__sy_index_of", 3, "first index >= i (number) of t in s, or -1"),
    ("__sy_str_concat", 2, "s + t for two strings"),
    ("__sy_concat_all", 1, "concatenation of an array of strings, in one allocation"),
    // -- objects and arrays --
    ("__sy_proto", 1, "a built-in prototype by literal name: \"Object\", \"Array\", \"Function\", \"String\", \"Number\", \"Boolean\", \"Error\", \"TypeError\", \"RangeError\", \"ReferenceError\", \"SyntaxError\", \"AggregateError\", \"Iterator\" (%IteratorPrototype%), \"Generator\" (%GeneratorPrototype%), \"GeneratorFunction\" (%GeneratorFunction.prototype%)"),
    ("__sy_get_proto", 1, "the prototype of an object, or null"),
    ("__sy_set_proto", 2, "sets the prototype of an object o to p (an object or null)"),
    ("__sy_define_hidden", 3, "defines o[key] = v as an own non-enumerable property (key a string)"),
    ("__sy_own_keys", 1, "array of the own enumerable string keys of o, in ECMAScript order"),
    ("__sy_new_array", 1, "a new empty array with capacity n (number)"),
    ("__sy_array_len", 1, "length of array a, as a number"),
    ("__sy_array_set_len", 2, "sets length of array a to n (truncates, or extends with holes)"),
    ("__sy_array_push", 2, "appends v to array a (no checks)"),
    ("__sy_function_name", 1, "the name of function f (a string)"),
    // -- iteration --
    ("__sy_symbol", 1, "the well-known symbol with id n (a number literal): 1 Symbol.iterator, 2 Symbol.asyncIterator, 3 Symbol.toStringTag"),
    ("__sy_array_iterator", 2, "a new iterator object over the array or string a: kind k (a number) 0 values, 1 keys, 2 entries (arrays), 3 code points (strings)"),
    ("__sy_iterable_to_array", 1, "a new array of the values the iterable v produces (the iteration protocol; throws TypeError if v is not iterable)"),
    // -- internal slots (prelude objects with fixed fields) --
    ("__sy_new_slots", 3, "a new object of class c (a number literal: 0 internal record, 5 promise, 9 async generator, 10 timer, 11 async-from-sync iterator) with prototype p (an object or null) and n (a number literal) internal slots, all undefined; invisible to property access and console.log"),
    ("__sy_slot", 2, "internal slot i (a number literal) of an object made by __sy_new_slots (unchecked)"),
    ("__sy_set_slot", 3, "sets internal slot i (a number literal) of an object made by __sy_new_slots to v (unchecked)"),
    // -- generators as coroutines (the async drivers) --
    ("__sy_gen_resume", 3, "resumes the raw generator object g with mode m (a number: 0 next, 1 throw, 2 return) and value v: the value it suspended with (a yield or an await) or, if it finished, its return value; throws what the body throws"),
    ("__sy_gen_done", 1, "the raw generator object g has finished (boolean)"),
    ("__sy_object_class", 1, "the OBJ_CLASS of v if it is a plain-kind object (0 plain, 1 error, 2 generator, 4 array iterator, 5 promise), else -1"),
    ("__sy_set_async_protos", 3, "records %AsyncFunction.prototype%, %AsyncGeneratorFunction.prototype% and %AsyncGeneratorPrototype% (objects) for the runtime: the prototypes of async function objects, async generator function objects, and of the latter's default `prototype` objects"),
    ("__sy_gen_awaiting", 1, "the async generator body g last suspended at an await, not a yield (boolean)"),
    // -- the event loop's host services --
    ("__sy_caught_pos", 0, "the encoded source position (line << 12 | col, 0 if unknown) where the exception the innermost enclosing catch clause of the prelude caught was thrown, as a number"),
    ("__sy_clock_now", 0, "milliseconds since the run started (the host's monotonic or virtual clock), a number"),
    ("__sy_sleep", 1, "blocks for ms (a number) milliseconds"),
    ("__sy_unhandled_rejection", 0, "tells the host that the exception about to end the program is an unhandled promise rejection"),
    // -- errors --
    ("__sy_make_error", 2, "a new error of kind k (0 Error, 1 TypeError, 2 RangeError, 3 ReferenceError, 4 SyntaxError, 5 AggregateError) with message m (undefined = none)"),
    ("__sy_throw_type_error", 1, "throws a new TypeError with message m (a string)"),
    ("__sy_throw_range_error", 1, "throws a new RangeError with message m (a string)"),
    // -- fibers (`fiber.js`; see `crate::fiber`) --
    ("__sy_fiber_new", 2, "a new fiber object running the function f (checked by the caller) with prototype p"),
    ("__sy_fiber_resume", 2, "fiber.resume(v): runs the fiber until it yields or finishes; its { value, done } (throws TypeError if not resumable, or what the fiber throws)"),
    ("__sy_fiber_yield", 1, "Fiber.yield(v): suspends the running fiber; the value of the next resume (throws TypeError outside a fiber)"),
];

/// Looks an intrinsic up by name: its arity.
pub fn intrinsic_arity(name: &str) -> Option<usize> {
    INTRINSICS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, a, _)| *a)
}
