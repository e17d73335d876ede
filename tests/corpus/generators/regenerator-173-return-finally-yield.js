// regenerator issue #173: return() while suspended in a try whose finally block yields.
// The finally's yields are produced by return() / next(), then the original return value.
function* gen() {
  try {
    yield 1;
    yield 2;
  } finally {
    yield 3;
    yield 4;
  }
  yield 5;
}
const g = gen();
console.log(g.next());
console.log(g.return(10));
console.log(g.next());
console.log(g.next());
console.log(g.next());

// Variant: two nested try/finally with yields, return() from the innermost.
function* nested() {
  try {
    try {
      yield "body";
    } finally {
      yield "inner-finally";
    }
    yield "between";
  } finally {
    yield "outer-finally";
  }
  yield "after";
}
const n = nested();
const out = [n.next(), n.return("R"), n.next(), n.next(), n.next()];
console.log(JSON.stringify(out));

// Variant: return() called again from the first finally yield.
const h = gen();
h.next();
console.log(h.return("first"), h.return("second"), h.next());
// Variant: the finally yield receives next(v) values.
function* receiver() {
  try {
    yield "x";
  } finally {
    const a = yield "need a";
    const b = yield "need b";
    console.log("finally received", a, b);
  }
}
const r = receiver();
r.next();
console.log(r.return("ret"), r.next("A"), r.next("B"), r.next("C"));
