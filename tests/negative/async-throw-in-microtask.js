// expect-exit: 1
// expect-stderr: RangeError: microtask failed
// expect-stdout: start
// expect-stdout: in microtask
// An exception thrown by a queueMicrotask callback is uncaught: the next microtask never runs.
console.log("start");
queueMicrotask(() => {
  console.log("in microtask");
  throw new RangeError("microtask failed");
});
queueMicrotask(() => console.log("next microtask never runs"));
