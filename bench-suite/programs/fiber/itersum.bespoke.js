// itersum without suspension: an explicit iterator state (a counter)
// advanced by a function call per element.
// bench-expect: full=49999995000000 quick=499999500000 test=499500
const N = 10000000; // bench-size quick=1000000 test=1000

const it = { i: 0, n: N };
function next(it) {
  return it.i < it.n ? it.i++ : -1;
}

let sum = 0;
let v = next(it);
while (v >= 0) {
  sum += v;
  v = next(it);
}
console.log(sum);
