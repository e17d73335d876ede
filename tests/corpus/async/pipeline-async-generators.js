// A pipeline of async generator stages with backpressure: each stage pulls
// from the previous one only when asked.
async function* numbers(n) {
  for (let i = 1; i <= n; i++) {
    console.log("  numbers yields", i);
    yield i;
  }
}
async function* batches(source, size) {
  let batch = [];
  for await (const x of source) {
    batch.push(x);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
async function* sums(source) {
  for await (const b of source) {
    await new Promise((r) => setTimeout(r, 1));
    yield b.reduce((a, c) => a + c, 0);
  }
}

async function main() {
  for await (const s of sums(batches(numbers(7), 3))) console.log("batch sum", s);
}
main().then(() => console.log("pipeline done"));
