// Unary -, +, typeof, void, !, ~ on every kind of value.
var vals = [0, -0, 1, -2.5, NaN, Infinity, "", "7", "x", " 3 ", true, false, null, undefined];
for (var i = 0; i < vals.length; i++) {
  var v = vals[i];
  console.log(i, typeof v, -v, +v, !v, ~v, void v);
}
console.log(typeof {}, typeof [], typeof null, typeof function () {}, typeof (() => 1));
console.log(typeof Math, typeof Math.floor, typeof console, typeof console.log, typeof JSON);
console.log(typeof typeof 1, typeof -"3", typeof +"3", typeof !0, typeof void 0);
console.log(typeof new Error("e"), typeof Error, typeof String, typeof Number);
console.log(typeof "s".length, typeof [1].length, typeof "ab".charAt, typeof undefined);
console.log(void 0, void "ignored", void (1 + 2));
var sideEffects = 0;
void (sideEffects = 5);
console.log(sideEffects);
console.log(-(-0), -(0), +(-0), - - "4", + + "4", - + - "4");
console.log(-"", -" ", -"-3", -[], -[7], -{});
console.log(+[], +[1], +[1, 2], +{}, +"1e-3", +"0b11", +"0o7");
var n = 5;
console.log(-n, +n, ~n, !n, -n * -n);
var s = "12";
console.log(-s + 1, +s + 1, s + 1, s - 1);
function kind(x) {
  var t = typeof x;
  if (t === "number") return x !== x ? "nan" : "num";
  if (t === "object") return x === null ? "null" : "obj";
  return t;
}
console.log([1, NaN, "a", null, {}, [], undefined, true, kind].map(kind));
