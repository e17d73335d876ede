// Baseline for gen-create.js: the same arithmetic with a closure per step.
function pair(a) {
  let state = 0;
  return function () {
    state++;
    return state === 1 ? { value: a, done: false } : state === 2 ? { value: a + 1, done: false } : { value: undefined, done: true };
  };
}
let total = 0;
for (let i = 0; i < 1000000; i++) {
  const next = pair(i);
  total += next().value;
  total += next().value;
  if (!next().done) throw new Error("did not finish");
  total %= 1000000007;
}
console.log(total);
