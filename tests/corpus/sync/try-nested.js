// Nested try blocks, rethrow, errors crossing function boundaries, finally order.
var log = [];
function level3() {
  try {
    throw new Error("deep");
  } finally {
    log.push("f3");
  }
}
function level2() {
  try {
    level3();
  } catch (e) {
    log.push("c2:" + e.message);
    throw new TypeError("wrapped " + e.message);
  } finally {
    log.push("f2");
  }
}
function level1() {
  try {
    level2();
  } catch (e) {
    log.push("c1:" + e.name + ":" + e.message);
  } finally {
    log.push("f1");
  }
  return "done";
}
console.log(level1(), log);
function rethrow() {
  try {
    try {
      throw new RangeError("inner");
    } catch (e) {
      console.log("inner caught", e.message);
      throw e;
    } finally {
      console.log("inner finally");
    }
  } catch (e2) {
    console.log("outer caught", e2.message, e2 instanceof RangeError);
  }
}
rethrow();
function nestedFinallyReturns() {
  try {
    try {
      return "a";
    } finally {
      console.log("inner finally runs");
    }
  } finally {
    console.log("outer finally runs");
  }
}
console.log(nestedFinallyReturns());
function throwInCatch() {
  try {
    throw 1;
  } catch (x) {
    try {
      throw x + 1;
    } catch (y) {
      return x + y;
    }
  }
}
console.log(throwInCatch());
