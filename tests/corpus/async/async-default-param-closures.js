// Async functions as default parameter values and as returned closures;
// awaiting inside the closure of a closure.
function run(task = async () => "default task") {
  return task();
}

function makeCounter() {
  let n = 0;
  return {
    next: async () => {
      await null;
      return ++n;
    },
    twice: async function () {
      return [await this.next(), await this.next()];
    },
  };
}

async function main() {
  console.log(await run());
  console.log(await run(async () => "given task"));
  const c = makeCounter();
  console.log(await c.next(), await c.twice(), await c.next());
  const adders = [1, 2, 3].map((k) => async (x) => x + k);
  let v = 0;
  for (const add of adders) v = await add(v);
  console.log("sum via adders", v);
}
main();
