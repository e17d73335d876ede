// bench-units: 1000000 generators
// 1,000,000 generators, each created, resumed twice and finished.
function* pair(a) {
  yield a;
  yield a + 1;
}
let total = 0;
for (let i = 0; i < 1000000; i++) {
  const g = pair(i);
  total += g.next().value;
  total += g.next().value;
  if (!g.next().done) throw new Error("generator did not finish");
  total %= 1000000007;
}
console.log(total);
