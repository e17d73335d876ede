// Completion records through finally: return, break, continue, throw, overriding.
function f1() { try { return "try"; } finally { console.log("f1 finally"); } }
console.log(f1());
function f2() { try { return "try"; } finally { return "finally"; } }
console.log(f2());
function f3() { try { throw new Error("x"); } finally { return "swallowed"; } }
console.log(f3());
function f4() {
  var log = [];
  for (var i = 0; i < 5; i++) {
    try {
      if (i === 1) continue;
      if (i === 3) break;
      log.push("body" + i);
    } finally {
      log.push("fin" + i);
    }
  }
  return log.join(",");
}
console.log(f4());
function f5() {
  outer: for (var i = 0; i < 3; i++) {
    for (var j = 0; j < 3; j++) {
      try {
        try {
          if (j === 1) continue outer;
          if (i === 2) break outer;
        } finally {
          console.log("inner fin", i, j);
        }
      } finally {
        console.log("outer fin", i, j);
      }
    }
  }
  return "done";
}
console.log(f5());
function f6() {
  try {
    try { throw new TypeError("inner"); }
    finally { console.log("cleanup"); }
  } catch (e) { return e.name + ":" + e.message; }
}
console.log(f6());
function f7() {
  for (var i = 0; i < 3; i++) {
    try { return i; } finally { if (i < 2) continue; }
  }
  return "end";
}
console.log(f7());
function f8() {
  try { throw 1; } catch (e) { try { throw e + 1; } catch (e2) { return e2 + 1; } finally { console.log("f8 fin"); } }
}
console.log(f8());
var count = 0;
function f9() {
  while (true) {
    try { count++; if (count > 2) return count; } finally { if (count < 5) { } }
  }
}
console.log(f9());
function f10() {
  var r = [];
  for (var x of [1, 2, 3]) {
    try { if (x === 2) break; r.push(x); } finally { r.push("f" + x); }
  }
  return r;
}
console.log(f10());
try { try { throw new Error("a"); } finally { console.log("no catch here"); } } catch (e) { console.log("caught", e.message); }
function f11() { try { return 1; } finally { try { throw 2; } catch (e) { console.log("finally caught", e); } } }
console.log(f11());
