// A small lazy sequence library built on generators, with a fluent wrapper.
function seq(iterable) {
  return {
    [Symbol.iterator]: () => iterable[Symbol.iterator](),
    map: (f) =>
      seq(
        (function* () {
          let i = 0;
          for (const x of iterable) yield f(x, i++);
        })()
      ),
    filter: (p) =>
      seq(
        (function* () {
          for (const x of iterable) if (p(x)) yield x;
        })()
      ),
    take: (n) =>
      seq(
        (function* () {
          if (n <= 0) return;
          let i = 0;
          for (const x of iterable) {
            yield x;
            if (++i >= n) return;
          }
        })()
      ),
    skip: (n) =>
      seq(
        (function* () {
          let i = 0;
          for (const x of iterable) if (i++ >= n) yield x;
        })()
      ),
    takeWhile: (p) =>
      seq(
        (function* () {
          for (const x of iterable) {
            if (!p(x)) return;
            yield x;
          }
        })()
      ),
    zip: (other) =>
      seq(
        (function* () {
          const a = iterable[Symbol.iterator]();
          const b = other[Symbol.iterator]();
          while (true) {
            const x = a.next();
            const y = b.next();
            if (x.done || y.done) return;
            yield [x.value, y.value];
          }
        })()
      ),
    reduce: (f, init) => {
      let acc = init;
      for (const x of iterable) acc = f(acc, x);
      return acc;
    },
    toArray: () => [...iterable],
  };
}
function* count(from = 0, step = 1) {
  for (let i = from; ; i += step) yield i;
}
console.log(seq(count()).map((x) => x * x).filter((x) => x % 3 === 1).take(8).toArray());
console.log(seq(count(1)).skip(5).take(5).toArray());
console.log(seq(count(1)).takeWhile((x) => x * x < 50).toArray());
console.log(seq("abcdef").zip(count(100, 10)).toArray());
console.log(seq(count(1)).take(100).reduce((a, b) => a + b, 0));
console.log(seq([3, 1, 4, 1, 5, 9, 2, 6]).map((x, i) => x * i).toArray());
const collatz = (n) =>
  seq(
    (function* () {
      while (true) {
        yield n;
        if (n === 1) return;
        n = n % 2 === 0 ? n / 2 : 3 * n + 1;
      }
    })()
  );
console.log(collatz(27).toArray().length, collatz(6).toArray().join("->"));
let best = [0, 0];
for (const n of seq(count(1)).take(3000)) {
  const len = collatz(n).reduce((a) => a + 1, 0);
  if (len > best[1]) best = [n, len];
}
console.log("longest collatz below 3001:", best);
const words = seq(["generators", "are", "lazy", "and", "composable", "sequences"]);
console.log(words.filter((w) => w.length > 3).map((w) => w.toUpperCase()).toArray().join(" "));
