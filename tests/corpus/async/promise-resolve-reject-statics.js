// Promise.resolve / Promise.reject with every kind of argument.
const p = Promise.resolve(3);
console.log(Promise.resolve(p) === p);
const rp = Promise.reject(p);
console.log(rp === p);
rp.catch((r) => console.log("reject keeps the promise itself:", r === p));

Promise.resolve().then((v) => console.log("resolve():", v));
Promise.resolve(null).then((v) => console.log("resolve(null):", v));
Promise.resolve([1, 2]).then((v) => console.log("resolve(array):", v));
Promise.resolve({ then: 5 }).then((v) => console.log("then is not callable:", v));
Promise.resolve({ then: (res) => res("adopted") }).then((v) => console.log("thenable:", v));
Promise.reject("reason").catch((r) => console.log("reject(string):", r));
Promise.reject(undefined).catch((r) => console.log("reject(undefined):", r));

const outcome = [];
Promise.resolve({
  then(res, rej) {
    rej(new Error("thenable rejects"));
    res("ignored");
  },
}).catch((e) => {
  outcome.push(e.message);
  console.log("thenable rejection:", outcome);
});
