// Closures, this, arrows, named function expressions, hoisting.
function counter() { var n = 0; return { inc: function () { return ++n; }, get: () => n }; }
var c = counter(); c.inc(); c.inc();
console.log(c.get(), c.inc());
var fact = function me(n) { return n <= 1 ? 1 : n * me(n - 1); };
console.log(fact(10), fact.name);
var obj = { v: 42, m() { return [1, 2].map(x => x + this.v); }, n: function () { var self = () => () => this.v; return self()(); } };
console.log(obj.m(), obj.n());
console.log(hoisted(3));
function hoisted(x) { return x * 2; }
function outer() {
  var fns = [];
  for (let i = 0; i < 3; i++) { fns.push(() => i * 10); }
  let k = 5;
  function inner() { return k + fns.length; }
  k = 7;
  return [fns.map(f => f()), inner()];
}
console.log(outer());
function makeAdders() { var r = []; for (var i = 0; i < 3; i++) { r.push((function (j) { return function (x) { return x + j; }; })(i)); } return r; }
console.log(makeAdders().map(f => f(100)));
function deep() { var a = 1; return function () { var b = 2; return function () { return function () { a++; b++; return a + b; }; }; }; }
var d = deep()()();
console.log(d(), d());
var anon = function () {}; var arrow = () => {};
console.log(anon.name, arrow.name, typeof anon, (function () {}).name === "");
function params(a, b, c) { return [a, b, c, typeof c]; }
console.log(params(1), params(1, 2, 3, 4), params.length);
function shadow(x) { { let x = 2; { const x = 3; } } return x; }
console.log(shadow(1));
var s = 0; for (let i = 0, j = 10; i < j; i += 3, j--) s += i * j; console.log(s);
function rec(n) { if (n === 0) return 0; return 1 + rec(n - 1); }
console.log(rec(1000));
var o2 = { name: "o2", greet: function () { return "hi " + this.name; } };
var g = o2.greet; console.log(o2.greet(), o2["greet"]());
console.log(g(), (function () { return typeof this; })());
