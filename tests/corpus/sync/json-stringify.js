// JSON.stringify of plain data: nesting, escapes, numbers, undefined, indentation.
console.log(JSON.stringify({ a: 1, b: "two", c: true, d: null }));
console.log(JSON.stringify([1, "x", false, null]));
console.log(JSON.stringify({ nested: { list: [1, [2, [3]]], obj: { deep: { er: "!" } } } }));
console.log(JSON.stringify("plain"), JSON.stringify(42), JSON.stringify(true), JSON.stringify(null));
console.log(JSON.stringify(undefined), typeof JSON.stringify(undefined));
console.log(JSON.stringify({ u: undefined, f: function () {}, keep: 1 }));
console.log(JSON.stringify([undefined, function () {}, 1]));
console.log(JSON.stringify({ n: NaN, i: Infinity, m: -Infinity, z: -0 }));
console.log(JSON.stringify([0.1 + 0.2, 1e21, 1e-7, -5, 2 ** 53, 5e-324]));
console.log(JSON.stringify('quote " and \\ backslash'));
console.log(JSON.stringify("newline\n tab\t cr\r bs\b ff\f"));
console.log(JSON.stringify("ctrl \u0001 \u001f del \u007f"));
console.log(JSON.stringify("unicode é 中 😀"));
console.log(JSON.stringify("lone \ud800 surrogate"));
console.log(JSON.stringify({ "key with space": 1, "quo\"te": 2, "": 3 }));
console.log(JSON.stringify({ 2: "b", 1: "a", x: "x" }));
console.log(JSON.stringify([]), JSON.stringify({}), JSON.stringify([[]]), JSON.stringify([{}]));
console.log(JSON.stringify({ a: [1, 2], b: { c: 3 } }, null, 2));
console.log(JSON.stringify([1, [2, 3], { k: "v" }], null, 4));
console.log(JSON.stringify({ a: 1, b: [] , c: {} }, null, "--"));
console.log(JSON.stringify({ a: { b: 1 } }, null, 0));
console.log(JSON.stringify([1, 2], null, 20));
console.log(JSON.stringify(new Error("e")));
var records = [];
for (var i = 0; i < 3; i++) {
  records.push({ id: i, name: "item" + i, tags: ["t" + i], active: i % 2 === 0 });
}
var text = JSON.stringify(records);
console.log(text);
console.log(text.length);
console.log(JSON.stringify(records, null, 1).split("\n").length);
var s = JSON.stringify({ msg: "He said \"hi\"" });
console.log(s, s.length);
console.log(JSON.stringify(JSON.stringify({ x: 1 })));
