// Calling next() several times without waiting queues the requests; they
// resolve in order.
async function* slow() {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 1));
    console.log("producing", i);
    yield i;
  }
}

async function main() {
  const g = slow();
  const ps = [g.next(), g.next(), g.next(), g.next(), g.return("bye"), g.next()];
  ps.forEach((p, i) => p.then((r) => console.log("request", i, "->", JSON.stringify(r))));
  await Promise.all(ps);
  console.log("all settled");
}
main();
