// expect-exit: 2
// expect-no-stdout
// expect-stderr: negative/syntax-unclosed-brace.js:
// A function body that is never closed: the error is at the end of input (node says line 8;
// the column of "end of input" is not pinned down here).
function f() {
  console.log("never printed");
