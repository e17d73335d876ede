// Exceptions and fibers: an exception thrown inside a fiber (at any depth)
// and not caught there finishes the fiber and propagates out of resume to
// the resumer; try/catch/finally inside the fiber work across yields; an
// exception thrown by the resumer never enters a suspended fiber.
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

function deepThrow(n) {
  if (n === 0) throw new RangeError("deep " + n);
  return deepThrow(n - 1) + 1;
}
const f = new Fiber(function (x) {
  const y = Fiber.yield(x + 1);
  return deepThrow(y);
});
check("first resume", f.resume(1), { value: 2, done: false });
try {
  f.resume(50);
  console.log("FAIL no exception");
} catch (e) {
  check("propagates out of resume", [e.name, e.message, e instanceof RangeError], ["RangeError", "deep 0", true]);
}
try {
  f.resume(0);
} catch (e) {
  check("the fiber that threw is finished", [e.name, e.message], ["TypeError", "Cannot resume a finished fiber"]);
}

// Thrown at the first resume, before any yield.
const early = new Fiber(function () {
  throw "a string";
});
try {
  early.resume();
} catch (e) {
  check("a thrown primitive", e, "a string");
}

// try/catch/finally across yields inside the fiber.
const log = [];
const g = new Fiber(function () {
  try {
    log.push("try");
    Fiber.yield(1);
    log.push("after first yield");
    try {
      Fiber.yield(2);
      throw new Error("inner");
    } catch (e) {
      log.push("caught " + e.message);
      Fiber.yield(3);
    } finally {
      log.push("inner finally");
      Fiber.yield(4);
    }
    return "returned";
  } finally {
    log.push("outer finally");
  }
});
const values = [];
let r = g.resume();
while (!r.done) {
  values.push(r.value);
  r = g.resume();
}
check("yields from try, catch and finally", values, [1, 2, 3, 4]);
check("completion", r.value, "returned");
check("order", log, ["try", "after first yield", "caught inner", "inner finally", "outer finally"]);

// An exception caught inside the fiber at a shallower depth than the throw.
function risky(n) {
  if (n === 0) {
    Fiber.yield("about to throw");
    throw new TypeError("from the bottom");
  }
  return risky(n - 1);
}
const h = new Fiber(function () {
  try {
    risky(20);
  } catch (e) {
    return "recovered: " + e.message;
  }
});
check("yield before the throw", h.resume().value, "about to throw");
check("caught inside the fiber", h.resume(), { value: "recovered: from the bottom", done: true });

// The resumer's own exceptions do not disturb a suspended fiber.
const k = new Fiber(function (a) {
  const b = Fiber.yield(a);
  return a + b;
});
k.resume(10);
try {
  throw new Error("resumer");
} catch (e) {
  check("resumer caught its own", e.message, "resumer");
}
check("fiber unaffected", k.resume(5), { value: 15, done: true });

// A fiber whose function throws after catching at depth in another fiber.
const outer = new Fiber(function () {
  const inner = new Fiber(function () {
    Fiber.yield("inner yielded");
    throw new Error("inner failed");
  });
  const first = inner.resume().value;
  Fiber.yield(first);
  try {
    inner.resume();
  } catch (e) {
    Fiber.yield("outer caught " + e.message);
  }
  throw new Error("outer failed");
});
check("nested 1", outer.resume().value, "inner yielded");
check("nested 2", outer.resume().value, "outer caught inner failed");
try {
  outer.resume();
} catch (e) {
  check("nested 3", e.message, "outer failed");
}
console.log(failures === 0 ? "all ok" : failures + " failures");
