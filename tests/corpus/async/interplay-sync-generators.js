// Sync generators inside async functions and async functions inside sync
// generators: each coroutine keeps its own state across the other's suspensions.
function* numbers(n) {
  for (let i = 0; i < n; i++) {
    const reply = yield i;
    if (reply !== undefined) console.log("  generator got reply", reply);
  }
  return "numbers done";
}

function* promises() {
  yield Promise.resolve("first");
  yield new Promise((r) => setTimeout(r, 1, "second"));
  yield "third";
}

function* spawner() {
  for (let i = 0; i < 3; i++) {
    yield (async () => {
      await null;
      return "task " + i;
    })();
  }
}

async function main() {
  const it = numbers(4);
  let r = it.next();
  while (!r.done) {
    const doubled = await Promise.resolve(r.value * 2);
    console.log("value", r.value, "doubled after await", doubled);
    r = it.next(doubled);
  }
  console.log(r.value);

  for (const p of promises()) console.log("awaited", await p);
  console.log(await Promise.all([...spawner()]));

  const g = numbers(3);
  const [a, b] = await Promise.all([g.next().value, (async () => g.next().value)()]);
  console.log("shared generator", a, b, g.next().value);
}
main();
