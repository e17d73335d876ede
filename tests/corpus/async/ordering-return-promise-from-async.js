// An async function returning a promise (not awaiting it) resolves its own
// promise with that promise: two extra ticks before its callers see it.
async function inner(tag) {
  console.log("inner", tag);
  return tag;
}

async function returnsInnerPromise() {
  return inner("returned");
}

async function awaitsInner() {
  const v = await inner("awaited");
  return v;
}

async function main() {
  const a = returnsInnerPromise();
  const b = awaitsInner();
  a.then((v) => console.log("a settled", v));
  b.then((v) => console.log("b settled", v));
  for (let i = 1; i <= 5; i++) {
    await null;
    console.log("main tick", i);
  }
}
main();
console.log("sync done");
