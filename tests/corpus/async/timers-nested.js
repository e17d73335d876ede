// Timers created inside timer callbacks and microtasks.
// node starts the first timer of a program from a clock reading taken before the
// script ran (it can fire early when startup is slow), so the first timer here is a no-op.
setTimeout(() => {}, 0);
setTimeout(() => {
  console.log("outer A");
  setTimeout(() => console.log("inner of A (0ms)"), 0);
  Promise.resolve().then(() => {
    console.log("microtask of A");
    setTimeout(() => console.log("timer from microtask of A"), 0);
  });
}, 5);
setTimeout(() => {
  console.log("outer B");
  setTimeout(() => {
    console.log("inner of B");
    setTimeout(() => console.log("innermost of B"), 1);
  }, 1);
}, 5);
Promise.resolve().then(() => setTimeout(() => console.log("timer from first microtask"), 0));
