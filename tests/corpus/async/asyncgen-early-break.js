// Breaking out of for await closes the async generator (its finally runs,
// including awaits in it) before the loop statement completes.
async function* source(name) {
  try {
    for (let i = 0; ; i++) {
      yield name + i;
    }
  } finally {
    console.log(name, "closing");
    await null;
    console.log(name, "closed");
  }
}

async function firstN(n) {
  const out = [];
  for await (const v of source("s")) {
    out.push(v);
    if (out.length === n) break;
  }
  console.log("after break", out);
}

async function throwsInside() {
  try {
    for await (const v of source("t")) {
      if (v === "t1") throw new Error("stop at " + v);
    }
  } catch (e) {
    console.log("caught", e.message);
  }
}

async function returnsInside() {
  for await (const v of source("r")) {
    if (v === "r2") return "returned " + v;
  }
}

async function main() {
  await firstN(3);
  await throwsInside();
  console.log(await returnsInside());
}
main();
