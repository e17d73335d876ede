// Promise.all / allSettled / any over timer-based tasks; completion order
// differs from result order.
const finished = [];
function task(name, ms, fail) {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      finished.push(name);
      if (fail) reject(new Error(name + " failed"));
      else resolve(name.toUpperCase());
    }, ms)
  );
}

async function main() {
  // Tasks are created in the order they finish (so a slow start cannot reorder them)
  // and passed to the combinators in another order.
  const b = task("b", 1);
  const c = task("c", 5);
  const a = task("a", 10);
  const all = await Promise.all([a, b, c]);
  console.log("all:", all, "finished:", finished.join(","));
  finished.length = 0;

  const e = task("e", 1);
  const d = task("d", 5, true);
  const settled = await Promise.allSettled([d, e]);
  console.log(settled.map((s) => s.status + ":" + (s.value || s.reason.message)));

  const f = task("f", 1, true);
  const h = task("h", 5);
  const g = task("g", 10);
  const any = await Promise.any([f, g, h]);
  console.log("any:", any, "finished:", finished.join(","));
  await new Promise((r) => setTimeout(r, 10));
  console.log("g finished later:", finished.join(","));
  finished.length = 0;

  try {
    await Promise.all([task("i", 1, true), task("j", 6)]);
  } catch (e) {
    console.log("all rejected early:", e.message, "finished so far:", finished.join(","));
  }
  await new Promise((r) => setTimeout(r, 10));
  console.log("then j:", finished.join(","));
}
main();
