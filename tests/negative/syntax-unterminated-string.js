// expect-exit: 2
// expect-stderr: negative/syntax-unterminated-string.js:5:9
// expect-no-stdout
console.log("ok");
var s = "abc;
console.log(s);
