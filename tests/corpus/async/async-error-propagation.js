// An error thrown deep in a chain of async calls rejects every caller's promise
// until one catches it.
async function level3(x) {
  await null;
  if (x > 2) throw new RangeError("too big: " + x);
  return x;
}
async function level2(x) {
  const v = await level3(x);
  console.log("level2 got", v);
  return v + 1;
}
async function level1(x) {
  try {
    return await level2(x);
  } catch (e) {
    console.log("level1 saw", e.name, "and rethrows");
    throw e;
  }
}

async function main() {
  console.log("ok:", await level1(1));
  try {
    await level1(5);
  } catch (e) {
    console.log("main caught:", e instanceof RangeError, e.message);
  }
  // Unawaited rejection handled later with catch.
  const p = level1(9);
  await null;
  p.catch((e) => console.log("late catch:", e.message));
  // Throwing a non-error value.
  const thrower = async () => {
    throw { code: 42 };
  };
  await thrower().catch((v) => console.log("thrown object code", v.code));
}
main().then(() => console.log("main done"));
