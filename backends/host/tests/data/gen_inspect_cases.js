// Regenerates inspect_cases.txt: for each line of inspect_inputs.txt (a
// comma-separated list of JS literals), what Node prints for
// `console.log(<line>)`. Run with Node v20:
//   node gen_inspect_cases.js > inspect_cases.txt
// Errors get the stack switchyard prints (`Name: message\n    at <anonymous>`)
// since real stack traces cannot be reproduced.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');

function withprops(t, p) { return Object.assign(t, p); }
function nullproto(o) { return Object.assign(Object.create(null), o); }
function arrlen(a, n) { a.length = n; return a; }
function circ_obj() { const o = { a: 1 }; o.self = o; return o; }
function circ_arr() { const a = [1]; a.push(a); return a; }
function circ_nested() { const r = { x: {} }; r.x.y = r; r.z = [r]; return r; }
function circ_two() { const a = { name: 'a' }; const b = { name: 'b', a }; a.b = b; return [a, b]; }

function fixStacks(v, seen = new Set()) {
  if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) return;
  seen.add(v);
  if (v instanceof Error) {
    v.stack = `${Error.prototype.toString.call(v)}\n    at <anonymous>`;
  }
  for (const k of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, k);
    if (d && 'value' in d) fixStacks(d.value, seen);
  }
}

const inputs = fs.readFileSync(path.join(__dirname, 'inspect_inputs.txt'), 'utf8').split('\n').filter((l) => l !== '');
let out = '';
for (const line of inputs) {
  const args = eval(`[${line}]`);
  // eval of `[a, , b]`-style lines would turn holes into missing args; lines
  // never start with a hole at top level.
  fixStacks(args);
  out += `=== ${line}\n${util.format(...args)}\n`;
}
process.stdout.write(out);
