// Shadow stacks: arguments of calls in progress inside a suspended fiber
// stay where they are while other fibers and the main program make calls.
// Fibers recurse 3,000 deep with several arguments (their shadow stacks
// grow into chained segments and shrink back), yield at the bottom, and
// are resumed in an interleaved order; each level then checks its own
// arguments and adds them up. Also: a call depth oscillating around a
// segment boundary, and arguments spread from arrays.
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

function dive(n, a, b, c, tag) {
  if (n === 0) return Fiber.yield(tag + ":" + a + "," + b + "," + c);
  const r = dive(n - 1, a + 1, b + 2, c + 3, tag);
  // At every level b - 2a = 8k and c - 3a = 97k: checks the arguments
  // came back untouched.
  if ((b - 2 * a) * 97 !== (c - 3 * a) * 8) throw new Error("clobbered");
  return r + a + b + c;
}
const D = 3000;
const fibers = [];
for (let k = 0; k < 4; k++) {
  fibers.push(new Fiber((t) => dive(D, k, 10 * k, 100 * k, t)));
}
const bottoms = fibers.map((f, k) => f.resume("f" + k).value);
check("bottoms", bottoms, [
  "f0:3000,6000,9000",
  "f1:3001,6010,9100",
  "f2:3002,6020,9200",
  "f3:3003,6030,9300",
]);
// Deep calls on the main stack in between.
function mainDeep(n, x) {
  return n === 0 ? x : mainDeep(n - 1, x + 1);
}
check("main stack still fine", mainDeep(2000, 0), 2000);
// Each level k adds a + b + c = 6i + 111k for i = 0..D-1 (a = k + i, ...).
function expected(k) {
  return 3 * D * (D - 1) + 111 * k * D;
}
const order = [2, 0, 3, 1];
const results = [];
for (const k of order) results.push(fibers[k].resume(0).value);
check("sums", results, order.map(expected));

// Depth oscillating around a segment boundary: many calls in and out.
function osc(n) {
  if (n === 0) return 0;
  return osc(n - 1) + 1;
}
const o = new Fiber(function () {
  let total = 0;
  for (let i = 0; i < 2000; i++) {
    total += osc(1015 + (i % 10));
    if (i % 500 === 0) Fiber.yield(total);
  }
  return total;
});
let r = o.resume();
const marks = [];
while (!r.done) {
  marks.push(r.value);
  r = o.resume();
}
// After iteration i: (i + 1) * 1015 plus 45 for every full cycle of i % 10.
check("oscillation marks", marks, [0, 500, 1000, 1500].map((i) => (i + 1) * 1015 + (i / 10) * 45));
check("oscillation total", r.value, 2000 * 1015 + 200 * 45);

// Spread arguments from an array inside a fiber.
function sum5(a, b, c, d, e) {
  return Fiber.yield(a + b + c + d + e);
}
const s = new Fiber(function (xs) {
  return sum5(...xs) * 2;
});
check("spread in a fiber", s.resume([1, 2, 3, 4, 5]).value, 15);
check("spread result", s.resume(7).value, 14);
console.log(failures === 0 ? "all ok" : failures + " failures");
