// The try/finally cases regenerator got wrong (its issues #173, #255, #275).

// #173: return() while a finally block yields: return() gives the yielded
// value, the generator continues, and the return value comes last.
function* f173() {
  try {
    yield 1;
  } finally {
    yield 2;
    console.log("finally done");
  }
  console.log("never");
}
let it = f173();
console.log(it.next(), it.return("r"), it.next(), it.next());

// #255: throw() into a try whose finally yields.
function* f255() {
  try {
    yield "a";
  } finally {
    yield "in finally";
  }
}
it = f255();
console.log(it.next());
console.log(it.throw(new Error("E")));
try {
  it.next();
} catch (e) {
  console.log("rethrown", e.message);
}
console.log(it.next());

// #275: a finally that returns overrides the pending return and throw.
function* f275() {
  try {
    yield 1;
  } finally {
    return "from finally";
  }
}
it = f275();
it.next();
console.log(it.return("ignored"));
it = f275();
it.next();
console.log(it.throw(new Error("swallowed")));

// A finally that throws overrides the return.
function* throwsInFinally() {
  try {
    yield 1;
  } finally {
    throw new Error("finally threw");
  }
}
it = throwsInFinally();
it.next();
try {
  it.return(0);
} catch (e) {
  console.log(e.message);
}

// Nested finally blocks run inner to outer on return(), each may yield.
function* nested() {
  try {
    try {
      yield "inner";
    } finally {
      console.log("inner finally");
      yield "from inner finally";
    }
  } finally {
    console.log("outer finally");
    yield "from outer finally";
  }
}
it = nested();
console.log(it.next(), it.return("R"), it.next(), it.next(), it.next());

// throw() caught in the generator, which then continues.
function* resilient() {
  for (let i = 0; i < 3; i++) {
    try {
      yield i;
    } catch (e) {
      console.log("recovered from", e);
    }
  }
  return "done";
}
it = resilient();
console.log(it.next(), it.throw("x"), it.throw("y"), it.next(), it.next());

// return() from inside a for-of in the generator closes the inner iterator.
function* source() {
  try {
    yield 1;
    yield 2;
  } finally {
    console.log("source closed");
  }
}
function* relay() {
  for (const v of source()) yield v * 10;
}
it = relay();
console.log(it.next(), it.return("stop"), it.next());
