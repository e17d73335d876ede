// Generators capturing variables from enclosing scopes, and closures created inside generators.
function makeCounter(start) {
  let count = start;
  function* ticks(step) {
    while (true) {
      count += step;
      const reset = yield count;
      if (reset) count = start;
    }
  }
  return { ticks, peek: () => count, set: (v) => (count = v) };
}
const c = makeCounter(10);
const t1 = c.ticks(1);
const t2 = c.ticks(100);
console.log(t1.next().value, t2.next().value, t1.next().value, c.peek());
c.set(0);
console.log(t1.next().value, t2.next(true).value, t2.next().value, c.peek());

// Closures created inside the generator keep the per-iteration bindings.
function* makers() {
  for (let i = 0; i < 3; i++) {
    yield () => i * i;
  }
  let shared = 0;
  yield () => ++shared;
  yield () => ++shared;
}
const fns = [...makers()];
console.log(fns.map((f) => f()));
console.log(fns[3](), fns[4](), fns[3]());

// A generator whose local state is visible through a closure it yielded.
function* accumulator() {
  const items = [];
  const view = () => items.join("|");
  while (true) {
    const v = yield view;
    items.push(v);
  }
}
const acc = accumulator();
const view = acc.next().value;
acc.next("a");
acc.next("b");
console.log(view(), acc.next("c").value === view, view());

// Generator functions defined inside loops capture the loop variable.
const gens = [];
for (let k = 0; k < 3; k++) {
  gens.push(function* () {
    yield k;
    yield k * 10;
  });
}
console.log(gens.map((gf) => [...gf()]));
// Arrow functions inside the generator see its parameters.
function* mapper(mult, xs) {
  const f = (x) => x * mult;
  for (const x of xs) {
    yield f(x);
    mult++;
  }
}
console.log([...mapper(2, [1, 1, 1, 1])]);
// Nested generator functions capturing the outer generator's variables.
function* outer() {
  let secret = "s";
  function* inner() {
    yield secret;
    secret += "!";
    yield secret;
  }
  yield* inner();
  secret = "changed";
  yield* inner();
  yield secret;
}
console.log([...outer()]);
