// Infinite generators consumed with a take helper, and lazy combinators over them.
function* naturals(from) {
  let n = from;
  while (true) yield n++;
}
function* take(n, it) {
  if (n <= 0) return;
  for (const x of it) {
    yield x;
    if (--n <= 0) return;
  }
}
function* map(f, it) {
  for (const x of it) yield f(x);
}
function* filter(p, it) {
  for (const x of it) if (p(x)) yield x;
}
function* repeat(v) {
  while (true) yield v;
}
function* cycle(arr) {
  while (true) yield* arr;
}
console.log([...take(10, naturals(0))]);
console.log([...take(5, naturals(100))]);
console.log([...take(0, naturals(0))]);
console.log([...take(8, map((x) => x * x, naturals(1)))]);
console.log([...take(6, filter((x) => x % 7 === 3, naturals(0)))]);
console.log([...take(4, repeat("r"))]);
console.log(take(7, cycle(["a", "b", "c"])).next(), [...take(7, cycle(["a", "b", "c"]))].join(""));

// take closes the infinite source when done.
function* noisy() {
  let i = 0;
  try {
    while (true) yield i++;
  } finally {
    console.log("noisy closed at", i);
  }
}
console.log([...take(3, noisy())]);
const t = take(2, noisy());
console.log(t.next(), t.next(), t.next());
// Sum of the first 1000 odd squares via a lazy pipeline.
let sum = 0;
for (const x of take(1000, map((x) => x * x, filter((x) => x % 2 === 1, naturals(0))))) sum += x;
console.log("sum", sum);
