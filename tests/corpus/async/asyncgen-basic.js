// Async generators: next() returns promises; awaits inside; yield awaits its operand.
async function* counter(limit) {
  console.log("counter started");
  for (let i = 0; i < limit; i++) {
    await null;
    yield i;
  }
  return "finished";
}

async function* yieldsPromises() {
  yield Promise.resolve("unwrapped");
  const got = yield "second";
  console.log("received", got);
}

async function main() {
  const g = counter(3);
  console.log("created; nothing ran yet");
  const r1 = await g.next();
  console.log(r1.value, r1.done);
  console.log(JSON.stringify(await g.next()));
  console.log(JSON.stringify(await g.next()));
  console.log(JSON.stringify(await g.next()));
  console.log(JSON.stringify(await g.next()));

  const h = yieldsPromises();
  console.log(JSON.stringify(await h.next()));
  console.log(JSON.stringify(await h.next()));
  console.log(JSON.stringify(await h.next("sent in")));
  console.log(typeof h.next, typeof h[Symbol.asyncIterator], h[Symbol.asyncIterator]() === h);
}
main();
