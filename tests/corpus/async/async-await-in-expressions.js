// await in many expression positions.
const v = (x) => Promise.resolve(x);

async function main() {
  console.log("arith", (await v(2)) * (await v(3)) + (await v(4)));
  console.log("call args", Math.max(await v(1), await v(9), 5));
  console.log(`template ${await v("in")} ${await v(42)}`);
  console.log("conditional", (await v(true)) ? await v("yes") : await v("no"));
  console.log("logical", (await v(0)) || (await v("fallback")), (await v(null)) ?? "nullish");
  console.log("array", [await v(1), , await v(3)]);
  const key = "k";
  console.log("object", { [await v(key)]: await v("value"), plain: 1 });
  const { a = await v("default a"), b } = { b: await v("b") };
  console.log("destructuring", a, b);
  let x = 1;
  x += await v(10);
  console.log("compound", x);
  console.log("typeof", typeof (await v("s")), !(await v(false)));
  const f = await v((n) => n + 1);
  console.log("callee", f(await v(1)));
  console.log("member", (await v({ m: 7 })).m, (await v([4, 5]))[1]);
  console.log("comma", (await v(1), await v(2)));
  switch (await v(3)) {
    case await v(1):
      console.log("case 1");
      break;
    case await v(3):
      console.log("case 3");
      break;
  }
  console.log("new", new Array(await v(2)).length);
}
main();
