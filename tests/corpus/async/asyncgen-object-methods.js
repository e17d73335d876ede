// Async generator methods on object literals, with this; async generator
// expressions; spreading their results by hand.
const store = {
  items: ["a", "b", "c"],
  async *entries() {
    for (let i = 0; i < this.items.length; i++) {
      await null;
      yield [i, this.items[i]];
    }
  },
  [Symbol.asyncIterator]: async function* () {
    yield "via Symbol.asyncIterator";
  },
};

const letters = async function* named(word) {
  for (const ch of word) yield ch;
};

async function collect(ai) {
  const out = [];
  for await (const x of ai) out.push(x);
  return out;
}

async function main() {
  console.log(await collect(store.entries()));
  console.log((await collect(letters("hey"))).join("-"));
  console.log(letters.name, typeof letters);
  console.log(await collect(store));
  store.items.push("d");
  for await (const [i, v] of store.entries()) if (i > 1) console.log("entry", i, v);
}
main();
