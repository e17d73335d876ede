// Spreading generators into arrays and calls, Array.from with and without a map function.
function* g(n) {
  for (let i = 1; i <= n; i++) yield i * 10;
  return "ignored by spread";
}
console.log([...g(4)]);
console.log([0, ...g(2), 99, ...g(0), ...g(1)]);
console.log(Array.from(g(3)));
console.log(Array.from(g(3), (x, i) => x + i));
console.log(Array.from(g(0)), [...g(0)].length);
function sum(...xs) {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length + " args, sum " + s;
}
console.log(sum(...g(5)));
console.log(sum(1, ...g(2), 2, ...g(3)));
console.log(Math.max(...g(7)), Math.min(...g(7)));
function three(a, b, c) {
  return [a, b, c];
}
console.log(three(...g(5)), three(...g(1)));
// Spread of a partially consumed generator continues from where it was.
const it = g(5);
it.next();
it.next();
console.log([...it], [...it]);
// Side effects happen in order while spreading.
const order = [];
function* noisy() {
  order.push("start");
  yield "a";
  order.push("after a");
  yield "b";
  order.push("end");
}
function mark(x) {
  order.push("mark " + x);
  return x;
}
const arr = [mark(1), ...noisy(), mark(2)];
console.log(arr, order);
// Nested spreads and strings.
function* words() {
  yield "hello";
  yield "world";
}
console.log([...words()].map((w) => [...w].reverse().join("")).join(" "));
console.log([..."ab", ...words(), ...[..."cd"]]);
console.log(Array.from({ length: 3 }, (_, i) => [...g(i)]));
const big = [...g(5000)];
console.log(big.length, big[4999]);
