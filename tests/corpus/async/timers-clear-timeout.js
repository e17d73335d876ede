// clearTimeout before firing, from another timer, twice, with odd arguments.
const a = setTimeout(() => console.log("A (cleared, never)"), 1);
clearTimeout(a);
clearTimeout(a);

let b;
setTimeout(() => {
  console.log("C clears B");
  clearTimeout(b);
}, 2);
b = setTimeout(() => console.log("B (cleared by C, never)"), 6);

const d = setTimeout(() => {
  console.log("D runs");
  clearTimeout(d); // clearing itself while running is harmless
}, 3);

clearTimeout(undefined);
clearTimeout(null);
clearTimeout(12345);

// A timer cleared from a microtask queued in the script.
const e = setTimeout(() => console.log("E (never)"), 0);
queueMicrotask(() => clearTimeout(e));
setTimeout(() => console.log("end"), 10);
