//! The JS value model: how every JavaScript value is encoded in 64 bits, how
//! heap objects are laid out in linear memory, and the memory map.
//!
//! This file is the single source of truth shared by the runtime (written in
//! IR), the front end (which inlines fast paths), and the Wasmtime host
//! (which reads values to print them). Change it and all three follow.
//!
//! ## Values: NaN-boxing in an `i64`
//! A value whose bits, read as an unsigned 64-bit integer, are below
//! [`TAG_MIN`] is an IEEE-754 double (every double the arithmetic can
//! produce, including the canonical NaNs `0x7FF8…` and `0xFFF8…`). Above it,
//! the top 16 bits are a tag and the low 32 bits a payload:
//!
//! | tag                | payload                                        |
//! |--------------------|------------------------------------------------|
//! | [`TAG_UNDEFINED`]  | 0 = `undefined`; 1 = [`DONE`], 2 = [`HOLE`] (internal sentinels, never visible to JS) |
//! | [`TAG_NULL`]       | 0                                              |
//! | [`TAG_BOOL`]       | 0 = false, 1 = true                            |
//! | [`TAG_STRING`]     | pointer to a [`KIND_STRING`] object            |
//! | [`TAG_OBJECT`]     | pointer to a [`KIND_OBJECT`] or [`KIND_ARRAY`] object (generators, and later promises, fibers: objects with an [`OBJ_CLASS`]) |
//! | [`TAG_FUNCTION`]   | pointer to a [`KIND_FUNCTION`] object          |
//! | [`TAG_SYMBOL`]     | a well-known symbol id ([`SYMBOL_ITERATOR`], …) |
//!
//! All values are plain numbers, never Wasm references: Asyncify cannot save
//! reference-typed locals and Wasmtime's stack switching does not work with
//! GC references, so all three strategies can suspend any frame.
//!
//! ## Heap objects
//! Every heap block starts with a 4-byte header whose low 8 bits are its
//! kind (`KIND_*`); the other 24 bits are reserved for a collector's mark
//! bits. Blocks are 8-byte aligned. Every pointer inside a block that leads
//! to another block points at that block's header, so a precise collector
//! can walk the heap from the roots knowing only this file.

// ---- value encoding --------------------------------------------------------

/// Smallest tagged bit pattern; anything below is a double.
pub const TAG_MIN: u64 = 0xFFF9_0000_0000_0000;
pub const TAG_SHIFT: u32 = 48;

pub const TAG_UNDEFINED: u64 = 0xFFF9;
pub const TAG_NULL: u64 = 0xFFFA;
pub const TAG_BOOL: u64 = 0xFFFB;
pub const TAG_STRING: u64 = 0xFFFC;
pub const TAG_OBJECT: u64 = 0xFFFD;
pub const TAG_FUNCTION: u64 = 0xFFFE;
pub const TAG_SYMBOL: u64 = 0xFFFF;

pub const UNDEFINED: u64 = TAG_UNDEFINED << TAG_SHIFT;
pub const NULL: u64 = TAG_NULL << TAG_SHIFT;
pub const FALSE: u64 = TAG_BOOL << TAG_SHIFT;
pub const TRUE: u64 = (TAG_BOOL << TAG_SHIFT) | 1;
/// Returned by the runtime's `iterator_next` when the iterator is exhausted.
pub const DONE: u64 = UNDEFINED | 1;
/// An array element that was never written (`[1, , 3]`, or writes past the
/// end). Reads as `undefined`; printed by console.log as `<N empty items>`.
pub const HOLE: u64 = UNDEFINED | 2;

pub const SYMBOL_ITERATOR: u32 = 1;
pub const SYMBOL_ASYNC_ITERATOR: u32 = 2;
pub const SYMBOL_TO_STRING_TAG: u32 = 3;

/// The property-key strings under which symbol-keyed properties are stored
/// (always hidden), indexed by symbol id (0 is unused).
pub const SYMBOL_KEYS: [&str; 4] = [
    "",
    "Symbol(Symbol.iterator)",
    "Symbol(Symbol.asyncIterator)",
    "Symbol(Symbol.toStringTag)",
];

/// The canonical NaN the runtime produces.
pub const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

/// Boxes a pointer (or other payload) under `tag`.
pub const fn boxed(tag: u64, payload: u32) -> u64 {
    (tag << TAG_SHIFT) | payload as u64
}

/// The tag of a value, or `None` for a number.
pub const fn tag_of(v: u64) -> Option<u64> {
    if v < TAG_MIN {
        None
    } else {
        Some(v >> TAG_SHIFT)
    }
}

/// The 32-bit payload (pointer, symbol id, boolean bit).
pub const fn payload_of(v: u64) -> u32 {
    v as u32
}

pub const fn is_number(v: u64) -> bool {
    v < TAG_MIN
}

// ---- heap blocks -----------------------------------------------------------

/// Offset of the 4-byte header in every block; low 8 bits are the kind.
pub const HEADER: u32 = 0;
pub const KIND_MASK: u32 = 0xFF;

/// A string: immutable UTF-16.
pub const KIND_STRING: u32 = 1;
/// A plain object (also Error objects, and later generator/promise objects,
/// told apart by [`OBJ_CLASS`]).
pub const KIND_OBJECT: u32 = 2;
/// An array: the object prefix plus dense elements.
pub const KIND_ARRAY: u32 = 3;
/// A closure: the object prefix plus code (a table slot) and environment.
pub const KIND_FUNCTION: u32 = 4;
/// A mutable cell holding one captured variable.
pub const KIND_BOX: u32 = 5;
/// A closure environment: an array of box pointers.
pub const KIND_ENV: u32 = 6;
/// An internal iterator over an array or a string (for-of).
pub const KIND_ITER: u32 = 7;
/// Raw storage owned by another block (property tables, array elements).
pub const KIND_BYTES: u32 = 8;

// String: [header][len: u32 UTF-16 units][units: u16 × len]
pub const STR_LEN: u32 = 4;
pub const STR_DATA: u32 = 8;

/// Byte size of a string block holding `len` UTF-16 units (8-aligned).
pub const fn string_block_size(len: u32) -> u32 {
    align8(STR_DATA + 2 * len)
}

// Object prefix, shared by KIND_OBJECT, KIND_ARRAY and KIND_FUNCTION.
/// u32 pointer to the prototype object (an OBJECT/ARRAY/FUNCTION block), or 0 for null.
pub const OBJ_PROTO: u32 = 4;
/// u32 number of properties in use.
pub const OBJ_PROPS_LEN: u32 = 8;
/// u32 capacity of the property table, in entries.
pub const OBJ_PROPS_CAP: u32 = 12;
/// u32 pointer to a KIND_BYTES block whose payload (from `BYTES_DATA`) is
/// `OBJ_PROPS_CAP` entries of `PROP_ENTRY_SIZE` bytes; 0 when there are none.
pub const OBJ_PROPS: u32 = 16;
/// u32 class of object, for printing and brand checks: `CLASS_*`.
pub const OBJ_CLASS: u32 = 20;
pub const OBJ_SIZE: u32 = 24;

pub const CLASS_PLAIN: u32 = 0;
/// An Error (or subclass) instance: `name` comes from the prototype chain,
/// `message` is an own non-enumerable property.
pub const CLASS_ERROR: u32 = 1;
/// A generator object (a KIND_OBJECT block of [`GEN_SIZE`] + 8·argc bytes,
/// see the `GEN_*` fields).
pub const CLASS_GENERATOR: u32 = 2;
/// On a KIND_FUNCTION block: a generator function (`function*`). Calling it
/// creates a generator; `new` on it throws; its `prototype` object inherits
/// from %GeneratorPrototype% and has no `constructor`.
pub const CLASS_GENERATOR_FUNCTION: u32 = 3;
/// An array or string iterator object (`arr.values()`, `arr.entries()`,
/// `str[Symbol.iterator]()`): a KIND_OBJECT block of [`AITER_SIZE`] bytes
/// (see the `AITER_*` fields) whose prototype is %ArrayIteratorPrototype%
/// or %StringIteratorPrototype%.
pub const CLASS_ARRAY_ITERATOR: u32 = 4;
/// A promise (the prelude's `promise.js`): a KIND_OBJECT block with
/// internal slots after the object prefix (see [`SLOTS`]): slot 0 the state
/// ([`PROMISE_PENDING`], [`PROMISE_FULFILLED`], [`PROMISE_REJECTED`] as JS
/// numbers), slot 1 the result.
pub const CLASS_PROMISE: u32 = 5;
/// An async function (on a KIND_FUNCTION block): console.log shows
/// `[AsyncFunction: f]`.
pub const CLASS_ASYNC_FUNCTION: u32 = 7;
/// An async generator function: `[AsyncGeneratorFunction: f]`.
pub const CLASS_ASYNC_GENERATOR_FUNCTION: u32 = 8;
/// An async generator object (`promise.js`, internal slots).
pub const CLASS_ASYNC_GENERATOR: u32 = 9;
/// A timer (`setTimeout`/`setInterval`'s Timeout object, internal slots).
pub const CLASS_TIMER: u32 = 10;
/// An async-from-sync iterator (`for await` over a sync iterable).
pub const CLASS_ASYNC_FROM_SYNC_ITERATOR: u32 = 11;
/// Internal slots of prelude objects (`__sy_new_slots`): i64 values from
/// here on, slot i at `SLOTS + 8 * i`.
pub const SLOTS: u32 = OBJ_SIZE;
pub const PROMISE_PENDING: f64 = 0.0;
pub const PROMISE_FULFILLED: f64 = 1.0;
pub const PROMISE_REJECTED: f64 = 2.0;

// A property table entry, in insertion order.
/// u32 pointer to the key (a KIND_STRING block).
pub const PROP_KEY: u32 = 0;
/// u32 flags: [`PROP_HIDDEN`], [`PROP_SYMBOL`].
pub const PROP_FLAGS: u32 = 4;
/// i64 value.
pub const PROP_VALUE: u32 = 8;
pub const PROP_ENTRY_SIZE: u32 = 16;
/// The property is not enumerable (skipped by for-in, Object.keys, console.log).
pub const PROP_HIDDEN: u32 = 1;
/// The key is a symbol's key string (`Symbol(Symbol.iterator)`) and the
/// property is an enumerable symbol-keyed one (set by `obj[sym] = v` or an
/// object literal): always with [`PROP_HIDDEN`] too, so string-keyed
/// enumerations (for-in, Object.keys, JSON) skip it, but console.log shows
/// it after the string keys, as `[Symbol(Symbol.iterator)]: …`.
pub const PROP_SYMBOL: u32 = 2;

// Array: object prefix, then:
/// u32 length (JS `length`).
pub const ARR_LEN: u32 = 24;
/// u32 capacity of the element storage.
pub const ARR_CAP: u32 = 28;
/// u32 pointer to a KIND_BYTES block whose payload holds `ARR_CAP` i64
/// values; elements at or past `ARR_LEN` are unspecified.
pub const ARR_ELEMS: u32 = 32;
pub const ARR_SIZE: u32 = 40;

// Function: object prefix, then:
/// u32 table slot of the code (a Wasm function of type [`JS_FUNC_PARAMS`] → i64).
pub const FN_SLOT: u32 = 24;
/// u32 pointer to the KIND_ENV block of captured variables, or 0.
pub const FN_ENV: u32 = 28;
/// u32 pointer to the name (a KIND_STRING block; the empty string for anonymous).
pub const FN_NAME: u32 = 32;
/// u32 number of declared parameters (JS `length`).
pub const FN_ARITY: u32 = 36;
pub const FN_SIZE: u32 = 40;

// Generator object (KIND_OBJECT, OBJ_CLASS = CLASS_GENERATOR): the object
// prefix, then:
/// u32 state: [`GEN_START`], [`GEN_SUSPENDED`], [`GEN_RUNNING`], [`GEN_DONE`].
pub const GEN_STATE: u32 = 24;
/// u32 how the body is being resumed: [`GEN_MODE_NEXT`], [`GEN_MODE_THROW`],
/// [`GEN_MODE_RETURN`]. Written by the runtime before every resume; the body
/// reads it right after its `coro.suspend` returns (the value passed to
/// `next`/`throw`/`return` is the resume argument).
pub const GEN_MODE: u32 = 28;
/// u32 the coroutine handle (a strategy-specific number, not a heap
/// pointer), valid in states SUSPENDED and RUNNING.
pub const GEN_CORO: u32 = 32;
/// u32 table slot of the body, a coroutine entry `(gen: i64) -> i64` that
/// receives the generator object (as a value) and returns the completion
/// value (or returns with `exc_pending` set).
pub const GEN_ENTRY: u32 = 36;
/// i64 the `this` of the call that created the generator.
pub const GEN_THIS: u32 = 40;
/// u32 the generator function (a KIND_FUNCTION block: its environment
/// holds the body's captured variables).
pub const GEN_FUNC: u32 = 48;
/// u32 the number of arguments stored at [`GEN_ARGS`].
pub const GEN_ARGC: u32 = 52;
/// u32 1 while the value the body last suspended with is a complete
/// iterator result object (from `yield*` over a non-generator iterator,
/// which must be passed on as is), else 0.
pub const GEN_RAW: u32 = 56;
/// u32 while suspended inside `yield*` over a plain generator (see
/// `get_iterator`): that generator, else 0. Resuming this generator then
/// resumes the delegate directly (recursively, down the chain of `yield*`s:
/// one coroutine switch per value instead of one per level), marking every
/// generator on the way GEN_RUNNING; this generator's body runs only when
/// the delegate completes or throws, resumed with mode
/// [`GEN_MODE_DELEGATE_DONE`], [`GEN_MODE_DELEGATE_RETURN`] or
/// [`GEN_MODE_DELEGATE_THROW`].
pub const GEN_DELEGATE: u32 = 60;
/// The call's arguments, `GEN_ARGC` i64 values, inline.
pub const GEN_ARGS: u32 = 64;
/// Byte size of a generator object without its arguments.
pub const GEN_SIZE: u32 = 64;
/// Suspended at the start: the body has not run.
pub const GEN_START: u32 = 0;
/// Suspended at a `yield`.
pub const GEN_SUSPENDED: u32 = 1;
/// Executing (a `next` from inside the body throws).
pub const GEN_RUNNING: u32 = 2;
/// Completed: the body returned or threw (the coroutine is freed).
pub const GEN_DONE: u32 = 3;
pub const GEN_MODE_NEXT: u32 = 0;
pub const GEN_MODE_THROW: u32 = 1;
pub const GEN_MODE_RETURN: u32 = 2;
/// (Only at a `yield*`, see [`GEN_DELEGATE`].) The delegate returned the
/// value: it is the value of the `yield*` expression.
pub const GEN_MODE_DELEGATE_DONE: u32 = 3;
/// The delegate, resumed with `return`, completed with the value: the
/// generator returns it.
pub const GEN_MODE_DELEGATE_RETURN: u32 = 4;
/// The delegate threw the value: it is thrown at the `yield*`.
pub const GEN_MODE_DELEGATE_THROW: u32 = 5;
/// Stored by an async generator's body just before it suspends at an
/// `await` (a `yield` leaves the mode it was resumed with, 0..2), so that
/// the driver can tell an await from a yield.
pub const GEN_MODE_AWAIT: u32 = 6;

// Fiber object (the non-standard `Fiber` built-in, `library/fibers.rs`):
// KIND_OBJECT, OBJ_CLASS = CLASS_FIBER, the object prefix, then:
/// A fiber (`new Fiber(fn)`): a KIND_OBJECT block of [`FIBER_SIZE`] bytes.
pub const CLASS_FIBER: u32 = 6;
/// u32 state: [`FIBER_NEW`], [`FIBER_SUSPENDED`], [`FIBER_RUNNING`], [`FIBER_DONE`].
pub const FIBER_STATE: u32 = 24;
/// u32 the fiber's first shadow-stack segment while it is started and not
/// done (0 otherwise). Segments are blocks of [`FIBER_SEGMENT_SIZE`] bytes
/// (not heap blocks: the runtime recycles them through a free list) whose
/// first [`FIBER_SEG_HEADER`] bytes are the `FIBER_SEG_*` fields; the
/// argument area grows down from the end. A fiber whose arguments outgrow a
/// segment continues in a chained one (see the runtime's `fibers.rs`).
pub const FIBER_STACK: u32 = 28;
/// i64 the function the fiber runs.
pub const FIBER_FN: u32 = 32;
pub const FIBER_SIZE: u32 = 40;
pub const FIBER_NEW: u32 = 0;
pub const FIBER_SUSPENDED: u32 = 1;
pub const FIBER_RUNNING: u32 = 2;
pub const FIBER_DONE: u32 = 3;
/// u32 (first segment): the fiber's coroutine handle.
pub const FIBER_SEG_CORO: u32 = 0;
/// u32 (first segment): the fiber's shadow-stack pointer while suspended.
pub const FIBER_SEG_SP: u32 = 4;
/// u32: the next free segment while on the free list.
pub const FIBER_SEG_NEXT: u32 = 8;
/// u32: the segment this one continues (0 for a fiber's first segment).
pub const FIBER_SEG_PREV: u32 = 12;
/// u32: the stack pointer in the previous segment when this one was entered.
pub const FIBER_SEG_PREV_SP: u32 = 16;
/// u32: the segment that continues this one, kept for reuse (or 0).
pub const FIBER_SEG_CHILD: u32 = 20;
/// u32 (first segment): the innermost segment while the fiber is suspended.
pub const FIBER_SEG_CUR: u32 = 24;
/// u32: 0 for a first segment, prev's + 1 for a chained one.
pub const FIBER_SEG_DEPTH: u32 = 28;
pub const FIBER_SEG_HEADER: u32 = 32;
/// Bytes of a shadow-stack segment: 1,020 argument slots.
pub const FIBER_SEGMENT_SIZE: u32 = 8 << 10;
/// Segments one fiber may chain: with [`FIBER_SEGMENT_SIZE`], 1 MiB, the
/// size of the main shadow stack ([`SHADOW_STACK_SIZE`]); beyond it the
/// program stops with "stack overflow".
pub const FIBER_MAX_SEGMENTS: u32 = 128;

// Array / string iterator object (KIND_OBJECT, OBJ_CLASS =
// CLASS_ARRAY_ITERATOR): the object prefix, then:
/// i64 the iterated array or string; `undefined` once exhausted.
pub const AITER_TARGET: u32 = 24;
/// u32 the next index (array element, or UTF-16 unit for strings).
pub const AITER_INDEX: u32 = 32;
/// u32 what each step produces: [`AITER_VALUES`], [`AITER_KEYS`],
/// [`AITER_ENTRIES`] (arrays), [`AITER_CODE_POINTS`] (strings).
pub const AITER_KIND: u32 = 36;
pub const AITER_SIZE: u32 = 40;
pub const AITER_VALUES: u32 = 0;
pub const AITER_KEYS: u32 = 1;
pub const AITER_ENTRIES: u32 = 2;
pub const AITER_CODE_POINTS: u32 = 3;

// Box: [header][pad][value: i64]
pub const BOX_VALUE: u32 = 8;
pub const BOX_SIZE: u32 = 16;

// Env: [header][count: u32][box pointers: u32 × count]
pub const ENV_COUNT: u32 = 4;
pub const ENV_SLOTS: u32 = 8;

/// Byte size of an environment with `count` slots.
pub const fn env_block_size(count: u32) -> u32 {
    align8(ENV_SLOTS + 4 * count)
}

// Iterator (internal, for-of, spread, destructuring, yield*): what
// `get_iterator` returns for arrays, strings and user iterators. (For a
// generator whose methods are the built-in ones it returns the generator
// itself.) Never visible to JS.
/// u32 what is iterated: [`ITER_ARRAY`], [`ITER_STRING`] or [`ITER_OBJECT`].
pub const ITER_KIND: u32 = 4;
/// i64 the iterated value (for ITER_OBJECT: the iterator object that the
/// `[Symbol.iterator]` method returned).
pub const ITER_TARGET: u32 = 8;
/// u32 next index (array element, or UTF-16 unit for strings).
pub const ITER_INDEX: u32 = 16;
/// i64 for ITER_OBJECT: the iterator's `next` method, read once.
pub const ITER_NEXT: u32 = 24;
pub const ITER_SIZE: u32 = 32;
pub const ITER_ARRAY: u32 = 0;
pub const ITER_STRING: u32 = 1;
pub const ITER_OBJECT: u32 = 2;

// Bytes: [header][byte size of payload: u32][payload]
pub const BYTES_SIZE: u32 = 4;
pub const BYTES_DATA: u32 = 8;

pub const fn align8(n: u32) -> u32 {
    (n + 7) & !7
}

// ---- memory map ------------------------------------------------------------

/// Addresses below this are never valid; 0 is the null pointer.
pub const STATIC_BASE: u32 = 1024;
/// A 64-byte scratch buffer for host calls that return text (number
/// formatting). Host calls are atomic, so one buffer suffices.
pub const SCRATCH: u32 = 64;
pub const SCRATCH_SIZE: u32 = 64;
/// Bytes reserved for the main shadow stack, which sits right after the
/// static data and grows downwards. Fibers get shadow stacks of their own.
pub const SHADOW_STACK_SIZE: u32 = 1 << 20;
pub const PAGE_SIZE: u32 = 65536;

// ---- calling convention ----------------------------------------------------

/// Every JS function compiles to a Wasm function of type
/// `(callee: i32, this: i64, argv: i32, argc: i32) -> i64`:
/// `callee` is the KIND_FUNCTION block being called (its environment is at
/// [`FN_ENV`]); `argv` points at `argc` i64 argument values the caller
/// stored on the shadow stack. Missing arguments read as `undefined`.
/// The result is the return value; if the callee threw, the global
/// `exc_pending` is 1, `exc_value` holds the thrown value, and the result
/// is meaningless.
pub const JS_FUNC_PARAMS: [switchyard_ir::Type; 4] = [
    switchyard_ir::Type::I32,
    switchyard_ir::Type::I64,
    switchyard_ir::Type::I32,
    switchyard_ir::Type::I32,
];

/// The signature of compiled JS functions.
pub fn js_func_sig() -> switchyard_ir::Signature {
    switchyard_ir::Signature::new(JS_FUNC_PARAMS, [switchyard_ir::Type::I64])
}

// ---- exceptions ------------------------------------------------------------

/// Exported global names the host reads after `main` returns.
pub const EXPORT_EXC_PENDING: &str = "exc_pending";
pub const EXPORT_EXC_VALUE: &str = "exc_value";
pub const EXPORT_EXC_POS: &str = "exc_pos";
/// The exported entry point: `() -> ()`.
pub const EXPORT_MAIN: &str = "main";

/// Source positions travel as `line << 12 | min(col, 4095)` (1-based line
/// and column; 0 = unknown).
pub const fn encode_pos(line: u32, col: u32) -> i32 {
    ((line << 12) | if col > 4095 { 4095 } else { col }) as i32
}

pub const fn decode_pos(pos: i32) -> (u32, u32) {
    let p = pos as u32;
    (p >> 12, p & 4095)
}

/// Error kinds for the runtime's error constructors.
pub const ERR_ERROR: i32 = 0;
pub const ERR_TYPE: i32 = 1;
pub const ERR_RANGE: i32 = 2;
pub const ERR_REFERENCE: i32 = 3;
pub const ERR_SYNTAX: i32 = 4;
pub const ERR_AGGREGATE: i32 = 5;
pub const ERROR_NAMES: [&str; 6] = [
    "Error",
    "TypeError",
    "RangeError",
    "ReferenceError",
    "SyntaxError",
    "AggregateError",
];

// ---- host imports ----------------------------------------------------------

/// The import module name of every host function.
pub const HOST_MODULE: &str = "switchyard";

/// Codes for the host's `fatal` import.
pub const FATAL_STACK_OVERFLOW: i32 = 1;
pub const FATAL_OUT_OF_MEMORY: i32 = 2;
pub const FATAL_INTERNAL: i32 = 3;
/// The wasmfx runtime resumed a coroutine that is running, has finished, was
/// freed, or is not a coroutine handle (`switchyard_wasm::stack_switching`).
pub const FATAL_CORO_RESUME: i32 = 4;
/// The wasmfx runtime freed a coroutine that is running, was already freed,
/// or is not a coroutine handle.
pub const FATAL_CORO_FREE: i32 = 5;
/// `fiber_yield` (the fiber API, `switchyard_fibers::api`) was called
/// outside any fiber.
pub const FATAL_FIBER_YIELD: i32 = 6;
