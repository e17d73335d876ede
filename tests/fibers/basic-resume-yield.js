// The Fiber protocol: the first resume(v) calls fn(v); Fiber.yield(x)
// makes that resume return { value: x, done: false }; the next resume(w)
// makes the pending Fiber.yield return w; when fn returns r, resume
// returns { value: r, done: true }.
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

const log = [];
const f = new Fiber(function (first) {
  log.push("start " + first);
  const a = Fiber.yield(first * 2);
  log.push("a " + a);
  const b = Fiber.yield(a + "!");
  log.push("b " + b);
  return [first, a, b];
});
check("nothing runs before the first resume", log, []);
const r1 = f.resume(21);
console.log(r1);
check("first resume passes its value to fn", r1, { value: 42, done: false });
const r2 = f.resume("hello");
check("second resume answers the first yield", r2, { value: "hello!", done: false });
const r3 = f.resume(undefined);
check("the return value ends the fiber", r3, { value: [21, "hello", undefined], done: true });
console.log(r3);
check("log", log, ["start 21", "a hello", "b undefined"]);
check("result keys", Object.keys(r1), ["value", "done"]);

// A fiber that never yields finishes at its first resume.
const g = new Fiber((x) => x + 1);
check("no yield", g.resume(1), { value: 2, done: true });

// resume() without an argument passes undefined.
const h = new Fiber(function (x) {
  const y = Fiber.yield(typeof x);
  return typeof y;
});
check("resume() first", h.resume(), { value: "undefined", done: false });
check("resume() later", h.resume(), { value: "undefined", done: true });

// A loop yielding many times.
const counter = new Fiber(function (n) {
  let total = 0;
  for (let i = 0; i < n; i++) total += Fiber.yield(i);
  return total;
});
let r = counter.resume(5);
const seen = [];
while (!r.done) {
  seen.push(r.value);
  r = counter.resume(r.value * 10);
}
check("loop yields", seen, [0, 1, 2, 3, 4]);
check("loop total", r.value, 100);
console.log(failures === 0 ? "all ok" : failures + " failures");
