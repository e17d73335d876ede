// An exception while evaluating an async function's parameters rejects its promise;
// the function call itself does not throw.
function required(name) {
  throw new Error("missing " + name);
}

async function f(a, b = required("b")) {
  console.log("body runs", a, b);
  return a + b;
}

async function g({ x, y }) {
  return x + y;
}

console.log("calling f(1, 2)");
f(1, 2).then((v) => console.log("f(1, 2) =", v));
console.log("calling f(1)");
const p = f(1);
console.log("call returned normally");
p.catch((e) => console.log("f(1) rejected:", e.message));

const q = g(null);
q.catch((e) => console.log("g(null) rejected:", e instanceof TypeError));
g({ x: 3, y: 4 }).then((v) => console.log("g =", v));

const arrow = async (n = (() => { throw new Error("arrow default"); })()) => n;
arrow().catch((e) => console.log("arrow rejected:", e.message));
arrow(5).then((v) => console.log("arrow(5) =", v));
