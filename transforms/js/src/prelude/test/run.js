// Prelude test runner: `node transforms/js/src/prelude/test/run.js [-v] [filter]`
//
// 1. Differential tests: every case is a JS expression evaluated twice, in a
//    context running the prelude (test/shim.js) and in a pristine context
//    with node's native built-ins; the results (util.inspect of the value,
//    or the name and message of the thrown error) must be identical.
// 2. Corpus: every tests/corpus/sync/*.js program runs in a prelude context
//    and its console output must equal the .out file (programs that print
//    error objects are skipped: node prints their stack traces).
// Exit status 1 when anything fails. `filter` restricts both to cases whose
// group / file name contains it.
"use strict";
const vm = require("vm");
const fs = require("fs");
const path = require("path");
const util = require("util");
const { createPreludeContext, Misuse } = require("./shim.js");
const { cases } = require("./cases.js");

const args = process.argv.slice(2);
const verbose = args.includes("-v");
const filter = args.filter((a) => a !== "-v")[0] || "";

const REPO = path.join(__dirname, "..", "..", "..", "..", "..");
const CORPUS = path.join(REPO, "tests", "corpus", "sync");

function show(run) {
  try {
    const v = run();
    return "= " + util.inspect(v, { depth: 8, maxArrayLength: 5000, maxStringLength: 1e6, breakLength: Infinity });
  } catch (e) {
    if (e instanceof Misuse) return "MISUSE " + e.message + "\n" + e.stack;
    if (e && typeof e === "object" && "message" in e) return "throws " + e.name + ": " + e.message;
    return "throws " + util.inspect(e);
  }
}

let failures = 0;
let passed = 0;

// ---- differential cases ----------------------------------------------------
const prelude = createPreludeContext();
const pristine = vm.createContext({});
for (const group of cases) {
  if (filter && !group.name.includes(filter)) continue;
  let groupFailures = 0;
  for (const expr of group.exprs) {
    const mine = show(() => prelude.run(expr));
    const theirs = show(() => vm.runInContext(expr, pristine));
    if (mine === theirs) {
      passed++;
      if (verbose) console.log(`ok   ${group.name}: ${expr} ${mine}`);
    } else if (group.knownDeviation) {
      console.log(`known deviation: ${expr}\n     prelude: ${mine}\n     node:    ${theirs}`);
    } else {
      failures++;
      groupFailures++;
      if (groupFailures <= 15) {
        console.log(`FAIL ${group.name}: ${expr.length > 300 ? expr.slice(0, 300) + "..." : expr}`);
        console.log(`     prelude: ${mine.length > 600 ? mine.slice(0, 600) + "..." : mine}`);
        console.log(`     node:    ${theirs.length > 600 ? theirs.slice(0, 600) + "..." : theirs}`);
      }
    }
  }
  if (groupFailures > 15) console.log(`     ... ${groupFailures - 15} more failures in ${group.name}`);
}
console.log(`differential: ${passed} passed, ${failures} failed`);

// ---- shape: name, length, enumerability of every built-in the prelude has --
const SHAPE_TARGETS = ["globalThis", "Object", "Object.prototype", "Function.prototype", "Boolean", "Boolean.prototype", "String", "String.prototype",
  "Number", "Number.prototype", "Math", "Array", "Array.prototype", "JSON", "Error", "Error.prototype", "TypeError", "TypeError.prototype",
  "RangeError.prototype", "AggregateError", "console"];
const GLOBALS = ["Object", "Function", "Boolean", "String", "Number", "Math", "Array", "JSON", "Error", "TypeError", "RangeError", "ReferenceError",
  "SyntaxError", "AggregateError", "parseInt", "parseFloat", "isNaN", "isFinite", "NaN", "Infinity", "console"];
const missing = [];
let shapeFailed = 0;
if (!filter || "shape".includes(filter)) {
  const shapeOf = (v, d) => (typeof v === "function" ? `${typeof v} name=${v.name} length=${v.length} enumerable=${d.enumerable}` : `${typeof v} enumerable=${d.enumerable}`);
  for (const target of SHAPE_TARGETS) {
    const theirsObj = vm.runInContext(target, pristine);
    const mineObj = prelude.run(target);
    const names = target === "globalThis" ? GLOBALS : Object.getOwnPropertyNames(theirsObj);
    for (const k of names) {
      if (typeof k !== "string" || k === "caller" || k === "arguments") continue;
      const md = Object.getOwnPropertyDescriptor(mineObj, k);
      const td = Object.getOwnPropertyDescriptor(theirsObj, k);
      if (!md) {
        missing.push(`${target}.${k}`);
        continue;
      }
      if (!td || "get" in td) continue;
      const a = shapeOf(md.value, md);
      const b = shapeOf(td.value, td);
      if (a !== b && !(target === "console" || k === "prototype" || target === "globalThis" && a.replace("enumerable=true", "enumerable=false") === b)) {
        shapeFailed++;
        console.log(`FAIL shape ${target}.${k}\n     prelude: ${a}\n     node:    ${b}`);
      }
    }
  }
  console.log(`shape: ${shapeFailed} failed; not provided (${missing.length}): ${missing.join(" ")}`);
}
failures += shapeFailed;

// ---- corpus ------------------------------------------------------------------
let corpusPassed = 0;
let corpusFailed = 0;
let corpusSkipped = 0;
if (fs.existsSync(CORPUS)) {
  for (const f of fs.readdirSync(CORPUS).filter((f) => f.endsWith(".js")).sort()) {
    if (filter && !f.includes(filter)) continue;
    const src = fs.readFileSync(path.join(CORPUS, f), "utf8");
    const expected = fs.readFileSync(path.join(CORPUS, f.replace(/\.js$/, ".out")), "utf8");
    if (/^\s*at /m.test(expected)) {
      corpusSkipped++;
      if (verbose) console.log(`skip ${f} (prints a stack trace)`);
      continue;
    }
    const p = createPreludeContext();
    let crash = null;
    try {
      p.run(src, f);
    } catch (e) {
      crash = e instanceof Misuse ? e.stack : String(e && e.stack ? e.stack : e);
    }
    const got = p.stdout.map((l) => l + "\n").join("");
    if (!crash && got === expected) {
      corpusPassed++;
      if (verbose) console.log(`ok   ${f}`);
    } else {
      corpusFailed++;
      console.log(`FAIL corpus ${f}${crash ? ": threw " + crash.split("\n").slice(0, 4).join(" | ") : ""}`);
      const g = got.split("\n");
      const x = expected.split("\n");
      for (let i = 0, shown = 0; i < Math.max(g.length, x.length) && shown < 6; i++) {
        if (g[i] !== x[i]) {
          console.log(`     line ${i + 1}\n       prelude: ${JSON.stringify(g[i])}\n       node:    ${JSON.stringify(x[i])}`);
          shown++;
        }
      }
    }
  }
}
console.log(`corpus: ${corpusPassed} passed, ${corpusFailed} failed, ${corpusSkipped} skipped`);
process.exit(failures + corpusFailed > 0 ? 1 : 0);
