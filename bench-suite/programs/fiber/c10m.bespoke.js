// c10m without suspension: each connection is an explicit state machine
// whose live values (what a fiber keeps across its suspension) sit in the
// window slot's fields; nothing is allocated per connection.
// bench-expect: full=749063712 quick=129647707 test=623788360
const TOTAL = 10010000; // bench-size quick=1001000 test=10100
const WINDOW = 10000; // bench-size quick=1000 test=100
const BUF = 512;

const buffers = [];
const ids = [];
const as = [];
const bs = [];
const cs = [];
for (let s = 0; s < WINDOW; s++) {
  const b = [];
  for (let k = 0; k < BUF; k++) b.push(k);
  buffers.push(b);
  ids.push(0);
  as.push(0);
  bs.push(0);
  cs.push(0);
}

// The part before the suspension: returns what the fiber yields.
function start(id) {
  const slot = id % WINDOW;
  ids[slot] = id;
  as[slot] = id * 3 + 1;
  bs[slot] = id & 1023;
  cs[slot] = (id >> 3) % 7;
  return slot;
}

// The part after it: the request arrives.
function finish(slot, req) {
  const id = ids[slot];
  const buf = buffers[slot];
  let s = as[slot] + bs[slot] + cs[slot] + req;
  for (let k = id & 31; k < BUF; k += 32) {
    const x = (buf[k] + req + k) & 65535;
    buf[k] = x;
    s += x;
  }
  return s % 1000003;
}

let sum = 0;
for (let i = 0; i < WINDOW; i++) sum += start(i);
for (let i = WINDOW; i < TOTAL + WINDOW; i++) {
  const slot = i % WINDOW;
  sum = (sum + finish(slot, i & 255)) % 1000000007;
  if (i < TOTAL) sum += start(i);
}
console.log(sum);
