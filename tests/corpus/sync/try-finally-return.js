// try/catch/finally ordering; finally overriding return and throw; throwing from finally.
function basic() {
  var log = [];
  try {
    log.push("try");
    throw new Error("x");
  } catch (e) {
    log.push("catch " + e.message);
  } finally {
    log.push("finally");
  }
  return log;
}
console.log(basic());
function overrideReturn() {
  try {
    return "from try";
  } finally {
    return "from finally";
  }
}
console.log(overrideReturn());
function overrideThrow() {
  try {
    throw new Error("lost");
  } finally {
    return "finally wins";
  }
}
console.log(overrideThrow());
function returnValueFixed() {
  var x = 1;
  try {
    return x;
  } finally {
    x = 2;
    console.log("finally sees", x);
  }
}
console.log(returnValueFixed());
function catchReturn() {
  try {
    throw new Error("e");
  } catch (e) {
    return "catch";
  } finally {
    console.log("cleanup after catch return");
  }
}
console.log(catchReturn());
function finallyThrows() {
  try {
    return "never";
  } finally {
    throw new TypeError("from finally");
  }
}
try {
  finallyThrows();
} catch (e) {
  console.log(e.name, e.message);
}
