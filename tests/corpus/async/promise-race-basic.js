// Promise.race settles with the first settled input. (Each race's outcome is
// recorded and all are printed at the end, so only the order within a race
// matters.)
// node starts the first timer of a program from a clock reading taken before the
// script ran (it can fire early when startup is slow), so the first timer here is a no-op.
setTimeout(() => {}, 0);
function after(ms, v, fail) {
  return new Promise((resolve, reject) =>
    setTimeout(() => (fail ? reject(new Error(v)) : resolve(v)), ms)
  );
}

const outcomes = {};
function record(name, p) {
  p.then(
    (v) => (outcomes[name] = "fulfilled with " + v),
    (e) => (outcomes[name] = "rejected with " + e.message)
  );
}

record("slow vs fast", Promise.race([after(12, "slow"), after(2, "fast")]));
record("slow vs failing", Promise.race([after(12, "slow"), after(3, "fast failure", true)]));
record("timer vs plain value", Promise.race([after(1, "timer"), "plain value"]));
record("resolved vs rejected", Promise.race([Promise.resolve("resolved"), Promise.reject(new Error("rejected"))]));
record("rejected vs resolved", Promise.race([Promise.reject(new Error("rejected first")), Promise.resolve("resolved")]));
record("empty", Promise.race([]));
Promise.resolve().then(() => console.log("after one tick:", JSON.stringify(outcomes)));
Promise.resolve()
  .then(() => {})
  .then(() => console.log("after two ticks:", JSON.stringify(outcomes)));
setTimeout(() => {
  const names = ["slow vs fast", "slow vs failing", "timer vs plain value", "resolved vs rejected", "rejected vs resolved"];
  for (const name of names) console.log(name + ":", outcomes[name]);
  console.log("empty race settled:", "empty" in outcomes);
}, 25);
