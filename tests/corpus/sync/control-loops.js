// if/else chains, while, do-while, for loops with various heads.
function classify(n) {
  if (n < 0) {
    return "neg";
  } else if (n === 0) {
    return "zero";
  } else if (n < 10) {
    return "small";
  } else {
    return "big";
  }
}
console.log(classify(-5), classify(0), classify(3), classify(30));
var i = 0;
var out = [];
while (i < 5) {
  out.push(i * i);
  i++;
}
console.log(out);
var j = 10;
do {
  j++;
} while (j < 5);
console.log("do-while ran once:", j);
var k = 0;
do {
  k += 3;
} while (k < 20);
console.log(k);
for (var a = 0, b = 10; a < b; a += 2, b -= 2) {
  console.log("a", a, "b", b);
}
var count = 0;
for (;;) {
  count++;
  if (count > 4) break;
}
console.log("count", count);
var evens = [];
for (var n = 0; n < 20; n++) {
  if (n % 2) continue;
  evens.push(n);
}
console.log(evens);
var collatz = 27;
var steps = 0;
while (collatz !== 1) {
  collatz = collatz % 2 === 0 ? collatz / 2 : 3 * collatz + 1;
  steps++;
}
console.log("collatz steps", steps);
var x = 5;
if (x > 3) console.log("no braces then");
else console.log("no braces else");
if (x > 10) console.log("not printed");
var triangle = "";
for (var r = 1; r <= 4; r++) {
  var row = "";
  for (var c = 0; c < r; c++) row += "*";
  triangle += row + "\n";
}
console.log(triangle);
var w = 3;
while (w--) console.log("w", w);
console.log("after", w);
var nestedSum = 0;
for (let p = 0; p < 4; p++) {
  for (let q = p; q < 4; q++) {
    nestedSum += p * q;
  }
}
console.log(nestedSum);
var empty = 0;
for (var e = 0; e < 3; e++);
console.log("e", e);
var nested = 0;
if (x) { if (!x) { nested = 1; } else { nested = 2; } }
console.log(nested);
