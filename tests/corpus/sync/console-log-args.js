// console.log with several arguments of mixed types; spacing and top-level strings.
console.log();
console.log("a", "b", "c");
console.log(1, "1", [1], ["1"], { one: 1 }, { one: "1" });
console.log("mixed:", 42, true, null, undefined, NaN, -0);
console.log("", "");
console.log(" leading", "trailing ");
console.log("quote's", 'dq "x"', ["quote's"], ['dq "x"'], ["both ' and \""]);
console.log("multi\nline", ["multi\nline"], { s: "tab\there" });
console.log("back\\slash", ["back\\slash"]);
console.log(["a", 1, "b", 2]);
console.log([], {}, [[]], [{}], { a: [] }, { a: {} });
console.log([undefined, null], { u: undefined, n: null });
console.log("100%", "50% off");
console.log(1.5, -1.5, 1e21, 1e-7, 0.1 + 0.2);
var parts = ["x", "y", "z"];
for (var i = 0; i < parts.length; i++) {
  console.log(i, parts[i], parts.slice(0, i + 1));
}
console.log("end", "of", "line", 1, 2, 3, [4, 5], { six: 6 });
console.log("", 1);
console.log(true, "true", [true, "true"]);
console.log(["", " "], { "": "" });
console.log(["\u00e9", "\u0001", "\u007f"]);
console.log({ key: "it's" }, { key: 'say "hi"' }, { key: "it's \"both\"" });
console.log(["with`backtick'and\"quotes"]);
