// User-defined iterables: [Symbol.iterator]() returning an object with next() and
// optionally return(), consumed by for-of, spread, destructuring and yield*.
function range(lo, hi, step) {
  return {
    [Symbol.iterator]() {
      let cur = lo;
      return {
        next() {
          if (cur < hi) {
            const v = cur;
            cur += step;
            return { value: v, done: false };
          }
          return { value: undefined, done: true };
        },
      };
    },
  };
}
console.log([...range(0, 10, 3)]);
let total = 0;
for (const x of range(1, 101, 1)) total += x;
console.log(total);
const [a, b] = range(5, 50, 5);
console.log(a, b);

function closable(name, items) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      console.log(name, "iterator created");
      return {
        next() {
          return i < items.length ? { value: items[i++], done: false } : { done: true };
        },
        return(v) {
          console.log(name, "return() called with", v, "at", i);
          return { value: v, done: true };
        },
      };
    },
  };
}
for (const x of closable("loop", [1, 2, 3, 4])) {
  if (x === 2) break;
  console.log("x", x);
}
for (const x of closable("full", [1, 2])) console.log("y", x);
const [p] = closable("destructure", ["p", "q"]);
console.log(p);
const [q1, q2] = closable("exact", ["q1", "q2"]);
console.log(q1, q2);
function* delegating() {
  yield* closable("delegate", ["d1", "d2", "d3"]);
}
const d = delegating();
console.log(d.next(), d.return("R"), d.next());
// The iterator object can itself be the iterable.
const selfIter = {
  n: 0,
  [Symbol.iterator]() {
    return this;
  },
  next() {
    this.n++;
    return { value: this.n, done: this.n > 3 };
  },
};
console.log([...selfIter], selfIter.n);
// done without a value property, extra properties ignored.
const odd = {
  [Symbol.iterator]() {
    let k = 0;
    return { next: () => (k++ < 2 ? { value: k, done: false, extra: "x" } : { done: true }) };
  },
};
console.log(Array.from(odd), [...odd].length);
// A generator object is an iterable of itself; a partially consumed one continues.
function* letters() {
  yield* "wxyz";
}
const l = letters();
l.next();
console.log([...l], [...l]);
