// Values of every kind pass both ways through resume and Fiber.yield:
// numbers (including NaN, -0, Infinity), strings, booleans, null,
// undefined, objects and arrays (by reference: mutations are seen on both
// sides), functions (called on the other side), generators, other fibers.
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

const echo = new Fiber(function (first) {
  let v = first;
  while (true) v = Fiber.yield(v);
});
const values = [0, -0, 1.5, NaN, Infinity, -Infinity, "", "text", true, false, null, undefined];
const back = [];
for (const v of values) back.push(echo.resume(v).value);
check("primitives", back.map((v) => (Object.is(v, -0) ? "-0" : String(v))), ["0", "-0", "1.5", "NaN", "Infinity", "-Infinity", "", "text", "true", "false", "null", "undefined"]);
check("same values", back.every((v, i) => Object.is(v, values[i])), true);

const obj = { n: 1 };
const arr = [1, 2];
const mut = new Fiber(function (o) {
  o.n++;
  const a = Fiber.yield(o);
  a.push(3);
  return a;
});
const r1 = mut.resume(obj);
check("same object back", r1.value === obj, true);
check("mutated inside", obj.n, 2);
const r2 = mut.resume(arr);
check("same array back", r2.value === arr, true);
check("pushed inside", arr, [1, 2, 3]);

// Functions travel and are called on the other side.
const calls = new Fiber(function (f) {
  const g = Fiber.yield(f(10));
  return g(20) + f(1);
});
check("function in", calls.resume((x) => x * 3).value, 30);
check("function in again", calls.resume((x) => x - 1), { value: 22, done: true });

// A fiber yields a closure over its own locals; calling it later sees them.
const maker = new Fiber(function () {
  let count = 0;
  Fiber.yield(() => ++count);
  return count;
});
const inc = maker.resume().value;
inc();
inc();
check("closure over a suspended fiber's local", maker.resume().value, 2);

// Generators and fibers as values.
function* gen() {
  yield "g1";
  yield "g2";
}
const carrier = new Fiber(function (g) {
  const f = Fiber.yield(g.next().value);
  return [g.next().value, f.resume().value];
});
check("a generator in", carrier.resume(gen()).value, "g1");
check("a fiber in", carrier.resume(new Fiber(() => "other fiber")), { value: ["g2", "other fiber"], done: true });

// The value of the first resume is the function's argument; the function
// is called with this undefined (a sloppy-mode function sees the global
// object).
const thisCheck = new Fiber(function (a) {
  return [typeof this, a];
});
check("this and argument", thisCheck.resume("arg").value, ["object", "arg"]);
console.log(failures === 0 ? "all ok" : failures + " failures");
