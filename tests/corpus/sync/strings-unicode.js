// Non-ASCII strings: UTF-16 length, for-of by code point, charCodeAt on surrogates.
var s = "héllo";
console.log(s, s.length);
for (var c of s) {
  console.log(c, c.charCodeAt(0));
}
var e = "a😀b";
console.log(e, e.length);
console.log(e.charCodeAt(1), e.charCodeAt(2));
var parts = [];
for (var ch of e) {
  parts.push(ch);
}
console.log(parts.length, parts);
var idx = [];
for (var i = 0; i < e.length; i++) {
  idx.push(e.charCodeAt(i));
}
console.log(idx);
console.log("日本語", "日本語".length, "日本語".charAt(1));
console.log("ÀÉÎ".toLowerCase(), "àéî".toUpperCase());
console.log("😀".length, "😀😀".slice(0, 2), "x😀y".indexOf("y"));
console.log(["héllo", "😀", "日本"]);
console.log({ word: "naïve", emoji: "🎉" });
console.log("é" < "f", "é" > "z", "Z" < "a");
console.log("€".charCodeAt(0), "€".length);
var count = 0;
for (var x of "😀👍🎉") {
  count++;
}
console.log(count, "😀👍🎉".length);
console.log("abc😀".split(""));
console.log(JSON.stringify("héllo 😀"));
console.log("\u{1F600}" === "😀");
console.log("mañana".split("ñ"));
console.log("ß".toUpperCase(), "straße".toUpperCase(), "ÉCOLE".toLowerCase(), "İ".length);
