// state without suspension: the computation's two steps as functions of
// an explicit state record (get, then put).
// bench-expect: full=747875 quick=375082463 test=333833500
const N = 5000000; // bench-size quick=500000 test=1000

const cell = { state: N };
function get(c) {
  return c.state;
}
function put(c, x) {
  c.state = x;
}

let acc = 0;
for (;;) {
  const n = get(cell);
  if (n === 0) break;
  acc = (acc + n * n) % 1000000007;
  put(cell, n - 1);
}
console.log(acc);
