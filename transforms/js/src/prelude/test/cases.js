// Differential test cases for test/run.js: groups of JS expressions whose
// results must be the same with the prelude as with node's built-ins.
"use strict";

// A JS literal for a test value.
function lit(v) {
  if (v === undefined) return "undefined";
  if (typeof v === "number") {
    if (Object.is(v, -0)) return "-0";
    if (Number.isNaN(v)) return "NaN";
    if (v === Infinity) return "Infinity";
    if (v === -Infinity) return "-Infinity";
    return String(v);
  }
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return "[" + v.map((e, i) => (i in v ? lit(e) : "")).join(", ") + (v.length > 0 && !(v.length - 1 in v) ? "," : "") + "]";
  if (v === null || typeof v === "boolean") return String(v);
  if (typeof v === "object") return "{" + Object.keys(v).map((k) => JSON.stringify(k) + ": " + lit(v[k])).join(", ") + "}";
  throw new Error("lit: " + typeof v);
}

// Deterministic pseudo-random numbers for generated cases.
let seed = 20240601;
function rand() {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
function randInt(n) {
  return Math.floor(rand() * n);
}
function pick(list) {
  return list[randInt(list.length)];
}

const cases = [];
function group(name, exprs) {
  const g = { name, exprs };
  cases.push(g);
  return g;
}

// ---- strings ---------------------------------------------------------------
const strs = ["", "a", "abc", "Hello, World", "  padded \t\n", "a,b,,c,", "ababab", "héllo", "a😀b", "\ud800x", "日本語", "ΟΔΟΣ ΣΑΣ", "straße", "İstanbul", "mixed CASE 123"];
const idxs = [undefined, 0, 1, 2, -1, -3, 5, 99, -99, 1.7, -0.5, NaN, Infinity, -Infinity, "2", null, true];
const strMethods1 = ["charAt", "charCodeAt", "codePointAt", "at", "slice", "substring", "substr"];
const sexprs = [];
for (const s of strs) {
  for (const m of strMethods1) {
    for (const i of idxs) sexprs.push(`${lit(s)}.${m}(${lit(i)})`);
    sexprs.push(`${lit(s)}.${m}()`);
  }
  for (const m of ["slice", "substring", "substr"]) {
    for (const i of [0, 1, -2, 3, NaN, undefined]) for (const j of [0, 2, -1, -5, 99, undefined, NaN]) sexprs.push(`${lit(s)}.${m}(${lit(i)}, ${lit(j)})`);
  }
  for (const m of ["toUpperCase", "toLowerCase", "trim", "trimStart", "trimEnd", "toString", "valueOf", "trimLeft", "trimRight", "toLocaleUpperCase", "toLocaleLowerCase"]) sexprs.push(`${lit(s)}.${m}()`);
}
group("string-access", sexprs);

const searches = [];
for (const s of ["Hello, World", "abcabc", "", "aaa", "a😀b😀"]) {
  for (const t of ["o", "World", "", "xyz", "abc", "c", "a", "aa", "😀", "\ude00", undefined, null]) {
    for (const m of ["indexOf", "lastIndexOf", "includes", "startsWith", "endsWith"]) {
      searches.push(`${lit(s)}.${m}(${lit(t)})`);
      for (const p of [0, 1, 3, 5, -5, 99, NaN, undefined, Infinity, -Infinity, "4"]) searches.push(`${lit(s)}.${m}(${lit(t)}, ${lit(p)})`);
    }
  }
}
group("string-search", searches);

const splits = [];
for (const s of ["Hello, World", "", "a,b,,c,", "abc", "abc😀", "mañana", ",,", "aXbXc", "one  two"]) {
  for (const sep of [undefined, "", ",", ", ", "o", "zz", "X", " ", "abc", "a,b,,c,", null, 1]) {
    splits.push(`${lit(s)}.split(${lit(sep)})`);
    for (const lim of [0, 1, 2, -1, 4294967296, 4294967297, undefined, NaN, "2", 2.9]) splits.push(`${lit(s)}.split(${lit(sep)}, ${lit(lim)})`);
  }
}
splits.push(`"abc".split()`, `"".split()`, `"a1b1c".split(1)`, `"null".split(null)`);
group("string-split", splits);

const pads = [];
for (const s of ["abc", "", "5", "12", "x"]) {
  for (const n of [0, 2, 3, 5, 6, 8, 10, -1, NaN, "7", 2.5, undefined]) {
    for (const f of [undefined, "0", "12", "", "abcdef", " ", null]) {
      pads.push(`${lit(s)}.padStart(${lit(n)}, ${lit(f)})`, `${lit(s)}.padEnd(${lit(n)}, ${lit(f)})`);
    }
  }
}
pads.push(`"a".padStart(2**30)`, `"a".padStart(2**30, "")`, `"a".padEnd(Infinity, "")`);
group("string-pad", pads);

const reps = [];
for (const s of ["ab", "", "x", "-"]) {
  for (const n of [0, 1, 3, 20, -1, -1.5, 2.7, NaN, Infinity, -Infinity, "3", null, undefined, -0.5, 2 ** 29, 2 ** 40]) reps.push(`${lit(s)}.repeat(${lit(n)})`);
}
group("string-repeat", reps);

const repl = [];
for (const s of ["aXbXc", "hello world", "", "aaa", "abc"]) {
  for (const pat of ["X", "o", "", "aa", "zz", "a", "abc"]) {
    for (const r of ["-", "", "[$&]", "$$", "$`|$'", "$1", "$<n>", "$", "x$", "$&$&", 5, null, undefined]) {
      repl.push(`${lit(s)}.replace(${lit(pat)}, ${lit(r)})`, `${lit(s)}.replaceAll(${lit(pat)}, ${lit(r)})`);
    }
    repl.push(`${lit(s)}.replace(${lit(pat)}, (m, p, str) => "<" + m + p + str.length + ">")`);
    repl.push(`${lit(s)}.replaceAll(${lit(pat)}, (m, p, str) => "<" + m + p + str.length + ">")`);
  }
}
group("string-replace", repl);

group("string-misc", [
  `"a".concat()`, `"a".concat("b", 1, null, undefined, [2, 3], {})`, `"a".concat(1)`,
  `String()`, `String(undefined)`, `String(null)`, `String(123)`, `String(-0)`, `String([1, [2, 3]])`, `String({})`,
  `String({ toString() { return "custom"; } })`, `String([1, { toString() { return "o"; } }])`, `String(true)`, `String(1e21)`,
  `String(Symbol.iterator === undefined)`, `String.fromCharCode()`, `String.fromCharCode(65, 66, 67)`, `String.fromCharCode(65.9, -1, 65536 + 66, "67")`,
  `String.fromCodePoint(65, 0x1F600, 0x10FFFF)`, `String.fromCodePoint()`, `String.fromCodePoint(-1)`, `String.fromCodePoint(1.5)`,
  `String.fromCodePoint("a")`, `String.fromCodePoint(0x110000)`, `String.fromCodePoint(undefined)`,
  `String.prototype.trim.call(null)`, `String.prototype.slice.call(undefined)`, `String.prototype.toString.call(1)`,
  `String.prototype.valueOf.call("x")`, `String.prototype.indexOf.call(123, 2)`, `"abc".length`,
  `"x".normalize()`, `"x".normalize("NFD")`, `"x".normalize("bad")`,
  `"abc".constructor === String`, `String.prototype.constructor === String`, `typeof String.prototype.at`,
  `Object.keys(String.prototype)`, `"abc".hasOwnProperty("length")`, `"abc".hasOwnProperty(1)`, `"abc".hasOwnProperty(3)`,
  `String.fromCharCode.apply(null, [72, 105])`, `String.fromCharCode.apply(null, Array.from({length: 40}, (v, i) => 65 + i))`,
  `String.prototype.trimLeft === String.prototype.trimStart`, `"abc".split.name`, `"abc".padStart.length`,
]);

// Case mapping over every BMP unit (in chunks) and some astral ones.
const cm = [];
for (let c = 0; c < 0x10000; c += 512) {
  cm.push(`(() => { let s = ""; for (let i = ${c}; i < ${c + 512}; i++) if (i < 0xD800 || i > 0xDFFF) s += String.fromCharCode(i) + " "; return [s.toUpperCase(), s.toLowerCase()]; })()`);
}
cm.push(`"\u{10400}\u{10428}\u{1E900}\u{1E922}".toUpperCase()`, `"\u{10400}\u{10428}\u{1E900}\u{1E922}".toLowerCase()`);
for (const s of ["ΟΔΟΣ", "ΟΔΟΣ ΣΑΣ", "Σ", "ΑΣ.", "Α'Σ", "ΣΑ", "ΑΣΑ", "ΑΣ1", "aΣ", "aΣb", "İ", "Iı", "ǅ", "ß", "ŉ", "ﬃ", "ΐ"]) {
  cm.push(`${lit(s)}.toLowerCase()`, `${lit(s)}.toUpperCase()`);
}
group("string-case", cm);

// localeCompare on random ASCII strings.
const lc = [];
const alphabet = "aAbBzZ09 -_.,'\"!?#$%&()*+/:;<=>@[\\]^`{|}~\t\u0001";
for (let i = 0; i < 400; i++) {
  const mk = () => {
    let s = "";
    const n = randInt(5);
    for (let k = 0; k < n; k++) s += alphabet[randInt(alphabet.length)];
    return s;
  };
  const a = mk();
  const b = rand() < 0.3 ? a.toUpperCase() : mk();
  lc.push(`${lit(a)}.localeCompare(${lit(b)})`);
}
lc.push(`["banana", "apple", "Cherry", "date", "Apple", "apple pie", "Äpfel".slice(1)].sort((a, b) => a.localeCompare(b))`);
lc.push(`"a".localeCompare()`, `"undefined".localeCompare()`, `"a".localeCompare("a")`);
group("string-localeCompare", lc);

// ---- numbers ---------------------------------------------------------------
const nums = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 1.005, 1.45, 0.1, 0.000001234, 123.456, 1e21, 1e20, 999.995, 0.125, 8.345, 1.25, 1.35,
  12345.6789, 5e-324, 1.7976931348623157e308, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 66, 123456789012345680000, 0.3, 4.35, 1e-7, 9.995, 99.5, 0.05, 1e-10];
const ne = [];
for (const x of nums) {
  for (const d of [undefined, 0, 1, 2, 3, 5, 10, 20, 100, 101, -1, NaN, "2", 2.7]) ne.push(`(${lit(x)}).toFixed(${lit(d)})`);
  for (const p of [undefined, 1, 2, 3, 5, 10, 21, 100, 0, 101, NaN]) ne.push(`(${lit(x)}).toPrecision(${lit(p)})`);
  for (const d of [undefined, 0, 1, 2, 5, 20, 100, -1, 101]) ne.push(`(${lit(x)}).toExponential(${lit(d)})`);
  for (const r of [undefined, 2, 8, 10, 16, 36, 3, 7, 1, 37, "16", NaN]) ne.push(`(${lit(x)}).toString(${lit(r)})`);
  ne.push(`(${lit(x)}).toLocaleString()`, `(${lit(x)}).valueOf()`);
}
for (let i = 0; i < 600; i++) {
  const kind = randInt(4);
  let x;
  if (kind === 0) x = (rand() - 0.5) * Math.pow(10, randInt(30) - 10);
  else if (kind === 1) x = Math.round(rand() * 100000) / Math.pow(10, randInt(6));
  else if (kind === 2) x = randInt(1000) + randInt(1000) / 1000 + 0.0005;
  else x = (rand() - 0.5) * Math.pow(2, randInt(200) - 100);
  ne.push(`(${lit(x)}).toFixed(${randInt(12)})`, `(${lit(x)}).toPrecision(${1 + randInt(21)})`, `(${lit(x)}).toExponential(${randInt(21)})`,
    `(${lit(x)}).toExponential()`, `(${lit(x)}).toString(${2 + randInt(35)})`, `(${lit(x)}).toLocaleString()`);
}
ne.push(`Number.prototype.toFixed.call("1")`, `Number.prototype.toString.call("1")`, `(255).toString(16)`, `(-255).toString(2)`, `(0.1).toString(3)`,
  `(1234.5678).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })`,
  `(1234.5).toLocaleString("en-US", { minimumFractionDigits: 2 })`, `(0.000001).toLocaleString()`, `(1e21).toLocaleString()`, `(-1234567.891).toLocaleString()`);
for (const x of [0.0005, 0.0015, 0.0025, 1.0005, 2.0045, 1.2345, 2.5, 3.5, 0.9995, 999.9995, 1234567.8915]) {
  ne.push(`(${lit(x)}).toLocaleString()`, `(${lit(x)}).toLocaleString(undefined, { maximumFractionDigits: 0 })`, `(${lit(x)}).toLocaleString(undefined, { maximumFractionDigits: 2 })`);
}
group("number-format", ne);

const nconv = [];
for (const v of [undefined, null, true, false, "", " 12 ", "0x1f", "1e3", "abc", "-0", "Infinity", "-Infinity", "  \n", "12px", "0b101", "0o17", "1_000", ".5", "5.", "+5", "--5", [], [5], [1, 2], {}, "١٢"]) {
  nconv.push(`Number(${lit(v)})`, `parseInt(${lit(v)})`, `parseFloat(${lit(v)})`, `isNaN(${lit(v)})`, `isFinite(${lit(v)})`,
    `Number.isNaN(${lit(v)})`, `Number.isFinite(${lit(v)})`, `Number.isInteger(${lit(v)})`, `Boolean(${lit(v)})`);
}
for (const s of ["ff", "0x10", "10", "z", "12.9", "-17", "  42abc", "1e3", "0.0000005", "9007199254740993", "123456789012345678901234567890"]) {
  for (const r of [undefined, 0, 2, 8, 10, 16, 36, 37, 1, -1, "16", 4294967312]) nconv.push(`parseInt(${lit(s)}, ${lit(r)})`);
}
nconv.push(`Number()`, `Number.MAX_SAFE_INTEGER`, `Number.MIN_SAFE_INTEGER`, `Number.EPSILON`, `Number.MAX_VALUE`, `Number.MIN_VALUE`,
  `Number.POSITIVE_INFINITY`, `Number.NEGATIVE_INFINITY`, `Number.NaN`, `Number.isSafeInteger(2**53)`, `Number.isSafeInteger(2**53-1)`,
  `Number.isInteger(5.0)`, `Number.isInteger(-0)`, `Number.parseInt === parseInt`, `Number.parseFloat === parseFloat`, `parseFloat("3.14abc")`,
  `parseInt(0.0000005)`, `parseInt(null, 36)`, `Number({ valueOf() { return 7; } })`, `Number(new Date(0).getTime())`, `Object.keys(Number)`,
  `NaN`, `Infinity`, `-Infinity`, `(5).constructor === Number`, `Boolean()`, `true.toString()`, `false.valueOf()`, `Boolean.prototype.toString.call(1)`);
group("number-convert", nconv);

// ---- Math ------------------------------------------------------------------
const mvals = [0, -0, 0.4, 0.5, 0.49999999999999994, -0.4, -0.5, -0.5000000000000001, 1.5, 2.5, -2.5, -1.5, 3.7, -3.7, 2 ** 52 + 1, -(2 ** 52) - 1,
  4503599627370495.5, 1e300, -1e300, NaN, Infinity, -Infinity, "3.7", null, undefined, "abc", [], [2], true, 27, -8, 2, 1e-300, 5e-324];
const mx = [];
for (const v of mvals) {
  for (const f of ["floor", "ceil", "round", "trunc", "abs", "sign", "sqrt", "cbrt"]) mx.push(`Math.${f}(${lit(v)})`);
}
for (let i = 0; i < 1500; i++) {
  const x = (rand() - 0.5) * Math.pow(10, randInt(40) - 20);
  mx.push(`Math.cbrt(${lit(x)})`);
}
for (let i = 1; i <= 100; i++) mx.push(`Math.cbrt(${i * i * i})`, `Math.cbrt(${i / 7})`);
for (let i = 0; i < 300; i++) {
  const n = randInt(5);
  const a = [];
  for (let k = 0; k < n; k++) a.push(pick([0, -0, 1, -1, 3, 1e308, 1e-308, NaN, Infinity, -Infinity, 0.1, 2.5, 1e200, 3e-200]) * (rand() < 0.5 ? 1 : rand() * 10));
  mx.push(`Math.hypot(${a.map(lit).join(", ")})`, `Math.max(${a.map(lit).join(", ")})`, `Math.min(${a.map(lit).join(", ")})`);
}
mx.push(`Math.max()`, `Math.min()`, `Math.max(-0, 0)`, `Math.min(0, -0)`, `Math.max(1, "5", null)`, `Math.max(NaN, Infinity)`, `Math.max.apply(null, [1, 9, 3])`,
  `Math.max.apply(null, Array.from({ length: 100 }, (v, i) => (i * 37) % 101))`, `Math.min.apply(Math, [4, 2, 8])`, `Math.hypot()`, `Math.hypot(3, 4)`,
  `Math.hypot(NaN, Infinity)`, `Math.pow(2, 10)`, `Math.pow(2, 0.5)`, `Math.pow(NaN, 0)`, `Math.pow(1, Infinity)`, `Math.pow(-8, 1/3)`, `Math.pow("2", "3")`,
  `Math.imul(3, 4)`, `Math.imul(0xffffffff, 5)`, `Math.imul(0x7fffffff, 0x7fffffff)`, `Math.imul(-5, 12)`, `Math.clz32(1)`, `Math.clz32(0)`, `Math.clz32(-1)`,
  `Math.clz32(0x80000000)`, `Math.clz32(3.5)`, `[Math.PI, Math.E, Math.LN2, Math.LN10, Math.LOG2E, Math.LOG10E, Math.SQRT2, Math.SQRT1_2]`,
  `Object.keys(Math)`, `JSON.stringify(Math)`, `typeof Math.random()`, `Math.random() < 1 && Math.random() >= 0`, `Math.max.name`, `Math.max.length`);
group("math", mx);

// ---- Object / Function / Error ----------------------------------------------
group("object", [
  `Object.keys({ b: 1, a: 2, 1: 3, 0: 4 })`, `Object.values({ b: 1, a: [2] })`, `Object.entries({ x: 1, y: "z" })`, `Object.keys([4, , 5])`,
  `Object.keys("ab")`, `Object.values("ab")`, `Object.entries("ab")`, `Object.keys(5)`, `Object.keys(null)`, `Object.keys(undefined)`, `Object.keys(true)`,
  `Object.assign({ a: 1 }, { b: 2 }, null, undefined, { a: 3 }, "xy")`, `Object.assign(null)`, `Object.assign({}, [7, 8])`,
  `(() => { const t = {}; const r = Object.assign(t); return r === t; })()`,
  `({ a: 1 }).hasOwnProperty("a")`, `({ a: 1 }).hasOwnProperty("b")`, `({ a: 1 }).hasOwnProperty("toString")`, `[1, , 3].hasOwnProperty(1)`,
  `[1, , 3].hasOwnProperty(2)`, `[1].hasOwnProperty("length")`, `Object.prototype.hasOwnProperty.call(null, "x")`, `Object.hasOwn({ q: 1 }, "q")`,
  `(() => { const e = new Error("m"); return [e.hasOwnProperty("message"), e.hasOwnProperty("name"), Object.keys(e)]; })()`,
  `Object.prototype.toString.call([])`, `Object.prototype.toString.call(null)`, `Object.prototype.toString.call(undefined)`, `Object.prototype.toString.call(1)`,
  `Object.prototype.toString.call("s")`, `Object.prototype.toString.call(true)`, `Object.prototype.toString.call(() => 1)`, `Object.prototype.toString.call(new TypeError("x"))`,
  `({}).toString()`, `String({})`, `({}).valueOf() !== undefined`, `({ a: 1 }).propertyIsEnumerable("a")`, `[].propertyIsEnumerable("length")`,
  `Object.create(null) !== null`, `Object.getPrototypeOf(Object.create(null))`, `(() => { const p = { x: 1 }; const o = Object.create(p); return [o.x, Object.keys(o), Object.getPrototypeOf(o) === p, p.isPrototypeOf(o)]; })()`,
  `Object.create(5)`, `Object.create()`, `Object.setPrototypeOf({}, 5)`, `Object.getPrototypeOf(null)`, `Object.getPrototypeOf("x") === String.prototype`,
  `Object.getPrototypeOf([]) === Array.prototype`, `Object.getPrototypeOf(Array.prototype) === Object.prototype`,
  `Object.fromEntries([["a", 1], ["b", 2]])`, `Object.fromEntries([1])`, `Object.is(NaN, NaN)`, `Object.is(0, -0)`, `Object.is("a", "a")`,
  `(() => { const o = {}; Object.defineProperty(o, "h", { value: 1 }); Object.defineProperty(o, "v", { value: 2, enumerable: true }); return [o.h, o.v, Object.keys(o)]; })()`,
  `Object.defineProperty(1, "x", {})`, `Object.defineProperty({}, "x", 1)`, `(() => { const o = Object.freeze({ a: 1 }); return o.a; })()`,
  `Object()`, `Object(null)`, `(() => { const o = { a: 1 }; return Object(o) === o; })()`, `({}).constructor === Object`, `Object.prototype.constructor === Object`,
  `Object.keys(Object.prototype)`, `Object.keys(Object)`, `JSON.stringify(Object)`, `typeof Object`, `Object.keys.name`,
  `(() => { const o = { toString() { return "T"; } }; return ["" + [o], String(o), [o, o].join("|")]; })()`,
]);

group("function", [
  `(function (a, b) { return [this, a, b]; }).call({ t: 1 }, 2, 3)`, `(function () { return typeof this; }).call("s")`,
  `(function () { return this; }).call(5)`, `(function (a) { return this === undefined; }).call(undefined, 1)`,
  `(function () { "use strict"; return [].slice.call([1, 2, 3], 1); })()`, `(function (a, b, c) { return a + b + c; }).apply(null, [1, 2, 3])`,
  `(function () { return this.x; }).apply({ x: 9 })`, `(function () { return 1; }).apply(null, 5)`, `(function (...a) { return a.length; }).apply(null, { length: 3 })`,
  `(() => { const f = function (a, b) { return [this.k, a, b]; }.bind({ k: "K" }, 1); return f(2); })()`,
  `(() => { const o = { v: 3, get() { return this.v; } }; const g = o.get.bind(o); return g(); })()`, `Function.prototype.bind.call(5)`,
  `(function (a, b, c, d, e, f, g, h, i, j, k, l) { return [a, l]; }).call(null, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)`,
  `[1, 2, 3].map(function (x) { return x * this.m; }, { m: 10 })`, `[1, 2, 3].filter(function (x) { return x > this.t; }, { t: 1 })`,
  `[1, 2].forEach(function () { "use strict"; if (this !== undefined) throw 1; })`, `Array.prototype.push.apply([1], [2, 3])`,
  `(() => { const a = [0]; a.push.apply(a, Array.from({ length: 50 }, (v, i) => i)); return a.length; })()`,
  `[].concat.apply([], [[1], [2, [3]]])`, `typeof Function.prototype.call`, `(function () {}).constructor === Function`,
]);

group("error", [
  `(() => { const e = new Error("m"); return [e.message, e.name, e instanceof Error, String(e), Object.keys(e)]; })()`,
  `(() => { const e = Error("no new"); return [e.message, e instanceof Error]; })()`, `(() => { const e = new Error(); return [e.message, e.hasOwnProperty("message")]; })()`,
  `(() => { const e = new TypeError("t"); return [e.name, e instanceof TypeError, e instanceof Error, e instanceof RangeError, String(e)]; })()`,
  `(() => { const e = RangeError("r"); return [e.name, e instanceof RangeError, "" + e]; })()`, `String(new ReferenceError("x"))`, `String(new SyntaxError("y"))`,
  `(() => { const e = new AggregateError([1, 2], "agg"); return [e.name, e.message, e.errors, e instanceof Error, Object.keys(e)]; })()`,
  `AggregateError()`, `AggregateError(5)`, `AggregateError("ab").errors`, `new Error(undefined).hasOwnProperty("message")`, `new Error(null).message`, `new Error(42).message`,
  `(() => { const e = new Error("c", { cause: "why" }); return [e.cause, e.hasOwnProperty("cause"), Object.keys(e)]; })()`, `new Error("c", {}).hasOwnProperty("cause")`,
  `Error.prototype.toString.call({ name: "N", message: "M" })`, `Error.prototype.toString.call({})`, `Error.prototype.toString.call({ name: "", message: "M" })`,
  `Error.prototype.toString.call({ name: "N", message: "" })`, `Error.prototype.toString.call(1)`, `Error.prototype.name`, `TypeError.prototype.name`,
  `Error.prototype.message`, `TypeError.prototype instanceof Error`, `Object.getPrototypeOf(TypeError) === Error`, `TypeError.prototype.constructor === TypeError`,
  `Object.keys(Error.prototype)`, `typeof Error`, `Error.name`, `(() => { try { null.x; } catch (e) { return e instanceof TypeError; } })()`,
  `(() => { function MyErr(m) { this.message = m; } MyErr.prototype = Object.create(Error.prototype); MyErr.prototype.name = "MyErr"; const e = new MyErr("boom"); return [String(e), e instanceof Error]; })()`,
]);

// ---- arrays ----------------------------------------------------------------
const arrs = [[], [1, 2, 3], [3, 1, 2, 1], [1, , 3], [, ,], [undefined, null, NaN, 0, -0, ""], ["a", "b", "c", "d", "e"], [NaN], [[1], [2, [3]]], [1, "1", true]];
const ax = [];
for (const a of arrs) {
  const A = lit(a);
  ax.push(`${A}.join()`, `${A}.join("-")`, `${A}.join("")`, `${A}.join(undefined)`, `${A}.join(null)`, `${A}.toString()`, `String(${A})`, `${A}.toLocaleString()`);
  for (const x of [1, "1", NaN, undefined, null, 0, -0, 3, ""]) {
    ax.push(`${A}.indexOf(${lit(x)})`, `${A}.lastIndexOf(${lit(x)})`, `${A}.includes(${lit(x)})`);
    for (const f of [0, 1, -1, -2, 5, -99, NaN, undefined]) {
      ax.push(`${A}.indexOf(${lit(x)}, ${lit(f)})`, `${A}.lastIndexOf(${lit(x)}, ${lit(f)})`, `${A}.includes(${lit(x)}, ${lit(f)})`);
    }
  }
  for (const s of [undefined, 0, 1, -1, -2, 2, 99, NaN, "1"]) {
    ax.push(`${A}.slice(${lit(s)})`, `${A}.at(${lit(s)})`);
    for (const e of [undefined, 0, 2, -1, 99, -99]) ax.push(`${A}.slice(${lit(s)}, ${lit(e)})`);
  }
  ax.push(`${A}.reverse()`, `${A}.concat([7, , 8], 9, [[10]])`, `${A}.concat()`, `${A}.flat()`, `${A}.flat(Infinity)`, `${A}.flat(0)`, `${A}.flat(-1)`,
    `${A}.flatMap(x => [x, [x]])`, `${A}.flatMap(x => x)`, `${A}.map((x, i, arr) => [x, i, arr.length])`, `${A}.filter(x => x)`, `${A}.some(x => x === 3)`,
    `${A}.every(x => x !== 3)`, `${A}.find(x => x === undefined)`, `${A}.findIndex(x => x === undefined)`, `${A}.findLast(x => typeof x === "number")`,
    `${A}.findLastIndex(x => typeof x === "number")`, `(() => { const log = []; ${A}.forEach((x, i) => log.push([x, i])); return log; })()`,
    `${A}.reduce((a, b) => [a, b], "init")`, `${A}.reduceRight((a, b) => [a, b], "init")`, `${A}.reduce((a, b) => [a, b])`, `${A}.reduceRight((a, b) => [a, b])`,
    `${A}.fill(0)`, `${A}.fill(9, 1)`, `${A}.fill(9, -2, -1)`, `[...${A}.keys()]`, `Array.from(${A}.entries())`, `[...${A}.values()]`, `${A}.length`, `${A}.toReversed()`, `${A}.toSorted()`, `${A}.with(0, "w")`,
    `${A}.toSpliced(1, 1, "x", "y")`, `${A}.copyWithin(0, 1)`, `${A}.copyWithin(1, 0, 2)`, `Array.from(${A})`, `Array.isArray(${A})`);
  for (const s of [0, 1, -1, 2, 99, undefined]) {
    ax.push(`(() => { const a = ${A}; const r = a.splice(${lit(s)}); return [r, a]; })()`);
    for (const d of [0, 1, 2, -1, 99, undefined]) {
      ax.push(`(() => { const a = ${A}; const r = a.splice(${lit(s)}, ${lit(d)}); return [r, a]; })()`);
      ax.push(`(() => { const a = ${A}; const r = a.splice(${lit(s)}, ${lit(d)}, "p", "q", "r"); return [r, a]; })()`);
    }
  }
  ax.push(`(() => { const a = ${A}; const r = a.splice(); return [r, a]; })()`,
    `(() => { const a = ${A}; return [a.push(), a.push(7), a.push(8, 9), a]; })()`, `(() => { const a = ${A}; return [a.pop(), a.pop(), a]; })()`,
    `(() => { const a = ${A}; return [a.shift(), a.shift(), a]; })()`, `(() => { const a = ${A}; return [a.unshift(), a.unshift(0), a.unshift(-2, -1), a]; })()`);
}
ax.push(`[].reduce((a, b) => a)`, `[, ,].reduceRight((a, b) => a)`, `[1].map(5)`, `[1].map()`, `[1].map("abc")`, `[1].map({})`, `[1].map([1, 2])`, `[1].forEach(null)`,
  `[1].filter(true)`, `[1].find(undefined)`, `[1].reduce(Object.create(null))`, `[1].flatMap(1)`, `[1].with(5, 1)`, `[1].with(-5, 1)`,
  `Array(3)`, `Array(0)`, `Array(-1)`, `Array(1.5)`, `Array(2 ** 32)`, `new Array(3)`, `Array("3")`, `Array(1, 2)`, `new Array()`, `Array.of(7)`, `Array.of()`,
  `Array.of.apply(null, Array.from({ length: 20 }, (v, i) => i))`, `Array.from("a😀b")`, `Array.from({ length: 3 })`, `Array.from({ length: 3 }, (v, i) => i * 2)`,
  `Array.from([1, , 3])`, `Array.from(5)`, `Array.from(null)`, `Array.from(undefined)`, `Array.from([1], 5)`, `Array.from([1, 2], function (x) { return x * this.k; }, { k: 3 })`,
  `Array.isArray({ length: 0 })`, `Object.keys(Array.prototype)`, `[].constructor === Array`,
  `(() => { const a = [1, 2]; a.push(a); return a.join(); })()`, `(() => { const a = [1, [2, 3]]; a[1].push(a); return String(a); })()`,
  `(() => { const a = [1, 2, 3]; const out = []; a.forEach((x) => { out.push(x); if (x === 1) a.push(4); }); return [out, a]; })()`,
  `(() => { const a = [1, 2, 3]; return a.map((x) => { a.pop(); return x; }); })()`, `[1, [2, [3, [4]]]].flat(2)`, `[1, [2, [3]]].flat("2")`,
  `[["a", 1]].concat([["b"]])`, `[1, 2, 3].includes(NaN)`, `[NaN].indexOf(NaN)`, `[NaN].includes(NaN)`, `[-0].includes(0)`, `[0].indexOf(-0)`,
  `[1, 2, 3].lastIndexOf(3, -1)`, `[1, 2, 3].lastIndexOf(1, -3)`, `[1, 2, 3].lastIndexOf(1, -4)`, `[1, 2].join({ toString() { return "+"; } })`,
  `[{ toString() { return "x"; } }, { toString() { return "y"; } }].join()`, `[[1, 2], [3]].toString()`, `[null, undefined, [null]].join("-")`,
  `[].push.length`, `[].slice.name`, `[].reduce.length`, `Array.prototype.concat.length`, `[1,2,3].toSorted((a, b) => b - a)`, `[3, 1, 2].toSorted(5)`);
group("array", ax);

// Sorting: results and the exact comparator call sequence, incl. inconsistent comparators.
const sx = [];
const sortInputs = [];
for (const n of [0, 1, 2, 3, 5, 9, 10, 11, 31, 32, 33, 63, 64, 65, 100, 200, 500, 1500]) {
  for (const kind of ["random", "sorted", "reversed", "dups", "sawtooth", "runs"]) {
    const a = [];
    for (let i = 0; i < n; i++) {
      if (kind === "random") a.push(randInt(1000));
      else if (kind === "sorted") a.push(i);
      else if (kind === "reversed") a.push(n - i);
      else if (kind === "dups") a.push(randInt(4));
      else if (kind === "sawtooth") a.push(i % 7);
      else a.push(Math.floor(i / 10) % 2 === 0 ? i : 1000 - i + randInt(3));
    }
    sortInputs.push(a);
  }
}
for (const a of sortInputs) {
  const A = lit(a);
  sx.push(`(() => { const log = []; const r = ${A}.sort((x, y) => { log.push(x, y); return x - y; }); return [r.join(), log.length, log.join()]; })()`);
  sx.push(`${A}.sort().join()`);
  sx.push(`(() => { const log = []; const r = ${A}.map((v, i) => ({ v: v % 5, i })).sort((x, y) => { log.push(x.i, y.i); return x.v - y.v; }); return [r.map(o => o.v + ":" + o.i).join(), log.join()]; })()`);
}
for (let t = 0; t < 40; t++) {
  const n = 5 + randInt(120);
  const a = [];
  for (let i = 0; i < n; i++) a.push(randInt(50));
  // inconsistent comparators: boolean results, pseudo-random results
  sx.push(`(() => { const log = []; const r = ${lit(a)}.sort((x, y) => { log.push(x, y); return x > y; }); return [r.join(), log.join()]; })()`);
  sx.push(`(() => { let s = ${t + 1}; const log = []; const r = ${lit(a)}.sort((x, y) => { s = (s * 48271) % 2147483647; log.push(x, y); return (s % 3) - 1; }); return [r.join(), log.join()]; })()`);
  sx.push(`(() => { const r = ${lit(a)}.sort((x, y) => (x % 3) - (y % 3) || NaN); return r.join(); })()`);
}
sx.push(`[10, 9, 1, 100, 25, 3].sort()`, `[true, false, null, undefined, "b", 1].sort()`, `[3, undefined, 1, , undefined, 2, ,].sort()`,
  `[3, undefined, 1, , 2].sort((a, b) => b - a)`, `[-1, -10, 2, -3, 0].sort()`, `[0.5, -0.25, 1e21, 1e-7, 3].sort()`, `["b", "a", "B", "é", "😀", "z"].sort()`,
  `[[2, 1], [1, 2], [1]].sort()`, `[{ toString() { return "b"; } }, { toString() { return "a"; } }].sort().map(String)`, `[2, 1].sort(5)`, `[].sort(5)`,
  `[2, 1].sort(undefined)`, `(() => { const a = [3, 1]; return a.sort() === a; })()`, `[1, 2, 3].sort(() => "1")`, `[3, 2, 1].sort(() => ({ valueOf() { return -1; } }))`);
group("sort", sx);

// ---- JSON ------------------------------------------------------------------
const jx = [];
const jvals = [`{ a: 1, b: "two", c: true, d: null }`, `[1, "x", false, null]`, `{ nested: { list: [1, [2, [3]]], obj: { deep: { er: "!" } } } }`,
  `"plain"`, `42`, `true`, `null`, `undefined`, `{ u: undefined, f: function () {}, keep: 1 }`, `[undefined, function () {}, 1]`, `{ n: NaN, i: Infinity, m: -Infinity, z: -0 }`,
  `[0.1 + 0.2, 1e21, 1e-7, -5, 2 ** 53, 5e-324]`, `'quote " and \\\\ backslash'`, `"newline\\n tab\\t cr\\r bs\\b ff\\f"`, `"ctrl \\u0001 \\u001f del \\u007f \\u2028"`,
  `"unicode é 中 😀"`, `"lone \\ud800 surrogate \\udc00 x \\ud83d"`, `"\\udc00\\ud800"`, `{ "key with space": 1, "quo\\"te": 2, "": 3, "\\n": 4 }`, `{ 2: "b", 1: "a", x: "x" }`,
  `[]`, `{}`, `[[]]`, `[{}]`, `new Error("e")`, `[1, , 3]`, `{ a: [{}, []], b: {} }`, `{ toJSON() { return { x: 1 }; } }`, `{ d: { toJSON(k) { return "key:" + k; } } }`,
  `[{ toJSON(k) { return typeof k + k; } }]`, `{ a: { toJSON() { return undefined; } }, b: 2 }`, `{ toJSON: 5 }`, `Object.create({ inherited: 1 })`, `"\\u0000"`,
  `[new Error("x"), Math, JSON]`, `{ s: "x".repeat(3), arr: Array(3) }`, `() => 1`];
for (const v of jvals) {
  jx.push(`JSON.stringify(${v})`);
  for (const sp of [2, 4, "--", 0, 20, "abcdefghijklmnop", -1, 3.7, "", null, "\\t"]) jx.push(`JSON.stringify(${v}, null, ${lit(sp)})`);
  jx.push(`JSON.stringify(${v}, (k, val) => typeof val === "number" ? val * 2 : val)`, `JSON.stringify(${v}, ["a", "b", 1, "1", "a", {}])`,
    `JSON.stringify(${v}, function (k, val) { return k === "" ? [this === undefined, typeof this, Object.keys(this)] : val; })`,
    `(() => { const log = []; JSON.stringify(${v}, function (k, val) { log.push(k, typeof val); return val; }); return log; })()`);
}
jx.push(`(() => { const a = {}; a.b = { c: a }; return JSON.stringify(a); })()`, `(() => { const a = []; a.push({ x: [a] }); return JSON.stringify(a); })()`,
  `(() => { const a = {}, b = {}, c = {}, d = {}; a.p = b; b.q = c; c.r = d; d.s = a; return JSON.stringify({ top: a }); })()`,
  `(() => { const a = {}, b = {}, c = {}, d = {}, e = {}; a.p = b; b.q = c; c.r = d; d.s = e; e.t = a; return JSON.stringify([a]); })()`,
  `(() => { const a = {}, b = {}, c = {}, d = {}, e = {}, f = {}; a.p = b; b.q = c; c.r = d; d.s = e; e.t = f; f.u = b; return JSON.stringify(a); })()`,
  `(() => { function Foo() { this.self = this; } return JSON.stringify(new Foo()); })()`, `(() => { const o = Object.create(null); o.x = o; return JSON.stringify(o); })()`,
  `(() => { const o = {}; o[""] = o; return JSON.stringify(o); })()`, `(() => { const o = {}; o[5] = o; return JSON.stringify(o); })()`,
  `(() => { const o = { a: 1 }; return JSON.stringify([o, o]); })()`, `JSON.stringify({ a: 1 }, (k, v) => v, "\\t")`, `JSON.stringify("x", (k, v) => undefined)`,
  `JSON.stringify({ a: [1, { b: 2 }] }, (k, v) => (k === "b" ? undefined : v), 2)`, `JSON.stringify(JSON.stringify({ x: 1 }))`, `JSON.stringify([1, 2], null, 20)`,
  `Object.keys(JSON)`, `JSON.stringify.length`);

const parses = [`'{"a":1,"b":[1,2,{"c":null}],"d":"x\\\\ny"}'`, `'  [1, -2.5e3, 0, -0, 1E2, 0.5e-1, true, false, null, "\\\\u0041\\\\u00e9\\\\ud83d\\\\ude00"]  '`,
  `'"\\\\"\\\\\\\\\\\\/\\\\b\\\\f\\\\n\\\\r\\\\t"'`, `'123'`, `'"str"'`, `'{}'`, `'[]'`, `'{"__a":{"b":{}}}'`, `'{"a":1,"a":2}'`, `'{"2":1,"1":2}'`, `'1e400'`, `'-0'`,
  `'{'`, `''`, `'[1,]'`, `'abc'`, `'{"a":1}x'`, `undefined`, `'{"abcdefghijklmnopqrstuvwxyz": tru}'`, `'[1'`, `'[1 2]'`, `'{"a" 1}'`, `'{"a":1,}'`, `'{"a":1 "b":2}'`,
  `'{a:1}'`, `"{'a':1}"`, `'"abc'`, `'"a\\nb"'`, `'"\\\\x"'`, `'"\\\\u12g4"'`, `'"\\\\u12'`, `'-'`, `'-a'`, `'01'`, `'1.'`, `'1.e5'`, `'1e'`, `'1e+'`, `'.5'`, `'+1'`,
  `'tru'`, `'nul'`, `'truex'`, `'[true false]'`, `'NaN'`, `'Infinity'`, `'[object Object]'`, `({})`, `'   '`, `'{"a":[1,{"b":2}],"c":"'+"x".repeat(40)+'"'`,
  `'{"a":[1,{"b":2}],"c":"'+"x".repeat(40)+'" !'`, `'! "'+"x".repeat(40)+'"'`, `'["'+"y".repeat(20)+'" ,, 1]'`, `'["'+"y".repeat(12)+'" ,, "'+"z".repeat(12)+'"]'`,
  `'[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, ]'`, `'12345678901234567890123456789 x'`, `'"' + "\\u0001" + '"'`, `'[' + '"a",'.repeat(9) + ']'`, `'[' + '"a",'.repeat(8) + ']'`,
  `'[' + '1,'.repeat(14) + ']'`, `'[' + '1,'.repeat(15) + ']'`, `'[' + '1,'.repeat(16) + ']'`, `'{"x":' + '1'.repeat(25) + 'y}'`, `'{"x":' + '1'.repeat(26) + 'y}'`];
for (const p of parses) {
  jx.push(`JSON.parse(${p})`);
}
jx.push(`JSON.parse('{"a":[1,2],"b":{"c":3}}', (k, v) => (typeof v === "number" ? v * 10 : v))`,
  `JSON.parse('{"a":1,"b":2}', (k, v) => (k === "a" ? undefined : v))`, `JSON.parse('[1,2,3]', (k, v) => (k === "1" ? undefined : v))`,
  `(() => { const log = []; JSON.parse('{"a":{"b":[1]}}', function (k, v) { log.push(k, JSON.stringify(v), Object.keys(this)); return v; }); return log; })()`,
  `JSON.parse(JSON.stringify({ s: "é😀\\u0001", n: [1.5, -0, 1e21] }))`);
function randValue(depth) {
  const r = randInt(depth > 3 ? 6 : 10);
  if (r === 0) return pick([0, -0, 1.5, -7, 1e21, 1e-7, NaN, Infinity, 123456789, 0.1]);
  if (r === 1) return pick(["", "a", "quote\"", "back\\slash", "tab\t", "nl\n", "\u0007", "é😀", "\ud800", "</script>", "\u2028"]);
  if (r === 2) return pick([true, false, null]);
  if (r === 3) return undefined;
  if (r === 4) return pick(["x", 7, null]);
  if (r === 5) return pick([1, "s"]);
  if (r < 8) {
    const a = [];
    const n = randInt(5);
    for (let i = 0; i < n; i++) if (rand() < 0.9) a[i] = randValue(depth + 1);
    a.length = n;
    return a;
  }
  const o = {};
  const n = randInt(5);
  for (let i = 0; i < n; i++) o[pick(["a", "b", "key", "2", "10", "0", "", "é", "x y", "__x"])] = randValue(depth + 1);
  return o;
}
for (let i = 0; i < 300; i++) {
  const v = lit(randValue(0));
  const sp = pick([undefined, 0, 1, 2, "\t", "..", 11]);
  jx.push(`JSON.stringify(${v}, null, ${lit(sp)})`, `JSON.parse(JSON.stringify(${v}, null, ${lit(sp)}) || "null")`);
}
group("json", jx);

// Known, documented deviations: reported, not counted as failures.
const dev = group("known-deviations", [
  `[1, 2, 3].keys()`, `[1, 2, 3].entries()`, `[1, 2, 3].values()`, `(function f() {}).bind(null).name`, `String(function f() { return 1; })`,
  `Object("s")`, `(function () { return 1; }).apply(null, Array(17).fill(0))`, `(() => { "use strict"; const o = Object.freeze({ a: 1 }); try { o.a = 2; } catch (e) { return e.name; } return o.a; })()`,
  `Object.prototype.toString.call(Object.create(Error.prototype))`, `"ÀB".localeCompare("AC")`, `"ﬀ".normalize("NFKC")`, `Math.random() === 0.5`,
]);
dev.knownDeviation = true;

module.exports = { cases, lit };
