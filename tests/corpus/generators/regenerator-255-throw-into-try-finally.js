// regenerator issue #255: throw() into a generator suspended inside a try with a finally
// (and no catch): the finally runs, then the exception propagates to the caller.
function* gen() {
  try {
    yield 1;
    console.log("not reached");
  } finally {
    console.log("finally runs");
  }
  console.log("not reached either");
}
const g = gen();
console.log(g.next());
try {
  g.throw(new Error("thrown in"));
} catch (e) {
  console.log("caught", e.message);
}
console.log(g.next());

// The finally yields: throw() returns that yield, and the exception resumes afterwards.
function* yieldingFinally() {
  try {
    yield "body";
  } finally {
    yield "finally-1";
    yield "finally-2";
  }
}
const y = yieldingFinally();
console.log(y.next());
console.log(y.throw(new Error("pending")));
console.log(y.next());
try {
  y.next();
} catch (e) {
  console.log("pending exception resumed:", e.message);
}
console.log(y.next());

// try/catch/finally nested inside try/finally: the inner catch handles it, both finallies run.
function* layered() {
  try {
    try {
      yield "inner";
    } catch (e) {
      console.log("inner catch", e);
      yield "recovered";
    } finally {
      console.log("inner finally");
    }
    yield "continuing";
  } finally {
    console.log("outer finally");
  }
}
const l = layered();
console.log(l.next(), l.throw("E"), l.next(), l.next(), l.next());
// throw() while suspended in a catch block with a finally.
function* inCatch() {
  try {
    throw new Error("first");
  } catch (e) {
    yield "in catch: " + e.message;
  } finally {
    console.log("finally after catch");
  }
}
const c = inCatch();
console.log(c.next());
try {
  c.throw(new Error("second"));
} catch (e) {
  console.log("caught", e.message);
}
