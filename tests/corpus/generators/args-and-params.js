// Generator parameters: defaults (evaluated at call time, before the first next()), rest
// parameters, destructured parameters, and parameters reassigned across yields.
let sideEffects = [];
function def(name) {
  sideEffects.push("default " + name);
  return name;
}
function* withDefaults(a = def("a"), b = a + "!") {
  sideEffects.push("body");
  yield a;
  yield b;
}
const g = withDefaults();
console.log("after call", sideEffects);
console.log([...g], sideEffects);
sideEffects = [];
console.log([...withDefaults("x")], [...withDefaults(undefined, "y")], [...withDefaults(null)]);
function* rest(first, ...others) {
  yield first;
  yield others.length;
  yield* others;
}
console.log([...rest(1, 2, 3, 4)], [...rest()]);
function* destructured({ name, tags = [] }, [x, y] = [0, 0]) {
  yield name;
  for (const t of tags) yield "#" + t;
  yield x + y;
}
console.log([...destructured({ name: "n", tags: ["a", "b"] }, [3, 4])]);
console.log([...destructured({ name: "m" })]);
function* reassign(n) {
  while (n > 0) {
    const sent = yield n;
    n = sent === undefined ? n - 1 : sent;
  }
  return "n reached " + n;
}
const r = reassign(5);
console.log(r.next(), r.next(), r.next(2), r.next(), r.next(), r.next());
// An exception in a default parameter is thrown by the call itself.
function* bad(x = (() => {
  throw new Error("default failed");
})()) {
  yield x;
}
try {
  bad();
  console.log("not reached");
} catch (e) {
  console.log("call threw:", e.message);
}
console.log(bad(5).next());
function* many(a, b, c, d, e, f, g2, h) {
  yield [a, b, c, d, e, f, g2, h].join("");
}
console.log(many(1, 2, 3, 4, 5, 6, 7, 8).next().value, many(1).next().value);
