// A finally block that throws while an async generator is being closed:
// return() rejects, and a for await break propagates the error.
async function* g(label) {
  try {
    yield label + 1;
    yield label + 2;
  } finally {
    await null;
    throw new Error(label + " cleanup failed");
  }
}

async function main() {
  const a = g("a");
  await a.next();
  try {
    await a.return("ignored");
  } catch (e) {
    console.log("return rejected:", e.message);
  }
  console.log(JSON.stringify(await a.next()));

  try {
    for await (const v of g("b")) {
      console.log("loop got", v);
      break;
    }
    console.log("not reached");
  } catch (e) {
    console.log("break propagated:", e.message);
  }

  try {
    for await (const v of g("c")) {
      console.log("loop got", v);
      throw new Error("body error");
    }
  } catch (e) {
    console.log("body error wins:", e.message);
  }
}
main();
