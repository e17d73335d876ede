// 10,000 concurrent async tasks joined with Promise.all.
async function task(i) {
  let acc = i;
  for (let k = 0; k < 3; k++) {
    await null;
    acc = (acc * 3 + k) % 10007;
  }
  return acc;
}

async function main() {
  const tasks = [];
  for (let i = 0; i < 10000; i++) tasks.push(task(i));
  const results = await Promise.all(tasks);
  let sum = 0;
  for (const r of results) sum += r;
  console.log("tasks", results.length, "sum", sum);
  console.log("first", results.slice(0, 5), "last", results[results.length - 1]);
}
main();
