// Fibers resumed inside generator bodies: a generator that drives a fiber
// and yields what it yields (a fiber-backed iterator), a generator that
// creates a fresh fiber per step, and yield* over such generators.
let failures = 0;
function check(label, actual, expected) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a === e) console.log("ok " + label);
  else {
    failures++;
    console.log("FAIL " + label + ": " + a + " !== " + e);
  }
}

function walk(node) {
  if (node === null) return;
  walk(node.left);
  Fiber.yield(node.value);
  walk(node.right);
}
function tree(lo, hi) {
  if (lo > hi) return null;
  const mid = (lo + hi) >> 1;
  return { value: mid, left: tree(lo, mid - 1), right: tree(mid + 1, hi) };
}
// In-order traversal by a recursive function, exposed as a generator.
function* inorder(root) {
  const f = new Fiber(walk);
  let r = f.resume(root);
  while (!r.done) {
    yield r.value;
    r = f.resume();
  }
}
check("in-order of a balanced tree", [...inorder(tree(1, 15))], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);

let sum = 0;
for (const v of inorder(tree(1, 100))) {
  if (v > 10) break;
  sum += v;
}
check("early exit from the for-of (the fiber stays suspended)", sum, 55);

// A generator resuming a fiber per step, and yield* over it.
function* perStep(n) {
  for (let i = 0; i < n; i++) {
    const f = new Fiber((x) => Fiber.yield(x * 10) + 1);
    const first = f.resume(i).value;
    const second = f.resume(first).value;
    yield [first, second];
  }
  return "inner done";
}
function* outer() {
  const r = yield* perStep(3);
  yield r;
}
check("yield* over a generator resuming fibers", [...outer()], [[0, 1], [10, 11], [20, 21], "inner done"]);

// A fiber resumed from inside a generator body that is itself driven by
// another fiber.
const inner = new Fiber(function (x) {
  while (true) x = Fiber.yield(x * 2);
});
inner.resume(0);
function* doubler() {
  let v = 1;
  for (let i = 0; i < 4; i++) v = yield inner.resume(v).value;
}
const driver = new Fiber(function () {
  const out = [];
  const g = doubler();
  let r = g.next();
  while (!r.done) {
    out.push(r.value);
    Fiber.yield(r.value);
    r = g.next(r.value + 1);
  }
  return out;
});
const steps = [];
let d = driver.resume();
while (!d.done) {
  steps.push(d.value);
  d = driver.resume();
}
check("fiber inside generator inside fiber", steps, [2, 6, 14, 30]);
check("driver result", d.value, [2, 6, 14, 30]);
console.log(failures === 0 ? "all ok" : failures + " failures");
