// A worker pool that runs at most 3 tasks at a time (a semaphore built on
// promises); tasks take a varying number of ticks.
function makeSemaphore(limit) {
  let active = 0;
  const waiting = [];
  return {
    async acquire() {
      if (active < limit) {
        active++;
        return;
      }
      await new Promise((resolve) => waiting.push(resolve));
      active++;
    },
    release() {
      active--;
      if (waiting.length > 0) waiting.shift()();
    },
  };
}

const sem = makeSemaphore(3);
let maxSeen = 0;
let running = 0;

async function job(id, ticks) {
  await sem.acquire();
  running++;
  maxSeen = Math.max(maxSeen, running);
  console.log("start", id, "running", running);
  for (let i = 0; i < ticks; i++) await null;
  running--;
  console.log("end", id);
  sem.release();
  return id * ticks;
}

const durations = [5, 1, 3, 2, 4, 1, 2, 3];
Promise.all(durations.map((t, i) => job(i, t))).then((results) => {
  console.log("results", results);
  console.log("max concurrently running", maxSeen);
});
