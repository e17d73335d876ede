// Fibonacci generators: plain, bounded, resettable via next(true), and with index pairs.
function* fib() {
  let a = 0;
  let b = 1;
  while (true) {
    yield a;
    const t = a + b;
    a = b;
    b = t;
  }
}
const f = fib();
const first = [];
for (let i = 0; i < 20; i++) first.push(f.next().value);
console.log(first);

function* fibUpTo(limit) {
  let [a, b] = [0, 1];
  while (a <= limit) {
    yield a;
    [a, b] = [b, a + b];
  }
  return "stopped above " + limit;
}
console.log([...fibUpTo(1000)].join(","));
const g = fibUpTo(5);
let r;
while (!(r = g.next()).done) console.log("fib", r.value);
console.log(r.value);

function* resettable() {
  let a = 0;
  let b = 1;
  while (true) {
    const reset = yield a;
    if (reset) {
      a = 0;
      b = 1;
    } else {
      [a, b] = [b, a + b];
    }
  }
}
const rs = resettable();
const seen = [];
for (let i = 0; i < 15; i++) seen.push(rs.next(i === 7 || i === 11).value);
console.log(seen.join(" "));

function* indexed(it) {
  let i = 0;
  for (const v of it) yield [i++, v];
}
for (const [i, v] of indexed(fibUpTo(100))) if (i % 3 === 0) console.log(i, v);
let evenSum = 0;
for (const v of fibUpTo(4000000)) if (v % 2 === 0) evenSum += v;
console.log("even sum", evenSum);
const big = fib();
let last;
for (let i = 0; i <= 78; i++) last = big.next().value;
console.log("fib(78)", last);
