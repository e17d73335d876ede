// yield* delegating to hand-written iterators with and without return()/throw(): what
// return() and throw() do when the inner iterator lacks those methods.
function iter(name, n, withReturn, withThrow) {
  let i = 0;
  const it = {
    next(v) {
      console.log(name, "next(", v, ")");
      i++;
      return i <= n ? { value: name + i, done: false } : { value: name + " result", done: true };
    },
  };
  if (withReturn) {
    it.return = (v) => {
      console.log(name, "return(", v, ")");
      return { value: "closed " + v, done: true };
    };
  }
  if (withThrow) {
    it.throw = (e) => {
      console.log(name, "throw(", e, ")");
      return { value: "handled " + e, done: false };
    };
  }
  return { [Symbol.iterator]: () => it };
}
function* outer(src) {
  try {
    const r = yield* src;
    console.log("yield* gave", r);
    yield "outer after";
  } finally {
    console.log("outer finally");
  }
}
console.log("-- plain delegation, next values forwarded");
let g = outer(iter("A", 2, false, false));
console.log(g.next("first"), g.next("second"), g.next("third"), g.next("fourth"));
console.log("-- return() forwarded to the inner return()");
g = outer(iter("B", 5, true, false));
g.next();
console.log(g.return("stop"));
console.log("-- return() when the inner iterator has no return()");
g = outer(iter("C", 5, false, false));
g.next();
console.log(g.return("stop"));
console.log("-- throw() forwarded to the inner throw()");
g = outer(iter("D", 5, true, true));
g.next();
console.log(g.throw("oops"));
console.log(g.next());
console.log("-- throw() when the inner iterator has no throw(): return() is called, TypeError");
g = outer(iter("E", 5, true, false));
g.next();
try {
  g.throw("oops");
} catch (e) {
  console.log(e.constructor === TypeError, e.message);
}
console.log(g.next());
console.log("-- yield* over an array ignores next arguments");
function* overArray() {
  const r = yield* ["x", "y"];
  return r;
}
const a = overArray();
console.log(a.next("1"), a.next("2"), a.next("3"));
