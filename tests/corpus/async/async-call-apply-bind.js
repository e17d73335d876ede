// Async functions through call/apply/bind, as callbacks and stored in objects.
async function describe(prefix, suffix) {
  await null;
  return prefix + this.name + suffix;
}

const alice = { name: "alice" };
const bob = { name: "bob", describe };

async function main() {
  console.log(await describe.call(alice, "<", ">"));
  console.log(await describe.apply(bob, ["[", "]"]));
  const bound = describe.bind(alice, "bound:");
  console.log(await bound("!"));
  console.log(await bob.describe("method ", "."));
  const fns = { a: async (x) => x + 1, b: async (x) => (await fns.a(x)) * 2 };
  console.log(await fns.b(4));
  const curry = (a) => async (b) => async (c) => a + b + c;
  console.log(await (await (await curry(1))(2))(3));
}
main();
