// Generators used inside a fiber: the fiber's function drives generators
// (for-of, next(), spread, yield*) and yields between their steps, from
// the loop body and from functions called by it. A Fiber.yield inside a
// generator *body* cannot suspend the fiber (the generator is the
// innermost coroutine there): it throws a TypeError, which the generator
// may catch; the fiber itself is unaffected.
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

function* range(n) {
  for (let i = 0; i < n; i++) yield i;
}
function* squares(n) {
  for (const i of range(n)) yield i * i;
}
function report(x) {
  return Fiber.yield("sq " + x);
}

const f = new Fiber(function (n) {
  const got = [];
  for (const s of squares(n)) got.push(report(s));
  const g = range(3);
  got.push(Fiber.yield("next " + g.next().value));
  got.push(Fiber.yield("spread " + [...g].join(",")));
  return got;
});
const seen = [];
let r = f.resume(4);
let k = 0;
while (!r.done) {
  seen.push(r.value);
  r = f.resume("answer" + k++);
}
check("values yielded between generator steps", seen, ["sq 0", "sq 1", "sq 4", "sq 9", "next 0", "spread 1,2"]);
check("answers", r.value, ["answer0", "answer1", "answer2", "answer3", "answer4", "answer5"]);

// A generator created outside, consumed partly inside each of two fibers.
const shared = range(6);
function taker(label) {
  return function (count) {
    const mine = [];
    for (let i = 0; i < count; i++) {
      mine.push(shared.next().value);
      Fiber.yield(label + " took " + mine[mine.length - 1]);
    }
    return mine;
  };
}
const a = new Fiber(taker("a"));
const b = new Fiber(taker("b"));
const trace = [a.resume(3).value, b.resume(3).value];
for (let i = 0; i < 2; i++) {
  trace.push(a.resume().value);
  trace.push(b.resume().value);
}
check("interleaved takers", trace, ["a took 0", "b took 1", "a took 2", "b took 3", "a took 4", "b took 5"]);
check("a finishes", a.resume(), { value: [0, 2, 4], done: true });
check("b finishes", b.resume(), { value: [1, 3, 5], done: true });

// Fiber.yield inside a generator body running in a fiber: a TypeError.
function* sneaky() {
  yield 1;
  try {
    Fiber.yield("never");
  } catch (e) {
    yield e.name + ": " + e.message;
  }
  yield 3;
}
const h = new Fiber(function () {
  const out = [];
  for (const v of sneaky()) {
    out.push(v);
    Fiber.yield(v);
  }
  return out;
});
const hs = [];
let hr = h.resume();
while (!hr.done) {
  hs.push(hr.value);
  hr = h.resume();
}
check("generator body cannot yield the fiber", hs, [1, "TypeError: Fiber.yield cannot suspend a fiber from inside a generator or async function body", 3]);
check("the fiber went on", hr.value.length, 3);
console.log(failures === 0 ? "all ok" : failures + " failures");
