// Function declarations are hoisted; var is hoisted as undefined; expressions and arrows.
console.log(add(2, 3));
console.log(typeof later, later);
var later = "assigned";
console.log(later);
function add(a, b) {
  return a + b;
}
console.log(typeof expr);
var expr = function (x) { return x * 10; };
console.log(expr(4));
var named = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); };
console.log(named(6));
var arrow1 = (x) => x + 1;
var arrow2 = (a, b) => { var s = a * b; return s - 1; };
var arrow0 = () => "no args";
var arrowObj = () => ({ wrapped: true });
console.log(arrow1(1), arrow2(3, 4), arrow0(), arrowObj());
function missingArgs(a, b, c) {
  return [a, b, c];
}
console.log(missingArgs(1), missingArgs(1, 2, 3, 4));
function defaults(a, b) {
  if (b === undefined) b = "dflt";
  return a + "/" + b;
}
console.log(defaults("x"), defaults("x", "y"));
function outer() {
  return inner();
  function inner() {
    return "inner hoisted";
  }
}
console.log(outer());
function earlyReturn(n) {
  if (n < 0) return "negative";
  if (n === 0) return "zero";
  return "positive";
}
console.log(earlyReturn(-3), earlyReturn(0), earlyReturn(3));
function isEven(n) { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n) { return n === 0 ? false : isEven(n - 1); }
console.log(isEven(10), isOdd(7), isEven(7));
function apply(f, x) { return f(x); }
console.log(apply(function (v) { return v + "!"; }, "hi"), apply((v) => v * v, 9));
function compose(f, g) { return function (x) { return f(g(x)); }; }
var incThenDouble = compose((x) => x * 2, (x) => x + 1);
console.log(incThenDouble(5));
var ops = { plus: (a, b) => a + b, minus: (a, b) => a - b };
console.log(ops.plus(1, 2), ops["minus"](1, 2));
var table = [add, expr, arrow1];
console.log(table[0](1, 1), table[1](1), table[2](1));
console.log(typeof add, typeof arrow1, typeof ops.plus);
function shadowParam(x) {
  var x;
  return x;
}
console.log(shadowParam(7));
(function () {
  console.log("iife ran");
})();
console.log(((a) => a * 3)(7));
var counter = 0;
function sideEffect() { counter++; return counter; }
console.log(sideEffect() + sideEffect() * 10, counter);
