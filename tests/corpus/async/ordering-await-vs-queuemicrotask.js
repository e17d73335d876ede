// Interleaving of awaits, then-callbacks and queueMicrotask callbacks.
async function worker(name, n) {
  for (let i = 0; i < n; i++) {
    console.log(name, i);
    await null;
  }
  console.log(name, "done");
}

queueMicrotask(() => console.log("micro 1"));
worker("w1", 3);
Promise.resolve().then(() => {
  console.log("then 1");
  queueMicrotask(() => console.log("micro from then"));
});
worker("w2", 2);
queueMicrotask(() => {
  console.log("micro 2");
  Promise.resolve().then(() => console.log("then from micro"));
});
console.log("sync done");
