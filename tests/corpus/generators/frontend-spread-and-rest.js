// Spread in array literals, calls (dynamic argument count) and `new`; rest
// parameters; object spread; Array.from and friends over iterables.
function* gen(n) {
  for (let i = 1; i <= n; i++) yield i;
}
function sum(...xs) {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
function first(a, b, ...rest) {
  return { a, b, rest, n: rest.length };
}
console.log([...gen(3)], [0, ...gen(2), ...[7, , 9], ..."ab"]);
console.log(sum(...gen(4)), sum(1, ...[2, 3], 4, ...gen(2)), sum());
console.log(first(...["x"]), first(1, 2, 3, ...gen(2)));
console.log(Math.max(...gen(5)), Math.min(...[4, 2, 8]));
console.log(String.fromCharCode(...[104, 105]));
const arr = [3, 1, 2];
arr.push(...gen(2));
console.log(arr, [].concat(...[[1], [2, 3]]));
console.log(...gen(3));
const o = {
  m(...args) {
    return this.tag + args.join("-");
  },
  tag: "T:",
};
console.log(o.m(...gen(3)), o["m"](...[]));
function Point(x, y) {
  this.x = x;
  this.y = y;
}
const pt = new Point(...[1, 2]);
console.log(pt.x, pt.y, pt instanceof Point);
console.log(new Array(...[3]).length, Array.of(...gen(3)));

const base = { a: 1, b: 2 };
const copy = { ...base, b: 3, ...null, ...undefined, ..."hi", c: 4 };
console.log(copy);
const { a, ...noA } = copy;
console.log(a, noA);

console.log(Array.from(gen(3)), Array.from(gen(3), (x) => x * x));
console.log(Array.from({ length: 2 }), Array.from("héllo"));
console.log(Object.fromEntries([["k", 1], ["l", 2]][Symbol.iterator]()));
