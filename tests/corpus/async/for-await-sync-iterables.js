// for await over sync iterables: arrays of promises and of plain values,
// generators, strings; each element is awaited in order.
function sleep(ms, v) {
  return new Promise((r) => setTimeout(r, ms, v));
}

function* syncGen() {
  yield "g1";
  yield Promise.resolve("g2 (promise)");
  yield "g3";
}

async function main() {
  // The slow first element delays the rest even though they are ready.
  for await (const v of [sleep(6, "slow"), "plain", Promise.resolve("ready"), sleep(1, "quick")]) {
    console.log("array:", v);
  }
  for await (const v of [1, 2, 3]) console.log("plain value", v);
  for await (const v of syncGen()) console.log("sync generator:", v);
  let s = "";
  for await (const ch of "héllo") s = ch + s;
  console.log("reversed:", s);
  for await (const [k, v] of Object.entries({ a: 1, b: Promise.resolve(2) })) console.log("entry", k, v);
  try {
    for await (const v of [Promise.resolve(1), Promise.reject(new Error("element rejected"))]) {
      console.log("got", v);
    }
  } catch (e) {
    console.log("caught:", e.message);
  }
}
main();
