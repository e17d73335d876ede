// Fiber.yield from depth 1, 10 and 1000 of JS calls inside the fiber: direct
// recursion, mutual recursion, calls through function values (indirect
// calls: an array of closures, a method, .call), and through a built-in
// taking a callback (Array.prototype.map). Every frame between the fiber's
// function and the yield is suspended with it and must come back intact:
// each level keeps its own locals and arguments and adds to the result.
let D = 1;
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

// Direct recursion: yields v + n, returns (resume value) + 2 * n.
function direct(n, v) {
  const mine = n * 2;
  if (n === 0) return Fiber.yield(v);
  return direct(n - 1, v + 1) + 2;
}

// Mutual recursion.
function even(n, v) {
  if (n === 0) return Fiber.yield(v);
  return odd(n - 1, v + 1) + 2;
}
function odd(n, v) {
  if (n === 0) return Fiber.yield(v);
  return even(n - 1, v + 1) + 2;
}

// Indirect: through closures in an array, a method and .call.
const steps = [];
for (let k = 0; k < 3; k++) {
  steps.push(function (n, v) {
    if (n === 0) return Fiber.yield(v);
    const next = steps[(k + 1) % 3];
    return next(n - 1, v + 1) + 2;
  });
}
const obj = {
  depth: 0,
  down(n, v) {
    if (n === 0) return Fiber.yield(v);
    this.depth++;
    return this.down.call(this, n - 1, v + 1) + 2;
  },
};

// Through a built-in's callback: each level maps over a one-element array.
function viaMap(n, v) {
  if (n === 0) return Fiber.yield(v);
  return [n].map((m) => viaMap(m - 1, v + 1) + 2)[0];
}

function run(name, down) {
  const f = new Fiber(function (start) {
    const a = down(D, start);
    const b = down(D, a);
    return [a, b];
  });
  const r1 = f.resume(100);
  check(name + ": first yield comes from depth " + D, r1, { value: 100 + D, done: false });
  const r2 = f.resume(1000);
  check(name + ": second yield", r2, { value: 1000 + 2 * D + D, done: false });
  const r3 = f.resume(5);
  check(name + ": every frame resumed", r3, { value: [1000 + 2 * D, 5 + 2 * D], done: true });
}

function suite() {
  run("direct", direct);
  run("mutual", even);
  run("closures", steps[0]);
  run("method", (n, v) => obj.down(n, v));
  check("method frames ran", obj.depth, 2 * D);
  run("map callback", viaMap);

  // Two fibers suspended at depth D at the same time, resumed alternately:
  // each keeps its own frames (and its own shadow stack of arguments).
  function sum(n, acc, tag) {
    if (n === 0) return Fiber.yield(tag + ":" + acc);
    return sum(n - 1, acc + n, tag);
  }
  const x = new Fiber((t) => sum(D, 0, t) + "|" + sum(D, 1, t));
  const y = new Fiber((t) => sum(D, 0, t) + "|" + sum(D, 2, t));
  const total = (D * (D + 1)) / 2;
  check("x yields", x.resume("x").value, "x:" + total);
  check("y yields", y.resume("y").value, "y:" + total);
  check("x again", x.resume("X1").value, "x:" + (total + 1));
  check("y again", y.resume("Y1").value, "y:" + (total + 2));
  check("y done", y.resume("Y2"), { value: "Y1|Y2", done: true });
  check("x done", x.resume("X2"), { value: "X1|X2", done: true });
}

for (const depth of [1, 10, 1000]) {
  D = depth;
  obj.depth = 0;
  console.log("-- depth " + depth);
  suite();
}
console.log(failures === 0 ? "all ok" : failures + " failures");
