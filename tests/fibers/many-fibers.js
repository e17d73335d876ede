// Many fibers: 200,000 created, resumed to a yield at depth 3, finished
// one after the other (each finished fiber's coroutine and shadow stack go
// back to the pools at once, so this needs the memory of one); then 5,000
// alive at once, suspended at depth 5 and finished in reverse order.
let failures = 0;
function check(label, actual, expected) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a === e) console.log("ok " + label);
  else {
    failures++;
    console.log("FAIL " + label + ": " + a + " !== " + e);
  }
}

function down(n, v) {
  if (n === 0) return Fiber.yield(v);
  return down(n - 1, v) + 1;
}
function body(x) {
  return down(3, x) * 2;
}
const N = 200000;
let sum = 0;
let yielded = 0;
for (let i = 0; i < N; i++) {
  const f = new Fiber(body);
  const a = f.resume(i);
  yielded += a.value;
  const b = f.resume(a.value + 1);
  if (!b.done) throw new Error("not done");
  sum += b.value;
}
// fiber i yields i, gets i + 1, returns 2 * (i + 1 + 3).
check("yielded", yielded, (N * (N - 1)) / 2);
check("sum", sum, 2 * ((N * (N - 1)) / 2 + 4 * N));

const M = 5000;
const alive = [];
for (let i = 0; i < M; i++) {
  const f = new Fiber(function (x) {
    const y = down(5, x);
    return down(5, y + x);
  });
  f.resume(i);
  alive.push(f);
}
let total = 0;
for (let i = M - 1; i >= 0; i--) total += alive[i].resume(i).value;
// second yield: i + 5 + i (down adds 5 on the way back)
check("second yields", total, 2 * ((M * (M - 1)) / 2) + 5 * M);
let finished = 0;
for (let i = 0; i < M; i++) {
  const r = alive[i].resume(1);
  if (r.done && r.value === 6) finished++;
}
check("all finished", finished, M);
console.log(failures === 0 ? "all ok" : failures + " failures");
