// Retrying a flaky async operation with growing delays (1, 2, 4 ms) and a
// limit on attempts; the errors of failed attempts are collected.
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function flaky(failuresBeforeSuccess) {
  let calls = 0;
  return async function operation(input) {
    calls++;
    await null;
    if (calls <= failuresBeforeSuccess) throw new Error("attempt " + calls + " failed");
    return input.toUpperCase() + " after " + calls + " calls";
  };
}

async function retry(op, input, maxAttempts) {
  const errors = [];
  let delay = 1;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      return await op(input);
    } catch (e) {
      errors.push(e.message);
      console.log("  retrying after", delay, "ms:", e.message);
      if (attempt < maxAttempts) await sleep(delay);
      delay *= 2;
    }
  }
  throw new AggregateError(errors, "gave up after " + maxAttempts + " attempts");
}

async function main() {
  console.log(await retry(flaky(0), "first try", 4));
  console.log(await retry(flaky(2), "third try", 4));
  try {
    await retry(flaky(10), "never", 3);
  } catch (e) {
    console.log(e instanceof AggregateError, e.message, e.errors);
  }
}
main();
