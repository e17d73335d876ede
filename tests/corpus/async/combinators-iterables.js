// Combinators accept any iterable: generators, strings, user-defined iterables.
function* gen() {
  yield 1;
  yield Promise.resolve(2);
  yield new Promise((r) => setTimeout(r, 1, 3));
}

async function main() {
  console.log(await Promise.all(gen()));
  console.log(await Promise.all("abc"));
  const iterable = {
    [Symbol.iterator]() {
      let i = 0;
      return { next: () => (i < 2 ? { value: i++ === 0 ? Promise.resolve("x") : "y", done: false } : { done: true }) };
    },
  };
  console.log(await Promise.all(iterable));
  console.log(await Promise.any(iterable));
  console.log(await Promise.race(gen()));
  const settled = await Promise.allSettled(gen());
  console.log(settled.map((s) => s.value));
  try {
    await Promise.all(5);
  } catch (e) {
    console.log("not iterable:", e instanceof TypeError);
  }
}
main();
