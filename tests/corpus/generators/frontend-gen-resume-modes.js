// next / throw / return in every generator state, against try/catch/finally.
function* g() {
  try {
    const x = yield 1;
    console.log("got", x);
    yield 2;
  } catch (e) {
    console.log("caught", e);
    yield "after-catch";
  } finally {
    console.log("finally");
  }
  return "end";
}

let it = g();
console.log(it.next("ignored"), it.next("A"), it.next(), it.next());

it = g();
console.log(it.next(), it.throw("boom"), it.next(), it.next());

it = g();
console.log(it.next(), it.return("early"), it.next());

// return() at suspended-start completes without running the body.
it = g();
console.log(it.return(5), it.next());

// throw() at suspended-start completes it and throws.
it = g();
try {
  it.throw(new Error("at start"));
} catch (e) {
  console.log("threw", e.message);
}
console.log(it.next());

// next / return / throw on a completed generator.
console.log(it.next(), it.return(9));
try {
  it.throw("late");
} catch (e) {
  console.log("late throw", e);
}

// The generator is running while its body executes.
let self;
function* reentrant() {
  try {
    self.next();
  } catch (e) {
    console.log(e instanceof TypeError, e.message);
  }
  yield 1;
}
self = reentrant();
console.log(self.next());

// An exception escaping the body completes the generator.
function* fails() {
  yield 1;
  throw new RangeError("inside");
}
it = fails();
it.next();
try {
  it.next();
} catch (e) {
  console.log(e.name, e.message);
}
console.log(it.next());

// Brand checks.
try {
  g.prototype.next.call({});
} catch (e) {
  console.log(e.message);
}
