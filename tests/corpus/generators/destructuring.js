// Array destructuring from generators: holes, rest, defaults, nesting, and the return()
// call when destructuring stops before the generator is done.
function* g(name, n) {
  try {
    for (let i = 1; i <= n; i++) {
      console.log(name, "yields", i);
      yield i;
    }
    console.log(name, "exhausted");
  } finally {
    console.log(name, "finally");
  }
}
const [a, , b, ...rest] = g("A", 6);
console.log(a, b, rest);
const [x, y] = g("B", 5);
console.log(x, y);
const [p, q, r = "default"] = g("C", 2);
console.log(p, q, r);
const [] = g("D", 3);
console.log("empty pattern done");
const [only] = g("E", 1);
console.log(only);
let m;
let n;
[m, n] = g("F", 4);
console.log(m, n);
[m, n] = [n, m];
console.log(m, n);
function f([first, second], ...others) {
  return first + second + others.length;
}
console.log(f(g("G", 9), 1, 2));
const [[i1, i2], [j1]] = [g("H", 3), g("I", 3)];
console.log(i1, i2, j1);
for (const [k, v] of (function* () {
  yield ["one", 1];
  yield ["two", 2];
})()) {
  console.log(k, v);
}
const { value: first, done } = g("J", 2).next();
console.log(first, done);
function* pairs() {
  yield [1, [2, 3]];
  yield [4, [5, 6]];
}
const [[e1, [e2, e3]], [, [, e6]]] = pairs();
console.log(e1, e2, e3, e6);
const [s1, ...srest] = "hey";
console.log(s1, srest);
