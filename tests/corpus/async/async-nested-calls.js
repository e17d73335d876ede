// Nested async functions awaiting each other; values flow back up.
async function leaf(n) {
  await null;
  console.log("leaf", n);
  return n * 2;
}

async function middle(n) {
  console.log("middle start", n);
  const a = await leaf(n);
  const b = await leaf(n + 1);
  console.log("middle end", n);
  return a + b;
}

async function top() {
  const results = [];
  for (let i = 0; i < 3; i++) results.push(await middle(i * 10));
  return results;
}

async function recursive(depth) {
  if (depth === 0) return 0;
  const below = await recursive(depth - 1);
  return below + depth;
}

async function main() {
  console.log("top:", await top());
  console.log("recursive(50):", await recursive(50));
  const inParallel = await Promise.all([middle(100), middle(200)]);
  console.log("parallel:", inParallel);
}
main();
