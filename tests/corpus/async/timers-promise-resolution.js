// Promises resolved by timers; awaiting in a loop of timers; a timer callback
// that throws inside a promise handler is caught by the chain.
function later(ms, v) {
  return new Promise((r) => setTimeout(() => r(v), ms));
}

async function main() {
  const t0 = later(3, "three");
  const t1 = later(1, "one");
  console.log(await t0, await t1);

  const results = [];
  for (let i = 3; i > 0; i--) results.push(await later(i, i));
  console.log(results);

  const chained = await later(1, 5)
    .then((v) => {
      if (v > 2) throw new Error("too large: " + v);
      return v;
    })
    .catch((e) => "handled " + e.message);
  console.log(chained);

  let resolveLater;
  const gate = new Promise((r) => (resolveLater = r));
  setTimeout(() => resolveLater("opened by timer"), 2);
  console.log(await gate);
}
main();
