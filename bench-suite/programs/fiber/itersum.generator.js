// itersum with a generator: yields 0, 1, ..., N-1; the main program sums
// them, calling next() as the fiber variant calls resume().
// bench-expect: full=49999995000000 quick=499999500000 test=499500
const N = 10000000; // bench-size quick=1000000 test=1000

function* count(n) {
  for (let i = 0; i < n; i++) yield i;
  return 0;
}

const g = count(N);
let sum = 0;
let r = g.next();
while (!r.done) {
  sum += r.value;
  r = g.next();
}
console.log(sum);
