// Serialize a record list with JSON.stringify, parse it back with a hand-written parser, compare.
function parseJson(text) {
  var i = 0;
  function ws() { while (" \n\t\r".indexOf(text.charAt(i)) >= 0 && i < text.length) i++; }
  function value() {
    ws();
    var ch = text.charAt(i);
    if (ch === "{") return object();
    if (ch === "[") return array();
    if (ch === "\"") return string();
    if (text.startsWith("true", i)) { i += 4; return true; }
    if (text.startsWith("false", i)) { i += 5; return false; }
    if (text.startsWith("null", i)) { i += 4; return null; }
    return number();
  }
  function object() {
    var out = {};
    i++;
    ws();
    if (text.charAt(i) === "}") { i++; return out; }
    while (true) {
      ws();
      var k = string();
      ws();
      if (text.charAt(i) !== ":") throw new Error("expected : at " + i);
      i++;
      out[k] = value();
      ws();
      var c = text.charAt(i++);
      if (c === "}") return out;
      if (c !== ",") throw new Error("expected , or } at " + (i - 1));
    }
  }
  function array() {
    var out = [];
    i++;
    ws();
    if (text.charAt(i) === "]") { i++; return out; }
    while (true) {
      out.push(value());
      ws();
      var c = text.charAt(i++);
      if (c === "]") return out;
      if (c !== ",") throw new Error("expected , or ] at " + (i - 1));
    }
  }
  function string() {
    var s = "";
    i++;
    while (text.charAt(i) !== "\"") {
      var c = text.charAt(i++);
      if (c === "\\") {
        var e = text.charAt(i++);
        if (e === "n") s += "\n";
        else if (e === "t") s += "\t";
        else if (e === "r") s += "\r";
        else if (e === "u") throw new Error("unicode escapes not handled at " + i);
        else s += e;
      } else {
        s += c;
      }
    }
    i++;
    return s;
  }
  function number() {
    var start = i;
    while (i < text.length && "+-0123456789.eE".indexOf(text.charAt(i)) >= 0) i++;
    if (start === i) throw new Error("unexpected " + text.charAt(i) + " at " + i);
    return Number(text.slice(start, i));
  }
  var v = value();
  ws();
  if (i !== text.length) throw new Error("trailing data at " + i);
  return v;
}
var records = [];
var names = ["Ann \"the coder\"", "Bob\nNewline", "Çelik", "Dee\\slash", "Eve 😀"];
for (var r = 0; r < 5; r++) {
  records.push({
    id: r + 1,
    name: names[r],
    score: r * 12.75 - 3,
    tags: r % 2 ? ["odd", "n" + r] : [],
    meta: { active: r !== 2, ratio: 1 / (r + 1), parent: r > 0 ? r : null },
  });
}
var text = JSON.stringify(records);
console.log(text);
var back = parseJson(text);
console.log(back.length, back[1].name, back[4].meta);
console.log(back);
var again = JSON.stringify(back);
console.log("round trip equal:", again === text);
var pretty = JSON.stringify(records, null, 2);
console.log(JSON.stringify(parseJson(pretty)) === text, pretty.length);
var errors = ["[1, 2", "{\"a\" 1}", "[1 2]", "@", "{\"x\": [true, false, nul]}"];
for (var k = 0; k < errors.length; k++) {
  try {
    parseJson(errors[k]);
    console.log("parsed?!", errors[k]);
  } catch (e) {
    console.log("error:", e.message);
  }
}
