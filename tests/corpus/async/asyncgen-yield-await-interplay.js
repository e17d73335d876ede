// Async generators mixing yield and await: yield await p, await of the value
// received from next(v), yield inside finally during return().
async function* conversation() {
  const name = await (yield "who?");
  const greeting = yield await Promise.resolve("hello " + name);
  console.log("  generator received", greeting);
  try {
    yield "last regular";
  } finally {
    console.log("  finally starts");
    const extra = yield "yielded from finally";
    console.log("  finally got", extra);
  }
}

async function main() {
  const g = conversation();
  console.log(JSON.stringify(await g.next()));
  console.log(JSON.stringify(await g.next(Promise.resolve("world"))));
  console.log(JSON.stringify(await g.next("thanks")));
  console.log(JSON.stringify(await g.return("stop")));
  console.log(JSON.stringify(await g.next("extra value")));
  console.log(JSON.stringify(await g.next()));
}
main();
