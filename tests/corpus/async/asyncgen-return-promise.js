// return(v) on an async generator awaits v; a rejected v rejects; return inside
// the generator body also awaits its operand.
async function* g() {
  try {
    yield 1;
    yield 2;
  } finally {
    console.log("g finally");
  }
}
async function* returnsPromise() {
  yield "x";
  return Promise.resolve("awaited return value");
}
async function* returnsRejected() {
  yield "y";
  return Promise.reject(new Error("rejected return value"));
}

async function main() {
  const a = g();
  await a.next();
  console.log(JSON.stringify(await a.return(Promise.resolve("promised"))));

  const b = g();
  try {
    await b.return(Promise.reject(new Error("return of rejected promise")));
  } catch (e) {
    console.log("b.return rejected:", e.message);
  }
  console.log(JSON.stringify(await b.next()));

  const c = returnsPromise();
  await c.next();
  console.log(JSON.stringify(await c.next()));

  const d = returnsRejected();
  await d.next();
  try {
    await d.next();
  } catch (e) {
    console.log("d rejected:", e.message);
  }
  console.log(JSON.stringify(await d.next()));
}
main();
