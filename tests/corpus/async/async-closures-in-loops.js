// Async closures created in loops capture per-iteration bindings; they run
// concurrently and finish in an order decided by their awaits.
async function main() {
  const fns = [];
  for (let i = 0; i < 4; i++) {
    fns.push(async () => {
      for (let k = 0; k < 4 - i; k++) await null;
      console.log("closure", i, "finished");
      return i * i;
    });
  }
  const results = await Promise.all(fns.map((f) => f()));
  console.log(results);

  let shared = 0;
  const incs = [];
  for (const step of [1, 2, 3]) {
    incs.push(
      (async () => {
        const before = shared;
        await null;
        shared = before + step; // lost updates: every closure read 0
      })()
    );
  }
  await Promise.all(incs);
  console.log("shared after racy increments", shared);
}
main();
