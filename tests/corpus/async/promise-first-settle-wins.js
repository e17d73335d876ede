// Only the first call of resolve/reject counts.
const a = new Promise((resolve, reject) => {
  resolve(1);
  resolve(2);
  reject(new Error("late"));
});
a.then((v) => console.log("a:", v));

const b = new Promise((resolve, reject) => {
  reject(new Error("first"));
  resolve("second");
  reject(new Error("third"));
});
b.catch((e) => console.log("b:", e.message));

// Resolving with a pending promise locks the outcome in even if it never settles
// before later calls.
let later;
const pending = new Promise((r) => {
  later = r;
});
const c = new Promise((resolve, reject) => {
  resolve(pending);
  reject(new Error("ignored, already resolved"));
});
c.then((v) => console.log("c:", v), (e) => console.log("c rejected?", e.message));
later("from pending");

// Resolve functions called later, from outside.
let res, rej;
const d = new Promise((r1, r2) => {
  res = r1;
  rej = r2;
});
d.then((v) => console.log("d:", v), (e) => console.log("d: then sees", e.message));
rej(new Error("nope")); // wins
res("too late");
d.catch((e) => console.log("d rejected:", e.message));
console.log("sync done");
