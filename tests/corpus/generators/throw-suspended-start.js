// throw() on a generator that has not started: the body never runs, the exception
// propagates, and the generator is finished. Also throw() after completion.
function* g() {
  try {
    console.log("body runs");
    yield 1;
  } catch (e) {
    console.log("never caught here", e);
  } finally {
    console.log("never runs either");
  }
}
let it = g();
try {
  it.throw(new Error("at start"));
} catch (e) {
  console.log("caught outside:", e.message);
}
console.log(it.next());
console.log(it.return("r"));

console.log("-- throw after completion rethrows");
it = g();
it.next();
it.next();
try {
  it.throw("after end");
} catch (e) {
  console.log("caught again:", e);
}
console.log(it.next());

console.log("-- throw values of any type");
const values = [42, "str", null, undefined, { a: 1 }, [1, 2], true];
for (const v of values) {
  const fresh = g();
  try {
    fresh.throw(v);
  } catch (e) {
    console.log(typeof e, e === v, e);
  }
}

console.log("-- throw after the generator finished by throwing");
function* thrower() {
  yield 1;
  throw new Error("own");
}
it = thrower();
it.next();
try {
  it.next();
} catch (e) {
  console.log("first:", e.message);
}
console.log(it.next());
try {
  it.throw(new Error("second"));
} catch (e) {
  console.log("second:", e.message);
}
console.log(it.return(5));
