// String methods with negative and out-of-range indices.
var s = "Hello, World";
console.log(s.charAt(0), s.charAt(7), "[" + s.charAt(99) + "]", "[" + s.charAt(-1) + "]");
console.log(s.charCodeAt(0), s.charCodeAt(1), s.charCodeAt(99), s.charCodeAt(-1));
console.log(s.indexOf("o"), s.indexOf("o", 5), s.indexOf("xyz"), s.indexOf(""), s.indexOf("", 99));
console.log(s.indexOf("World"), s.indexOf("o", -5), s.indexOf("H", 1));
console.log(s.slice(0, 5), s.slice(7), s.slice(-5), s.slice(-5, -2), s.slice(3, 1), s.slice(99));
console.log(s.slice(-100, 3), s.slice(2, -100), s.slice());
console.log(s.substring(0, 5), s.substring(7), s.substring(5, 0), s.substring(-3, 2), s.substring(3, 99));
console.log(s.toUpperCase(), s.toLowerCase(), "MiXeD 123".toLowerCase(), "mixed 123".toUpperCase());
console.log(s.split(", "), s.split(""), s.split("o"), s.split("zz"), "".split(","), "".split(""));
console.log("a,b,,c,".split(","), "a,b,c".split(",", 2), "abc".split());
console.log(s.includes("World"), s.includes("world"), s.includes(""), s.includes("o", 9));
console.log(s.startsWith("Hell"), s.startsWith("ell"), s.startsWith("ell", 1), s.startsWith(""));
console.log("ab".repeat(3), "[" + "x".repeat(0) + "]", "-".repeat(20));
console.log("5".padStart(3, "0"), "abc".padStart(6), "abc".padStart(2), "abc".padStart(8, "12"));
console.log("[" + "  padded \t\n".trim() + "]", "[" + "   ".trim() + "]", "[" + "x".trim() + "]");
console.log("12".padStart(5, "ab").length);
var words = "the rain in spain stays mainly".split(" ");
for (var i = 0; i < words.length; i++) {
  var w = words[i];
  console.log(i, w, w.length, w.charAt(0).toUpperCase() + w.slice(1), w.indexOf("ain"), w.includes("a"));
}
var csv = "name,age\nann,31\nbob,27";
var lines = csv.split("\n");
console.log(lines.length);
for (var j = 0; j < lines.length; j++) {
  var cells = lines[j].split(",");
  console.log(cells[0].toUpperCase() + "=" + cells[1]);
}
var chained = "  MiXeD Case  ".trim().toLowerCase().split(" ").join("_");
console.log(chained);
console.log("abcabc".indexOf("c", 3), "abc".charAt(1.7), "abc".slice(0.5, 2.9));
console.log("x".padStart(4, "").length, "abc".substring(NaN, 2));
