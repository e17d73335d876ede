// for await over a sync iterator: a rejected element is thrown into the loop,
// and (in node 20) the sync iterator is not closed, so its finally does not run;
// a break does close it.
function* sync() {
  try {
    yield 1;
    yield Promise.reject(new Error("rejected element"));
    yield 3;
  } finally {
    console.log("sync finally");
  }
}

function iterable(label) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          i++;
          return { value: i, done: i > 3 };
        },
        return(v) {
          console.log(label, "return() called at", i);
          return { done: true, value: v };
        },
      };
    },
  };
}

async function main() {
  try {
    for await (const v of sync()) console.log("got", v);
  } catch (e) {
    console.log("caught", e.message);
  }
  for await (const v of iterable("a")) {
    if (v === 2) break;
    console.log("a", v);
  }
  for await (const v of iterable("b")) console.log("b", v);
  console.log("end");
}
main();
