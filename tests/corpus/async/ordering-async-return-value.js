// The promise of an async function that returns a plain value settles
// in the same tick as its body finishes.
async function plain() {
  console.log("plain body");
  return "plain";
}

async function afterOneAwait() {
  await undefined;
  return "one await";
}

plain().then((v) => console.log("resolved:", v));
afterOneAwait().then((v) => console.log("resolved:", v));

Promise.resolve()
  .then(() => console.log("tick 1"))
  .then(() => console.log("tick 2"))
  .then(() => console.log("tick 3"));
console.log("sync done");
