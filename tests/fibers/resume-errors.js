// Misuse throws catchable TypeErrors: resuming a finished fiber, a running
// one (a fiber resuming itself or its resumer), a non-fiber receiver;
// new Fiber with a non-function; Fiber.yield outside a fiber.
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

function err(f) {
  try {
    f();
    return "no error";
  } catch (e) {
    return [e.name, e.message, e instanceof TypeError, e.constructor === TypeError];
  }
}
const f = new Fiber((x) => x * 2);
check("finishes", f.resume(4), { value: 8, done: true });
check("resume after finish", err(() => f.resume(1)), ["TypeError", "Cannot resume a finished fiber", true, true]);
check("and again", err(() => f.resume()), ["TypeError", "Cannot resume a finished fiber", true, true]);

let self;
self = new Fiber(function () {
  return err(() => self.resume());
});
check("resuming itself", self.resume().value, ["TypeError", "Fiber is already running", true, true]);

let parent;
parent = new Fiber(function () {
  const child = new Fiber(() => err(() => parent.resume()));
  return child.resume().value;
});
check("resuming its resumer", parent.resume().value, ["TypeError", "Fiber is already running", true, true]);

check("yield outside", err(() => Fiber.yield(1)), ["TypeError", "Fiber.yield called outside a fiber", true, true]);
check("yield outside after fibers ran", err(() => Fiber.yield()), ["TypeError", "Fiber.yield called outside a fiber", true, true]);
check("not a function", err(() => new Fiber(42)), ["TypeError", "Fiber: the argument is not a function", true, true]);
check("no argument", err(() => new Fiber()), ["TypeError", "Fiber: the argument is not a function", true, true]);
const resume = Fiber.prototype.resume;
check("bad receiver", err(() => resume.call({}, 1)), ["TypeError", "Fiber.prototype.resume called on an object that is not a Fiber", true, true]);
check("bad receiver (primitive)", err(() => resume.call(5)), ["TypeError", "Fiber.prototype.resume called on an object that is not a Fiber", true, true]);

// A failed resume leaves the fiber as it was.
const g = new Fiber(function (a) {
  const b = Fiber.yield(a);
  const c = err(() => g.resume());
  return [b, c[1]];
});
check("g yields", g.resume("a"), { value: "a", done: false });
check("g finishes after its own failed resume", g.resume("b"), { value: ["b", "Fiber is already running"], done: true });
console.log(failures === 0 ? "all ok" : failures + " failures");
