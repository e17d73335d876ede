// Leaving for await early closes a sync iterator too (its return() runs).
function* sync(name) {
  try {
    yield Promise.resolve(name + 1);
    yield name + 2;
    yield name + 3;
  } finally {
    console.log(name, "finally");
  }
}

async function main() {
  for await (const v of sync("a")) {
    console.log("got", v);
    if (v === "a2") break;
  }
  try {
    for await (const v of sync("b")) {
      console.log("got", v);
      throw new Error("thrown in loop body");
    }
  } catch (e) {
    console.log("caught", e.message);
  }
  const r = await (async () => {
    for await (const v of sync("c")) return "returned " + v;
  })();
  console.log(r);
  for await (const v of sync("d")) console.log("full", v);
}
main();
