// sort: default string order, comparators, stability, strings; reverse.
console.log([10, 9, 1].sort());
console.log([10, 9, 1, 100, 25, 3].sort());
console.log([10, 9, 1, 100, 25, 3].sort(function (a, b) { return a - b; }));
console.log([10, 9, 1, 100, 25, 3].sort((a, b) => b - a));
console.log(["banana", "apple", "Cherry", "date", "Apple"].sort());
console.log([-1, -10, 2, -3, 0].sort());
console.log([true, false, null, undefined, "b", 1].sort());
console.log([3, undefined, 1, undefined, 2].sort());
console.log([0.5, -0.25, 1e21, 1e-7, 3].sort());
var a = [5, 1, 4];
var b = a.sort();
console.log(a, b, a === b);
var recs = [
  { k: 2, v: "a" }, { k: 1, v: "b" }, { k: 2, v: "c" }, { k: 1, v: "d" },
  { k: 3, v: "e" }, { k: 2, v: "f" }, { k: 1, v: "g" }, { k: 3, v: "h" },
  { k: 1, v: "i" }, { k: 2, v: "j" }, { k: 3, v: "k" }, { k: 1, v: "l" },
];
recs.sort(function (x, y) { return x.k - y.k; });
console.log(recs.map(function (r) { return r.k + r.v; }).join(" "));
var words = ["pear", "fig", "banana", "kiwi", "apple", "plum"];
words.sort(function (x, y) { return x.length - y.length; });
console.log(words);
words.sort(function (x, y) {
  if (x < y) return 1;
  if (x > y) return -1;
  return 0;
});
console.log(words);
var big = [];
var seed = 7;
for (var i = 0; i < 40; i++) {
  seed = (seed * 31 + 11) % 1000;
  big.push(seed);
}
console.log(big.slice().sort().slice(0, 10));
big.sort(function (x, y) { return x - y; });
console.log(big[0], big[19], big[39]);
var ok = true;
for (var j = 1; j < big.length; j++) {
  if (big[j - 1] > big[j]) ok = false;
}
console.log("sorted", ok);
console.log([].sort(), [1].sort());
console.log(["b", "a", "c"].sort().reverse());
console.log([2, 1].sort(function () { return 0; }));
