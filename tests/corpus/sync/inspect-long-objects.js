// Objects whose single-line form exceeds the width break over several lines.
console.log({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11 });
console.log({ alpha: 1, beta: 2, gamma: 3, delta: 4, epsilon: 5, zeta: 6, eta: 7, theta: 8 });
console.log({ firstName: "Ada", lastName: "Lovelace", born: 1815, field: "mathematics" });
console.log({ firstName: "Ada", lastName: "Lovelace", born: 1815, field: "mathematics", x: 1 });
console.log({ description: "a long string value that by itself takes up most of a line" });
console.log({ description: "a long string value that by itself takes up most of a line!!!!!!!!" });
console.log({ k: "x".repeat(100) });
console.log(["x".repeat(80)]);
console.log(["y".repeat(30), "z".repeat(30), "w".repeat(30)]);
console.log({
  name: "widget",
  dims: { w: 10, h: 20, d: 30 },
  tags: ["red", "green", "blue"],
  price: 9.99,
  stock: null,
});
console.log({ nested: { a: "aaaaaaaaaa", b: "bbbbbbbbbb", c: "cccccccccc", d: "dddddddddd" } });
console.log([{ id: 1, name: "first item", ok: true }, { id: 2, name: "second item", ok: false }]);
console.log([
  { id: 1, label: "one" },
  { id: 2, label: "two" },
  { id: 3, label: "three" },
  { id: 4, label: "four" },
  { id: 5, label: "five" },
  { id: 6, label: "six" },
  { id: 7, label: "seven" },
]);
var wide = {};
for (var i = 0; i < 30; i++) {
  wide["key" + i] = i;
}
console.log(wide);
var text = {};
for (var j = 0; j < 5; j++) {
  text["line" + j] = "this is the text of line number " + j;
}
console.log(text);
console.log({ arr: [1, 2, 3], obj: { x: 1 }, str: "s", num: 1, bool: true, nil: null, u: undefined });
console.log({ "needs-quotes": 1, "also needs": 2, fine_key: 3, "123": 4, "x.y": 5, "é": 6 });
console.log({ a: [{ b: "c".repeat(70) }] });
