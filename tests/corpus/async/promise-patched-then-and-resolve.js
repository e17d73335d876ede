// Observable lookups of `then` and `Promise.resolve`: await and resolving with
// an unpatched native promise take internal shortcuts, but catch/finally and
// the combinators call `this.then` / `Promise.resolve` as the spec says.
const origThen = Promise.prototype.then;
const origResolve = Promise.resolve;
const calls = [];
Promise.prototype.then = function (f, r) {
  calls.push("then");
  return origThen.call(this, f, r);
};

async function main() {
  const p = origResolve.call(Promise, 1);
  await p;
  console.log("await:", calls.length, "then calls");
  calls.length = 0;
  await Promise.all([p, 2]);
  console.log("Promise.all over 2 elements:", calls.length, "then calls");
  calls.length = 0;
  await new Promise((res) => res(p));
  console.log("resolving with a promise whose then is patched:", calls.length, "then call");
  calls.length = 0;
  p.catch(() => {});
  p.finally(() => {});
  console.log("catch + finally:", calls.length, "then calls");
  Promise.prototype.then = origThen;

  let resolveCalls = 0;
  Promise.resolve = function (v) {
    resolveCalls++;
    return origResolve.call(this, v);
  };
  await Promise.race([1, 2, 3]);
  console.log("Promise.race over 3 elements called Promise.resolve", resolveCalls, "times");
  resolveCalls = 0;
  await Promise.allSettled([1, 2]);
  console.log("Promise.allSettled over 2 elements called Promise.resolve", resolveCalls, "times");
  Promise.resolve = origResolve;

  const fake = {
    then(a, b) {
      console.log("fake.then called with", typeof a, typeof b);
      return "fake result";
    },
  };
  console.log(Promise.prototype.catch.call(fake, () => {}));
  console.log(Promise.prototype.finally.call(fake, () => {}));
}
main();
