// Math.floor/ceil/round/abs/min/max/sqrt/pow/trunc edge cases.
var xs = [2.5, -2.5, 0.5, -0.5, 1.4999, -1.5, 3.7, -3.7, 0, -0, 1e21, -1e-7, NaN, Infinity, -Infinity];
for (var i = 0; i < xs.length; i++) {
  var x = xs[i];
  console.log(x, Math.floor(x), Math.ceil(x), Math.round(x), Math.trunc(x), Math.abs(x));
}
console.log(Math.round(0.49999999999999994), Math.round(4503599627370495.5), Math.round(-4.5));
console.log(Math.max(), Math.min(), Math.max(1, 2, 3), Math.min(1, 2, 3));
console.log(Math.max(1, NaN, 3), Math.min(NaN), Math.max(-0, 0), Math.min(0, -0));
console.log(Math.max("10", 9), Math.min("a", 1), Math.max(null, -1), Math.min(undefined, 1));
console.log(Math.max(true, 0.5), Math.min([2], 3), Math.max([], -1));
console.log(Math.sqrt(16), Math.sqrt(2), Math.sqrt(-4), Math.sqrt(0), Math.sqrt(-0), Math.sqrt(Infinity));
console.log(Math.pow(2, 10), Math.pow(2, 0.5), Math.pow(-8, 1 / 3), Math.pow(NaN, 0), Math.pow(1, Infinity));
console.log(Math.pow(-2, 3), Math.pow(10, -3), Math.pow(0, -1), Math.pow(-0, -1), Math.pow(2, 1024));
console.log(Math.abs(-5), Math.abs("-3"), Math.abs(null), Math.abs("x"), Math.abs(-Infinity));
console.log(Math.floor("7.9"), Math.ceil(null), Math.round(true), Math.trunc(undefined));
console.log(Math.floor(-0.5), Math.ceil(-0.5), Math.ceil(0.2), Math.trunc(-0.2));
function clamp(v, lo, hi) {
  return Math.min(hi, Math.max(lo, v));
}
console.log(clamp(5, 0, 10), clamp(-5, 0, 10), clamp(50, 0, 10));
function hypot(a, b) {
  return Math.sqrt(a * a + b * b);
}
console.log(hypot(3, 4), hypot(1, 1), hypot(5, 12));
function roundTo(v, places) {
  var f = Math.pow(10, places);
  return Math.round(v * f) / f;
}
console.log(roundTo(3.14159, 2), roundTo(2.675, 2), roundTo(-1.005, 2), roundTo(1234.5678, -2));
var data = [4, 8, 15, 16, 23, 42];
var sum = 0;
for (var j = 0; j < data.length; j++) sum += data[j];
var mean = sum / data.length;
var sq = 0;
for (var k = 0; k < data.length; k++) sq += Math.pow(data[k] - mean, 2);
console.log("mean", mean, "std", Math.sqrt(sq / data.length));
console.log(Math.floor(7 / 2), Math.floor(-7 / 2), Math.trunc(-7 / 2), 7 % 2);
console.log(Math.max(Math.floor(2.9), Math.ceil(2.1)), Math.abs(Math.min(-3, -8)));
var isqrt = [];
for (var m = 0; m <= 20; m += 4) isqrt.push(Math.floor(Math.sqrt(m)));
console.log(isqrt);
