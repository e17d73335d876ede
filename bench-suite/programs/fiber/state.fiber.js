// state: a state effect. The computation performs `get` (Fiber.yield(-1))
// and `put(x)` (Fiber.yield(x), x >= 0) and never sees the state itself;
// the handler loop in the main program keeps it. Counts down from N,
// summing: 2N suspensions.
// bench-expect: full=747875 quick=375082463 test=333833500
const N = 5000000; // bench-size quick=500000 test=1000

function countdown() {
  let acc = 0;
  for (;;) {
    const n = Fiber.yield(-1);
    if (n === 0) return acc;
    acc = (acc + n * n) % 1000000007;
    Fiber.yield(n - 1);
  }
}

let state = N;
const f = new Fiber(countdown);
let r = f.resume();
while (!r.done) {
  if (r.value < 0) {
    r = f.resume(state);
  } else {
    state = r.value;
    r = f.resume();
  }
}
console.log(r.value);
