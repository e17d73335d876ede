// 100,000 sequential awaits in one async function, with a checksum.
async function step(i) {
  return (i * 7) % 13;
}

async function main() {
  let checksum = 0;
  for (let i = 0; i < 100000; i++) {
    const v = i % 3 === 0 ? await step(i) : await i;
    checksum = (checksum * 31 + v) % 1000003;
  }
  return checksum;
}

let ticksSeen = 0;
function other() {
  ticksSeen++;
  if (ticksSeen < 1000) Promise.resolve().then(other);
}
Promise.resolve().then(other);
main().then((c) => console.log("checksum", c, "interleaved ticks", ticksSeen));
