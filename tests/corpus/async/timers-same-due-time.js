// Timers with the same due time fire in creation order; microtasks drain after each.
for (let i = 0; i < 5; i++) {
  setTimeout(() => {
    console.log("timer", i);
    Promise.resolve().then(() => console.log("  microtask after timer", i));
    queueMicrotask(() => console.log("  queueMicrotask after timer", i));
  }, 1);
}
setTimeout(() => console.log("zero delay"), 0);
setTimeout(() => console.log("negative delay is 1"), -5);
console.log("script end");
