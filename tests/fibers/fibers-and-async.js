// Fibers and async functions together: a fiber resumed from an async
// function between awaits, an async function started inside a fiber (it
// runs to its first await there; the rest runs from the microtask queue,
// outside the fiber), and Fiber.yield inside an async function body, which
// cannot suspend the fiber: it rejects that function's promise instead.
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

const counter = new Fiber(function (start) {
  let n = start;
  for (;;) n += Fiber.yield(n);
});

const log = [];
async function driver() {
  log.push(counter.resume(10).value);
  await null;
  log.push(counter.resume(5).value);
  await Promise.resolve();
  log.push(counter.resume(1).value);
  return log;
}

async function yieldsInside() {
  await null;
  return Fiber.yield("from async");
}

let started = null;
const host = new Fiber(function () {
  const p = yieldsInside();
  started = p;
  const v = Fiber.yield("host yielded");
  return v * 2;
});

check("host yields normally", host.resume(), { value: "host yielded", done: false });
check("host finishes", host.resume(21), { value: 42, done: true });

driver().then((l) => check("fiber resumed between awaits", l, [10, 15, 16]));
started.then(
  (v) => check("yield in an async body resolved", v, "no"),
  (e) => check("yield in an async body rejects", e.message, "Fiber.yield cannot suspend a fiber from inside a generator or async function body")
);
setTimeout(() => console.log(failures === 0 ? "all ok" : failures + " failures"), 0);
