// Exceptions and returns travelling through nested try/finally blocks with
// awaits in each finally; the last completion wins.
const tick = () => new Promise((r) => queueMicrotask(r));

async function nested(mode) {
  const trace = [];
  try {
    try {
      try {
        trace.push("inner try");
        await tick();
        if (mode === "throw") throw new Error("inner");
        if (mode === "return") return "returned from inner";
      } finally {
        trace.push("finally 1");
        await tick();
      }
    } catch (e) {
      trace.push("caught " + e.message);
      await tick();
      throw new Error("rethrown");
    } finally {
      trace.push("finally 2");
      await tick();
      if (mode === "override") return "overridden";
    }
  } finally {
    trace.push("finally 3");
    await tick();
    console.log(mode, trace.join(" > "));
  }
  return "normal end";
}

async function main() {
  for (const mode of ["normal", "throw", "return", "override"]) {
    try {
      console.log("=>", await nested(mode));
    } catch (e) {
      console.log("=> rejected", e.message);
    }
  }
}
main();
