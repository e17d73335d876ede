// A producer/consumer pipeline between async functions over a hand-written
// async queue (put/take with waiting takers).
function makeQueue() {
  const items = [];
  const takers = [];
  return {
    put(v) {
      if (takers.length > 0) takers.shift()(v);
      else items.push(v);
    },
    take() {
      if (items.length > 0) return Promise.resolve(items.shift());
      return new Promise((resolve) => takers.push(resolve));
    },
  };
}

const raw = makeQueue();
const squared = makeQueue();
const DONE = "DONE";

async function producer() {
  for (let i = 1; i <= 6; i++) {
    if (i % 2 === 0) await new Promise((r) => setTimeout(r, 1));
    console.log("produce", i);
    raw.put(i);
  }
  raw.put(DONE);
}

async function transformer() {
  for (;;) {
    const v = await raw.take();
    if (v === DONE) break;
    console.log("square", v);
    squared.put(v * v);
  }
  squared.put(DONE);
}

async function consumer() {
  let sum = 0;
  for (;;) {
    const v = await squared.take();
    if (v === DONE) break;
    console.log("consume", v);
    sum += v;
  }
  return sum;
}

const result = consumer();
transformer();
producer();
result.then((sum) => console.log("sum of squares", sum));
