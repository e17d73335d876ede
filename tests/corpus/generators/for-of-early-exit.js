// Leaving a for-of early (break, return, throw, labelled continue/break) calls return()
// on the generator; a finally block inside the generator logs it.
function* tracked(name, n) {
  try {
    for (let i = 0; i < n; i++) yield name + i;
    console.log(name, "ran to completion");
  } finally {
    console.log(name, "finally");
  }
}
console.log("-- break");
for (const v of tracked("A", 5)) {
  console.log(v);
  if (v === "A1") break;
}
console.log("-- return");
function firstLong(n) {
  for (const v of tracked("B", n)) {
    if (v === "B2") return "returned " + v;
  }
  return "none";
}
console.log(firstLong(5));
console.log(firstLong(2));
console.log("-- throw");
try {
  for (const v of tracked("C", 5)) {
    if (v === "C1") throw new Error("stop at " + v);
  }
} catch (e) {
  console.log("caught", e.message);
}
console.log("-- labelled continue of an outer loop");
outer: for (let i = 0; i < 2; i++) {
  for (const v of tracked("D" + i + "-", 3)) {
    if (v.endsWith("1")) continue outer;
    console.log(v);
  }
}
console.log("-- labelled break out of two loops");
out2: for (const a of tracked("E", 3)) {
  for (const b of tracked("F", 3)) {
    if (b === "F1") break out2;
    console.log(a, b);
  }
}
console.log("-- plain continue does not close");
for (const v of tracked("G", 3)) {
  if (v === "G1") continue;
  console.log(v);
}
console.log("-- exhausted loop does not call return");
let returnCalls = 0;
function counted(n) {
  const g = tracked("H", n);
  return {
    [Symbol.iterator]() {
      return {
        next: (v) => g.next(v),
        return: (v) => {
          returnCalls++;
          return g.return(v);
        },
      };
    },
  };
}
for (const v of counted(2)) console.log(v);
console.log("return calls", returnCalls);
for (const v of counted(3)) if (v === "H0") break;
console.log("return calls", returnCalls);
console.log("-- break inside try/finally in the loop body");
for (const v of tracked("I", 3)) {
  try {
    if (v === "I1") break;
    console.log("body", v);
  } finally {
    console.log("loop-body finally", v);
  }
}
