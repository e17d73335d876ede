// 500 async generators consumed concurrently, each interleaving with the others.
async function* ticker(id, n) {
  for (let i = 0; i < n; i++) {
    await null;
    yield id * 1000 + i;
  }
}

async function consume(id) {
  let sum = 0;
  for await (const v of ticker(id, 1 + (id % 5))) sum += v;
  return sum;
}

async function main() {
  const tasks = [];
  for (let id = 0; id < 500; id++) tasks.push(consume(id));
  const sums = await Promise.all(tasks);
  let total = 0;
  for (const s of sums) total += s;
  console.log("generators", sums.length, "total", total);
  console.log("first sums", sums.slice(0, 6));

  // Two generators read in lockstep.
  const a = ticker(1, 3);
  const b = ticker(2, 3);
  for (let i = 0; i < 4; i++) {
    const [ra, rb] = await Promise.all([a.next(), b.next()]);
    console.log(ra.value, ra.done, rb.value, rb.done);
  }
}
main();
