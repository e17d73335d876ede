// One generator yielding 1,000,000 times; the consumer keeps a checksum.
function* numbers(n) {
  let x = 1;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield x & 0xffff;
  }
  return "produced " + n;
}
let checksum = 0;
let count = 0;
for (const v of numbers(1000000)) {
  checksum = (checksum * 31 + v) % 1000000007;
  count++;
}
console.log(count, checksum);
// The same through next() directly, with a value sent back each time.
function* echoSum(n) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = yield i;
    total = (total + v) % 1000000007;
  }
  return total;
}
const g = echoSum(1000000);
let r = g.next();
while (!r.done) r = g.next(r.value * 3 + 1);
console.log("echo total", r.value);
