// When a combinator's iteration fails (an element's then throws), the
// combinator closes the iterator (calls its return()) and rejects; a
// non-callable Promise.resolve or a non-object this are TypeErrors.
function source(label, items) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next: () => (i < items.length ? { value: items[i++], done: false } : { value: undefined, done: true }),
        return() {
          console.log(label, "iterator closed at", i);
          return {};
        },
      };
    },
  };
}
const bad = Promise.resolve(1);
bad.then = () => { throw new Error("then threw"); };
async function main() {
  for (const name of ["all", "allSettled", "any", "race"]) {
    try {
      await Promise[name](source(name, [1, bad, 3]));
      console.log(name, "resolved");
    } catch (e) {
      console.log(name, "rejected:", e.message);
    }
  }
  const orig = Promise.resolve;
  Promise.resolve = 5;
  try { await Promise.all([1]); } catch (e) { console.log("resolve not callable:", e.constructor.name, e.message); }
  Promise.resolve = orig;
  try { await Promise.all.call(undefined, []); } catch (e) { console.log("all on undefined:", e.constructor.name, e.message); }
}
main();
