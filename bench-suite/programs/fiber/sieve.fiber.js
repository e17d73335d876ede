// sieve: a chain of prime-filter fibers. A source fiber yields 2, 3, 4, ...;
// every prime found puts a new filter fiber at the head of the chain, which
// resumes the one before it and passes on the numbers its prime does not
// divide. Resumes nest as deep as the chain is long. Prints the sum of the
// first PRIMES primes.
// bench-expect: full=16274627 quick=824693 test=5117
const PRIMES = 2000; // bench-size quick=500 test=50

function naturals() {
  for (let n = 2; ; n++) Fiber.yield(n);
}

function filter(src, p) {
  return new Fiber(function () {
    for (;;) {
      const n = src.resume().value;
      if (n % p !== 0) Fiber.yield(n);
    }
  });
}

let head = new Fiber(naturals);
let sum = 0;
for (let i = 0; i < PRIMES; i++) {
  const p = head.resume().value;
  sum += p;
  head = filter(head, p);
}
console.log(sum);
