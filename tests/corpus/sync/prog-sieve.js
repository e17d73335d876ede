// Sieve of Eratosthenes up to 10,000 with summary statistics and prime gaps.
var LIMIT = 10000;
var composite = [];
for (var i = 0; i <= LIMIT; i++) composite.push(false);
composite[0] = true;
composite[1] = true;
for (var p = 2; p * p <= LIMIT; p++) {
  if (!composite[p]) {
    for (var m = p * p; m <= LIMIT; m += p) composite[m] = true;
  }
}
var primes = [];
for (var n = 2; n <= LIMIT; n++) {
  if (!composite[n]) primes.push(n);
}
console.log("count", primes.length);
console.log("first 25", primes.slice(0, 25));
console.log("last 5", primes.slice(-5));
var sum = primes.reduce(function (a, b) { return a + b; }, 0);
console.log("sum", sum);
var maxGap = 0;
var gapAt = 0;
var gapCounts = {};
for (var k = 1; k < primes.length; k++) {
  var gap = primes[k] - primes[k - 1];
  gapCounts[gap] = (gapCounts[gap] || 0) + 1;
  if (gap > maxGap) {
    maxGap = gap;
    gapAt = primes[k - 1];
  }
}
console.log("max gap", maxGap, "after", gapAt);
console.log(gapCounts);
var twins = 0;
for (var t = 1; t < primes.length; t++) {
  if (primes[t] - primes[t - 1] === 2) twins++;
}
console.log("twin pairs", twins);
var perThousand = [];
for (var b = 0; b < 10; b++) {
  perThousand.push(primes.filter(function (x) { return x >= b * 1000 && x < (b + 1) * 1000; }).length);
}
console.log(perThousand);
function isPrime(x) {
  if (x < 2) return false;
  for (var d = 2; d * d <= x; d++) {
    if (x % d === 0) return false;
  }
  return true;
}
var agree = true;
for (var q = 0; q <= LIMIT; q += 7) {
  if (isPrime(q) !== !composite[q]) agree = false;
}
console.log("trial division agrees", agree);
var digits = primes.filter(function (x) {
  var s = String(x);
  return s === s.split("").reverse().join("");
});
console.log("palindromic primes", digits.length, digits.slice(0, 12));
