// expect-exit: 1
// expect-stderr: Error: late
// expect-stdout: before
// expect-stdout: microtask still runs
// An async function rejecting with nobody handling it: after the microtask
// queue drains, the program ends with the rejection (the timer never runs).
console.log("before");
async function fails() {
  await null;
  throw new Error("late");
}
fails();
Promise.resolve().then(() => console.log("microtask still runs"));
setTimeout(() => console.log("timer never runs"), 1);
