// expect-exit: 1
// expect-stderr: Error: thrown inside a fiber at depth 30
// An exception thrown deep inside a fiber and caught nowhere ends the
// program like any uncaught exception, after the output printed so far.
function down(n) {
  if (n === 0) throw new Error("thrown inside a fiber at depth 30");
  return down(n - 1);
}
const f = new Fiber(function () {
  console.log("in the fiber");
  Fiber.yield(1);
  console.log("resumed");
  down(30);
});
console.log(f.resume());
f.resume();
console.log("never printed");
