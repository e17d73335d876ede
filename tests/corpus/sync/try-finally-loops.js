// break/continue through finally, try without catch, catch without a binding, catch parameter scope.
var out = [];
for (var i = 0; i < 5; i++) {
  try {
    if (i === 1) continue;
    if (i === 3) break;
    out.push("body" + i);
  } finally {
    out.push("fin" + i);
  }
}
console.log(out);
var w = 0;
var wlog = [];
while (true) {
  try {
    w++;
    if (w < 3) continue;
    break;
  } finally {
    wlog.push(w);
  }
}
console.log(wlog);
try {
  console.log("no catch clause, no error");
} finally {
  console.log("finally alone");
}
try {
  JSON.stringify(1);
  throw new RangeError("no binding");
} catch {
  console.log("catch without binding");
}
var e = "outer e";
try {
  throw "inner e";
} catch (e) {
  console.log(e);
}
console.log(e);
