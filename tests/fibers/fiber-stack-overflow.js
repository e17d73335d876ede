// expect-exit: 3
// expect-stderr: stack overflow
// Unbounded recursion inside a fiber stops the program with a stack
// overflow (the fiber's shadow stack may grow to 1 MiB, like the main
// one), after the output printed so far; never a crash.
function forever(n, a, b) {
  return forever(n + 1, a, b) + 1;
}
const f = new Fiber(function () {
  Fiber.yield("before");
  return forever(0, 1, 2);
});
console.log(f.resume().value);
f.resume();
console.log("never printed");
