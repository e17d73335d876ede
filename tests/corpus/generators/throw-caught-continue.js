// throw() into a generator that catches at the yield and keeps going.
function* resilient() {
  let errors = 0;
  for (let i = 0; i < 5; i++) {
    try {
      const v = yield "step" + i;
      console.log("step", i, "received", v);
    } catch (e) {
      errors++;
      console.log("caught at step", i, e instanceof Error ? e.message : e);
    }
  }
  return "errors=" + errors;
}
const g = resilient();
console.log(g.next());
console.log(g.next("a"));
console.log(g.throw(new Error("first")));
console.log(g.throw("second (a string)"));
console.log(g.next("b"));
console.log(g.throw({ code: 3 }));
console.log(g.next());
console.log(g.next());

// The catch block yields too.
function* catchYields() {
  while (true) {
    try {
      yield "waiting";
    } catch (e) {
      const reply = yield "handling " + e;
      console.log("handler got reply", reply);
      if (reply === "quit") return "quit after " + e;
    }
  }
}
const c = catchYields();
console.log(c.next());
console.log(c.throw("E1"));
console.log(c.next("ok"));
console.log(c.throw("E2"));
console.log(c.next("quit"));
console.log(c.next());

// Rethrow with a wrapped error; the caller catches it and the generator is finished.
function* wrapper() {
  try {
    yield 1;
  } catch (e) {
    throw new TypeError("wrapped: " + e.message);
  }
}
const w = wrapper();
w.next();
try {
  w.throw(new RangeError("inner"));
} catch (e) {
  console.log(e.name, e.message, e instanceof TypeError);
}
console.log(w.next());

// Exceptions from the generator body reach the caller of next().
function* failing(n) {
  for (let i = 0; i < n; i++) yield i;
  throw new Error("ran out at " + n);
}
const collected = [];
try {
  for (const x of failing(3)) collected.push(x);
} catch (e) {
  console.log("loop stopped:", e.message, collected);
}
