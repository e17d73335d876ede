// yield* forwards next(v), return() and throw() to the inner generator.
function* inner() {
  try {
    const a = yield "i1";
    console.log("inner got", a);
    const b = yield "i2";
    console.log("inner got", b);
    return "inner result";
  } catch (e) {
    console.log("inner caught", e);
    yield "i-recovered";
    return "inner recovered";
  } finally {
    console.log("inner finally");
  }
}
function* outer() {
  try {
    const r = yield* inner();
    console.log("outer got", r);
    const x = yield "o1";
    console.log("outer got x", x);
  } finally {
    console.log("outer finally");
  }
  return "outer done";
}
console.log("-- next values");
let g = outer();
console.log(g.next("ignored"));
console.log(g.next("A"));
console.log(g.next("B"));
console.log(g.next("C"));
console.log(g.next());
console.log("-- throw caught inside");
g = outer();
g.next();
console.log(g.throw("boom"));
console.log(g.next("after"));
console.log(g.next("more"));
console.log("-- return while delegating");
g = outer();
g.next();
g.next(1);
console.log(g.return("early"));
console.log(g.next());
console.log("-- throw not caught anywhere");
function* plain() {
  yield 1;
  yield 2;
}
function* wrapper() {
  try {
    yield* plain();
  } finally {
    console.log("wrapper finally");
  }
}
g = wrapper();
g.next();
try {
  g.throw(new Error("through"));
} catch (e) {
  console.log("caught outside", e.message);
}
console.log(g.next());
console.log("-- return value of inner return()");
function* stubborn() {
  try {
    yield 1;
  } finally {
    return "inner overrides";
  }
}
function* holder() {
  const v = yield* stubborn();
  console.log("holder resumes with", v);
  yield "holder continues";
}
g = holder();
g.next();
console.log(g.return("ignored?"));
console.log(g.next());
