// expect-exit: 2
// expect-stderr: negative/unsupported-with.js:5:1: unsupported:
// expect-no-stdout
var o = { a: 1 };
with (o) {
  console.log(a);
}
