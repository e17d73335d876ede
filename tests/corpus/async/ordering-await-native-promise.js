// await of a native promise takes exactly one tick, like one .then hop.
const p = Promise.resolve("v");

async function awaiter(tag) {
  console.log(tag, "start");
  const v = await p;
  console.log(tag, "resumed with", v);
  await p;
  console.log(tag, "second resume");
}

awaiter("A");
p.then(() => console.log("then 1"))
  .then(() => console.log("then 2"))
  .then(() => console.log("then 3"));
awaiter("B");
console.log("sync done");
