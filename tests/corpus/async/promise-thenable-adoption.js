// Thenables are adopted: their then is called in a later job with fresh
// resolving functions; a throwing then rejects; only the first call counts.
const log = [];
const t1 = {
  then(onF, onR) {
    log.push("t1.then called");
    onF("t1 value");
    onF("ignored");
    onR(new Error("ignored too"));
  },
};
const t2 = {
  then() {
    log.push("t2.then called");
    throw new Error("then threw");
  },
};
const t3 = {
  then(onF) {
    log.push("t3.then called");
    onF("t3 value");
    throw new Error("throw after resolve is ignored");
  },
};
// A thenable resolving with another thenable.
const t4 = {
  then(onF) {
    log.push("t4.then called");
    onF(t1);
  },
};

Promise.resolve(t1).then((v) => log.push("t1 -> " + v));
Promise.resolve(t2).catch((e) => log.push("t2 -> " + e.message));
Promise.resolve(t3).then((v) => log.push("t3 -> " + v));
Promise.resolve(t4).then((v) => log.push("t4 -> " + v));
log.push("sync end");
setTimeout(() => {
  for (const line of log) console.log(line);
}, 0);
