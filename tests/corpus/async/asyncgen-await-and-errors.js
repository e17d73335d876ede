// Errors inside async generators: a rejected await, a yielded rejected promise,
// a throw; each rejects the pending next() and finishes the generator.
async function* awaitsRejection() {
  yield "ok";
  await Promise.reject(new Error("awaited rejection"));
  yield "never";
}
async function* yieldsRejection() {
  try {
    yield Promise.reject(new Error("yielded rejection"));
  } catch (e) {
    console.log("caught inside generator:", e.message);
    yield "recovered";
  }
}
async function* throws() {
  yield 1;
  throw new TypeError("plain throw");
}

async function drain(name, g) {
  const seen = [];
  try {
    for (let i = 0; i < 5; i++) {
      const r = await g.next();
      if (r.done) break;
      seen.push(r.value);
    }
    console.log(name, "completed", seen);
  } catch (e) {
    console.log(name, "rejected", e.message, "after", seen);
  }
  console.log(name, "next after end:", JSON.stringify(await g.next()));
}

async function main() {
  await drain("awaitsRejection", awaitsRejection());
  await drain("yieldsRejection", yieldsRejection());
  await drain("throws", throws());
}
main();
