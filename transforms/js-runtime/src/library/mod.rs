//! The JS runtime library, written in switchyard IR with [`FunctionBuilder`].
//!
//! [`install`] adds every runtime function, global and host import to a
//! module and returns their ids in a [`Runtime`]; the front end calls them
//! by field. Because the runtime is IR like the user's code, the strategy
//! transforms see it too (a fiber may suspend inside a callback that a
//! runtime function called), and it runs unchanged under every strategy.
//!
//! Conventions (see `layout` for the encoding):
//! * `V` below means an `i64` NaN-boxed value, `P` an `i32` pointer to a heap
//!   block (strings: a KIND_STRING block), `I` a plain `i32`.
//! * Functions marked **throws** may set `exc_pending`; the caller must check
//!   it right after the call (the front end does this after every call that
//!   can throw). When they throw, their result is `undefined` / 0.
//! * Nothing here calls back into JS code except `call`, `construct`,
//!   `call_spread`, `construct_spread` and the iteration functions (user
//!   iterators' `[Symbol.iterator]`/`next`/`return`/`throw`, generator
//!   bodies through `gen_resume`):
//!   `add`/`to_string`/`to_number` never do (ToPrimitive on our objects
//!   uses the built-in conversions only: arrays join with ",", plain objects
//!   are `"[object Object]"`, errors `"Name: message"`, functions
//!   `"function NAME() { [native code] }"`).
//! * Symbol-keyed properties (`obj[Symbol.iterator]`) are stored under the
//!   key string `"Symbol(Symbol.iterator)"`, always hidden, so they never
//!   show in `own_keys`; those set by `set` (assignments, object literals)
//!   are also flagged `PROP_SYMBOL` so that console.log shows them.
//! * Only `gen_resume` contains coroutine instructions (`coro.new`,
//!   `coro.resume`, `coro.free`), and only when [`Features::generators`] is
//!   on; generator bodies (the front end's) contain the `coro.suspend`s.
//!
//! Implementation: one module per concept (`alloc`, `strings`, `convert`,
//! `operators`, `objects`, `errors`, `iterate`, `generators`, `init`), sharing the
//! builder shorthands and interned strings of `context`.

mod alloc;
mod context;
mod convert;
mod errors;
pub mod fibers;
mod generators;
mod init;
mod iterate;
mod objects;
mod operators;
mod strings;

use crate::host_imports::{self as hi, HOST_IMPORTS};
use crate::layout::*;
use crate::statics::StaticData;
use context::{Cx, Helpers, Strs};
use switchyard_ir::Type::{F64, I32, I64};
use switchyard_ir::{Const, DataSegment, FuncId, GlobalId, Module, Signature, Type};

/// Ids of the host imports (see [`crate::host_imports`]).
#[derive(Clone, Debug)]
pub struct HostFuncs {
    pub console_log: FuncId,
    pub console_error: FuncId,
    pub number_to_string: FuncId,
    pub string_to_number: FuncId,
    pub parse_int: FuncId,
    pub parse_float: FuncId,
    pub math_pow: FuncId,
    pub math_fmod: FuncId,
    pub fatal: FuncId,
    pub clock_now: FuncId,
    pub sleep: FuncId,
    pub unhandled_rejection: FuncId,
}

/// Every runtime function and global, by role.
#[derive(Clone, Debug)]
pub struct Runtime {
    pub host: HostFuncs,

    // ---- globals -----------------------------------------------------------
    /// i32 shadow stack pointer (grows down; callers store arguments below it).
    pub sp: GlobalId,
    /// i32 lowest address the shadow stack may reach; below it → fatal(stack overflow).
    pub stack_limit: GlobalId,
    /// i32 next free heap byte (bump allocation).
    pub heap_ptr: GlobalId,
    /// i32 1 while an exception propagates (exported as `exc_pending`).
    pub exc_pending: GlobalId,
    /// i64 the thrown value (exported as `exc_value`).
    pub exc_value: GlobalId,
    /// i32 encoded source position of the throw, 0 if unknown (exported as `exc_pos`).
    pub exc_pos: GlobalId,
    /// i32 the `exc_pos` of the exception the last `catch` caught (the
    /// async drivers attach it to the error they reject a promise with, so
    /// that an unhandled rejection can say where it was thrown).
    pub caught_pos: GlobalId,
    /// i32 pointers to the built-in prototype objects, created by `init`.
    pub proto_object: GlobalId,
    pub proto_array: GlobalId,
    pub proto_function: GlobalId,
    pub proto_string: GlobalId,
    pub proto_number: GlobalId,
    pub proto_boolean: GlobalId,
    /// Indexed by `layout::ERR_*`: Error.prototype, TypeError.prototype, …
    /// Each inherits from Error.prototype (which inherits from Object.prototype).
    pub proto_errors: Vec<GlobalId>,
    /// %IteratorPrototype% (hidden `[Symbol.iterator]() { return this }`).
    pub proto_iterator: GlobalId,
    /// %GeneratorPrototype% (inherits from %IteratorPrototype%): hidden
    /// `next`, `return`, `throw` (runtime functions), `[Symbol.toStringTag]`
    /// "Generator", `constructor` = %GeneratorFunction.prototype%.
    pub proto_generator: GlobalId,
    /// %GeneratorFunction.prototype% (inherits from Function.prototype): the
    /// prototype of every generator function; hidden `prototype` =
    /// %GeneratorPrototype%, `[Symbol.toStringTag]` "GeneratorFunction".
    pub proto_generator_function: GlobalId,
    /// i32 %AsyncGeneratorPrototype% (made by the prelude's `promise.js`,
    /// which stores it here; 0 until then): the prototype of the default
    /// `prototype` object of async generator functions.
    pub proto_async_generator: GlobalId,
    /// i32 %AsyncFunction.prototype% and %AsyncGeneratorFunction.prototype%
    /// (also made by `promise.js`; 0 until then): the prototypes of async
    /// and async generator function objects.
    pub proto_async_function: GlobalId,
    pub proto_async_generator_function: GlobalId,
    /// i32: the `exc_pos` of an exception a delegate threw, while the
    /// delegating generator's body is resumed (GEN_MODE_DELEGATE_THROW) to
    /// rethrow it.
    pub gen_throw_pos: GlobalId,
    /// %ArrayIteratorPrototype% / %StringIteratorPrototype% (inherit from
    /// %IteratorPrototype%): hidden `next`, `[Symbol.toStringTag]`.
    pub proto_array_iterator: GlobalId,
    pub proto_string_iterator: GlobalId,
    /// i64: the completion value when `gen_resume` / `yield_star_step`
    /// return `layout::DONE` (read it right after the call).
    pub gen_retval: GlobalId,

    // ---- start-up ----------------------------------------------------------
    /// `init()`: creates the prototype objects. `main` calls it first.
    pub init: FuncId,

    // ---- memory ------------------------------------------------------------
    /// `alloc(size: I) -> P`: a fresh, zeroed, 8-aligned block; grows memory;
    /// fatal(out of memory) when it cannot.
    pub alloc: FuncId,
    /// `push_args(argc: I) -> P`: reserves `argc` i64 argument slots on the
    /// shadow stack (sp -= 8·argc, fatal(stack overflow) below the limit) and
    /// returns the new sp. The caller stores arguments there, calls, then
    /// restores sp with `pop_args`.
    pub push_args: FuncId,
    /// `pop_args(argc: I)`: sp += 8·argc.
    pub pop_args: FuncId,

    // ---- conversions (ECMAScript abstract operations) ---------------------
    /// `to_number(v: V) -> f64`
    pub to_number: FuncId,
    /// `to_string(v: V) -> V` (a string value). Numbers use Number::toString.
    pub to_string: FuncId,
    /// `to_boolean(v: V) -> I` (0 or 1)
    pub to_boolean: FuncId,
    /// `to_int32(v: V) -> I` (ToInt32; ToUint32 is the same bits)
    pub to_int32: FuncId,
    /// `to_property_key(v: V) -> P` (string block; numbers in canonical form)
    pub to_property_key: FuncId,
    /// `type_of(v: V) -> V` (the `typeof` string)
    pub type_of: FuncId,
    /// `number_to_string(x: f64) -> V` (small integers without a host call)
    pub number_to_string: FuncId,
    /// `number_to_value(x: f64) -> V`: canonicalises NaN (any NaN → CANONICAL_NAN)
    pub number_to_value: FuncId,
    /// `f64_to_int32(x: f64) -> I`: ToInt32 of a number (modulo 2^32; NaN,
    /// ±Infinity → 0), for inline bitwise operators. (Added.)
    pub f64_to_int32: FuncId,

    // ---- operators (slow paths; the front end inlines number fast paths) --
    /// `add(a: V, b: V) -> V`: `+` (string concatenation if either primitive is a string)
    pub add: FuncId,
    /// `strict_equals(a: V, b: V) -> I` (`===`; strings by content, NaN ≠ NaN, +0 = -0)
    pub strict_equals: FuncId,
    /// `loose_equals(a: V, b: V) -> I` (`==` with coercions among primitives)
    pub loose_equals: FuncId,
    /// `compare(a: V, b: V, op: I) -> I`: op 0 `<`, 1 `<=`, 2 `>`, 3 `>=`
    /// (strings compare by UTF-16 units; anything involving NaN is false)
    pub compare: FuncId,
    /// `remainder(x: f64, y: f64) -> f64`: `%` (integer fast path, else host fmod)
    pub remainder: FuncId,
    /// `instance_of(v: V, ctor: V) -> I` **throws** TypeError if ctor is not callable
    pub instance_of: FuncId,
    /// `has_property(key: V, obj: V) -> I` (`key in obj`) **throws** TypeError if obj is not an object
    pub has_property: FuncId,

    // ---- objects, arrays, functions ---------------------------------------
    /// `new_object() -> V` (prototype Object.prototype)
    pub new_object: FuncId,
    /// `new_object_with_proto(proto: P) -> V` (0 = null prototype)
    pub new_object_with_proto: FuncId,
    /// `new_array(capacity: I) -> V` (length 0)
    pub new_array: FuncId,
    /// `array_push(arr: V, v: V)`: appends (arr must be an array)
    pub array_push: FuncId,
    /// `array_length(arr: V) -> I`
    pub array_length: FuncId,
    /// `array_set_length(arr: V, len: I)`: truncates or extends with holes
    pub array_set_length: FuncId,
    /// `get(obj: V, key: V) -> V` **throws** on undefined/null
    /// (`TypeError: Cannot read properties of undefined (reading 'x')`).
    /// Arrays: integer keys → elements (holes read as undefined), `length`.
    /// Strings: integer keys → one-unit strings, `length`. Then own
    /// properties, then the prototype chain; primitives use their prototype.
    /// Functions: own properties, then `name`/`length` from the block, then
    /// `prototype` (created on first read, see `construct`), then the chain.
    pub get: FuncId,
    /// `get_named(obj: V, key: P) -> V` **throws**: like `get` with a string key
    pub get_named: FuncId,
    /// `set(obj: V, key: V, v: V)` **throws** on undefined/null
    /// (`TypeError: Cannot set properties of undefined (setting 'x')`);
    /// ignores writes to primitives. Arrays: integer keys write elements
    /// (growing, with holes), `length` truncates/extends (RangeError
    /// `Invalid array length` unless a valid uint32). Functions: writes to
    /// `name`/`length` are ignored (read-only, sloppy mode); `prototype`
    /// stays non-enumerable. Symbol keys make hidden properties.
    pub set: FuncId,
    /// `set_named(obj: V, key: P, v: V)` **throws**: like `set` with a string key
    pub set_named: FuncId,
    /// `delete_property(obj: V, key: V) -> I` **throws** on undefined/null
    pub delete_property: FuncId,
    /// `define_hidden(obj: V, key: P, v: V)`: creates/overwrites an own
    /// non-enumerable property (for built-in methods)
    pub define_hidden: FuncId,
    /// `own_keys(obj: V) -> V`: array of own enumerable string keys in
    /// ECMAScript order (integer-like keys ascending, then insertion order);
    /// for arrays the indices of non-hole elements first; for strings the indices.
    pub own_keys: FuncId,
    /// `new_function(slot: I, env: P, name: P, arity: I) -> V`
    /// (prototype Function.prototype)
    pub new_function: FuncId,
    /// `new_generator_function(slot: I, env: P, name: P, arity: I) -> V`:
    /// like `new_function` (the slot's code is the generator's *starter*,
    /// which calls `new_generator`), with class CLASS_GENERATOR_FUNCTION and
    /// prototype %GeneratorFunction.prototype%.
    pub new_generator_function: FuncId,
    /// `set_function_name(f: V, key: V)`: names the function `f` after a
    /// computed property key (`{ [k]() {} }`): the key's string, or
    /// `[Symbol.iterator]` for a symbol.
    pub set_function_name: FuncId,
    /// `new_box(v: V) -> P`
    pub new_box: FuncId,
    /// `new_env(count: I) -> P` (slots zero; the front end stores box pointers)
    pub new_env: FuncId,
    /// `call(f: V, this: V, argv: P, argc: I) -> V` **throws** (TypeError
    /// `… is not a function` if f is not callable, or whatever f throws)
    pub call: FuncId,
    /// `construct(f: V, argv: P, argc: I) -> V` **throws**: `new f(...)`:
    /// a fresh object whose prototype is `f.prototype` (created on first
    /// use, as a hidden own property, holding an object whose hidden
    /// `constructor` is f; Object.prototype if `f.prototype` is not an
    /// object), passed as `this`; an object result replaces it
    pub construct: FuncId,

    // ---- errors -------------------------------------------------------------
    /// `throw_value(v: V, pos: I)`: sets exc_pending/exc_value/exc_pos
    pub throw_value: FuncId,
    /// `make_error(kind: I, message: V) -> V`: a new Error of `layout::ERR_*`
    /// kind with own hidden `message` (ToString'd; omitted if undefined)
    pub make_error: FuncId,
    /// `throw_error(kind: I, message: P)`: make_error + throw_value (pos 0)
    pub throw_error: FuncId,
    /// `throw_not_callable(what: P)`: TypeError `<what> is not a function`
    pub throw_not_callable: FuncId,
    /// `throw_not_defined(name: P)`: ReferenceError `<name> is not defined`
    pub throw_not_defined: FuncId,
    /// `throw_not_iterable(what: P)`: TypeError `<what> is not iterable`
    /// (for the front end, which knows the expression text). (Added.)
    pub throw_not_iterable: FuncId,

    // ---- strings ------------------------------------------------------------
    /// `string_concat(a: P, b: P) -> P`
    pub string_concat: FuncId,
    /// `string_equals(a: P, b: P) -> I`
    pub string_equals: FuncId,
    /// `string_compare(a: P, b: P) -> I`: -1, 0, 1 by UTF-16 units
    pub string_compare: FuncId,
    /// `new_string(len: I) -> P`: a string block with `len` zeroed units
    /// (to be filled before it escapes)
    pub new_string: FuncId,
    /// `string_from_code_unit(u: I) -> V` (one-unit strings < 128 are static)
    pub string_from_code_unit: FuncId,
    /// `substring(s: P, start: I, end: I) -> V` (clamped, start ≤ end)
    pub substring: FuncId,
    /// `string_index_of(s: P, search: P, from: I) -> I` (-1 if absent)
    pub string_index_of: FuncId,
    /// `concat_all(arr: V) -> V`: one string from an array of string values
    /// (each element must be a string), in a single allocation
    pub concat_all: FuncId,
    /// `array_join(arr: V, sep: P) -> V`: Array.prototype.join's core: the
    /// elements' ToString (undefined, null and holes as "") joined with
    /// `sep`, in a single allocation; arr must be an array. (Added.)
    pub array_join: FuncId,

    // ---- iteration (for-of, spread, destructuring, yield*) --------------------
    /// `get_iterator(v: V, what: P, style: I) -> V` **throws**: an iterator
    /// handle for `iterator_next`/`iterator_close`: a KIND_ITER block for
    /// arrays and strings (never consulting `[Symbol.iterator]`) and for
    /// objects whose `[Symbol.iterator]` method returns an iterator object
    /// (its `next` read once); a generator whose iteration methods are the
    /// built-in ones (it and its prototype have no own properties) is its
    /// own handle. Errors: style 0 (for-of, array spread, destructuring):
    /// TypeError `<what> is not iterable` (what = the source text, or 0 for
    /// V8's `number 5 is not iterable (cannot read property
    /// Symbol(Symbol.iterator))` form); style 1 (call spread): `<what> is
    /// not iterable (cannot read property undefined)` for undefined/null,
    /// else `Spread syntax requires ...iterable[Symbol.iterator] to be a
    /// function`. Also `Result of the Symbol.iterator method is not an
    /// object`.
    pub get_iterator: FuncId,
    /// `iterator_next(it: V) -> V`: the next value, or `layout::DONE`
    /// **throws**. Strings iterate by code point. Generators are resumed
    /// directly (no result object is allocated); user iterators' results
    /// must be objects (`Iterator result 5 is not an object`).
    pub iterator_next: FuncId,
    /// `iterator_close(it: V)` **throws**: called when a for-of or a
    /// destructuring exits early: calls the iterator's `return` method if it
    /// has one (the result must be an object).
    pub iterator_close: FuncId,
    /// `destructure_iter(v: V, what: P) -> V` **throws**: for array
    /// destructuring: an array is its own handle (read by index, no
    /// allocation); anything else `get_iterator(v, what, 0)`.
    pub destructure_iter: FuncId,
    /// `destructure_next(it: V, idx: I) -> V` **throws**: element `idx` of
    /// an array handle (holes read as undefined, DONE at the end), else
    /// `iterator_next(it)`.
    pub destructure_next: FuncId,
    /// `destructure_rest(it: V, idx: I) -> V` **throws**: a new array of the
    /// remaining values (elements from `idx` for an array handle).
    pub destructure_rest: FuncId,
    /// `spread_into(arr: V, v: V, what: P, style: I)` **throws**: appends the
    /// values of iterable `v` to array `arr` (`get_iterator` errors).
    pub spread_into: FuncId,
    /// `call_spread(f: V, this: V, args: V, what: P) -> V` **throws**: calls
    /// `f` with the elements of the array `args` as arguments (`what`
    /// names the callee in `… is not a function`).
    pub call_spread: FuncId,
    /// `construct_spread(f: V, args: V) -> V` **throws**: `new f(...args)`.
    pub construct_spread: FuncId,
    /// `rest_args(argv: P, argc: I, from: I) -> V`: a new array of
    /// arguments `from..argc` (rest parameters).
    pub rest_args: FuncId,
    /// `copy_props(target: V, src: V, excluded: V)` **throws**: copies the
    /// own enumerable properties of `src` (any value; undefined/null copy
    /// nothing) whose keys are not in the array `excluded` (or undefined) to
    /// `target` (object spread, object rest patterns).
    pub copy_props: FuncId,
    /// `throw_destructure(v: V, what: P, prop: P)`: TypeError `Cannot
    /// destructure property 'prop' of 'what' as it is undefined.` (or
    /// `Cannot destructure 'what' as it is null.` when prop is 0); what = 0
    /// uses `undefined` / `object null`.
    pub throw_destructure: FuncId,

    // ---- generators -------------------------------------------------------------
    /// `new_generator(callee: P, this: V, argv: P, argc: I, entry: I) -> V`:
    /// the generator object a generator function's starter returns:
    /// prototype `callee.prototype` (if an object, else
    /// %GeneratorPrototype%), state GEN_START, the arguments copied inline.
    /// The coroutine is created by the first `next`.
    pub new_generator: FuncId,
    /// `gen_resume(gen: P, mode: I, v: V) -> V` **throws**: resumes the
    /// generator object `gen` (`next(v)`, `throw(v)`, `return(v)` by
    /// `layout::GEN_MODE_*`), with the state machine of the spec
    /// (`Generator is already running`, completed generators, `return`/`throw`
    /// before the start). Returns the yielded value (a result object if the
    /// generator's GEN_RAW is set), or `layout::DONE` with the completion
    /// value in `gen_retval`. If the body throws, the generator is completed
    /// and the exception propagates.
    pub gen_resume: FuncId,
    /// `new_array_iterator(target: V, kind: I) -> V`: an array iterator
    /// object over the array `target` (kind `AITER_VALUES` / `KEYS` /
    /// `ENTRIES`), or a string iterator over the string `target` (kind
    /// `AITER_CODE_POINTS`).
    pub new_array_iterator: FuncId,
    /// `make_iter_result(v: V, done: I) -> V`: `{ value: v, done }`.
    pub make_iter_result: FuncId,
    /// `yield_star_step(gen: P, it: V, mode: I, v: V) -> V` **throws**: one
    /// step of `yield*` in generator `gen` over the iterator handle `it`
    /// (from `get_iterator`): forwards `next(v)` / `throw(v)` / `return(v)`
    /// per the spec. Returns the value to yield (setting `gen`'s GEN_RAW when
    /// it is a result object to pass on as is), or DONE with `gen_retval`
    /// holding the delegate's return value: for mode RETURN the generator
    /// must then return that value, for the others it is the value of the
    /// `yield*` expression. A missing `throw` method closes the iterator and
    /// throws `The iterator does not provide a 'throw' method.`
    pub yield_star_step: FuncId,

    // ---- fibers (only when `Features::fibers`) ------------------------------
    /// The runtime of the non-standard `Fiber` built-in (see `fibers`).
    pub fibers: Option<fibers::FiberFuncs>,
}

/// What the program needs from the runtime beyond the basics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Features {
    /// The program has generator functions. Without them no generator
    /// object can exist, and `gen_resume` (the only runtime function with
    /// coroutine instructions) is a trap: a program without suspension
    /// points then has no coroutine instructions at all, and compiles to
    /// the same Wasm under every strategy.
    pub generators: bool,
    /// The program can reach the `Fiber` built-in (the prelude's
    /// `fiber.js` survived tree-shaking). Only then is the fiber runtime
    /// installed: its `Fiber.yield` makes every JS function suspendable.
    pub fibers: bool,
}

/// Declares the host imports, creates the runtime's globals and functions in
/// `m`, interning the strings it needs in `statics`. (No generators: see
/// [`install_with`].)
pub fn install(m: &mut Module, statics: &mut StaticData) -> Runtime {
    install_with(m, statics, Features::default())
}

/// [`install`] for a program with the given [`Features`].
pub fn install_with(m: &mut Module, statics: &mut StaticData, features: Features) -> Runtime {
    let host = declare_host(m);
    let mut rt = declare_runtime(m, host);
    rt.fibers = features.fibers.then(|| fibers::declare(m));
    let h = declare_helpers(m);
    let k = Strs::intern(statics);
    let cx = Cx { rt, h, k, features };
    alloc::build(m, &cx);
    strings::build(m, &cx);
    convert::build(m, &cx);
    operators::build(m, &cx);
    objects::build(m, &cx);
    errors::build(m, &cx);
    iterate::build(m, &cx);
    generators::build(m, &cx);
    fibers::build(m, &cx, statics);
    init::build(m, &cx);
    cx.rt
}

/// Lays out memory once everything is interned: places the static data,
/// sizes the initial memory, and sets the initial values of `sp`,
/// `stack_limit` and `heap_ptr` (static data, then the main shadow stack,
/// then the heap). Exports `main`'s companions `exc_pending`, `exc_value`,
/// `exc_pos` for the host.
pub fn finalize(m: &mut Module, rt: &Runtime, statics: &StaticData) {
    // Idempotent: a second call replaces the first one's segment.
    m.data.retain(|d| d.offset != STATIC_BASE);
    if !statics.bytes().is_empty() {
        m.data.push(DataSegment {
            offset: STATIC_BASE,
            bytes: statics.bytes().to_vec(),
        });
    }
    let stack_bottom = align8(statics.end());
    let stack_top = stack_bottom + SHADOW_STACK_SIZE;
    let heap_start = align8(stack_top);
    let pages = heap_start.div_ceil(PAGE_SIZE) + HEAP_HEADROOM_PAGES;
    m.memory.min_pages = m.memory.min_pages.max(pages);
    if let Some(max) = m.memory.max_pages {
        m.memory.max_pages = Some(max.max(m.memory.min_pages));
    }
    let mut init = |g: GlobalId, v: u32| m.globals[g.index()].init = Const::I32(v as i32);
    init(rt.stack_limit, stack_bottom);
    init(rt.sp, stack_top);
    init(rt.heap_ptr, heap_start);
    for (g, name) in [
        (rt.exc_pending, EXPORT_EXC_PENDING),
        (rt.exc_value, EXPORT_EXC_VALUE),
        (rt.exc_pos, EXPORT_EXC_POS),
    ] {
        m.globals[g.index()].export = Some(name.to_string());
    }
}

/// Pages of heap the initial memory holds beyond the shadow stack.
const HEAP_HEADROOM_PAGES: u32 = 16;

fn declare_host(m: &mut Module) -> HostFuncs {
    let mut ids = std::collections::HashMap::new();
    for imp in HOST_IMPORTS {
        let id = m.import_func(
            HOST_MODULE,
            imp.name,
            Signature::new(imp.params.to_vec(), imp.results.to_vec()),
        );
        ids.insert(imp.name, id);
    }
    let get = |n: &str| ids[n];
    HostFuncs {
        console_log: get(hi::CONSOLE_LOG),
        console_error: get(hi::CONSOLE_ERROR),
        number_to_string: get(hi::NUMBER_TO_STRING),
        string_to_number: get(hi::STRING_TO_NUMBER),
        parse_int: get(hi::PARSE_INT),
        parse_float: get(hi::PARSE_FLOAT),
        math_pow: get(hi::MATH_POW),
        math_fmod: get(hi::MATH_FMOD),
        fatal: get(hi::FATAL),
        clock_now: get(hi::CLOCK_NOW),
        sleep: get(hi::SLEEP),
        unhandled_rejection: get(hi::UNHANDLED_REJECTION),
    }
}

fn declare_runtime(m: &mut Module, host: HostFuncs) -> Runtime {
    let mut g = |name: &str, ty: Type| {
        let init = ty.zero();
        m.add_global(name, ty, true, init)
    };
    let sp = g("sp", I32);
    let stack_limit = g("stack_limit", I32);
    let heap_ptr = g("heap_ptr", I32);
    let exc_pending = g("exc_pending", I32);
    let exc_value = g("exc_value", I64);
    let exc_pos = g("exc_pos", I32);
    let caught_pos = g("caught_pos", I32);
    let proto_object = g("proto_object", I32);
    let proto_array = g("proto_array", I32);
    let proto_function = g("proto_function", I32);
    let proto_string = g("proto_string", I32);
    let proto_number = g("proto_number", I32);
    let proto_boolean = g("proto_boolean", I32);
    let proto_errors = ERROR_NAMES
        .iter()
        .map(|n| g(&format!("proto_{n}"), I32))
        .collect();
    let proto_iterator = g("proto_Iterator", I32);
    let proto_generator = g("proto_Generator", I32);
    let proto_generator_function = g("proto_GeneratorFunction", I32);
    let proto_async_generator = g("proto_AsyncGenerator", I32);
    let proto_async_function = g("proto_AsyncFunction", I32);
    let proto_async_generator_function = g("proto_AsyncGeneratorFunction", I32);
    let gen_retval = g("gen_retval", I64);
    let proto_array_iterator = g("proto_ArrayIterator", I32);
    let gen_throw_pos = g("gen_throw_pos", I32);
    let proto_string_iterator = g("proto_StringIterator", I32);
    let mut f = |name: &str, params: &[Type], results: &[Type]| {
        m.declare_func(
            format!("rt_{name}"),
            Signature::new(params.to_vec(), results.to_vec()),
        )
    };
    Runtime {
        host,
        sp,
        stack_limit,
        heap_ptr,
        exc_pending,
        exc_value,
        exc_pos,
        caught_pos,
        proto_object,
        proto_array,
        proto_function,
        proto_string,
        proto_number,
        proto_boolean,
        proto_errors,
        proto_iterator,
        proto_generator,
        proto_generator_function,
        proto_async_generator,
        proto_async_function,
        proto_async_generator_function,
        proto_array_iterator,
        proto_string_iterator,
        gen_throw_pos,
        gen_retval,
        init: f("init", &[], &[]),
        alloc: f("alloc", &[I32], &[I32]),
        push_args: f("push_args", &[I32], &[I32]),
        pop_args: f("pop_args", &[I32], &[]),
        to_number: f("to_number", &[I64], &[F64]),
        to_string: f("to_string", &[I64], &[I64]),
        to_boolean: f("to_boolean", &[I64], &[I32]),
        to_int32: f("to_int32", &[I64], &[I32]),
        to_property_key: f("to_property_key", &[I64], &[I32]),
        type_of: f("type_of", &[I64], &[I64]),
        number_to_string: f("number_to_string", &[F64], &[I64]),
        number_to_value: f("number_to_value", &[F64], &[I64]),
        f64_to_int32: f("f64_to_int32", &[F64], &[I32]),
        add: f("add", &[I64, I64], &[I64]),
        strict_equals: f("strict_equals", &[I64, I64], &[I32]),
        loose_equals: f("loose_equals", &[I64, I64], &[I32]),
        compare: f("compare", &[I64, I64, I32], &[I32]),
        remainder: f("remainder", &[F64, F64], &[F64]),
        instance_of: f("instance_of", &[I64, I64], &[I32]),
        has_property: f("has_property", &[I64, I64], &[I32]),
        new_object: f("new_object", &[], &[I64]),
        new_object_with_proto: f("new_object_with_proto", &[I32], &[I64]),
        new_array: f("new_array", &[I32], &[I64]),
        array_push: f("array_push", &[I64, I64], &[]),
        array_length: f("array_length", &[I64], &[I32]),
        array_set_length: f("array_set_length", &[I64, I32], &[]),
        get: f("get", &[I64, I64], &[I64]),
        get_named: f("get_named", &[I64, I32], &[I64]),
        set: f("set", &[I64, I64, I64], &[]),
        set_named: f("set_named", &[I64, I32, I64], &[]),
        delete_property: f("delete_property", &[I64, I64], &[I32]),
        define_hidden: f("define_hidden", &[I64, I32, I64], &[]),
        own_keys: f("own_keys", &[I64], &[I64]),
        new_function: f("new_function", &[I32, I32, I32, I32], &[I64]),
        new_generator_function: f("new_generator_function", &[I32, I32, I32, I32], &[I64]),
        set_function_name: f("set_function_name", &[I64, I64], &[]),
        new_box: f("new_box", &[I64], &[I32]),
        new_env: f("new_env", &[I32], &[I32]),
        call: f("call", &[I64, I64, I32, I32], &[I64]),
        construct: f("construct", &[I64, I32, I32], &[I64]),
        throw_value: f("throw_value", &[I64, I32], &[]),
        make_error: f("make_error", &[I32, I64], &[I64]),
        throw_error: f("throw_error", &[I32, I32], &[]),
        throw_not_callable: f("throw_not_callable", &[I32], &[]),
        throw_not_defined: f("throw_not_defined", &[I32], &[]),
        throw_not_iterable: f("throw_not_iterable", &[I32], &[]),
        string_concat: f("string_concat", &[I32, I32], &[I32]),
        string_equals: f("string_equals", &[I32, I32], &[I32]),
        string_compare: f("string_compare", &[I32, I32], &[I32]),
        new_string: f("new_string", &[I32], &[I32]),
        string_from_code_unit: f("string_from_code_unit", &[I32], &[I64]),
        substring: f("substring", &[I32, I32, I32], &[I64]),
        string_index_of: f("string_index_of", &[I32, I32, I32], &[I32]),
        concat_all: f("concat_all", &[I64], &[I64]),
        array_join: f("array_join", &[I64, I32], &[I64]),
        get_iterator: f("get_iterator", &[I64, I32, I32], &[I64]),
        iterator_next: f("iterator_next", &[I64], &[I64]),
        iterator_close: f("iterator_close", &[I64], &[]),
        destructure_iter: f("destructure_iter", &[I64, I32], &[I64]),
        destructure_next: f("destructure_next", &[I64, I32], &[I64]),
        destructure_rest: f("destructure_rest", &[I64, I32], &[I64]),
        spread_into: f("spread_into", &[I64, I64, I32, I32], &[]),
        call_spread: f("call_spread", &[I64, I64, I64, I32], &[I64]),
        construct_spread: f("construct_spread", &[I64, I64], &[I64]),
        rest_args: f("rest_args", &[I32, I32, I32], &[I64]),
        copy_props: f("copy_props", &[I64, I64, I64], &[]),
        throw_destructure: f("throw_destructure", &[I64, I32, I32], &[]),
        new_generator: f("new_generator", &[I32, I64, I32, I32, I32], &[I64]),
        gen_resume: f("gen_resume", &[I32, I32, I64], &[I64]),
        make_iter_result: f("make_iter_result", &[I64, I32], &[I64]),
        new_array_iterator: f("new_array_iterator", &[I64, I32], &[I64]),
        yield_star_step: f("yield_star_step", &[I32, I64, I32, I64], &[I64]),
        fibers: None,
    }
}

fn declare_helpers(m: &mut Module) -> Helpers {
    let mut f = |name: &str, params: &[Type], results: &[Type]| {
        m.declare_func(
            format!("rt_{name}"),
            Signature::new(params.to_vec(), results.to_vec()),
        )
    };
    Helpers {
        new_bytes: f("new_bytes", &[I32], &[I32]),
        find_prop: f("find_prop", &[I32, I32], &[I32]),
        lookup: f("lookup", &[I32, I32], &[I32]),
        add_prop: f("add_prop", &[I32, I32, I64, I32], &[]),
        set_own: f("set_own", &[I32, I32, I64, I32], &[]),
        array_index: f("array_index", &[I32], &[I64]),
        array_reserve: f("array_reserve", &[I32, I32], &[]),
        array_set_elem: f("array_set_elem", &[I32, I32, I64], &[]),
        fn_prototype: f("fn_prototype", &[I32], &[I64]),
        concat3: f("concat3", &[I32, I32, I32], &[I32]),
        describe: f("describe", &[I64], &[I32]),
        object_to_string: f("object_to_string", &[I64], &[I64]),
        to_primitive: f("to_primitive", &[I64], &[I64]),
        ascii_to_string: f("ascii_to_string", &[I32, I32], &[I32]),
        new_iter: f("new_iter", &[I32, I64], &[I64]),
        iter_result_check: f("iter_result_check", &[I64], &[I64]),
        call1_method: f("call1_method", &[I64, I64, I64], &[I64]),
        throw_type_with: f("throw_type_with", &[I32, I32, I32], &[]),
        gen_proto_next: f("gen_proto_next", &crate::layout::JS_FUNC_PARAMS, &[I64]),
        gen_proto_return: f("gen_proto_return", &crate::layout::JS_FUNC_PARAMS, &[I64]),
        gen_proto_throw: f("gen_proto_throw", &crate::layout::JS_FUNC_PARAMS, &[I64]),
        iterator_proto_iterator: f(
            "iterator_proto_iterator",
            &crate::layout::JS_FUNC_PARAMS,
            &[I64],
        ),
        array_iter_proto_next: f(
            "array_iter_proto_next",
            &crate::layout::JS_FUNC_PARAMS,
            &[I64],
        ),
        array_iter_step: f("array_iter_step", &[I32], &[I64]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installed_runtime_verifies() {
        let mut m = Module::new();
        let mut statics = StaticData::new();
        let rt = install(&mut m, &mut statics);
        finalize(&mut m, &rt, &statics);
        if let Err(errors) = switchyard_ir::verify(&m) {
            let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!("{}", text.join("\n"));
        }
        // Every runtime function is defined and prefixed.
        for f in &m.funcs {
            if !f.is_import() {
                assert!(f.name.starts_with("rt_"), "{}", f.name);
                assert!(f.body().is_some(), "{} has no body", f.name);
            }
        }
        let exported: Vec<_> = m.globals.iter().filter_map(|g| g.export.clone()).collect();
        assert_eq!(
            exported,
            [EXPORT_EXC_PENDING, EXPORT_EXC_VALUE, EXPORT_EXC_POS]
        );
    }

    #[test]
    fn finalize_lays_out_memory() {
        let mut m = Module::new();
        let mut statics = StaticData::new();
        let rt = install(&mut m, &mut statics);
        finalize(&mut m, &rt, &statics);
        let init = |g: GlobalId| match m.globals[g.index()].init {
            Const::I32(v) => v as u32,
            _ => panic!(),
        };
        let bottom = init(rt.stack_limit);
        assert!(bottom >= statics.end() && bottom % 8 == 0);
        assert_eq!(init(rt.sp), bottom + SHADOW_STACK_SIZE);
        let heap = init(rt.heap_ptr);
        assert!(heap >= init(rt.sp) && heap % 8 == 0);
        assert!(m.memory.min_pages * PAGE_SIZE >= heap + 16 * PAGE_SIZE);
        assert_eq!(m.data.len(), 1);
        assert_eq!(m.data[0].offset, STATIC_BASE);
    }
}
