// .next() results printed directly: values, done flags, the return value, next after completion.
function* three() {
  yield 1;
  yield "two";
  yield [3, 3, 3];
  return { last: true };
}
const it = three();
console.log(it.next());
console.log(it.next());
console.log(it.next());
console.log(it.next());
console.log(it.next());
console.log(it.next());

function* empty() {}
const e = empty();
console.log("empty", e.next(), e.next());

function* onlyReturn() {
  return 42;
}
const r = onlyReturn();
console.log("onlyReturn", r.next(), r.next());

function* yieldsUndefined() {
  yield;
  yield undefined;
  yield null;
}
const u = yieldsUndefined();
console.log(u.next(), u.next(), u.next(), u.next());

// The body does not run before the first next().
function* lazy() {
  console.log("body started");
  yield "a";
  console.log("after a");
  yield "b";
  console.log("body finished");
}
const l = lazy();
console.log("created");
let step = l.next();
while (!step.done) {
  console.log("got", step.value, typeof step.done, Object.keys(step));
  step = l.next();
}
console.log("final", step);

// Two generator objects from one function are independent.
function* counter() {
  let i = 0;
  while (true) yield i++;
}
const c1 = counter();
const c2 = counter();
console.log(c1.next().value, c1.next().value, c1.next().value);
console.log(c2.next().value, c1.next().value, c2.next().value);
console.log(JSON.stringify(c1.next()), JSON.stringify(three().next()));
