// switch: case expressions evaluated in order until a match, NaN/null, continue inside switch, switch (true).
var calls = [];
function key(k) { calls.push(k); return k; }
switch (3) {
  case key(1):
  case key(2):
    console.log("no");
    break;
  case key(3):
    console.log("matched three");
    break;
  case key(4):
    console.log("no");
}
console.log(calls);
switch (NaN) {
  case NaN:
    console.log("NaN matched");
    break;
  default:
    console.log("NaN never matches");
}
switch (null) {
  case undefined:
    console.log("loose");
    break;
  case null:
    console.log("strict null");
}
var total = 0;
for (var j = 0; j < 10; j++) {
  switch (j % 3) {
    case 0:
      continue;
    case 1:
      total += j;
      break;
    default:
      total += 100;
  }
  total += 1000;
}
console.log(total);
function grade(score) {
  switch (true) {
    case score >= 90: return "A";
    case score >= 80: return "B";
    case score >= 70: return "C";
    default: return "F";
  }
}
console.log(grade(95), grade(85), grade(72), grade(10));
switch ("x") {
  case "x": {
    let scoped = "block in case";
    console.log(scoped);
  }
}
switch (1) {}
console.log("empty switch ok");
