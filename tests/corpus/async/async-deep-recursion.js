// Deep chains of async calls: 5,000 nested calls that all suspend at once,
// and 5,000 calls that each await the next one after a tick.
async function down(n) {
  if (n === 0) {
    await null;
    return 0;
  }
  const below = await down(n - 1);
  return below + 1;
}

async function tickThenDown(n) {
  await null;
  if (n === 0) return "bottom";
  return tickThenDown(n - 1);
}

async function main() {
  console.log("down(5000) =", await down(5000));
  console.log("tickThenDown(5000) =", await tickThenDown(5000));
  const many = [];
  for (let i = 0; i < 20; i++) many.push(down(200));
  const rs = await Promise.all(many);
  console.log("20 x down(200):", rs.every((r) => r === 200));
}
main();
