// finally that throws or returns a rejected promise replaces the outcome.
Promise.resolve("original")
  .finally(() => {
    throw new Error("thrown in finally");
  })
  .then(
    (v) => console.log("not reached", v),
    (e) => console.log("rejected with:", e.message)
  );

Promise.reject(new Error("first reason"))
  .finally(() => {
    throw new Error("second reason");
  })
  .catch((e) => console.log("caught:", e.message));

Promise.resolve("value")
  .finally(() => Promise.reject(new Error("rejected promise from finally")))
  .catch((e) => console.log("caught:", e.message));

// finally waiting for a promise it returns delays the chain.
let order = [];
Promise.resolve("slow")
  .finally(() => {
    order.push("finally");
    return new Promise((r) => setTimeout(r, 5));
  })
  .then((v) => {
    order.push("then " + v);
    console.log(order.join(", "));
  });
Promise.resolve().then(() => order.push("other microtask"));
