// Promise.any: first fulfillment wins; all rejected gives an AggregateError.
Promise.any([
  Promise.reject(new Error("a")),
  new Promise((r) => setTimeout(() => r("second, later"), 2)),
  Promise.resolve("third, now"),
]).then((v) => console.log("any:", v));

Promise.any([Promise.reject(new Error("x")), Promise.reject(new Error("y")), Promise.reject("z")]).catch(
  (e) => {
    console.log(e instanceof AggregateError, e.name);
    console.log(e.message);
    console.log(e.errors.length, e.errors[0].message, e.errors[1].message, e.errors[2]);
  }
);

Promise.any([]).catch((e) => {
  console.log("empty:", e instanceof AggregateError, e.message);
  console.log(e.errors);
});

Promise.any([Promise.reject(1), Promise.reject(2)]).catch((e) => console.log(e.errors));
