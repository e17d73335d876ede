// Async arrows capture this and variables; state changes across awaits are visible.
const counter = {
  count: 0,
  async incrementTwice() {
    const step = async () => {
      await null;
      this.count++;
      return this.count;
    };
    const a = await step();
    const b = await step();
    return [a, b];
  },
};

function makeAccumulator() {
  let total = 0;
  return async function add(n) {
    const before = total;
    await null;
    total += n;
    return [before, total];
  };
}

async function main() {
  console.log(await counter.incrementTwice());
  console.log(await counter.incrementTwice());
  console.log("count", counter.count);
  const add = makeAccumulator();
  // Interleaved: each call sees `total` before the others' increments.
  const results = await Promise.all([add(1), add(10), add(100)]);
  console.log(results);
  console.log(await add(0));
}
main();
