// return() and throw() on async generators: at start, suspended in try/finally,
// and after completion.
async function* g() {
  try {
    console.log("g: before first yield");
    yield 1;
    console.log("g: after first yield");
    yield 2;
  } catch (e) {
    console.log("g: caught", e.message);
    yield "from catch";
  } finally {
    console.log("g: finally");
    await null;
    console.log("g: finally after await");
  }
}

function show(r) {
  return JSON.stringify(r);
}

async function main() {
  const a = g();
  console.log("return at start:", show(await a.return("early")));
  console.log("next after:", show(await a.next()));

  const b = g();
  await b.next();
  console.log("return while suspended:", show(await b.return("r")));
  console.log("next after:", show(await b.next()));

  const c = g();
  await c.next();
  console.log("throw while suspended:", show(await c.throw(new Error("boom"))));
  console.log("next:", show(await c.next()));

  const d = g();
  try {
    await d.throw(new Error("at start"));
  } catch (e) {
    console.log("throw at start rejects:", e.message);
  }
  const e = g();
  await e.next();
  await e.next();
  await e.next();
  console.log("return after completion:", show(await e.return(7)));
  try {
    await e.throw(new Error("after completion"));
  } catch (err) {
    console.log("throw after completion rejects:", err.message);
  }
}
main();
