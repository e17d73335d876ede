// Tick cost of async generator next()/yield compared with a then-chain.
async function* g() {
  console.log("gen: start");
  yield "a";
  console.log("gen: after a");
  yield Promise.resolve("b");
  console.log("gen: after b");
}

const it = g();
it.next().then((r) => console.log("next 1 ->", r.value));
it.next().then((r) => console.log("next 2 ->", r.value));
it.next().then((r) => console.log("next 3 ->", r.done));

let i = 0;
function tick() {
  i++;
  console.log("tick", i);
  if (i < 8) return Promise.resolve().then(tick);
}
Promise.resolve().then(tick);
console.log("sync done");
