// strategy-limit: wasmfx exit=3 stderr=out of memory (each async function pending on a promise that never settles keeps a Wasmtime continuation stack until the program ends; the kernel's map count caps them at ~30,000)
// 50,000 async functions wait forever on a promise that never settles;
// 50,000 others finish. Under cps and asyncify a pending function costs a
// few bytes of frame; the program ends when the event loop has nothing
// left to do, leaving the pending ones unresumed (as Node does).
const never = new Promise(() => {});
let started = 0;
let finished = 0;
async function waiter(i) {
  started++;
  await never;
  console.log("unreachable", i);
}
async function worker(i) {
  await null;
  await Promise.resolve(i);
  finished++;
}
for (let i = 0; i < 50000; i++) {
  waiter(i);
  worker(i);
}
console.log("started", started);
setTimeout(() => console.log("finished", finished), 0);
