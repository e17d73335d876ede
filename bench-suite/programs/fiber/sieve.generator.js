// sieve with generators: the same chain of prime filters as
// sieve.fiber.js, each filter a generator calling next() on the one before.
// bench-expect: full=16274627 quick=824693 test=5117
const PRIMES = 2000; // bench-size quick=500 test=50

function* naturals() {
  for (let n = 2; ; n++) yield n;
}

function* filter(src, p) {
  for (;;) {
    const n = src.next().value;
    if (n % p !== 0) yield n;
  }
}

let head = naturals();
let sum = 0;
for (let i = 0; i < PRIMES; i++) {
  const p = head.next().value;
  sum += p;
  head = filter(head, p);
}
console.log(sum);
