// expect-exit: 2
// expect-stderr: negative/syntax-missing-paren.js:5:11
// expect-no-stdout
var x = 3;
if (x > 1 {
  console.log("big");
}
