// User-defined iterables and iterators: for-of, spread, destructuring and
// yield* call [Symbol.iterator]() and next(), and close the iterator with
// return() when they stop early (break, return, throw, a pattern that does
// not exhaust it) -- but not when it finished or its next() threw.
function range(lo, hi, log) {
  return {
    [Symbol.iterator]() {
      let i = lo;
      log.push("open");
      return {
        next(arg) {
          if (arg !== undefined) log.push("next(" + arg + ")");
          return i < hi ? { value: i++, done: false } : { value: "ret", done: true };
        },
        return(v) {
          log.push("return(" + v + ")");
          return { value: v, done: true };
        },
      };
    },
  };
}

let log = [];
for (const x of range(0, 3, log)) log.push(x);
console.log(log.join(" "));

log = [];
for (const x of range(0, 10, log)) {
  if (x === 2) break;
  log.push(x);
}
console.log(log.join(" "));

log = [];
function findFirst(pred) {
  for (const x of range(0, 10, log)) if (pred(x)) return x;
}
console.log(findFirst((x) => x > 4), log.join(" "));

log = [];
try {
  for (const x of range(0, 10, log)) {
    if (x === 1) throw new Error("stop at 1");
  }
} catch (e) {
  console.log(e.message, log.join(" "));
}

log = [];
outer: for (const x of range(0, 3, log)) {
  for (const y of range(0, 3, log)) {
    if (y === 1) continue outer;
    log.push(x + "" + y);
  }
}
console.log(log.join(" "));

log = [];
const [u, v] = range(5, 10, log);
console.log(u, v, log.join(" "));
log = [];
const [w, ...ws] = range(5, 8, log);
console.log(w, ws, log.join(" "));
log = [];
console.log([...range(1, 4, log)], log.join(" "));

// yield* forwards next(v) arguments and return(), and gives the delegate's
// return value.
log = [];
function* delegating() {
  const r = yield* range(0, 2, log);
  log.push("delegate returned " + r);
  return "outer";
}
const dit = delegating();
console.log(dit.next("a"), dit.next("b"), dit.next("c"), log.join(" "));
log = [];
const dit2 = delegating();
dit2.next();
console.log(dit2.return("R"), log.join(" "));

// A next() that throws is not followed by return().
const throwingIterable = {
  [Symbol.iterator]() {
    return {
      next() {
        throw new Error("next failed");
      },
      return() {
        console.log("must not be called");
        return {};
      },
    };
  },
};
try {
  for (const x of throwingIterable) console.log(x);
} catch (e) {
  console.log(e.message);
}

// Errors of the protocol.
function tryIt(f) {
  try {
    f();
  } catch (e) {
    console.log(e.constructor.name + ": " + e.message);
  }
}
tryIt(() => {
  for (const x of { [Symbol.iterator]: () => 5 }) console.log(x);
});
tryIt(() => {
  for (const x of { [Symbol.iterator]: () => ({ next: () => 7 }) }) console.log(x);
});
tryIt(() => {
  for (const x of 42) console.log(x);
});
tryIt(() => [...{}]);
const noThrow = {
  [Symbol.iterator]() {
    return {
      next: () => ({ value: 1, done: false }),
      return() {
        console.log("closed: no throw method");
        return {};
      },
    };
  },
};
function* delegatesToNoThrow() {
  yield* noThrow;
}
const dn = delegatesToNoThrow();
dn.next();
tryIt(() => dn.throw(new Error("x")));

// Built-in iterators.
const ai = [10, 20][Symbol.iterator]();
console.log(ai.next(), ai.next(), ai.next(), ai.next());
console.log([..."a😀b"], [...[1, 2].keys()], [...["x", "y"].entries()]);
const si = "hi"[Symbol.iterator]();
console.log(si.next(), si[Symbol.iterator]() === si, typeof si.next);
console.log([1, 2].values(), "ab"[Symbol.iterator]());
console.log(Object.prototype.toString.call([].values()) === "[object Array Iterator]");

// An iterable whose iterator is a generator.
const tree = {
  value: 1,
  children: [{ value: 2, children: [] }, { value: 3, children: [{ value: 4, children: [] }] }],
  *[Symbol.iterator]() {
    yield this.value;
    for (const c of this.children) yield* tree[Symbol.iterator].call(c);
  },
};
console.log([...tree]);

// Enumerable symbol-keyed properties print after the string keys, and are
// skipped by Object.keys and JSON.stringify.
const iterableObj = { a: 1, [Symbol.iterator]() {} };
iterableObj[Symbol.toStringTag] = "Tagged";
console.log(iterableObj, Object.keys(iterableObj), JSON.stringify(iterableObj));
console.log({ ...iterableObj }.a, Symbol.iterator in iterableObj);
