// Relational comparisons: numbers, strings, mixed, NaN, null/undefined.
console.log(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 2 > 1, -1 < 0);
console.log(0.1 + 0.2 > 0.3, 0.1 + 0.2 === 0.3, -0 < 0, Infinity > 1e308);
console.log("a" < "b", "a" < "B", "abc" < "abd", "ab" < "abc", "Z" < "a", "" < "a");
console.log("10" < "9", "10" < 9, 10 < "9", "2" > "12", 2 > "12");
console.log("abc" < 1, "abc" > 1, "abc" >= 1);
console.log(null < 1, null >= 0, null > 0, null <= 0, undefined < 1, undefined >= 0);
console.log(true > false, true >= 1, false < 1, true < 2);
console.log(NaN < 1, NaN > 1, NaN <= NaN, NaN >= NaN);
console.log([2] > 1, [1, 2] < 3, "1e3" > 999, " 5 " < 6);
console.log("apple" < "apricot", "app" < "apple", "a" <= "a", "b" >= "a");
console.log("é" > "z", "Ä" < "a");
var values = [3, "3", "10", 10, -1, "abc", true, null];
var lines = [];
for (var i = 0; i < values.length; i++) {
  var row = "";
  for (var j = 0; j < values.length; j++) {
    row += values[i] < values[j] ? "<" : values[i] > values[j] ? ">" : "=";
  }
  lines.push(row);
}
console.log(lines.join("\n"));
function max3(a, b, c) {
  var m = a;
  if (b > m) m = b;
  if (c > m) m = c;
  return m;
}
console.log(max3(1, 5, 3), max3("pear", "apple", "zoo"), max3(-1, -5, -3));
var sorted = true;
var seq = [1, 2, 2, 5, 9];
for (var k = 1; k < seq.length; k++) {
  if (!(seq[k - 1] <= seq[k])) sorted = false;
}
console.log("sorted", sorted);
console.log(1 < 2 < 3, 3 > 2 > 1, 3 > 2 >= 1);
