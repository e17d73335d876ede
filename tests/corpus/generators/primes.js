// Prime generators: trial division, an incremental sieve, and twin primes built on top.
function* primesTrial() {
  const found = [];
  for (let n = 2; ; n++) {
    let isPrime = true;
    for (const p of found) {
      if (p * p > n) break;
      if (n % p === 0) {
        isPrime = false;
        break;
      }
    }
    if (isPrime) {
      found.push(n);
      yield n;
    }
  }
}
function* primesSieve() {
  const composites = {};
  for (let n = 2; ; n++) {
    const factors = composites[n];
    if (factors === undefined) {
      composites[n * n] = [n];
      yield n;
    } else {
      for (const p of factors) {
        const next = n + p;
        if (composites[next] === undefined) composites[next] = [p];
        else composites[next].push(p);
      }
      delete composites[n];
    }
  }
}
function take(n, it) {
  const out = [];
  for (const x of it) {
    if (out.length >= n) break;
    out.push(x);
  }
  return out;
}
const a = take(50, primesTrial());
const b = take(50, primesSieve());
console.log(a);
console.log(a.join() === b.join(), a[49], b[49]);
function* twins(primes) {
  let prev = primes.next().value;
  for (const p of primes) {
    if (p - prev === 2) yield [prev, p];
    prev = p;
  }
}
console.log(JSON.stringify(take(12, twins(primesSieve()))));
let count = 0;
let sum = 0;
for (const p of primesSieve()) {
  if (p > 10000) break;
  count++;
  sum += p;
}
console.log("primes below 10000:", count, "sum", sum);
function* factorize(n) {
  for (const p of primesTrial()) {
    if (p * p > n) break;
    while (n % p === 0) {
      yield p;
      n = n / p;
    }
  }
  if (n > 1) yield n;
}
for (const n of [2, 12, 97, 360, 1001, 65536, 999983, 123456789]) console.log(n, [...factorize(n)].join("*"));
