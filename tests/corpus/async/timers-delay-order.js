// Timers fire in due-time order regardless of creation order.
const log = [];
// (The first timer is the one due first: node starts a program's first timer from a
// clock reading taken before the script ran, so it may fire early.)
setTimeout(() => log.push("1ms"), 1);
setTimeout(() => log.push("40ms"), 40);
setTimeout(() => log.push("10ms"), 10);
setTimeout(() => log.push("25ms"), 25);
setTimeout(() => {
  log.push("48ms");
  console.log(log.join(" < "));
}, 48);
