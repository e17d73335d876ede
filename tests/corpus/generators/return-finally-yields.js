// A finally block that yields while return() is unwinding: the generator suspends again,
// and the pending return resumes when the finally block completes.
function* g() {
  try {
    yield 1;
    yield 2;
  } finally {
    yield "cleanup-1";
    console.log("between cleanup yields");
    yield "cleanup-2";
    console.log("finally done");
  }
  return "normal end";
}
let it = g();
console.log(it.next());
console.log(it.return("R"));
console.log(it.next("x"));
console.log(it.next("y"));
console.log(it.next());
console.log("-- a second return() while suspended in the finally replaces the first");
it = g();
it.next();
console.log(it.return("first"));
console.log(it.return("second"));
console.log(it.next());
console.log("-- throw() while suspended in the finally");
it = g();
it.next();
it.return("R");
try {
  it.throw(new Error("during cleanup"));
} catch (e) {
  console.log("caught", e.message);
}
console.log(it.next());
console.log("-- nested finally blocks that yield, unwound by return()");
function* nested() {
  try {
    try {
      yield "inner body";
    } finally {
      yield "inner finally";
    }
  } finally {
    yield "outer finally";
  }
}
it = nested();
console.log(it.next());
console.log(it.return("done"));
console.log(it.next());
console.log(it.next());
console.log("-- for-of break also runs the yielding finally (yielded values are dropped)");
function* logged() {
  try {
    yield "a";
    yield "b";
  } finally {
    console.log("finally starts");
    yield "dropped";
    console.log("finally resumed?");
  }
}
for (const v of logged()) {
  console.log("loop", v);
  break;
}
console.log("after loop");
