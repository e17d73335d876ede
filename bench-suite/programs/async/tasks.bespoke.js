// tasks without suspension: T task records stepped round-robin, 100 steps
// each, in the order the microtask queue interleaves the async version.
// bench-expect: full=99495000 quick=5449500 test=49545
const T = 10000; // bench-size quick=1000 test=10

const accs = [];
for (let t = 0; t < T; t++) accs.push(t);
for (let i = 0; i < 100; i++) {
  for (let t = 0; t < T; t++) accs[t] = (accs[t] + i) % 1000003;
}
let sum = 0;
for (const r of accs) sum += r;
console.log(sum);
