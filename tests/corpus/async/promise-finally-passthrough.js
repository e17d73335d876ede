// finally passes the original value or reason through, ignoring its return value.
Promise.resolve("kept")
  .finally(() => {
    console.log("finally 1");
    return "ignored";
  })
  .then((v) => console.log("after finally 1:", v));

Promise.reject(new Error("reason kept"))
  .finally(() => {
    console.log("finally 2");
    return 99;
  })
  .catch((e) => console.log("after finally 2:", e.message));

Promise.resolve(5)
  .finally((x) => console.log("finally receives", x))
  .then((v) => console.log("value", v));

Promise.resolve("resolved promise ignored")
  .finally(() => Promise.resolve("other"))
  .then((v) => console.log("after finally 3:", v));

Promise.resolve("x")
  .finally()
  .then((v) => console.log("finally() without callback:", v));
