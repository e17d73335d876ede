// An executor that throws rejects the promise; a throw after resolve is ignored.
const p1 = new Promise(() => {
  throw new Error("executor failed");
});
p1.then(
  () => console.log("p1 fulfilled?"),
  (e) => console.log("p1 rejected:", e.name, e.message)
);

const p2 = new Promise((resolve) => {
  resolve("resolved first");
  throw new Error("ignored");
});
p2.then((v) => console.log("p2 fulfilled:", v));

const p3 = new Promise((resolve, reject) => {
  console.log("executor runs synchronously");
  reject(new TypeError("bad type"));
});
p3.catch((e) => console.log("p3:", e instanceof TypeError, e.message));

const p4 = new Promise(() => {
  throw "a string";
});
p4.catch((e) => console.log("p4:", typeof e, e));

try {
  new Promise(42);
} catch (e) {
  console.log("non-callable executor:", e instanceof TypeError);
}
console.log("sync done");
