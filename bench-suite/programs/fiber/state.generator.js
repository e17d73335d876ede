// state with a generator: the same state-effect loop as state.fiber.js,
// `get` as `yield -1` and `put(x)` as `yield x`.
// bench-expect: full=747875 quick=375082463 test=333833500
const N = 5000000; // bench-size quick=500000 test=1000

function* countdown() {
  let acc = 0;
  for (;;) {
    const n = yield -1;
    if (n === 0) return acc;
    acc = (acc + n * n) % 1000000007;
    yield n - 1;
  }
}

let state = N;
const g = countdown();
let r = g.next();
while (!r.done) {
  if (r.value < 0) {
    r = g.next(state);
  } else {
    state = r.value;
    r = g.next();
  }
}
console.log(r.value);
