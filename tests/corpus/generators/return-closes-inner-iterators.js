// return() / throw() on a generator suspended inside its own for-of loops closes the
// iterators those loops are consuming (innermost first), running their finally blocks.
function* source(name, n) {
  try {
    for (let i = 0; i < n; i++) yield name + i;
  } finally {
    console.log("  source", name, "closed");
  }
}
function* consumer() {
  try {
    for (const a of source("outer", 3)) {
      for (const b of source("inner", 3)) {
        yield a + "+" + b;
      }
    }
  } finally {
    console.log("  consumer finally");
  }
  return "consumer done";
}
console.log("-- return() while inside both loops");
let g = consumer();
console.log(g.next(), g.next());
console.log(g.return("R"));
console.log("-- throw() while inside both loops");
g = consumer();
g.next();
try {
  g.throw(new Error("T"));
} catch (e) {
  console.log("caught", e.message);
}
console.log("-- run to completion: every source closes by finishing");
console.log([...consumer()].length);
console.log("-- an outer for-of breaking out of the consumer");
for (const v of consumer()) {
  console.log("got", v);
  if (v === "outer0+inner1") break;
}
console.log("-- the inner source's own finally yields while being closed");
function* stubbornSource() {
  try {
    yield 1;
    yield 2;
  } finally {
    console.log("  stubborn finally starts");
    yield "ignored by for-of closing";
    console.log("  never resumed");
  }
}
function* wrapper() {
  for (const x of stubbornSource()) {
    yield x * 10;
  }
}
g = wrapper();
console.log(g.next());
console.log(g.return("W"));
console.log(g.next());
console.log("-- a source whose return() throws: the error replaces the return()");
function* badClose() {
  try {
    yield "b1";
  } finally {
    throw new Error("close failed");
  }
}
function* usesBad() {
  for (const x of badClose()) yield x;
}
g = usesBad();
g.next();
try {
  g.return("X");
} catch (e) {
  console.log("return() threw", e.message);
}
console.log(g.next());
