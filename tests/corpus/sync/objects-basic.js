// Object literals, shorthand, computed keys, get/set/delete, in.
var a = 1;
var b = "two";
var o = { a: a, b: b, c: true };
console.log(o);
var short = { a, b };
console.log(short);
var key = "dyn";
var comp = { [key]: 1, [key + "2"]: 2, ["x" + (1 + 1)]: 3, [10 + 5]: "fifteen" };
console.log(comp);
console.log(o.a, o["b"], o.c, o.missing);
o.d = [1, 2];
o["e f"] = "spaced";
console.log(o);
o.a = 100;
o.a += 1;
console.log(o.a);
console.log("a" in o, "zzz" in o, "e f" in o);
console.log(delete o.a, o.a, "a" in o);
console.log(delete o.nothing);
console.log(o);
var nested = { inner: { value: 42, list: [1, 2, 3] } };
console.log(nested.inner.value, nested.inner.list[1], nested["inner"]["list"].length);
nested.inner.value = nested.inner.value * 2;
console.log(nested);
var empty = {};
console.log(empty, typeof empty);
empty.x = undefined;
console.log(empty, "x" in empty, empty.x);
var numKeys = { 1: "one", 2: "two" };
console.log(numKeys[1], numKeys["2"], 1 in numKeys, "1" in numKeys);
var same1 = { v: 1 };
var same2 = same1;
same2.v = 2;
console.log(same1.v, same1 === same2, { v: 2 } === same1);
function makePoint(x, y) {
  return { x: x, y: y, label: "(" + x + ", " + y + ")" };
}
var p = makePoint(3, 4);
console.log(p.label, p.x * p.x + p.y * p.y);
console.log(makePoint(-1, 0.5));
var counts = {};
var letters = "mississippi";
for (var i = 0; i < letters.length; i++) {
  var ch = letters[i];
  if (ch in counts) {
    counts[ch]++;
  } else {
    counts[ch] = 1;
  }
}
console.log(counts);
var methods = {
  n: 10,
  double: function (x) { return x * 2; },
};
console.log(methods.double(methods.n), typeof methods.double);
console.log({ "a-b": 1, "valid_id": 2, $dollar: 3, "1abc": 4, "": 5, "with space": 6 });
console.log({ null: 1, undefined: 2, true: 3, "if": 4 });
