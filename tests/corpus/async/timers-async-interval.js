// An async interval callback whose awaits span several microtask turns; the
// interval does not wait for it. Cleared from the awaited continuation.
let runs = 0;
let iv;
iv = setInterval(async () => {
  const n = ++runs;
  console.log("run", n, "start");
  await null;
  await Promise.resolve();
  console.log("run", n, "after two awaits");
  if (n === 3) {
    clearInterval(iv);
    console.log("cleared in run", n);
  }
}, 2);
