// Property order: integer-like keys ascending first, then strings in insertion order.
var o = { z: 1, 10: "ten", a: 2, 2: "two", "-1": "neg", "01": "lead", 1.5: "frac" };
o.b = 3;
o[0] = "zero";
o["4294967294"] = "big";
console.log(Object.keys(o));
console.log(Object.values(o));
console.log(Object.entries(o));
console.log(o);
for (var k in o) {
  console.log(k, typeof k, o[k]);
}
var ins = {};
ins.second = 2;
ins.first = 1;
ins.third = 3;
delete ins.second;
ins.second = "again";
console.log(Object.keys(ins), ins);
var arr = ["x", "y", "z"];
console.log(Object.keys(arr), Object.values(arr), Object.entries(arr));
console.log(Object.keys("hi"), Object.keys({}), Object.entries({}));
var scores = { bob: 7, al: 9, cy: 4 };
var total = 0;
var entries = Object.entries(scores);
for (var i = 0; i < entries.length; i++) {
  console.log(entries[i][0] + " scored " + entries[i][1]);
  total += entries[i][1];
}
console.log("total", total);
var vals = Object.values(scores);
console.log(vals.length, vals[0] + vals[1] + vals[2]);
var keys = Object.keys(scores).sort();
console.log(keys, keys.join("|"));
var copy = {};
var src = { p: 1, q: { r: 2 } };
var sk = Object.keys(src);
for (var j = 0; j < sk.length; j++) {
  copy[sk[j]] = src[sk[j]];
}
copy.q.r = 99;
console.log(copy, src, copy.q === src.q);
