// expect-exit: 2
// expect-stderr: negative/syntax-missing-operand.js:5:13
// expect-no-stdout
var a = 1;
var b = a * ;
