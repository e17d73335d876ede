// setInterval repeats until cleared; microtasks drain between runs. A faster
// interval, created first, that clears itself after 2 runs has always finished
// by the time the slower one runs a second time (each is rescheduled from the
// start of its own run).
// node starts the first timer of a program from a clock reading taken before the
// script ran (it can fire early when startup is slow), so the first timer here is a no-op.
setTimeout(() => {}, 0);
let runs = 0;
let other = 0;
const id2 = setInterval(() => {
  other++;
  if (other === 2) clearInterval(id2);
}, 1);

const id = setInterval(() => {
  runs++;
  console.log("interval run", runs, "(other interval has run", other, "times)");
  Promise.resolve().then(() => console.log("  microtask after run", runs));
  if (runs === 4) {
    clearInterval(id);
    console.log("cleared after", runs);
  }
}, 2);
