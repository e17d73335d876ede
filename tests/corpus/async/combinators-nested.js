// Combinators nested in each other and fed by async functions.
async function value(v, ticks) {
  for (let i = 0; i < ticks; i++) await null;
  return v;
}
async function failure(msg, ticks) {
  for (let i = 0; i < ticks; i++) await null;
  throw new Error(msg);
}

async function main() {
  const grid = await Promise.all([
    Promise.all([value(1, 3), value(2, 1)]),
    Promise.race([value("slow", 5), value("quick", 2)]),
    Promise.allSettled([failure("bad", 1), value("good", 0)]),
    Promise.any([failure("x", 0), value("y", 4), failure("z", 1)]),
  ]);
  console.log(grid[0], grid[1], grid[2].map((s) => s.status), grid[3]);

  const order = [];
  await Promise.all(
    [3, 1, 2].map(async (t) => {
      await value(null, t);
      order.push(t);
    })
  );
  console.log("finish order by ticks:", order);

  try {
    await Promise.any([failure("p", 2), Promise.all([value(1, 0), failure("q", 1)])]);
  } catch (e) {
    console.log(e.constructor === AggregateError, e.errors.map((x) => x.message));
  }
}
main();
