// Baseline for gen-for-of.js: the same sum without a generator.
let sum = 0;
for (let i = 0; i < 10000000; i++) sum = (sum + i) % 1000000007;
console.log(sum);
