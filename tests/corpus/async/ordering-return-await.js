// `return await p` versus `return p` in an async function:
// return await p costs 1 tick for the await; return p costs 2 extra ticks
// (the function's promise is resolved with a promise).
const p = Promise.resolve("value");

async function returnAwait() {
  return await p;
}
async function returnPromise() {
  return p;
}
async function returnPlain() {
  return "plain";
}

returnPromise().then((v) => console.log("return p ->", v));
returnAwait().then((v) => console.log("return await p ->", v));
returnPlain().then((v) => console.log("return plain ->", v));

let n = 0;
function tick() {
  n++;
  console.log("tick", n);
  if (n < 5) return Promise.resolve().then(tick);
}
Promise.resolve().then(tick);
console.log("sync done");
