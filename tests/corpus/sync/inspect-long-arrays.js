// Arrays over 6 entries are grouped into aligned columns; more than 100 items are truncated.
function range(n, f) {
  var out = [];
  for (var i = 0; i < n; i++) out.push(f(i));
  return out;
}
console.log(range(6, function (i) { return i; }));
console.log(range(7, function (i) { return i; }));
console.log(range(10, function (i) { return i; }));
console.log(range(10, function (i) { return i * 1000; }));
console.log(range(26, function (i) { return i; }));
console.log(range(26, function (i) { return i * i * i; }));
console.log(range(26, function (i) { return "abcdefghijklmnopqrstuvwxyz".charAt(i); }));
console.log(range(100, function (i) { return i; }));
console.log(range(101, function (i) { return i; }));
console.log(range(150, function (i) { return i % 7; }));
console.log(range(12, function (i) { return "item number " + i; }));
console.log(range(8, function (i) { return "a fairly long string value " + i + " that keeps going"; }));
console.log(range(16, function (i) { return i % 3 === 0 ? -i : i / 4; }));
console.log(range(9, function (i) { return i % 2 ? "s" + i : i; }));
console.log(range(20, function (i) { return i % 2 === 0; }));
console.log(range(8, function (i) { return i % 3 === 0 ? null : undefined; }));
console.log(range(7, function (i) { return [i]; }));
console.log(range(7, function (i) { return { i: i }; }));
console.log(range(30, function (i) { return 1 / (i + 1); }));
console.log(range(10, function (i) { return -0; }));
console.log(range(102, function (i) { return "x" + i; }));
console.log([range(8, function (i) { return i; })]);
console.log({ data: range(30, function (i) { return i * 3; }) });
console.log(range(3, function (i) { return range(10, function (j) { return i * 10 + j; }); }));
