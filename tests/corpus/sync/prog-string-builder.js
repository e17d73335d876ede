// Building long strings: 10,000 concatenations, joins, and checksums over the result.
var s = "";
for (var i = 0; i < 10000; i++) {
  s += i % 10;
}
console.log(s.length, s.slice(0, 25), s.slice(-15));
var t = "";
for (var j = 0; j < 10000; j++) {
  t = t + "ab";
}
console.log(t.length, t.indexOf("ba"), t.charAt(19999));
var parts = [];
for (var k = 0; k < 10000; k++) {
  parts.push("item" + k);
}
var joined = parts.join(",");
console.log(joined.length, joined.slice(0, 30), joined.slice(-20));
var back = joined.split(",");
console.log(back.length, back[9999], back[5000]);
var sum = 0;
for (var c = 0; c < joined.length; c++) {
  sum = (sum * 31 + joined.charCodeAt(c)) % 1000000007;
}
console.log("hash", sum);
var pyramid = "";
for (var r = 1; r <= 6; r++) {
  pyramid += " ".repeat(6 - r) + "*".repeat(2 * r - 1) + "\n";
}
console.log(pyramid);
var prepend = "";
for (var p = 0; p < 2000; p++) {
  prepend = (p % 26 === 0 ? "|" : "") + prepend;
}
console.log(prepend.length, prepend);
var big = "x".repeat(1000);
var doubled = big + big;
console.log(doubled.length, doubled === "x".repeat(2000));
var count = 0;
var pos = joined.indexOf("99");
while (pos !== -1) {
  count++;
  pos = joined.indexOf("99", pos + 1);
}
console.log("occurrences of 99:", count);
var upper = joined.slice(0, 100).toUpperCase();
console.log(upper);
var csvLine = "";
for (var q = 0; q < 50; q++) {
  csvLine += (q ? ";" : "") + q * q;
}
console.log(csvLine);
