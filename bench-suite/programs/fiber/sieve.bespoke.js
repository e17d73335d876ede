// sieve without suspension: the same divisions as the chain of filters
// (each candidate tried against the primes in the order the filters were
// created, until one divides it), as a loop over an array of primes.
// bench-expect: full=16274627 quick=824693 test=5117
const PRIMES = 2000; // bench-size quick=500 test=50

const primes = [];
let sum = 0;
for (let n = 2; primes.length < PRIMES; n++) {
  let passes = true;
  for (let k = 0; k < primes.length; k++) {
    if (n % primes[k] === 0) {
      passes = false;
      break;
    }
  }
  if (passes) {
    primes.push(n);
    sum += n;
  }
}
console.log(sum);
