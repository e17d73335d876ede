// Retry loops around throwing calls, labeled continue through nested finally, unwinding recursion.
var attempts = 0;
function flaky() {
  attempts++;
  if (attempts < 3) throw new Error("attempt " + attempts + " failed");
  return "ok after " + attempts;
}
var result;
for (var tries = 0; tries < 5; tries++) {
  try {
    result = flaky();
    break;
  } catch (e) {
    console.log("retry:", e.message);
  }
}
console.log(result);
function loopWithFinally() {
  var out = [];
  outer: for (var i = 0; i < 3; i++) {
    try {
      for (var j = 0; j < 3; j++) {
        try {
          if (j === 1) continue outer;
          out.push(i + "" + j);
        } finally {
          out.push("j" + j);
        }
      }
    } finally {
      out.push("i" + i);
    }
  }
  return out;
}
console.log(loopWithFinally());
function recurseThrow(n) {
  if (n === 0) throw new Error("bottom");
  try {
    return recurseThrow(n - 1);
  } finally {
    console.log("unwind", n);
  }
}
try {
  recurseThrow(3);
} catch (e) {
  console.log("caught", e.message);
}
