// String literals, escapes, concatenation, comparison, indexing.
var s = "hello";
var t = 'world';
console.log(s, t);
console.log(s + " " + t);
console.log(s.length, t.length, "".length);
console.log(s[0], s[4], s[5], s[-1]);
console.log("tab\there");
console.log("line1\nline2");
console.log("quote \" and ' apostrophe");
console.log('single \' quote');
console.log("backslash \\ done");
console.log("unicode \u00e9 \u4e2d \x41");
console.log("a" + 1 + 2, 1 + 2 + "a", "a" + (1 + 2));
console.log("a" + null, "a" + undefined, "a" + true, "a" + NaN);
console.log("abc" < "abd", "abc" < "ab", "B" < "a", "10" < "9", "" < "a");
console.log("abc" === "abc", "abc" === "ABC");
var built = "";
for (var i = 0; i < 5; i++) {
  built += i;
  built += ",";
}
console.log(built);
var multi = "one" +
  "two" +
  "three";
console.log(multi, multi.length);
console.log(typeof s, typeof "", typeof String(1));
console.log(["a", "b"] + "", [1, [2, 3]] + "!");
console.log("x".length + "yy".length);
var empty = "";
console.log("[" + empty + "]", empty === "", empty.length === 0);
console.log("abc"[1] + "def"[2]);
console.log("\u0041\u0042\u0043");
console.log("null byte: [\0]".length);
console.log("caf\u00e9" === "café");
var long = "The quick brown fox jumps over the lazy dog";
console.log(long);
console.log(long.length);
console.log(long[4] + long[10] + long[16]);
