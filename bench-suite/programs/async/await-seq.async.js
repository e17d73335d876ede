// await throughput: one async function awaits N times in a row
// (alternately an already-resolved promise and a plain value).
// bench-expect: full=250000500000 quick=2500050000 test=250500
const N = 1000000; // bench-size quick=100000 test=1000

const resolved = Promise.resolve(1);
async function run(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += i & 1 ? await i : await resolved;
  }
  return sum;
}
run(N).then((s) => console.log(s));
