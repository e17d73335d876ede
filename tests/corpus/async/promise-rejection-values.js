// Any value can be a rejection reason; it arrives untouched at the handler.
const reasons = [
  new Error("an error"),
  new TypeError("a type error"),
  "a string",
  42,
  null,
  undefined,
  { code: "E1", detail: [1, 2] },
  [1, "two"],
  false,
];

async function main() {
  for (let i = 0; i < reasons.length; i++) {
    try {
      await Promise.reject(reasons[i]);
    } catch (e) {
      if (e instanceof Error) console.log(i, "Error:", e.name, e.message);
      else console.log(i, typeof e, e);
      console.log("  identical:", e === reasons[i]);
    }
  }
  const thrown = await (async () => {
    throw 7;
  })().catch((x) => x * 6);
  console.log("thrown number mapped", thrown);
}
main();
