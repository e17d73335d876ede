// itersum: a fiber yields 0, 1, ..., N-1; the main program sums them.
// bench-expect: full=49999995000000 quick=499999500000 test=499500
const N = 10000000; // bench-size quick=1000000 test=1000

function count(n) {
  for (let i = 0; i < n; i++) Fiber.yield(i);
  return 0;
}

const f = new Fiber(count);
let sum = 0;
let r = f.resume(N);
while (!r.done) {
  sum += r.value;
  r = f.resume();
}
console.log(sum);
