// A then callback that registers more callbacks: they go to the back of
// the queue, behind reactions already waiting.
const p = Promise.resolve();

p.then(() => {
  console.log("a1");
  p.then(() => console.log("a1 -> nested"));
  Promise.resolve().then(() => console.log("a1 -> fresh"));
}).then(() => console.log("a2"));

p.then(() => {
  console.log("b1");
  queueMicrotask(() => console.log("b1 -> micro"));
}).then(() => console.log("b2"));

p.then(() => console.log("c1")).then(() => console.log("c2")).then(() => console.log("c3"));
console.log("sync done");
