// Writes past the end of an array create holes; length truncates and extends.
var a = [1, 2, 3];
a[5] = 6;
console.log(a, a.length);
console.log(a[3], a[4], 3 in a, 5 in a);
a.length = 2;
console.log(a, a.length);
a.length = 4;
console.log(a, a.length, a[3]);
var holes = [1, , 3];
console.log(holes, holes.length, holes[1], 1 in holes);
var big = [];
big[99] = 1;
console.log(big.length, big[98], big[99]);
console.log(big);
var grow = [];
for (var i = 0; i < 10; i += 3) {
  grow[i] = i;
}
console.log(grow, grow.length);
var seen = [];
for (var k in grow) {
  seen.push(k);
}
console.log(seen);
var mapped = grow.map(function (x) { return x * 10; });
console.log(mapped);
console.log(grow.join("-"));
var filled = [];
filled[2] = "c";
filled[0] = "a";
console.log(filled, filled.length);
filled[1] = "b";
console.log(filled);
var c = [10, 20, 30];
c.extra = "prop";
console.log(c.length, c.extra, c);
var u = [undefined, , null];
console.log(u, 0 in u, 1 in u, 2 in u);
