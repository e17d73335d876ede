// Loads the switchyard prelude into a fresh node `vm` context, with every
// `__sy_*` intrinsic implemented in plain JS (following the descriptions in
// transforms/js/src/lower/intrinsics.rs and the runtime semantics in
// transforms/js-runtime/src/library/mod.rs), so the prelude can be tested
// against node's own built-ins without the compiler.
//
// How it maps the compiler's model onto a vm context:
// * `__sy_proto("X")` returns the context's real X.prototype, stripped of
//   node's own string-keyed methods first, so every literal `[]`, `{}`,
//   "str" in the context uses the prelude's methods and a method the
//   prelude forgot is missing (not silently native).
// * The intrinsics that read the enclosing function's arguments are
//   rewritten textually: `__sy_argc()` -> `arguments.length`,
//   `__sy_arg(e)` -> `arguments[e]`, `__sy_console_log()` ->
//   `__shim_console_log.apply(undefined, arguments)` (same for error).
// * Every file runs as strict-mode script (so `this` stays a primitive
//   in methods of strings and numbers, as in switchyard); the `var NaN` /
//   `var Infinity` lines are dropped (read-only globals in a vm context).
// * Each intrinsic checks its arity and the preconditions its description
//   states (numbers, strings, index ranges) and throws a host Error with
//   "intrinsic misuse" in the message when they do not hold.
"use strict";
const vm = require("vm");
const fs = require("fs");
const path = require("path");
const util = require("util");

const PRELUDE_DIR = path.join(__dirname, "..");
const REPO = path.join(PRELUDE_DIR, "..", "..", "..", "..");
const INTRINSICS_RS = path.join(REPO, "transforms", "js", "src", "lower", "intrinsics.rs");

// [(name, source file path)] in compilation order, read from mod.rs.
function preludeFiles() {
  const mod = fs.readFileSync(path.join(PRELUDE_DIR, "mod.rs"), "utf8");
  const re = /\(\s*"([^"]+)"\s*,\s*include_str!\(\s*"([^"]+)"\s*\)\s*\)/g;
  const files = [];
  let m;
  while ((m = re.exec(mod))) files.push({ name: m[1], file: path.join(PRELUDE_DIR, m[2]) });
  if (files.length === 0) throw new Error("no PRELUDE_SOURCES entries found in mod.rs");
  return files;
}

// name -> arity, from intrinsics.rs.
function intrinsicTable() {
  const src = fs.readFileSync(INTRINSICS_RS, "utf8");
  const re = /\("(__sy_[a-z0-9_]+)",\s*(\d+),/g;
  const t = new Map();
  let m;
  while ((m = re.exec(src))) t.set(m[1], Number(m[2]));
  return t;
}

const PROTO_NAMES = ["Object", "Array", "Function", "String", "Number", "Boolean", "Error", "TypeError",
  "RangeError", "ReferenceError", "SyntaxError", "AggregateError"];
// The iteration prototypes `__sy_proto` also knows (not stripped: the
// runtime provides their methods natively).
const ITER_PROTO_NAMES = ["Iterator", "Generator", "GeneratorFunction"];
const ERROR_KINDS = ["Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "AggregateError"];

// Replaces `name(` ... matching `)` by open + inner + close.
function rewriteCalls(src, name, open, close) {
  let out = "";
  let i = 0;
  for (;;) {
    const j = src.indexOf(name + "(", i);
    if (j < 0) break;
    out += src.slice(i, j);
    let depth = 0;
    let k = j + name.length;
    for (; k < src.length; k++) {
      if (src[k] === "(") depth++;
      else if (src[k] === ")") {
        depth--;
        if (depth === 0) break;
      }
    }
    out += open + src.slice(j + name.length + 1, k) + close;
    i = k + 1;
  }
  return out + src.slice(i);
}

function rewrite(src) {
  src = src.replace(/^var (NaN|Infinity) = .*$/gm, "");
  src = src.replace(/__sy_argc\(\)/g, "arguments.length");
  src = src.replace(/__sy_console_log\(\)/g, "__shim_console_log.apply(undefined, arguments)");
  src = src.replace(/__sy_console_error\(\)/g, "__shim_console_error.apply(undefined, arguments)");
  src = rewriteCalls(src, "__sy_arg", "arguments[", "]");
  return '"use strict";' + src;
}

class Misuse extends Error {}

function createPreludeContext(options) {
  options = options || {};
  const stdout = [];
  const stderr = [];
  const ctx = vm.createContext({});
  const real = vm.runInContext(`({
    protos: { ${PROTO_NAMES.map((n) => `${n}: ${n}.prototype`).join(", ")} },
    errors: [${ERROR_KINDS.join(", ")}],
    newArray: function () { return []; },
    iterProtos: {
      Iterator: Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
      Generator: Object.getPrototypeOf(function* () {}).prototype,
      GeneratorFunction: Object.getPrototypeOf(function* () {}),
    },
    symbols: { iterator: Symbol.iterator, asyncIterator: Symbol.asyncIterator, toStringTag: Symbol.toStringTag },
    // Spread with V8's messages for a value without source text.
    // (node's methods are captured now: the prelude's replace them.)
    arrayIterator: (function () {
      const m = [Array.prototype.values, Array.prototype.keys, Array.prototype.entries];
      return function (a, k) { return m[k].call(a); };
    })(),
    stringIterator: (function () {
      const m = String.prototype[Symbol.iterator];
      return function (s) { return m.call(s); };
    })(),
    spread: function (v) {
      if (v === undefined || v === null || typeof v[Symbol.iterator] !== "function") {
        const d = v === undefined ? "undefined" : v === null ? "object null"
          : typeof v === "object" ? "object" : typeof v === "function" ? "function " + v.name
          : typeof v + " " + String(v);
        throw new TypeError(d + " is not iterable (cannot read property Symbol(Symbol.iterator))");
      }
      return [...v];
    },
  })`, ctx);

  // Strip node's methods from the prototypes the prelude provides.
  for (const name of PROTO_NAMES) {
    const p = real.protos[name];
    for (const k of Object.getOwnPropertyNames(p)) {
      if (k === "length" || k === "__proto__") continue;
      if (name === "Function" && (k === "arguments" || k === "caller")) continue;
      delete p[k];
    }
  }

  const table = intrinsicTable();
  const fail = (name, what) => {
    throw new Misuse(`intrinsic misuse: ${name}: ${what}`);
  };
  const isNum = (v) => typeof v === "number";
  const isStr = (v) => typeof v === "string";
  const isInt = (v) => isNum(v) && Number.isInteger(v);
  const isObj = (v) => (typeof v === "object" && v !== null) || typeof v === "function";
  const ErrorProto = real.protos.Error;
  const isError = (v) => {
    for (let p = Object.getPrototypeOf(v); p !== null; p = Object.getPrototypeOf(p)) if (p === ErrorProto) return true;
    return false;
  };
  const ctxArray = (list) => {
    const a = real.newArray();
    for (const v of list) a[a.length] = v;
    return a;
  };

  // ToString with the runtime's built-in conversions only (no user code).
  function toStr(v, seen) {
    if (isStr(v)) return v;
    if (!isObj(v)) return String(v);
    if (Array.isArray(v)) {
      seen = seen || new Set();
      if (seen.has(v)) return "";
      seen.add(v);
      const parts = [];
      for (let i = 0; i < v.length; i++) {
        const e = v[i];
        parts.push(e === undefined || e === null ? "" : toStr(e, seen));
      }
      seen.delete(v);
      return parts.join(",");
    }
    if (typeof v === "function") return `function ${v.name}() { [native code] }`;
    if (isError(v)) {
      const name = v.name === undefined ? "Error" : String(v.name);
      const msg = v.message === undefined ? "" : String(v.message);
      return name === "" ? msg : msg === "" ? name : name + ": " + msg;
    }
    return "[object Object]";
  }
  const toNum = (v) => (isObj(v) ? Number(toStr(v)) : Number(v));

  const impl = {
    __sy_is_number: (v) => isNum(v),
    __sy_is_string: (v) => isStr(v),
    __sy_is_array: (v) => Array.isArray(v),
    __sy_is_function: (v) => typeof v === "function",
    __sy_is_object: (v) => isObj(v),
    __sy_to_string: (v) => toStr(v),
    __sy_to_number: (v) => toNum(v),
    __sy_to_int32: (v) => toNum(v) | 0,
    __sy_to_property_key: (v) => toStr(v),
    __sy_string_to_number: (s) => (isStr(s) ? Number(s) : fail("__sy_string_to_number", "not a string")),
    __sy_parse_int: (s, r) => {
      if (!isStr(s)) fail("__sy_parse_int", "s not a string");
      if (!isInt(r)) fail("__sy_parse_int", "radix not an int32");
      return parseInt(s, r);
    },
    __sy_parse_float: (s) => (isStr(s) ? parseFloat(s) : fail("__sy_parse_float", "not a string")),
    __sy_floor: (x) => Math.floor(x),
    __sy_ceil: (x) => Math.ceil(x),
    __sy_trunc: (x) => Math.trunc(x),
    __sy_sqrt: (x) => Math.sqrt(x),
    __sy_abs: (x) => Math.abs(x),
    __sy_nearest: (x) => {
      if (!Number.isFinite(x)) return x;
      const f = Math.floor(x);
      const d = x - f;
      let r = d < 0.5 ? f : d > 0.5 ? f + 1 : (f % 2 === 0 ? f : f + 1);
      if (r === 0 && (x < 0 || Object.is(x, -0))) r = -0;
      return r;
    },
    __sy_fmin: (a, b) => Math.min(a, b),
    __sy_fmax: (a, b) => Math.max(a, b),
    __sy_pow: (a, b) => Math.pow(a, b),
    __sy_str_len: (s) => s.length,
    __sy_char_code_at: (s, i) => {
      if (!isInt(i) || i < 0 || i >= s.length) fail("__sy_char_code_at", `index ${i} out of range for length ${s.length}`);
      return s.charCodeAt(i);
    },
    __sy_from_char_code: (n) => {
      if (!isInt(n) || n < 0 || n > 65535) fail("__sy_from_char_code", `bad unit ${n}`);
      return String.fromCharCode(n);
    },
    __sy_substring: (s, i, j) => {
      if (!isInt(i) || !isInt(j)) fail("__sy_substring", `non-integer bounds ${i}, ${j}`);
      if (i > j) fail("__sy_substring", `i > j (${i} > ${j})`);
      return s.substring(i, j);
    },
    __sy_index_of: (s, t, i) => {
      if (!isStr(t)) fail("__sy_index_of", "t not a string");
      if (!isInt(i) || i < 0 || i > s.length) fail("__sy_index_of", `from ${i} out of range`);
      return s.indexOf(t, i);
    },
    __sy_str_concat: (s, t) => {
      if (!isStr(s) || !isStr(t)) fail("__sy_str_concat", "non-string operand");
      return s + t;
    },
    __sy_concat_all: (a) => {
      if (!Array.isArray(a)) fail("__sy_concat_all", "not an array");
      let r = "";
      for (let i = 0; i < a.length; i++) {
        if (!isStr(a[i])) fail("__sy_concat_all", `element ${i} is ${typeof a[i]}`);
        r += a[i];
      }
      return r;
    },
    __sy_proto: (name) => {
      if (name in real.iterProtos) return real.iterProtos[name];
      if (!PROTO_NAMES.includes(name)) fail("__sy_proto", `unknown prototype ${name}`);
      return real.protos[name];
    },
    __sy_symbol: (n) => {
      const s = [undefined, real.symbols.iterator, real.symbols.asyncIterator, real.symbols.toStringTag][n];
      return s === undefined ? fail("__sy_symbol", `bad id ${n}`) : s;
    },
    __sy_iterable_to_array: (v) => real.spread(v),
    __sy_array_iterator: (a, k) => {
      if (k === 3) {
        if (!isStr(a)) fail("__sy_array_iterator", "not a string");
        return real.stringIterator(a);
      }
      if (!Array.isArray(a) || !(k === 0 || k === 1 || k === 2)) fail("__sy_array_iterator", "bad arguments");
      return real.arrayIterator(a, k);
    },
    __sy_get_proto: (o) => (isObj(o) ? Object.getPrototypeOf(o) : fail("__sy_get_proto", "not an object")),
    __sy_set_proto: (o, p) => {
      if (!isObj(o) || (p !== null && !isObj(p))) fail("__sy_set_proto", "bad arguments");
      Object.setPrototypeOf(o, p);
    },
    __sy_define_hidden: (o, k, v) => {
      if (!isObj(o)) fail("__sy_define_hidden", "not an object");
      if (!isStr(k)) fail("__sy_define_hidden", "key not a string");
      const d = Object.getOwnPropertyDescriptor(o, k);
      if (d && !d.configurable) {
        // a JS function's own `prototype` is non-configurable (but writable
        // and non-enumerable): just replace the value
        Object.defineProperty(o, k, { value: v });
      } else {
        Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false });
      }
    },
    __sy_own_keys: (o) => {
      if (isStr(o)) return ctxArray(Object.keys(o));
      if (!isObj(o)) fail("__sy_own_keys", "not an object or string");
      return ctxArray(Object.keys(o));
    },
    __sy_new_array: (n) => {
      if (!isNum(n)) fail("__sy_new_array", "capacity not a number");
      return real.newArray();
    },
    __sy_array_len: (a) => (Array.isArray(a) ? a.length : fail("__sy_array_len", "not an array")),
    __sy_array_set_len: (a, n) => {
      if (!Array.isArray(a)) fail("__sy_array_set_len", "not an array");
      if (!isInt(n) || n < 0) fail("__sy_array_set_len", `bad length ${n}`);
      a.length = n;
    },
    __sy_array_push: (a, v) => {
      if (!Array.isArray(a)) fail("__sy_array_push", "not an array");
      a[a.length] = v;
    },
    __sy_function_name: (f) => (typeof f === "function" ? f.name : fail("__sy_function_name", "not a function")),
    __sy_make_error: (k, m) => {
      if (!isInt(k) || k < 0 || k > 5) fail("__sy_make_error", `bad kind ${k}`);
      const C = real.errors[k];
      let e;
      if (k === 5) {
        e = m === undefined ? new C([]) : new C([], m);
        delete e.errors;
      } else {
        e = m === undefined ? new C() : new C(m);
      }
      return e;
    },
    __sy_throw_type_error: (m) => {
      if (!isStr(m)) fail("__sy_throw_type_error", "message not a string");
      throw new real.errors[1](m);
    },
    __sy_throw_range_error: (m) => {
      if (!isStr(m)) fail("__sy_throw_range_error", "message not a string");
      throw new real.errors[2](m);
    },
  };
  // fiber.js: stackful fibers cannot be emulated in plain JS, so these only
  // report misuse (the compiled programs of tests/fibers/ test them).
  for (const n of ["__sy_fiber_new", "__sy_fiber_resume", "__sy_fiber_yield"]) {
    impl[n] = () => fail(n, "fibers are not available in the shim (see tests/fibers/)");
  }
  const numArgs = new Set(["__sy_floor", "__sy_ceil", "__sy_trunc", "__sy_sqrt", "__sy_abs", "__sy_nearest",
    "__sy_fmin", "__sy_fmax", "__sy_pow"]);
  const strFirst = new Set(["__sy_str_len", "__sy_char_code_at", "__sy_substring", "__sy_index_of"]);

  for (const [name, arity] of table) {
    if (name === "__sy_argc" || name === "__sy_arg" || name === "__sy_console_log" || name === "__sy_console_error") continue;
    const f = impl[name];
    if (!f) throw new Error(`shim: no implementation for intrinsic ${name}`);
    const wrapped = function (...args) {
      if (args.length !== arity) fail(name, `called with ${args.length} arguments, arity ${arity}`);
      if (numArgs.has(name) && !args.every(isNum)) fail(name, "argument not a number");
      if (strFirst.has(name) && !isStr(args[0])) fail(name, "s not a string");
      return f(...args);
    };
    Object.defineProperty(ctx, name, { value: wrapped, enumerable: false });
  }
  const format = (args) => util.format(...args);
  Object.defineProperty(ctx, "__shim_console_log", {
    value: (...args) => {
      const s = format(args);
      if (options.passthrough) process.stdout.write(s + "\n");
      else stdout.push(s);
    },
  });
  Object.defineProperty(ctx, "__shim_console_error", {
    value: (...args) => {
      const s = format(args);
      if (options.passthrough) process.stderr.write(s + "\n");
      else stderr.push(s);
    },
  });

  for (const { name, file } of preludeFiles()) {
    vm.runInContext(rewrite(fs.readFileSync(file, "utf8")), ctx, { filename: name });
  }
  return {
    ctx,
    protos: real.protos,
    stdout,
    stderr,
    run: (code, filename) => vm.runInContext(code, ctx, { filename: filename || "test.js" }),
  };
}

module.exports = { createPreludeContext, preludeFiles, intrinsicTable, rewrite, Misuse, PROTO_NAMES, ITER_PROTO_NAMES };
