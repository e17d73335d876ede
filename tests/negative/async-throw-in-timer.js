// expect-exit: 1
// expect-stderr: TypeError: timer failed
// expect-stdout: scheduling
// expect-stdout: in timer
// An exception thrown by a timer callback is uncaught: the later timer never runs.
console.log("scheduling");
setTimeout(() => {
  console.log("in timer");
  throw new TypeError("timer failed");
}, 1);
setTimeout(() => console.log("second timer never runs"), 5);
