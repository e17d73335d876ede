// Timeouts created inside an interval's callback with delays shorter than the
// interval's fire before its next run; the interval is rescheduled from the
// start of each run, so the runs stay in step with those timeouts.
const log = [];
let n = 0;
const iv = setInterval(() => {
  n++;
  log.push("interval run " + n);
  const k = n;
  setTimeout(() => log.push("  1ms timeout from run " + k), 1);
  setTimeout(() => log.push("  3ms timeout from run " + k), 3);
  if (n === 3) {
    clearInterval(iv);
    setTimeout(() => console.log(log.join("\n")), 8);
  }
}, 6);
