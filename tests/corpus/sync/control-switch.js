// switch: fallthrough, default in the middle, strict comparison, no match.
function name(n) {
  switch (n) {
    case 1:
      return "one";
    case 2:
      return "two";
    case "1":
      return "string one";
    default:
      return "other";
  }
}
console.log(name(1), name(2), name("1"), name(true), name(3));
function fall(n) {
  var out = [];
  switch (n) {
    case 0:
      out.push("zero");
    case 1:
      out.push("one");
      break;
    case 2:
      out.push("two");
    default:
      out.push("default");
    case 3:
      out.push("three");
  }
  return out;
}
for (var i = 0; i <= 4; i++) {
  console.log(i, fall(i));
}
function midDefault(x) {
  switch (x) {
    case "a":
      return "A";
    default:
      return "D";
    case "b":
      return "B";
  }
}
console.log(midDefault("a"), midDefault("b"), midDefault("c"));
function noMatch(x) {
  var r = "untouched";
  switch (x) {
    case 1:
      r = "one";
  }
  return r;
}
console.log(noMatch(1), noMatch(2));
