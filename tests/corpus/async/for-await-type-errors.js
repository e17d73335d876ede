// TypeErrors raised by for await: values that are not iterable, iterators
// without next, next results that are not objects, a throwing return() on break.
const plainObject = { a: 1 };
const noNext = { [Symbol.asyncIterator]() { return {}; } };
const syncNoNext = { [Symbol.iterator]() { return {}; } };
const badResult = {
  [Symbol.asyncIterator]() {
    return { next: () => Promise.resolve(42) };
  },
};
const throwingReturn = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next: () => ({ value: ++i, done: false }),
      return() {
        throw new RangeError("return threw");
      },
    };
  },
};

async function attempt(label, iterable) {
  try {
    for await (const v of iterable) {
      console.log(label, "got", v);
      break;
    }
    console.log(label, "no error");
  } catch (e) {
    console.log(label, e.constructor.name, e.message);
  }
}

async function main() {
  await attempt("plain object:", plainObject);
  await attempt("number:", 5);
  await attempt("undefined:", undefined);
  await attempt("async iterator without next:", noNext);
  await attempt("sync iterator without next:", syncNoNext);
  await attempt("non-object result:", badResult);
  await attempt("throwing return on break:", throwingReturn);
}
main();
