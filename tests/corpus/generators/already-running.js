// A generator that resumes itself while running gets a TypeError; it stays usable.
let self;
function* reentrant() {
  try {
    self.next();
  } catch (e) {
    console.log("next:", e.constructor === TypeError, e.name, e.message);
  }
  try {
    self.return(1);
  } catch (e) {
    console.log("return:", e.constructor === TypeError, e.message);
  }
  try {
    self.throw(new Error("x"));
  } catch (e) {
    console.log("throw:", e.constructor === TypeError, e.message);
  }
  const v = yield "still alive";
  console.log("resumed with", v);
  return "fine";
}
self = reentrant();
console.log(self.next());
console.log(self.next("v"));
console.log(self.next());

// The TypeError is not caught inside: it propagates out of the outer next(), and
// the generator is finished.
let g2;
function* uncaught() {
  yield 1;
  g2.next();
  yield 2;
}
g2 = uncaught();
console.log(g2.next());
try {
  g2.next();
} catch (e) {
  console.log("outer caught", e instanceof TypeError, e.message);
}
console.log(g2.next());

// Re-entry through another function and through for-of.
let g3;
function poke() {
  return g3.next();
}
function* indirect() {
  try {
    poke();
  } catch (e) {
    yield "indirect: " + e.message;
  }
  try {
    for (const x of g3) console.log("never", x);
  } catch (e) {
    yield "for-of: " + e.message;
  }
}
g3 = indirect();
console.log([...g3]);
// A different generator object of the same function is not running.
let outerGen;
function* rec(depth) {
  if (depth > 0) {
    const inner = rec(depth - 1);
    yield "depth " + depth + " sees " + JSON.stringify(inner.next());
  } else {
    yield "leaf";
  }
}
outerGen = rec(2);
console.log(outerGen.next().value);
