// An interval cleared from a timeout; clearInterval with a timeout id works too.
let ticks = 0;
const iv = setInterval(() => {
  ticks++;
}, 1);
setTimeout(() => {
  clearInterval(iv);
  const seen = ticks;
  setTimeout(() => {
    console.log("no ticks after clearing:", ticks === seen, seen > 0);
    console.log("done");
  }, 5);
}, 8);

const t = setTimeout(() => console.log("never: cleared with clearInterval"), 2);
clearInterval(t);
const i2 = setInterval(() => console.log("never: cleared with clearTimeout"), 2);
clearTimeout(i2);
