// for-of over arrays and strings; for-in over objects and arrays.
var arr = [10, 20, 30];
for (var v of arr) {
  console.log("of", v);
}
for (const s of "abc") {
  console.log("char", s);
}
for (let ch of "héllo😀") {
  console.log(ch, ch.length);
}
var total = 0;
for (const n of [1, 2, 3, 4]) {
  if (n === 3) continue;
  total += n;
}
console.log("total", total);
for (const x of []) {
  console.log("never", x);
}
var obj = { a: 1, b: 2, c: 3 };
for (var key in obj) {
  console.log("in", key, obj[key]);
}
for (var idx in ["x", "y"]) {
  console.log("index", idx, typeof idx);
}
var nums = { 3: "c", 1: "a", z: "last", 2: "b" };
var keys = [];
for (const k in nums) keys.push(k);
console.log(keys);
var nestedArr = [[1, 2], [3, 4]];
for (const row of nestedArr) {
  for (const cell of row) {
    console.log("cell", cell);
  }
}
var grow = [1, 2];
var seen = [];
for (const g of grow) {
  seen.push(g);
  if (grow.length < 5) grow.push(g * 10);
}
console.log(seen, grow);
var objs = [{ name: "a" }, { name: "b" }];
for (const o of objs) {
  o.name = o.name.toUpperCase();
}
console.log(objs);
var deleted = { p: 1, q: 2, r: 3 };
var visited = [];
for (const k in deleted) {
  visited.push(k);
  if (k === "p") delete deleted.q;
}
console.log(visited);
var strs = "";
for (const word of "to be or not".split(" ")) {
  strs = word + (strs ? "," + strs : "");
}
console.log(strs);
var outerVar;
for (outerVar of [7, 8]) {}
console.log(outerVar);
