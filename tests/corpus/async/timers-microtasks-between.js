// Microtasks queued by a timer callback run before the next timer, even one due
// at the same time; await inside a timer callback.
setTimeout(async () => {
  console.log("t1 start");
  await null;
  console.log("t1 after await");
  await new Promise((r) => queueMicrotask(r));
  console.log("t1 after second await");
}, 1);
setTimeout(() => console.log("t2"), 1);
setTimeout(() => {
  console.log("t3");
  let p = Promise.resolve();
  for (let i = 0; i < 3; i++) p = p.then(() => console.log("t3 chain", i));
}, 1);
setTimeout(() => console.log("t4"), 1);
