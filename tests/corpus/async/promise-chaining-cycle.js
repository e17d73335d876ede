// A promise resolved with itself rejects with a TypeError.
let p;
p = Promise.resolve().then(() => p);
p.catch((e) => {
  console.log("cycle:", e instanceof TypeError, e.name);
  console.log(e.message);
});

let resolveSelf;
const q = new Promise((r) => {
  resolveSelf = r;
});
resolveSelf(q);
q.catch((e) => console.log("resolve(self):", e instanceof TypeError, e.message));

// An async function returning its own promise: also a chaining cycle.
let self;
async function waitsOnItself() {
  await null;
  return self;
}
self = waitsOnItself();
let state = "pending";
self.then(() => (state = "settled"), (e) => (state = "rejected: " + e.message));
setTimeout(() => console.log("async self-wait:", state), 1);
