// Syntax corners: async and await as plain identifiers outside async code,
// async methods with computed, numeric and quoted names, async arrows without
// parentheses, defaults and destructured parameters, closures made across yields.
var async = 1;
console.log(async + 1);
function asyncFn(x) { return x * 2; }
var await = 3;
console.log(await + 1);
const async2 = (async) => async + 10;
console.log(async2(5));
const key = "dyn";
const o = {
  async [key]() { return "computed"; },
  async 42() { return "numeric"; },
  async "quoted name"() { return "quoted"; },
  async *[key + "Gen"]() { yield "gen"; },
};
console.log(o.dyn.name, o[42].name, o["quoted name"].name, o.dynGen.name);
(async () => {
  console.log(await o.dyn(), await o[42](), await o["quoted name"]());
  for await (const v of o.dynGen()) console.log(v);
  async function withDefaults(a, b = a * 2, { c = b + 1 } = {}) { await null; return [a, b, c]; }
  console.log(await withDefaults(1), await withDefaults(1, 5), await withDefaults(1, 5, { c: 0 }));
  const fns = [];
  async function* gen() {
    for (let i = 0; i < 3; i++) {
      const j = i * 10;
      fns.push(() => [i, j]);
      yield i;
    }
  }
  for await (const _ of gen());
  console.log(fns.map((f) => f()));
  const asyncArrowNoParens = async x => x + 1;
  console.log(await asyncArrowNoParens(1));
})();
