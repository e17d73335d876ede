// Promise.allSettled reports every outcome in input order.
const inputs = [
  Promise.resolve(1),
  Promise.reject(new Error("boom")),
  "plain",
  new Promise((r) => setTimeout(() => r("late"), 3)),
  new Promise((_, rej) => setTimeout(() => rej("late reason"), 1)),
];

Promise.allSettled(inputs).then((results) => {
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (r.status === "fulfilled") console.log(i, r.status, r.value);
    else console.log(i, r.status, typeof r.reason === "string" ? r.reason : r.reason.message);
  }
  console.log("keys:", Object.keys(results[0]), Object.keys(results[1]));
});

Promise.allSettled([]).then((r) => console.log("empty:", r));
