// A timeout built from Promise.race and setTimeout, with the loser's timer cleared.
function sleep(ms, v) {
  return new Promise((resolve) => setTimeout(resolve, ms, v));
}

function withTimeout(promise, ms) {
  let id;
  const timeout = new Promise((_, reject) => {
    id = setTimeout(() => reject(new Error("timed out after " + ms + "ms")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(id));
}

async function main() {
  console.log(await withTimeout(sleep(2, "fast enough"), 10));
  try {
    await withTimeout(sleep(15, "too slow"), 3);
  } catch (e) {
    console.log(e.message);
  }
  const winner = await Promise.race([sleep(20, "c"), sleep(4, "a"), sleep(12, "b")]);
  console.log("winner:", winner);
}
main().then(() => console.log("main done"));
