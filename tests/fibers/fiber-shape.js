// What the Fiber built-in looks like from JS: a constructor function with
// a hidden static yield and a hidden prototype method resume; fiber
// objects are objects, instances of Fiber, with no own enumerable
// properties; the results of resume are plain objects. A user program may
// add properties to a fiber like to any object.
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

check("typeof Fiber", typeof Fiber, "function");
check("Fiber.name", Fiber.name, "Fiber");
check("typeof Fiber.yield", typeof Fiber.yield, "function");
check("Fiber.yield.name", Fiber.yield.name, "yield");
check("typeof resume", typeof Fiber.prototype.resume, "function");
check("resume.name", Fiber.prototype.resume.name, "resume");
check("hidden statics", Object.keys(Fiber), []);
check("hidden methods", Object.keys(Fiber.prototype), []);
const f = new Fiber(function () {
  return 1;
});
check("typeof fiber", typeof f, "object");
check("instanceof", f instanceof Fiber, true);
check("constructor", f.constructor === Fiber, true);
check("own keys", Object.keys(f), []);
check("resume is inherited", f.resume === Fiber.prototype.resume, true);
console.log(f);
f.label = "mine";
check("user properties", [Object.keys(f), f.label], [["label"], "mine"]);
const r = f.resume();
console.log(r);
check("result is a plain object", [typeof r, Object.keys(r), r.constructor === Object], ["object", ["value", "done"], true]);
check("Fiber without new", Fiber(() => 7).resume(), { value: 7, done: true });
// A method borrowed onto another fiber works through .call.
const g = new Fiber((x) => x + 1);
check("resume.call", Fiber.prototype.resume.call(g, 1), { value: 2, done: true });
console.log(failures === 0 ? "all ok" : failures + " failures");
