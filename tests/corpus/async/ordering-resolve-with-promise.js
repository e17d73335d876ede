// Resolving a promise with another native promise costs two extra ticks
// (NewPromiseResolveThenableJob, then the adopted then).
const inner = Promise.resolve("inner");

const outer = new Promise((resolve) => resolve(inner));
outer.then((v) => console.log("outer fulfilled with", v));

const direct = Promise.resolve("direct");
direct
  .then(() => console.log("tick 1"))
  .then(() => console.log("tick 2"))
  .then(() => console.log("tick 3"))
  .then(() => console.log("tick 4"));

// Promise.resolve of a native promise returns it unchanged: no extra ticks.
const same = Promise.resolve(inner);
console.log("Promise.resolve(p) === p:", same === inner);
same.then(() => console.log("same fulfilled"));

// Returning a promise from a then handler: also two extra ticks.
Promise.resolve()
  .then(() => inner)
  .then((v) => console.log("then returning promise settled with", v));
console.log("sync done");
