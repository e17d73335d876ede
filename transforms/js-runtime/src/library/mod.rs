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
//! * Nothing here calls back into JS code except `call` and `construct`:
//!   `add`/`to_string`/`to_number` never do (ToPrimitive on our objects
//!   uses the built-in conversions only: arrays join with ",", plain objects
//!   are `"[object Object]"`, errors `"Name: message"`, functions
//!   `"function NAME() { [native code] }"`).
//! * Symbol-keyed properties (`obj[Symbol.iterator]`) are stored under the
//!   key string `"Symbol(Symbol.iterator)"`, always hidden, so they never
//!   show in `own_keys`.
//!
//! Implementation: one module per concept (`alloc`, `strings`, `convert`,
//! `operators`, `objects`, `errors`, `iterate`, `init`), sharing the
//! builder shorthands and interned strings of `context`.

mod alloc;
mod context;
mod convert;
mod errors;
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

    // ---- iteration (for-of) -------------------------------------------------
    /// `get_iterator(v: V) -> V` **throws** TypeError `… is not iterable`
    pub get_iterator: FuncId,
    /// `iterator_next(it: V) -> V`: the next value, or `layout::DONE`
    /// **throws**. Strings iterate by code point.
    pub iterator_next: FuncId,
    /// `iterator_close(it: V)` **throws**: called when a for-of exits early
    pub iterator_close: FuncId,
}

/// Declares the host imports, creates the runtime's globals and functions in
/// `m`, interning the strings it needs in `statics`.
pub fn install(m: &mut Module, statics: &mut StaticData) -> Runtime {
    let host = declare_host(m);
    let rt = declare_runtime(m, host);
    let h = declare_helpers(m);
    let k = Strs::intern(statics);
    let cx = Cx { rt, h, k };
    alloc::build(m, &cx);
    strings::build(m, &cx);
    convert::build(m, &cx);
    operators::build(m, &cx);
    objects::build(m, &cx);
    errors::build(m, &cx);
    iterate::build(m, &cx);
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
        proto_object,
        proto_array,
        proto_function,
        proto_string,
        proto_number,
        proto_boolean,
        proto_errors,
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
        get_iterator: f("get_iterator", &[I64], &[I64]),
        iterator_next: f("iterator_next", &[I64], &[I64]),
        iterator_close: f("iterator_close", &[I64], &[]),
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
