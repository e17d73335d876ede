// then/catch: pass-through of missing handlers, values and errors flowing on.
Promise.resolve(1)
  .then((v) => v + 1)
  .then() // pass-through
  .then(null, () => console.log("not called"))
  .then((v) => {
    console.log("value", v);
    throw new Error("oops " + v);
  })
  .then(() => console.log("skipped"))
  .catch((e) => {
    console.log("caught", e.message);
    return "recovered";
  })
  .then((v) => console.log("after catch", v));

Promise.reject(new RangeError("r"))
  .then((v) => console.log("not", v))
  .then(undefined, (e) => {
    console.log("second arg handler", e.name);
    return Promise.reject(new Error("again"));
  })
  .catch((e) => console.log("caught again", e.message));

// Non-function handlers are ignored.
Promise.resolve("through")
  .then(42, "x")
  .then((v) => console.log("non-functions ignored:", v));
