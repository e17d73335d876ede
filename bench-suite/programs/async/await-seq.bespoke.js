// await-seq without suspension: the same loop, each step a plain call that
// returns the value the await would produce.
// bench-expect: full=250000500000 quick=2500050000 test=250500
const N = 1000000; // bench-size quick=100000 test=1000

const resolved = { value: 1 };
function take(v) {
  return typeof v === "number" ? v : v.value;
}
function run(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += i & 1 ? take(i) : take(resolved);
  }
  return sum;
}
console.log(run(N));
