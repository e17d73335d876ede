// An async function returning a thenable, and awaiting a promise that was
// resolved with a thenable: ticks counted against a then-chain.
function thenable(tag) {
  return {
    then(res) {
      console.log("then of", tag, "called");
      res(tag);
    },
  };
}

async function returnsThenable() {
  return thenable("returned");
}
async function awaitsResolvedWithThenable() {
  const p = Promise.resolve(thenable("wrapped"));
  const v = await p;
  console.log("awaited", v);
}

returnsThenable().then((v) => console.log("returnsThenable ->", v));
awaitsResolvedWithThenable();
let n = 0;
function tick() {
  n++;
  console.log("tick", n);
  if (n < 6) return Promise.resolve().then(tick);
}
Promise.resolve().then(tick);
