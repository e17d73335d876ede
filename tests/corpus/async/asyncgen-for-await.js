// for await over async generators, with accumulation and nested loops.
async function* range(from, to) {
  for (let i = from; i < to; i++) {
    await new Promise((r) => queueMicrotask(r));
    yield i;
  }
}

async function* map(source, f) {
  for await (const x of source) yield f(x);
}

async function* filter(source, pred) {
  for await (const x of source) if (pred(x)) yield x;
}

async function main() {
  let total = 0;
  for await (const n of range(0, 5)) total += n;
  console.log("total", total);

  const out = [];
  for await (const v of map(filter(range(0, 20), (x) => x % 3 === 0), (x) => x * 10)) out.push(v);
  console.log(out);

  for await (const a of range(0, 2)) {
    for await (const b of range(10, 12)) console.log("pair", a, b);
  }
}
main().then(() => console.log("done"));
