// await inside for, while, do-while, for-of, for-in, with break/continue.
function later(v) {
  return new Promise((r) => queueMicrotask(() => r(v)));
}

async function main() {
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    if (i === 1) continue;
    sum += await later(i);
    if (i === 3) break;
  }
  console.log("for:", sum);

  let n = 0;
  while ((await later(n)) < 4) n++;
  console.log("while:", n);

  let k = 10;
  do {
    k = await later(k - 3);
  } while (k > 0);
  console.log("do-while:", k);

  const words = [];
  for (const w of ["x", "y", "z"]) words.push(await later(w.toUpperCase()));
  console.log("for-of:", words);

  const obj = { a: 1, b: 2, c: 3 };
  const keys = [];
  for (const key in obj) keys.push(key + "=" + (await later(obj[key])));
  console.log("for-in:", keys.join(" "));

  const closures = [];
  for (let i = 0; i < 3; i++) {
    await null;
    closures.push(() => i);
  }
  console.log("closures:", closures.map((f) => f()));

  outer: for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      await null;
      if (j === 2) continue outer;
      if (i === 2) break outer;
      console.log("pair", i, j);
    }
  }
}
main().then(() => console.log("done"));
