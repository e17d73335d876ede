// queueMicrotask callbacks run FIFO with promise reactions, after the script,
// before any timer; microtasks queued by microtasks run in the same drain.
setTimeout(() => console.log("timeout 0"), 0);
queueMicrotask(() => console.log("m1"));
Promise.resolve().then(() => console.log("p1"));
queueMicrotask(() => {
  console.log("m2");
  queueMicrotask(() => {
    console.log("m2 -> m");
    queueMicrotask(() => console.log("m2 -> m -> m"));
  });
  Promise.resolve().then(() => console.log("m2 -> p"));
});
queueMicrotask(() => console.log("m3"));
let depth = 0;
function recurse() {
  depth++;
  if (depth < 1000) queueMicrotask(recurse);
  else console.log("1000 chained microtasks done");
}
queueMicrotask(recurse);
console.log("script end");
