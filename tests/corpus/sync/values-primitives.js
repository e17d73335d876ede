// booleans, null, undefined and typeof on each.
var t = true;
var f = false;
var n = null;
var u;
console.log(t, f, n, u);
console.log(typeof t, typeof f, typeof n, typeof u);
console.log(!t, !f, !n, !u, !!n, !!"", !!"0", !!0, !!-0, !!NaN, !!{}, !![]);
console.log(t && f, t || f, n || "default", u ?? "nullish", 0 ?? "zero");
console.log(String(t), String(n), String(u), "" + t + f);
console.log(t + 1, f + 1, n + 1, u + 1);
console.log(n == u, n === u, n == 0, u == 0, n == false, u == false);
console.log(t == 1, t === 1, f == 0, f == "", t == "1", t == "true");
var v = undefined;
console.log(v === undefined, v === void 0, typeof v === "undefined");
function noReturn() {}
console.log(noReturn(), typeof noReturn());
function returnsNothing() { return; }
console.log(returnsNothing());
var obj = {};
console.log(obj.missing, obj.missing === undefined);
var arr = [1];
console.log(arr[5], arr[-1]);
console.log([t, f, n, u]);
console.log({ t: t, f: f, n: n, u: u });
console.log(null, undefined, true, false);
console.log(typeof null === "object", typeof function () {} === "function");
var flags = [true, false, null, undefined, 0, 1, "", "x"];
for (var i = 0; i < flags.length; i++) {
  var val = flags[i];
  if (val) {
    console.log(i, "truthy");
  } else {
    console.log(i, "falsy");
  }
}
