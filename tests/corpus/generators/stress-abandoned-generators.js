// strategy-limit: wasmfx exit=3 stderr=out of memory (Wasmtime 48 keeps every continuation's stack mapped until the Store is dropped, and without a garbage collector a generator dropped while suspended is never known to be dead; ~30,000 such generators exhaust the process's memory mappings)
// 200,000 generators suspended at their first yield and then dropped without return():
// they become garbage while suspended (node collects them); their state must be reclaimed
// or at least not exhaust memory.
let abandoned = 0;
function* once(i) {
  yield i;
  abandoned--;
}
for (let i = 0; i < 200000; i++) {
  abandoned += once(i).next().value % 2;
}
console.log("abandoned odd", abandoned);
// Suspended inside try/finally: dropping them never runs the finally blocks.
let finallies = 0;
function* guarded(i) {
  try {
    yield i;
    yield -i;
  } finally {
    finallies++;
  }
}
let sum = 0;
for (let i = 0; i < 100000; i++) sum += guarded(i).next().value;
console.log("sum", sum, "finallies", finallies);
// Generators suspended deep inside a yield* chain, dropped.
function* chain(n) {
  if (n === 0) yield "leaf";
  else yield* chain(n - 1);
}
let leaves = 0;
for (let i = 0; i < 20000; i++) if (chain(5).next().value === "leaf") leaves++;
console.log("leaves", leaves);
