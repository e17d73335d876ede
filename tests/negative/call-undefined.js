// expect-exit: 1
// expect-stderr: TypeError
// expect-stderr: is not a function
// expect-stdout: before call
var o = {};
console.log("before call");
o.missing();
console.log("not reached");
