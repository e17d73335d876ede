// Driving generators by hand: [Symbol.iterator]() identity, result objects, method
// extraction, calling next with an explicit receiver, and next after every kind of end.
function* g() {
  yield "a";
  yield "b";
}
const it = g();
console.log(it[Symbol.iterator]() === it, typeof it[Symbol.iterator]);
const results = [];
let res;
do {
  res = it.next();
  results.push(res);
} while (!res.done);
console.log(results);
console.log(results.map((r) => Object.keys(r).join(",")));
console.log(results[0] === results[1], JSON.stringify(results));
// next taken off the object still works when called on a generator.
const it2 = g();
const next = it2.next;
console.log(next.call(it2), it2.next.call(it2));
console.log(typeof next, next === g().next);
// Each kind of end: normal completion, return(), an exception from the body, throw().
function* body(mode) {
  yield 1;
  if (mode === "throw inside") throw new Error("inside");
  return "normal";
}
const endings = [];
for (const how of ["normal", "return()", "throw inside", "throw()"]) {
  const x = body(how);
  x.next();
  try {
    if (how === "return()") x.return("R");
    else if (how === "throw()") x.throw(new Error("outside"));
    else x.next();
  } catch (e) {
    endings.push(how + " threw " + e.message);
  }
  const a = x.next();
  const b = x.next("ignored");
  endings.push(how + ": " + JSON.stringify([a, b]));
}
console.log(endings.join("\n"));
// A generator as a resumable loop over a manual index.
function* indices(n) {
  for (let i = 0; i < n; i++) yield i;
}
const idx = indices(5);
const first = [];
for (const i of idx) {
  first.push(i);
  if (i === 1) break;
}
console.log(first, [...idx], idx.next());
// A generator object wrapped by a hand-written iterator.
function wrap(gen) {
  let calls = 0;
  return {
    next(v) {
      calls++;
      const r = gen.next(v);
      return { value: r.done ? r.value : r.value + "#" + calls, done: r.done };
    },
    [Symbol.iterator]() {
      return this;
    },
  };
}
console.log([...wrap(g())], Array.from(wrap(g())));
