// bench-units: 10000000 yields
// for-of over a generator yielding 10,000,000 numbers.
function* count(n) {
  for (let i = 0; i < n; i++) yield i;
}
let sum = 0;
for (const x of count(10000000)) sum = (sum + x) % 1000000007;
console.log(sum);
