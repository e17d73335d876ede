// A sleep helper built on setTimeout; sequential and concurrent sleeps.
function sleep(ms, v) {
  return new Promise((resolve) => setTimeout(resolve, ms, v));
}

async function sequential() {
  for (let i = 0; i < 4; i++) {
    const v = await sleep(1, i);
    console.log("sequential", v);
  }
  return "seq done";
}

async function concurrent() {
  const order = [];
  await Promise.all([
    sleep(20).then(() => order.push("twenty")),
    sleep(2).then(() => order.push("two")),
    sleep(10).then(() => order.push("ten")),
  ]);
  return order;
}

async function main() {
  console.log(await sequential());
  console.log(await concurrent());
}
main();
