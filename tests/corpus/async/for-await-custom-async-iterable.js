// for await over a hand-written async iterator object (Symbol.asyncIterator),
// including its return() on break.
function countdown(n) {
  return {
    [Symbol.asyncIterator]() {
      let k = n;
      return {
        next() {
          if (k === 0) return Promise.resolve({ value: undefined, done: true });
          k--;
          return new Promise((r) => queueMicrotask(() => r({ value: k + 1, done: false })));
        },
        return() {
          console.log("return() called at", k);
          return Promise.resolve({ done: true });
        },
      };
    },
  };
}

async function main() {
  const all = [];
  for await (const v of countdown(4)) all.push(v);
  console.log("all:", all);
  for await (const v of countdown(10)) {
    console.log("got", v);
    if (v === 8) break;
  }
  // An async iterable whose next returns a plain (non-promise) result object.
  const syncish = {
    [Symbol.asyncIterator]() {
      let i = 0;
      return { next: () => ({ value: i++, done: i > 3 }) };
    },
  };
  for await (const v of syncish) console.log("syncish", v);
}
main();
