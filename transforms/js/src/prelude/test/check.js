// Static checks of the prelude sources:
// `node --expose-internals transforms/js/src/prelude/test/check.js`
// (uses the acorn parser bundled inside node).
//
// * every file parses as an ES2020 script;
// * only the JS subset the front end compiles is used: no classes,
//   destructuring, spread/rest, default parameters, getters/setters,
//   method shorthand, regexes, `arguments`, generators/async, optional
//   chaining, tagged templates, `with`, Symbol;
// * `__sy_*` names are only called (never used as values), exist in
//   intrinsics.rs, get exactly their arity, and `__sy_proto` gets a literal
//   prototype name;
// * top-level declarations are public built-ins or `__prelude_*` helpers;
// * every identifier resolves to a declaration (catches typos);
// Prints a summary of the language features used, for the front end.
"use strict";
let acorn;
try {
  acorn = require("internal/deps/acorn/acorn/dist/acorn");
} catch (e) {
  console.error("check.js needs node's bundled acorn: run it as `node --expose-internals test/check.js`");
  process.exit(2);
}
const fs = require("fs");
const { preludeFiles, intrinsicTable, PROTO_NAMES, ITER_PROTO_NAMES } = require("./shim.js");

const PUBLIC_GLOBALS = new Set(["NaN", "Infinity", "Object", "Function", "Boolean", "Error", "TypeError", "RangeError", "ReferenceError",
  "SyntaxError", "AggregateError", "String", "Number", "parseInt", "parseFloat", "isNaN", "isFinite", "Math", "Array", "JSON", "console",
  "Symbol"]);
// fiber.js: the non-standard Fiber built-in.
PUBLIC_GLOBALS.add("Fiber");
const AMBIENT = new Set(["undefined"]);

const intrinsics = intrinsicTable();
const errors = [];
const features = new Map();
const feature = (name) => features.set(name, (features.get(name) || 0) + 1);

// ---- pass 1: parse, collect top-level declarations --------------------------
const files = preludeFiles().map(({ name, file }) => {
  const src = fs.readFileSync(file, "utf8");
  let ast;
  try {
    ast = acorn.parse(src, { ecmaVersion: 2020, sourceType: "script", locations: true });
  } catch (e) {
    errors.push(`${name}: parse error: ${e.message}`);
  }
  return { name, ast };
});
const topLevel = new Set();
for (const { name, ast } of files) {
  if (!ast) continue;
  for (const st of ast.body) {
    const decl = (id, loc) => {
      if (!PUBLIC_GLOBALS.has(id) && !id.startsWith("__prelude_")) {
        errors.push(`${name}:${loc.start.line}: top-level name ${id} is neither a public built-in nor __prelude_*`);
      }
      topLevel.add(id);
    };
    if (st.type === "FunctionDeclaration") decl(st.id.name, st.loc);
    else if (st.type === "VariableDeclaration") for (const d of st.declarations) decl(d.id.name, d.loc);
  }
}

// ---- pass 2: walk with scopes ------------------------------------------------
function declaredIn(fnNode) {
  // var/let/const/function names and params of one function body (block
  // scoping is flattened, which is enough to find typos)
  const names = new Set();
  if (fnNode.id && fnNode.type !== "FunctionDeclaration") names.add(fnNode.id.name);
  for (const p of fnNode.params || []) if (p.type === "Identifier") names.add(p.name);
  const visit = (n) => {
    if (!n || typeof n.type !== "string") return;
    if (n !== fnNode && (n.type === "FunctionExpression" || n.type === "ArrowFunctionExpression")) return;
    if (n !== fnNode && n.type === "FunctionDeclaration") {
      names.add(n.id.name);
      return;
    }
    if (n.type === "VariableDeclarator" && n.id.type === "Identifier") names.add(n.id.name);
    if (n.type === "CatchClause" && n.param && n.param.type === "Identifier") names.add(n.param.name);
    for (const k of Object.keys(n)) {
      if (k === "loc") continue;
      const v = n[k];
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v.type === "string") visit(v);
    }
  };
  visit(fnNode.body || fnNode);
  return names;
}

function check(name, ast) {
  const at = (n) => `${name}:${n.loc.start.line}`;
  const walk = (n, scopes, parent) => {
    if (!n || typeof n.type !== "string") return;
    switch (n.type) {
      case "ClassDeclaration":
      case "ClassExpression":
      case "ArrayPattern":
      case "ObjectPattern":
      case "RestElement":
      case "SpreadElement":
      case "AssignmentPattern":
      case "AwaitExpression":
      case "YieldExpression":
      case "TaggedTemplateExpression":
      case "ChainExpression":
      case "WithStatement":
      case "MetaProperty":
      case "ImportExpression":
      case "ForOfStatement":
        errors.push(`${at(n)}: ${n.type} is outside the prelude subset`);
        break;
      case "Literal":
        if (n.regex) errors.push(`${at(n)}: regex literal`);
        if (typeof n.value === "bigint") errors.push(`${at(n)}: BigInt literal`);
        break;
      case "Property":
        if (n.kind !== "init") errors.push(`${at(n)}: getter/setter`);
        if (n.method) errors.push(`${at(n)}: method shorthand`);
        if (n.shorthand) errors.push(`${at(n)}: shorthand property`);
        if (n.computed) errors.push(`${at(n)}: computed property key`);
        break;
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        if (n.generator || n.async) errors.push(`${at(n)}: generator/async function`);
        if (n.type === "FunctionExpression" && n.id) feature("named function expression");
        if (n.type === "FunctionExpression" && !n.id) feature("anonymous function expression");
        if (n.type === "ArrowFunctionExpression") feature("arrow function");
        break;
      case "NewExpression":
        feature("new");
        break;
      case "BinaryExpression":
        if (["in", "instanceof"].includes(n.operator)) feature(`operator ${n.operator}`);
        if ([">>>", ">>", "<<", "&", "|", "^"].includes(n.operator)) feature("bitwise operators");
        break;
      case "UnaryExpression":
        if (["typeof", "delete", "void"].includes(n.operator)) feature(`operator ${n.operator}`);
        if (n.operator === "delete" && n.argument.type === "MemberExpression" && n.argument.computed) feature("delete of a computed member (array element)");
        break;
      case "UpdateExpression":
        if (n.argument.type === "MemberExpression") feature("++/-- on a member expression");
        break;
      case "AssignmentExpression":
        if (n.operator !== "=") feature("compound assignment");
        break;
      case "SequenceExpression":
        errors.push(`${at(n)}: comma operator`);
        break;
      case "LabeledStatement":
        feature("labeled statement");
        break;
      case "TryStatement":
        feature(n.finalizer ? "try/finally" : "try/catch");
        break;
      case "SwitchStatement":
        feature("switch");
        break;
      case "DoWhileStatement":
        feature("do-while");
        break;
      case "ForInStatement":
        feature("for-in");
        break;
      case "ConditionalExpression":
        feature("?:");
        break;
      case "ThisExpression":
        feature("this");
        break;
      case "TemplateLiteral":
        feature("template literal");
        break;
      case "LogicalExpression":
        if (n.operator === "??") feature("??");
        break;
      case "CallExpression":
        if (n.callee.type === "Identifier" && n.callee.name.startsWith("__sy_")) {
          const nm = n.callee.name;
          if (!intrinsics.has(nm)) errors.push(`${at(n)}: unknown intrinsic ${nm}`);
          else if (intrinsics.get(nm) !== n.arguments.length) errors.push(`${at(n)}: ${nm} takes ${intrinsics.get(nm)} arguments, got ${n.arguments.length}`);
          if (nm === "__sy_proto" && !(n.arguments[0] && n.arguments[0].type === "Literal" && (PROTO_NAMES.includes(n.arguments[0].value) || ITER_PROTO_NAMES.includes(n.arguments[0].value)))) {
            errors.push(`${at(n)}: __sy_proto needs a literal prototype name`);
          }
          feature("intrinsic calls");
        }
        if (n.callee.type === "MemberExpression") feature("method calls");
        break;
      case "Identifier": {
        const nm = n.name;
        const isProp = parent && ((parent.type === "MemberExpression" && parent.property === n && !parent.computed) ||
          (parent.type === "Property" && parent.key === n));
        if (isProp) break;
        if (parent && (parent.type === "FunctionExpression" || parent.type === "FunctionDeclaration") && parent.id === n) break;
        if (nm === "arguments") errors.push(`${at(n)}: arguments`);
        // Symbol is only set up (iteration.js), never relied on: the
        // prelude reaches the well-known symbols with __sy_symbol.
        if ((nm === "Symbol" && !at(n).startsWith("prelude/iteration.js")) || nm === "eval" || nm === "globalThis") errors.push(`${at(n)}: ${nm}`);
        if (nm.startsWith("__sy_")) {
          if (!(parent && parent.type === "CallExpression" && parent.callee === n)) errors.push(`${at(n)}: intrinsic ${nm} used as a value`);
          break;
        }
        if (!scopes.some((s) => s.has(nm)) && !topLevel.has(nm) && !AMBIENT.has(nm)) errors.push(`${at(n)}: unresolved identifier ${nm}`);
        // a named function expression's name shadows the global of the same
        // name inside its body: referring to it is almost always a mistake
        const own = scopes.length > 0 ? scopes[scopes.length - 1].selfName : undefined;
        if (own === nm) errors.push(`${at(n)}: ${nm} refers to the function expression itself, not the global`);
        break;
      }
      case "VariableDeclaration":
        feature(n.kind);
        break;
    }
    let inner = scopes;
    if (n.type === "FunctionDeclaration" || n.type === "FunctionExpression" || n.type === "ArrowFunctionExpression") {
      const sc = declaredIn(n);
      if (n.type === "FunctionExpression" && n.id) sc.selfName = n.id.name;
      inner = scopes.concat([sc]);
    }
    for (const k of Object.keys(n)) {
      if (k === "loc" || k === "type") continue;
      const v = n[k];
      if (Array.isArray(v)) v.forEach((c) => walk(c, inner, n));
      else if (v && typeof v.type === "string") walk(v, inner, n);
    }
  };
  walk(ast, [], null);
}
for (const { name, ast } of files) if (ast) check(name, ast);

console.log("features used:");
for (const [k, v] of [...features.entries()].sort()) console.log(`  ${k}: ${v}`);
if (errors.length) {
  console.log(`${errors.length} problems:`);
  for (const e of errors) console.log("  " + e);
  process.exit(1);
}
console.log(`ok: ${files.length} files, ${topLevel.size} top-level names`);
