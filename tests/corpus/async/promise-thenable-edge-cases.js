// Unusual thenables: an async function as then, a then that calls back
// re-entrantly, a then that never calls back, a thenable chain 3 deep.
const asyncThen = {
  then: async (resolve) => {
    console.log("async then runs");
    await null;
    resolve("from async then");
  },
};
const reentrant = {
  then(resolve) {
    console.log("reentrant then: resolving with another thenable");
    resolve({
      then(r) {
        console.log("inner then");
        r("reentrant value");
      },
    });
  },
};
const silent = {
  then() {
    console.log("silent then never settles");
  },
};
function nest(depth) {
  return {
    then(r) {
      r(depth === 0 ? "bottom" : nest(depth - 1));
    },
  };
}

async function main() {
  console.log(await asyncThen);
  console.log(await reentrant);
  let settled = false;
  Promise.resolve(silent).then(() => (settled = true));
  console.log(await nest(3));
  await new Promise((r) => setTimeout(r, 1));
  console.log("silent settled:", settled);
  const mixed = await Promise.all([nest(2), asyncThen, 1]);
  console.log(mixed);
}
main();
