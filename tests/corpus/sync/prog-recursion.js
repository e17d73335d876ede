// Recursion: fib(25), Ackermann, Hanoi, permutations, mutual recursion, deep-ish recursion.
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
console.log("fib(25)", fib(25));
var fibs = [];
for (var i = 0; i <= 15; i++) fibs.push(fib(i));
console.log(fibs);
function ack(m, n) {
  if (m === 0) return n + 1;
  if (n === 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
console.log("ack", ack(0, 0), ack(1, 2), ack(2, 3), ack(3, 3), ack(3, 5));
var moves = [];
function hanoi(n, from, to, via) {
  if (n === 0) return 0;
  var c = hanoi(n - 1, from, via, to);
  if (moves.length < 7) moves.push(from + "->" + to);
  return c + 1 + hanoi(n - 1, via, to, from);
}
console.log("hanoi(10)", hanoi(10, "A", "C", "B"), moves);
function permutations(items) {
  if (items.length <= 1) return [items.slice()];
  var out = [];
  for (var k = 0; k < items.length; k++) {
    var rest = items.slice(0, k).concat(items.slice(k + 1));
    var sub = permutations(rest);
    for (var s = 0; s < sub.length; s++) out.push([items[k]].concat(sub[s]));
  }
  return out;
}
var perms = permutations(["a", "b", "c", "d"]);
console.log(perms.length, perms.slice(0, 4).map(function (p) { return p.join(""); }));
function sumTo(n) {
  return n === 0 ? 0 : n + sumTo(n - 1);
}
console.log("sumTo(2000)", sumTo(2000));
function gcd(a, b) {
  return b === 0 ? a : gcd(b, a % b);
}
console.log(gcd(1071, 462), gcd(17, 5), gcd(0, 9));
function power(b, e) {
  if (e === 0) return 1;
  var half = power(b, Math.floor(e / 2));
  return e % 2 === 0 ? half * half : half * half * b;
}
console.log(power(2, 30), power(3, 13), power(1.5, 7));
function flatten(x) {
  if (typeof x !== "object" || x === null) return [x];
  var out = [];
  for (var j = 0; j < x.length; j++) out = out.concat(flatten(x[j]));
  return out;
}
console.log(flatten([1, [2, [3, [4, [5, [6]]]]], [[7]], 8]));
function depth(tree) {
  if (!tree) return 0;
  return 1 + Math.max(depth(tree.left), depth(tree.right));
}
function build(n) {
  if (n === 0) return null;
  return { left: build(n - 1), right: n % 2 ? build(n - 2 < 0 ? 0 : n - 2) : null };
}
console.log("tree depth", depth(build(12)));
function collatzLen(n) {
  return n === 1 ? 1 : 1 + collatzLen(n % 2 ? 3 * n + 1 : n / 2);
}
var best = 0, bestN = 0;
for (var c = 1; c < 3000; c++) {
  var l = collatzLen(c);
  if (l > best) { best = l; bestN = c; }
}
console.log("longest collatz under 3000", bestN, best);
