// c10m with generators: the same connections as c10m.fiber.js, each served
// by a generator (the suspension is in the generator's own body, so
// generators can express it).
// bench-expect: full=749063712 quick=129647707 test=623788360
const TOTAL = 10010000; // bench-size quick=1001000 test=10100
const WINDOW = 10000; // bench-size quick=1000 test=100
const BUF = 512;

const buffers = [];
for (let s = 0; s < WINDOW; s++) {
  const b = [];
  for (let k = 0; k < BUF; k++) b.push(k);
  buffers.push(b);
}

function* handle(id) {
  const slot = id % WINDOW;
  const a = id * 3 + 1;
  const b = id & 1023;
  const c = (id >> 3) % 7;
  const req = yield slot;
  const buf = buffers[slot];
  let s = a + b + c + req;
  for (let k = id & 31; k < BUF; k += 32) {
    const x = (buf[k] + req + k) & 65535;
    buf[k] = x;
    s += x;
  }
  return s % 1000003;
}

const alive = [];
let sum = 0;
function accept(id) {
  const g = handle(id);
  sum += g.next().value;
  return g;
}
for (let i = 0; i < WINDOW; i++) alive.push(accept(i));
for (let i = WINDOW; i < TOTAL + WINDOW; i++) {
  const slot = i % WINDOW;
  const r = alive[slot].next(i & 255);
  if (!r.done) throw new Error("connection did not finish");
  sum = (sum + r.value) % 1000000007;
  if (i < TOTAL) alive[slot] = accept(i);
}
console.log(sum);
