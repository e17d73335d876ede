// expect-exit: 1
// expect-stderr: Error: after output
// expect-stdout: line one
// expect-stdout: [ 1, 2, 3 ]
// expect-stdout: { a: 'x' }
// Output printed before an uncaught exception must still reach stdout, in order.
console.log("line one");
console.log([1, 2, 3]);
console.log({ a: "x" });
throw new Error("after output");
