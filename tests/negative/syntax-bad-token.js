// expect-exit: 2
// expect-stderr: negative/syntax-bad-token.js:4:11
// expect-no-stdout
var x = 1 @ 2;
console.log(x);
