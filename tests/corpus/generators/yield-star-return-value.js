// `const r = yield* inner()`: the value of yield* is the inner generator's return value.
function* inner(label, n) {
  for (let i = 0; i < n; i++) yield label + i;
  return label.toUpperCase() + n;
}
function* outer() {
  const a = yield* inner("a", 2);
  console.log("a returned", a);
  const b = yield* inner("b", 0);
  console.log("b returned", b);
  const c = yield* [1, 2];
  console.log("array yield* gives", c);
  const d = yield* (function* () {})();
  console.log("empty generator gives", d);
  return [a, b, c, d];
}
const o = outer();
let r;
while (!(r = o.next()).done) console.log("yielded", r.value);
console.log("outer returned", r.value);

// Sum returned up a recursive chain.
function* countdown(n) {
  if (n === 0) return 0;
  yield n;
  const rest = yield* countdown(n - 1);
  return rest + n;
}
const cd = countdown(6);
const seen = [];
let step = cd.next();
while (!step.done) {
  seen.push(step.value);
  step = cd.next();
}
console.log(seen, "sum", step.value);

// yield* as a subexpression.
function* sub() {
  yield "s";
  return 5;
}
function* expr() {
  const x = (yield* sub()) * 2 + (yield* sub());
  yield x;
  yield [yield* sub(), yield* sub()];
}
console.log([...expr()]);
// The return value is not part of the iteration.
console.log([...inner("z", 3)], Array.from(inner("q", 1)));
// A returned object passes through untouched.
const token = { id: 7 };
function* giveToken() {
  return token;
}
function* getToken() {
  const t = yield* giveToken();
  yield t === token;
}
console.log(getToken().next());
