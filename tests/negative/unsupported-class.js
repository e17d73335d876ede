// expect-exit: 2
// expect-stderr: negative/unsupported-class.js:6:1: unsupported:
// expect-no-stdout
// Classes are outside the subset; nothing runs, not even the earlier console.log.
console.log("must not print: compile errors are reported before running");
class Point {
  constructor(x) {
    this.x = x;
  }
}
console.log(new Point(1).x);
