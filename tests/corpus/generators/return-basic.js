// return(): on a suspended-start generator, at a yield, after completion, with and without value.
function* g() {
  console.log("body runs");
  yield 1;
  yield 2;
  return 3;
}
console.log("-- return on suspended start: the body never runs");
let it = g();
console.log(it.return("early"));
console.log(it.next());
console.log("-- return at a yield");
it = g();
console.log(it.next());
console.log(it.return("mid"));
console.log(it.next());
console.log(it.return());
console.log("-- return after completion");
it = g();
it.next();
it.next();
console.log(it.next());
console.log(it.return("late"));
console.log(it.return({ obj: true }));
console.log(it.next());
console.log("-- return without argument");
it = g();
it.next();
console.log(it.return());
console.log("-- return with finally but no yield in it");
function* withFinally() {
  try {
    yield "a";
    yield "b";
  } finally {
    console.log("cleanup");
  }
  console.log("never printed after return");
}
it = withFinally();
console.log(it.return("before start"));
it = withFinally();
it.next();
console.log(it.return("at a"));
console.log(it.return("again"));
console.log("-- return value passes through untouched");
const marker = [1, 2];
it = g();
it.next();
const res = it.return(marker);
console.log(res.value === marker, res.done);
console.log("-- return from inside a loop");
function* loop() {
  let i = 0;
  try {
    while (true) yield i++;
  } finally {
    console.log("loop finally, i =", i);
  }
}
it = loop();
it.next();
it.next();
it.next();
console.log(it.return(-1), it.next());
