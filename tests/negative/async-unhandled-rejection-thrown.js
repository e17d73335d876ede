// expect-exit: 1
// expect-stdout: before
// expect-stderr: Error: thrown after an await
// expect-stderr: at negative/async-unhandled-rejection-thrown.js:12:11
// An async function throws after an await and nobody handles its promise:
// the rejection ends the program (after what it printed), with where the
// error was thrown.
console.log("before");
async function work() {
  await null;
  if (console) {
    throw new Error("thrown after an await");
  }
}
work();
