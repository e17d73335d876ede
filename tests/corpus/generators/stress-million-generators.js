// 1,000,000 generator objects, each resumed twice and then finished; a checksum of the
// values they produce.
function* pair(i) {
  const a = yield i * 2;
  yield a + i;
  return i % 7;
}
let checksum = 0;
let finished = 0;
for (let i = 0; i < 1000000; i++) {
  const g = pair(i);
  const first = g.next().value;
  const second = g.next(first).value;
  const last = g.next();
  checksum = (checksum + first + second * 3 + last.value) % 1000000007;
  if (last.done) finished++;
}
console.log(finished, checksum);
