// Delays that are not positive numbers are coerced to 1 ms (NaN, undefined,
// negatives, fractions below 1, booleans, null, non-numeric strings): all these
// timers share one due time and fire in creation order. A numeric string is
// converted: "15" fires after them (and before the 30 ms timer).
// node starts the first timer of a program from a clock reading taken before the
// script ran (it can fire early when startup is slow), so the first timer here is a no-op.
setTimeout(() => {}, 0);
const log = [];
setTimeout(() => log.push("string '15'"), "15");
setTimeout(() => log.push("NaN"), NaN);
setTimeout(() => log.push("undefined"));
setTimeout(() => log.push("-10"), -10);
setTimeout(() => log.push("0.5"), 0.5);
setTimeout(() => log.push("true"), true);
setTimeout(() => log.push("null"), null);
setTimeout(() => log.push("string 'abc'"), "abc");
setTimeout(() => log.push("0"), 0);
setTimeout(() => {
  log.push("30");
  console.log(log.join("\n"));
}, 30);
