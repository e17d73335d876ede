// Runs a module compiled by `switchyard compile --async-strategy=cps` under node, with the host
// imports of module "switchyard" implemented in plain JS (no npm packages).
//
//   node tests/node_host/run.mjs FILE.wasm [--name NAME.js]
//
// The contract is transforms/js-runtime/src/host_imports.rs (the imports) and
// transforms/js-runtime/src/layout.rs (NaN-boxed values, heap blocks, exports). console_log
// decodes the values in linear memory into real JS values and hands them to node's own
// console.log, so the formatting is node's: the output must match node running the source
// program, byte for byte, just as `switchyard run` must.
//
// How the program ends, like `switchyard run`:
//   0  main returned and `exc_pending` is 0
//   1  an uncaught JS exception: printed on stderr (`Error: msg\n    at NAME:LINE:COL`)
//   2  the module could not be loaded or instantiated (bad file, missing export, ...)
//   3  a trap: `fatal(code)` (stack overflow, out of memory, internal error), `unreachable`,
//      an out-of-bounds access, or node's own stack overflow; `NAME: message` on stderr
//
// --name gives the source file name used in positions (default: the .wasm path with .js).

import { readFileSync, writeSync } from "node:fs";
import { format, inspect } from "node:util";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

// ---- layout.rs ---------------------------------------------------------------------------

const TAG_UNDEFINED = 0xfff9;
const TAG_NULL = 0xfffa;
const TAG_BOOL = 0xfffb;
const TAG_STRING = 0xfffc;
const TAG_OBJECT = 0xfffd;
const TAG_FUNCTION = 0xfffe;
const TAG_SYMBOL = 0xffff;
const TAG_MIN_HI = 0xfff90000; // high 32 bits of TAG_MIN

const UNDEF_PAYLOAD_HOLE = 2;

const SYMBOL_ITERATOR = 1;
const SYMBOL_ASYNC_ITERATOR = 2;
const SYMBOL_TO_STRING_TAG = 3;
// Symbol-keyed properties are stored (hidden) under these string keys (layout::SYMBOL_KEYS).
const SYMBOL_KEYS = {
  "Symbol(Symbol.iterator)": Symbol.iterator,
  "Symbol(Symbol.asyncIterator)": Symbol.asyncIterator,
  "Symbol(Symbol.toStringTag)": Symbol.toStringTag,
};

const KIND_MASK = 0xff;
const KIND_STRING = 1;
const KIND_OBJECT = 2;
const KIND_ARRAY = 3;
const KIND_FUNCTION = 4;
const KIND_ITER = 7;
const KIND_BYTES = 8;

const STR_LEN = 4;
const STR_DATA = 8;

const OBJ_PROTO = 4;
const OBJ_PROPS_LEN = 8;
const OBJ_PROPS_CAP = 12;
const OBJ_PROPS = 16;
const OBJ_CLASS = 20;

const CLASS_PLAIN = 0;
const CLASS_ERROR = 1;
const CLASS_GENERATOR = 2;
const CLASS_GENERATOR_FUNCTION = 3; // on KIND_FUNCTION blocks
const CLASS_PROMISE = 5; // slots after the object prefix: state (0 pending, 1 fulfilled, 2 rejected), result
const PROMISE_SLOTS = 24; // layout.rs SLOTS (= OBJ_SIZE)

const PROP_KEY = 0;
const PROP_FLAGS = 4;
const PROP_VALUE = 8;
const PROP_ENTRY_SIZE = 16;
const PROP_HIDDEN = 1;

const ARR_LEN = 24;
const ARR_CAP = 28;
const ARR_ELEMS = 32;

const FN_NAME = 32;
const FN_ARITY = 36;

const ITER_KIND = 4;
const ITER_STRING = 1;

const BYTES_DATA = 8;

const FATAL_STACK_OVERFLOW = 1;
const FATAL_OUT_OF_MEMORY = 2;
const FATAL_INTERNAL = 3;
const FATAL_CORO_RESUME = 4;
const FATAL_CORO_FREE = 5;
const FATAL_FIBER_YIELD = 6;

const ERROR_CTORS = {
  Error,
  TypeError,
  RangeError,
  ReferenceError,
  SyntaxError,
  EvalError,
  URIError,
  AggregateError,
};

// ---- memory access -------------------------------------------------------------------------

/** A trap raised by the host (fatal, corrupt heap): reported like a Wasm trap, exit 3. */
class HostTrap extends Error {}

let wasmPath = null;
let sourceName = null;
let memory = null;
let dv = null; // DataView over memory.buffer, renewed when the memory grows
let u16 = null;

function view() {
  if (dv === null || dv.buffer !== memory.buffer) {
    dv = new DataView(memory.buffer);
    u16 = new Uint16Array(memory.buffer);
  }
  return dv;
}

function check(addr, len, what) {
  if (addr === 0 || addr < 0 || addr + len > memory.buffer.byteLength) {
    throw new HostTrap(
      `internal error: corrupt heap: ${what}: access of ${len} bytes at 0x${addr.toString(16)} is outside linear memory`
    );
  }
}

function u32(addr) {
  check(addr, 4, "u32");
  return view().getUint32(addr, true);
}

function kind(ptr) {
  return u32(ptr) & KIND_MASK;
}

function expectKind(ptr, kinds, what) {
  const k = kind(ptr);
  if (!kinds.includes(k)) {
    throw new HostTrap(`internal error: corrupt heap: expected ${what} at 0x${ptr.toString(16)}, found block kind ${k}`);
  }
  return k;
}

/** The JS string held by the KIND_STRING block at `ptr` (lone surrogates preserved). */
function readString(ptr) {
  expectKind(ptr, [KIND_STRING], "a string");
  const len = u32(ptr + STR_LEN);
  const start = ptr + STR_DATA;
  check(start, len * 2, "string data");
  view();
  const units = u16.subarray(start >>> 1, (start >>> 1) + len);
  let s = "";
  for (let i = 0; i < len; i += 8192) {
    s += String.fromCharCode.apply(null, units.subarray(i, Math.min(len, i + 8192)));
  }
  return s;
}

/** The raw 64-bit value at `addr` as [hi, lo] unsigned 32-bit halves. */
function rawValue(addr) {
  check(addr, 8, "value");
  const d = view();
  return [d.getUint32(addr + 4, true), d.getUint32(addr, true)];
}

function isHole(hi, lo) {
  return hi === ((TAG_UNDEFINED << 16) >>> 0) && lo === UNDEF_PAYLOAD_HOLE;
}

/** The property table of an object-like block: [{ key, flags, hi, lo }] in insertion order. */
function props(ptr) {
  const len = u32(ptr + OBJ_PROPS_LEN);
  if (len === 0) return [];
  const cap = u32(ptr + OBJ_PROPS_CAP);
  const table = u32(ptr + OBJ_PROPS);
  if (len > cap || table === 0) {
    throw new HostTrap(`internal error: corrupt heap: object at 0x${ptr.toString(16)} has ${len} properties but capacity ${cap}`);
  }
  expectKind(table, [KIND_BYTES], "a property table");
  const out = [];
  for (let i = 0; i < len; i++) {
    const e = table + BYTES_DATA + i * PROP_ENTRY_SIZE;
    const [hi, lo] = rawValue(e + PROP_VALUE);
    out.push({ key: readString(u32(e + PROP_KEY)), flags: u32(e + PROP_FLAGS), hi, lo });
  }
  return out;
}

function ownProp(ptr, key) {
  for (const p of props(ptr)) if (p.key === key) return p;
  return null;
}

/** `obj[key]` through the prototype chain (there are no getters): [hi, lo] or null. */
function lookup(ptr, key) {
  for (let obj = ptr, n = 0; obj !== 0 && n < 10000; obj = u32(obj + OBJ_PROTO), n++) {
    const p = ownProp(obj, key);
    if (p) return [p.hi, p.lo];
  }
  return null;
}

function functionName(ptr) {
  const name = u32(ptr + FN_NAME);
  return name === 0 ? "" : readString(name);
}

function tagOf(hi) {
  return hi >= TAG_MIN_HI ? hi >>> 16 : null;
}

/**
 * Node's getConstructorName over the heap: the name of the first `constructor` function
 * with a non-empty name on the chain; null when the chain is empty (Object.create(null));
 * undefined when there is a chain but no named constructor.
 */
function constructorName(ptr) {
  let obj = ptr;
  for (let n = 0; n < 10000; n++) {
    const c = ownProp(obj, "constructor");
    if (c && tagOf(c.hi) === TAG_FUNCTION) {
      const name = functionName(c.lo);
      if (name !== "") return name;
    }
    const proto = u32(obj + OBJ_PROTO);
    if (proto === 0) return n === 0 ? null : undefined;
    obj = proto;
  }
  return undefined;
}

/** Whether a string value is on the prototype chain as `Symbol.toStringTag`-like marker. */
function stringProp(ptr, key) {
  const v = lookup(ptr, key);
  if (v && tagOf(v[0]) === TAG_STRING) return readString(v[1]);
  return null;
}

// ---- decoding values into real JS values ----------------------------------------------------

// Below this depth objects are decoded in full; node's console.log shows depth 2 (%o: 4), so
// deeper objects only need their kind, constructor and emptiness, which placeholders keep.
const FULL_DEPTH = 8;

const standInCtors = new Map();
/** A constructor function named `name` (for objects whose prototype chain names one). */
function standInCtor(name) {
  let C = standInCtors.get(name);
  if (!C) {
    C = { [name]: function () {} }[name];
    Object.defineProperty(C, "name", { value: name });
    standInCtors.set(name, C);
  }
  return C;
}

function makeFunction(name, ctorName) {
  let f;
  if (ctorName === "GeneratorFunction") f = function* () {};
  else if (ctorName === "AsyncFunction") f = async function () {};
  else if (ctorName === "AsyncGeneratorFunction") f = async function* () {};
  else f = function () {};
  Object.defineProperty(f, "name", { value: name, configurable: true });
  return f;
}

const taggedProtos = new Map();
/** A prototype (inheriting from Object.prototype) whose `Symbol.toStringTag` is `tag`. */
function taggedProto(tag) {
  let p = taggedProtos.get(tag);
  if (!p) {
    p = Object.create(Object.prototype, { [Symbol.toStringTag]: { value: tag } });
    taggedProtos.set(tag, p);
  }
  return p;
}

function makeGenerator() {
  return (function* () {})();
}

function defineData(o, key, value, enumerable) {
  Object.defineProperty(o, key, { value, writable: true, enumerable, configurable: true });
}

/** A generator object: OBJ_CLASS is CLASS_GENERATOR (layout.rs). */
function isGenerator(cls) {
  return cls === CLASS_GENERATOR;
}

const numScratch = new DataView(new ArrayBuffer(8));

class Decoder {
  constructor() {
    this.memo = new Map();
  }

  value(hi, lo, depth) {
    const tag = tagOf(hi);
    if (tag === null) {
      numScratch.setUint32(0, lo, true);
      numScratch.setUint32(4, hi, true);
      return numScratch.getFloat64(0, true);
    }
    switch (tag) {
      case TAG_UNDEFINED:
        return undefined;
      case TAG_NULL:
        return null;
      case TAG_BOOL:
        return lo !== 0;
      case TAG_STRING:
        return readString(lo);
      case TAG_SYMBOL:
        if (lo === SYMBOL_ITERATOR) return Symbol.iterator;
        if (lo === SYMBOL_ASYNC_ITERATOR) return Symbol.asyncIterator;
        if (lo === SYMBOL_TO_STRING_TAG) return Symbol.toStringTag;
        return Symbol(String(lo));
      case TAG_OBJECT:
      case TAG_FUNCTION:
        return this.object(lo, depth);
      default:
        throw new HostTrap(`internal error: unknown value tag 0x${tag.toString(16)}`);
    }
  }

  at(addr, depth) {
    const [hi, lo] = rawValue(addr);
    return this.value(hi, lo, depth);
  }

  object(ptr, depth) {
    if (this.memo.has(ptr)) return this.memo.get(ptr);
    const k = kind(ptr);
    if (k === KIND_ITER) {
      return u32(ptr + ITER_KIND) === ITER_STRING ? ""[Symbol.iterator]() : [][Symbol.iterator]();
    }
    if (k !== KIND_OBJECT && k !== KIND_ARRAY && k !== KIND_FUNCTION) {
      throw new HostTrap(`internal error: corrupt heap: value points at a block of kind ${k} at 0x${ptr.toString(16)}`);
    }
    const full = depth < FULL_DEPTH;
    const ctor = constructorName(ptr);
    const cls = u32(ptr + OBJ_CLASS);
    const own = props(ptr);
    let o;
    if (k === KIND_ARRAY) {
      const len = u32(ptr + ARR_LEN);
      o = new Array(len);
      if (full) this.memo.set(ptr, o);
      const cap = u32(ptr + ARR_CAP);
      const elems = u32(ptr + ARR_ELEMS);
      const stored = elems === 0 ? 0 : Math.min(len, cap);
      if (full) {
        for (let i = 0; i < stored; i++) {
          const [hi, lo] = rawValue(elems + BYTES_DATA + 8 * i);
          if (!isHole(hi, lo)) o[i] = this.value(hi, lo, depth + 1);
        }
      } else if (stored > 0) {
        o[0] = 0; // a placeholder: only "non-empty" is visible beyond node's depth
      }
      if (ctor !== "Array" && ctor !== undefined) {
        Object.setPrototypeOf(o, ctor === null ? null : standInCtor(ctor).prototype);
      }
    } else if (k === KIND_FUNCTION) {
      const special = { 3: "GeneratorFunction", 7: "AsyncFunction", 8: "AsyncGeneratorFunction" }[cls];
      o = makeFunction(functionName(ptr), special ?? ctor);
      if (full) this.memo.set(ptr, o);
    } else if (cls === CLASS_ERROR) {
      const name = stringProp(ptr, "name") ?? "Error";
      const msgProp = ownProp(ptr, "message");
      const message = msgProp && tagOf(msgProp.hi) === TAG_STRING ? readString(msgProp.lo) : "";
      const E = ERROR_CTORS[ctor] ?? Error;
      o = E === AggregateError ? new AggregateError([], message) : new E(message);
      if (!msgProp) delete o.message;
      if (full) this.memo.set(ptr, o);
      if (name !== o.name) defineData(o, "name", name, false);
      // The host has no stack traces; console.log of an error shows `at <anonymous>`.
      const header = message === "" ? name : name === "" ? message : `${name}: ${message}`;
      defineData(o, "stack", `${header}\n    at <anonymous>`, false);
      if (E === AggregateError) delete o.errors;
    } else if (cls === CLASS_PROMISE && k === KIND_OBJECT) {
      // A real node promise in the same state, so node's inspect prints it.
      const state = view().getFloat64(ptr + PROMISE_SLOTS, true);
      if (state === 0) {
        o = new Promise(() => {});
      } else {
        const [hi, lo] = rawValue(ptr + PROMISE_SLOTS + 8);
        const result = this.value(hi, lo, depth + 1);
        o = state === 1 ? Promise.resolve(result) : Promise.reject(result);
        if (state === 2) o.catch(() => {});
      }
      if (full) this.memo.set(ptr, o);
    } else if (ctor === null) {
      o = Object.create(null);
      if (full) this.memo.set(ptr, o);
    } else if (ctor === "Object" || ctor === undefined) {
      // A `Symbol.toStringTag` on the prototype chain (generator prototypes,
      // array and string iterators) shows as `Object [Tag] {}` in node.
      const tag = stringProp(ptr, "Symbol(Symbol.toStringTag)");
      o = tag === null ? {} : Object.create(taggedProto(tag));
      if (full) this.memo.set(ptr, o);
    } else {
      o = Object.create(standInCtor(ctor).prototype);
      if (full) this.memo.set(ptr, o);
    }
    for (const p of own) {
      let enumerable = (p.flags & PROP_HIDDEN) === 0;
      let key = p.key;
      // Symbol-keyed properties are always stored hidden; on plain objects they come from
      // object literals (`[Symbol.iterator]() {}`), which node shows.
      if (Object.prototype.hasOwnProperty.call(SYMBOL_KEYS, key)) {
        if (cls !== CLASS_PLAIN || k !== KIND_OBJECT) continue;
        key = SYMBOL_KEYS[key];
        enumerable = true;
      }
      // Hidden properties are invisible to console.log, except an error's cause/errors.
      if (!enumerable && !(cls === CLASS_ERROR && (p.key === "cause" || p.key === "errors"))) continue;
      if (k === KIND_ARRAY && p.key === "length") continue;
      if (k === KIND_FUNCTION && (p.key === "name" || p.key === "length" || p.key === "prototype")) {
        if (!enumerable) continue;
      }
      if (!full) {
        defineData(o, key, 0, enumerable); // placeholder, beyond what node shows
        break;
      }
      defineData(o, key, this.value(p.hi, p.lo, depth + 1), enumerable);
    }
    return o;
  }
}

function decodeArgs(argv, argc) {
  const d = new Decoder();
  const out = [];
  for (let i = 0; i < argc; i++) out.push(d.at(argv + 8 * i, 0));
  return out;
}

// ---- the host imports ------------------------------------------------------------------------

function writeAscii(buf, text) {
  check(buf, text.length, "number_to_string buffer");
  const bytes = new Uint8Array(memory.buffer, buf, text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return text.length;
}

const FATAL_MESSAGES = {
  [FATAL_STACK_OVERFLOW]: "stack overflow",
  [FATAL_OUT_OF_MEMORY]: "out of memory",
  [FATAL_INTERNAL]: "internal error (fatal)",
  [FATAL_CORO_RESUME]: "resumed a coroutine that is running or finished",
  [FATAL_CORO_FREE]: "freed a coroutine that is running or already freed",
  [FATAL_FIBER_YIELD]: "fiber_yield outside a fiber",
};

const imports = {
  switchyard: {
    // console.log is util.format (formatWithOptions without colors) plus a newline.
    console_log(argv, argc) {
      writeStdoutLine(format(...decodeArgs(argv, argc)));
    },
    console_error(argv, argc) {
      writeStderrLine(format(...decodeArgs(argv, argc)));
    },
    number_to_string(x, buf) {
      return writeAscii(buf, String(x));
    },
    string_to_number(str) {
      return Number(readString(str));
    },
    parse_int(str, radix) {
      return parseInt(readString(str), radix);
    },
    parse_float(str) {
      return parseFloat(readString(str));
    },
    math_pow(x, y) {
      return x ** y;
    },
    math_fmod(x, y) {
      return x % y;
    },
    fatal(code) {
      throw new HostTrap(FATAL_MESSAGES[code] ?? `internal error (fatal code ${code})`);
    },
    clock_now() {
      return virtualTime ? virtualNow : performance.now() - clockStart;
    },
    sleep(ms) {
      flushStdout();
      if (!(ms > 0)) return;
      if (virtualTime) virtualNow += Math.min(ms, 86400000);
      else Atomics.wait(sleepCell, 0, 0, Math.min(ms, 86400000));
    },
    unhandled_rejection() {
      unhandledRejection = true;
    },
  },
};

// The timers' clock (ms since the run started) and a cell to block on while sleeping.
const clockStart = performance.now();
const sleepCell = new Int32Array(new SharedArrayBuffer(4));
// --virtual-time: the clock only moves when the program sleeps (like `switchyard run --virtual-time`).
let virtualTime = false;
let virtualNow = 0;
let unhandledRejection = false;

// ---- running ---------------------------------------------------------------------------------

// Output goes straight to file descriptors 1 and 2 with synchronous writes (the code runs
// in a worker thread, whose process.stdout would be forwarded asynchronously); stdout is
// buffered and flushed before anything is written to stderr, so the two interleave as the
// program wrote them.
let outBuf = [];
let outLen = 0;

function writeAll(fd, text) {
  const bytes = Buffer.from(text, "utf8");
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(fd, bytes, off, bytes.length - off);
    } catch (e) {
      if (e.code === "EAGAIN") continue;
      if (e.code === "EPIPE") return;
      throw e;
    }
  }
}

function flushStdout() {
  if (outLen === 0) return;
  const text = outBuf.join("");
  outBuf = [];
  outLen = 0;
  writeAll(1, text);
}

function writeStdoutLine(text) {
  outBuf.push(text, "\n");
  outLen += text.length + 1;
  if (outLen >= 1 << 16) flushStdout();
}

function writeStderrLine(text) {
  flushStdout();
  writeAll(2, text + "\n");
}

let exitCode = 0;

function fail(code, msg) {
  writeStderrLine(msg);
  exitCode = code;
}

function decodePos(pos) {
  const p = pos >>> 0;
  return [p >>> 12, p & 4095];
}

/** What `switchyard run` prints for an uncaught exception (inspect.rs `format_uncaught`). */
function formatUncaught(hi, lo, pos) {
  const tag = tagOf(hi);
  const d = new Decoder();
  if (tag === TAG_STRING) return readString(lo);
  const v = d.value(hi, lo, 0);
  if (tag === TAG_OBJECT && kind(lo) === KIND_OBJECT && u32(lo + OBJ_CLASS) === CLASS_ERROR) {
    const [line, col] = decodePos(pos);
    const name = v.name;
    const header = String(v.message) === "" ? String(name) : `${name}: ${v.message}`;
    let stack = header;
    if (pos !== 0) stack += col === 0 ? `\n    at ${sourceName}:${line}` : `\n    at ${sourceName}:${line}:${col}`;
    defineData(v, "stack", stack, false);
    let text = inspect(v);
    if (pos === 0 && text.startsWith("[") && text.endsWith("]") && text.slice(1, -1) === stack) text = stack;
    return text;
  }
  return inspect(v);
}

/** What `switchyard run` prints for an unhandled rejection (inspect.rs `format_unhandled_rejection`). */
function formatUnhandledRejection(hi, lo) {
  const tag = tagOf(hi);
  if (tag === TAG_OBJECT && kind(lo) === KIND_OBJECT && u32(lo + OBJ_CLASS) === CLASS_ERROR) {
    // Where it was thrown, if the prelude recorded it (inspect.rs: `__sy_throw_pos`).
    const p = ownProp(lo, "__sy_throw_pos");
    let pos = 0;
    if (p && tagOf(p.hi) === null) pos = new Float64Array(new Uint32Array([p.lo, p.hi]).buffer)[0] | 0;
    return formatUncaught(hi, lo, pos);
  }
  const v = new Decoder().value(hi, lo, 0);
  let reason;
  if (typeof v === "string") reason = v;
  else if (Array.isArray(v)) reason = "[object Array]";
  else if (typeof v === "function") reason = "[object Function]";
  else if (v !== null && typeof v === "object") {
    const c = Object.getPrototypeOf(v)?.constructor;
    reason = typeof c === "function" && c.name ? `#<${c.name}>` : "[object Object]";
  } else reason = inspect(v);
  return (
    "UnhandledPromiseRejection: This error originated either by throwing inside of an async function " +
    "without a catch block, or by rejecting a promise which was not handled with .catch(). The promise " +
    `rejected with the reason "${reason}". {\n  code: 'ERR_UNHANDLED_REJECTION'\n}`
  );
}

function isStackOverflow(e) {
  return e instanceof RangeError && /call stack size/i.test(e.message);
}

function runModule() {
  let bytes;
  try {
    bytes = readFileSync(wasmPath);
  } catch (e) {
    return fail(2, `run.mjs: cannot read ${wasmPath}: ${e.message}`);
  }
  let instance;
  try {
    const module = new WebAssembly.Module(bytes);
    instance = new WebAssembly.Instance(module, imports);
  } catch (e) {
    if (e instanceof HostTrap || e instanceof WebAssembly.RuntimeError) {
      return fail(3, `${sourceName}: ${e.message}`);
    }
    return fail(2, `run.mjs: cannot instantiate ${wasmPath}: ${e.message}`);
  }
  const ex = instance.exports;
  if (!(ex.memory instanceof WebAssembly.Memory)) return fail(2, "run.mjs: `memory` is not exported");
  if (typeof ex.main !== "function") return fail(2, "run.mjs: `main` is not exported");
  memory = ex.memory;
  try {
    ex.main();
  } catch (e) {
    if (e instanceof HostTrap) return fail(3, `${sourceName}: ${e.message}`);
    if (isStackOverflow(e)) return fail(3, `${sourceName}: stack overflow`);
    if (e instanceof WebAssembly.RuntimeError) {
      const msg = /unreachable/.test(e.message) ? "unreachable code reached (internal error)" : e.message;
      return fail(3, `${sourceName}: ${msg}`);
    }
    throw e;
  }
  const pending = ex.exc_pending ? ex.exc_pending.value : 0;
  if (pending === 0) return;
  const raw = ex.exc_value ? BigInt.asUintN(64, BigInt(ex.exc_value.value)) : 0xfff9000000000000n;
  const hi = Number(raw >> 32n) >>> 0;
  const lo = Number(raw & 0xffffffffn) >>> 0;
  const pos = ex.exc_pos ? ex.exc_pos.value : 0;
  let text;
  try {
    text = unhandledRejection ? formatUnhandledRejection(hi, lo) : formatUncaught(hi, lo, pos);
  } catch (e) {
    text = `Uncaught exception (the thrown value cannot be displayed: ${e.message})`;
  }
  fail(1, text);
}

// ---- threads ---------------------------------------------------------------------------------

// The Wasm code runs in a worker with a big stack: Wasmtime gives Wasm frames 64 MiB, and
// deeply recursive programs (e.g. sumTo(2000) in cps form) overflow node's default ~1 MiB.
const WASM_STACK_MB = 64;

/** Command line of the main thread: [wasmPath, sourceName, virtualTime]. */
function parseArgs() {
  const usage = (msg) => {
    writeAll(2, `run.mjs: ${msg}\nusage: node run.mjs FILE.wasm [--name NAME.js] [--virtual-time]\n`);
    process.exit(2);
  };
  const argv = process.argv.slice(2);
  let wasm = null;
  let name = null;
  let virt = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--virtual-time") {
      virt = true;
    } else if (argv[i] === "--name") {
      if (i + 1 >= argv.length) usage("--name needs a value");
      name = argv[++i];
    } else if (argv[i].startsWith("--name=")) {
      name = argv[i].slice("--name=".length);
    } else if (wasm === null) {
      wasm = argv[i];
    } else {
      usage(`unexpected argument ${JSON.stringify(argv[i])}`);
    }
  }
  if (wasm === null) usage("no .wasm file given");
  if (name === null) name = wasm.replace(/\.wasm$/, "") + ".js";
  return [wasm, name, virt];
}

if (isMainThread) {
  let virt;
  [wasmPath, sourceName, virt] = parseArgs();
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { wasmPath, sourceName, virtualTime: virt },
    resourceLimits: { stackSizeMb: WASM_STACK_MB },
  });
  let reported = null;
  worker.on("message", (code) => {
    reported = code;
  });
  worker.on("error", (e) => {
    writeAll(2, `run.mjs: the worker failed: ${e && e.stack ? e.stack : e}\n`);
    reported = 2;
  });
  worker.on("exit", () => {
    process.exitCode = reported ?? 2;
  });
} else {
  wasmPath = workerData.wasmPath;
  sourceName = workerData.sourceName;
  virtualTime = workerData.virtualTime === true;
  try {
    runModule();
  } finally {
    flushStdout();
  }
  parentPort.postMessage(exitCode);
}
