// Awaiting non-promise values of every kind: each takes exactly one tick.
const values = [0, "", "str", null, undefined, true, [1, 2], { a: 1 }, NaN];

async function run(i) {
  const v = await values[i];
  console.log("await", i, "->", v);
  const w = await v;
  console.log("again", i, "->", w);
}

for (let i = 0; i < values.length; i++) run(i);
Promise.resolve().then(() => console.log("then after all first awaits"));
console.log("sync done");
