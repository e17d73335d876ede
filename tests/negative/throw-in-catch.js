// expect-exit: 1
// expect-stderr: Error: second
// expect-stdout: caught first
try {
  throw new Error("first");
} catch (e) {
  console.log("caught " + e.message);
  throw new Error("second");
}
