// Async declarations, expressions, arrows (expression and block bodies),
// object methods, and async functions as values.
async function declared(x) {
  return "declared " + x;
}
const expression = async function named(x) {
  return "expression " + x;
};
const arrowExpr = async (x) => "arrow " + x;
const arrowBlock = async (x) => {
  const y = await x;
  return "arrow block " + y;
};
const obj = {
  base: 10,
  async method(x) {
    return this.base + (await x);
  },
  prop: async function (x) {
    return "prop " + x;
  },
};

async function main() {
  console.log(await declared(1));
  console.log(await expression(2));
  console.log(await arrowExpr(3));
  console.log(await arrowBlock(Promise.resolve(4)));
  console.log(await obj.method(5));
  console.log(await obj.prop(6));
  const table = [declared, arrowExpr, obj.prop];
  for (const f of table) console.log(await f("t"));
  console.log(typeof declared, declared.name, expression.name, arrowExpr.name, obj.method.name);
  console.log(declared.length, arrowBlock.length);
  const r = declared(7);
  console.log(r instanceof Promise, typeof r.then);
  console.log(await r);
}
main().then(() => console.log("main done"));
