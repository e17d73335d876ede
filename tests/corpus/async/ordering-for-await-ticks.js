// Tick cost of for await over an async generator and over an array,
// interleaved with a counting then-chain.
async function* two() {
  yield 1;
  yield 2;
}

async function overGenerator() {
  for await (const v of two()) console.log("gen value", v);
  console.log("gen loop done");
}
async function overArray() {
  for await (const v of [10, Promise.resolve(20)]) console.log("array value", v);
  console.log("array loop done");
}

overGenerator();
overArray();
let n = 0;
function tick() {
  n++;
  console.log("tick", n);
  if (n < 12) return Promise.resolve().then(tick);
}
Promise.resolve().then(tick);
