// &&, ||, ??, ! return operand values and short-circuit.
console.log(1 && 2, 0 && 2, "" && "x", "a" && "", null && 1, undefined && 1);
console.log(1 || 2, 0 || 2, "" || "x", "a" || "", null || undefined, false || null);
console.log(null ?? "d", undefined ?? "d", 0 ?? "d", "" ?? "d", false ?? "d", NaN ?? "d");
console.log(!0, !1, !"", !"a", !null, !undefined, !NaN, ![], !{});
console.log(!!"false", !!0.0, !!-1);
var calls = [];
function t(name, v) { calls.push(name); return v; }
t("a", false) && t("b", true);
console.log(calls.join(","));
calls = [];
t("a", true) || t("b", true);
console.log(calls.join(","));
calls = [];
t("a", 0) ?? t("b", 1);
console.log(calls.join(","));
calls = [];
t("a", null) ?? t("b", 1);
console.log(calls.join(","));
calls = [];
var r = t("a", 1) && t("b", 0) || t("c", "fallback");
console.log(r, calls.join(","));
console.log(1 && 2 || 3, 0 || 1 && 2, (0 || null) ?? "last");
var config = { port: 0, host: "", name: null };
console.log(config.port || 8080, config.port ?? 8080);
console.log(config.host || "localhost", config.host ?? "localhost");
console.log(config.name || "anon", config.name ?? "anon", config.missing ?? "none");
var obj = null;
console.log(obj && obj.field, (obj || {}).field);
var list = [];
console.log(list.length && list[0], list.length || "empty");
function firstTruthy(a, b, c) { return a || b || c; }
console.log(firstTruthy(0, "", "third"), firstTruthy(0, "", null));
console.log(true && "yes" || "no", false && "yes" || "no");
console.log(typeof (0 && 1), typeof (1 && "s"), typeof (null ?? 5));
