// T concurrent async tasks, each awaiting 100 times (interleaved by the
// microtask queue), joined with Promise.all.
// bench-expect: full=99495000 quick=5449500 test=49545
const T = 10000; // bench-size quick=1000 test=10

async function task(id) {
  let acc = id;
  for (let i = 0; i < 100; i++) {
    acc = (acc + (await i)) % 1000003;
  }
  return acc;
}
const tasks = [];
for (let t = 0; t < T; t++) tasks.push(task(t));
Promise.all(tasks).then((results) => {
  let sum = 0;
  for (const r of results) sum += r;
  console.log(sum);
});
