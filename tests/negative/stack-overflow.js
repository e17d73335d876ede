// expect-exit: 3
// expect-stderr: stack overflow
// expect-stdout: start
// Unbounded recursion must trap (exit 3) rather than crash the host.
console.log("start");
function f(n) {
  return f(n + 1) + 1;
}
f(0);
