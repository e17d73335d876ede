// next/return/throw requests issued together on one async generator are
// served in order, each waiting for the previous one.
async function* ag() {
  try {
    yield 1;
    yield 2;
  } finally {
    console.log("ag finally");
  }
}

function describe(results) {
  return results.map((r) =>
    r.status === "fulfilled" ? "ok " + JSON.stringify(r.value) : "rejected " + r.reason.message
  );
}

async function main() {
  const g = ag();
  console.log(JSON.stringify(await g.next()));
  const [a, b] = await Promise.all([g.return("x"), g.next()]);
  console.log(JSON.stringify(a), JSON.stringify(b));

  const h = ag();
  console.log(describe(await Promise.allSettled([h.next(), h.throw(new Error("t")), h.next()])));

  const k = ag();
  console.log(describe(await Promise.allSettled([k.throw(new Error("t0")), k.next(), k.return(5)])));

  const m = ag();
  console.log(describe(await Promise.allSettled([m.next(), m.next(), m.next(), m.next()])));
}
main();
