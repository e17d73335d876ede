// Async callbacks to array methods: map gives promises, forEach does not wait,
// reduce can chain them, a for loop awaits in order.
const items = [3, 1, 2];

async function work(n) {
  for (let i = 0; i < n; i++) await null;
  console.log("work", n, "done");
  return n * 10;
}

async function main() {
  const mapped = items.map(work);
  console.log("map gives", mapped.length, "promises:", mapped.every((p) => p instanceof Promise));
  console.log("results", await Promise.all(mapped));

  const order = [];
  items.forEach(async (n) => {
    await work(n);
    order.push(n);
  });
  console.log("forEach returned, order so far", order);
  await new Promise((r) => setTimeout(r, 1));
  console.log("order after a timer", order);

  const total = await items.reduce(async (accP, n) => {
    const acc = await accP;
    return acc + (await work(n));
  }, Promise.resolve(0));
  console.log("reduce total", total);

  const flags = await Promise.all(items.map(async (n) => n > 1));
  console.log("filtered", items.filter((_, i) => flags[i]));
}
main();
