// Generates the case-mapping tables of string.js from node's own
// toUpperCase/toLowerCase (context-free, one code point at a time).
// Usage: node test/gen-case-table.js [--write]   (prints the tables, or with
// --write replaces the "BEGIN/END GENERATED CASE TABLES" region of string.js)
"use strict";
function build(dir) {
  const runs = [];
  const specials = [];
  let cur = null;
  for (let c = 0x80; c <= 0x10ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const s = String.fromCodePoint(c);
    const m = dir === "upper" ? s.toUpperCase() : s.toLowerCase();
    if (m === s) continue;
    const cps = Array.from(m);
    if (cps.length !== 1) { specials.push([c, m]); continue; }
    const d = m.codePointAt(0) - c;
    if (cur && cur.delta === d) {
      const step = c - cur.last;
      if (cur.count === 1 && (step === 1 || step === 2)) { cur.stride = step; cur.last = c; cur.count++; continue; }
      if (cur.count > 1 && step === cur.stride) { cur.last = c; cur.count++; continue; }
    }
    cur = { start: c, last: c, delta: d, stride: 1, count: 1 };
    runs.push(cur);
  }
  return { runs, specials };
}
function emit(name, t) {
  const flat = [];
  for (const r of t.runs) flat.push(r.start, r.last, r.delta, r.stride);
  let out = `var ${name}_RUNS = [`;
  let line = "";
  const lines = [];
  for (let i = 0; i < flat.length; i++) {
    const piece = flat[i] + (i + 1 < flat.length ? "," : "");
    if (line.length + piece.length > 100) { lines.push(line); line = ""; }
    line += piece;
  }
  lines.push(line);
  out += "\n  " + lines.join("\n  ") + "\n];\n";
  const esc = (m) => '"' + Array.from(m).map(ch => {
    let r = "";
    for (let i = 0; i < ch.length; i++) r += "\\u" + ch.charCodeAt(i).toString(16).padStart(4, "0");
    return r;
  }).join("") + '"';
  out += `var ${name}_SPECIAL_CODES = [` + t.specials.map(([c]) => c).join(",") + "];\n";
  out += `var ${name}_SPECIAL_STRS = [\n  ` + t.specials.map(([, m]) => esc(m)).join(",\n  ") + "\n];\n";
  return out;
}
const up = build("upper"), lo = build("lower");
let text = "// BEGIN GENERATED CASE TABLES (test/gen-case-table.js, node " + process.version + ")\n";
text += "// [first, last, delta, stride] runs for code points >= 0x80, then\n// sorted code points whose mapping is longer than one code point, and those mappings.\n";
text += emit("__prelude_UPPER", up);
text += emit("__prelude_LOWER", lo);
text += "// END GENERATED CASE TABLES\n";
if (process.argv[2] === "--write") {
  // Replaces the marked region of string.js in place.
  const fs = require("fs");
  const path = require("path").join(__dirname, "..", "string.js");
  const src = fs.readFileSync(path, "utf8");
  const a = src.indexOf("// BEGIN GENERATED CASE TABLES");
  const endMarker = "// END GENERATED CASE TABLES\n";
  const b = src.indexOf(endMarker);
  if (a < 0 || b < 0) throw new Error("markers not found in string.js");
  fs.writeFileSync(path, src.slice(0, a) + text + src.slice(b + endMarker.length));
} else {
  process.stdout.write(text);
}
console.error("upper runs", up.runs.length, "specials", up.specials.length, "lower runs", lo.runs.length, "specials", lo.specials.length);
