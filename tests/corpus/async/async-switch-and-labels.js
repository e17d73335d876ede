// await inside switch cases, labelled blocks and nested try in loops.
const v = (x) => Promise.resolve(x);

async function classify(x) {
  switch (typeof x) {
    case "number":
      if ((await v(x)) > 10) return "big number";
      return "small number";
    case "string": {
      const s = await v(x.toUpperCase());
      return "string " + s;
    }
    default:
      await null;
      return "other";
  }
}

async function main() {
  for (const x of [3, 30, "hi", null]) console.log(await classify(x));
  block: {
    await null;
    if (await v(true)) break block;
    console.log("not printed");
  }
  console.log("after block");
  let attempts = 0;
  for (;;) {
    try {
      attempts++;
      if (attempts < 3) throw new Error("retry " + attempts);
      await null;
      break;
    } catch (e) {
      console.log(e.message);
      await null;
      continue;
    } finally {
      console.log("finally of attempt", attempts);
    }
  }
  console.log("attempts", attempts);
}
main();
