// 10,000 generators alive at once, resumed round robin until all are done.
function* task(id) {
  let acc = id;
  const steps = (id % 5) + 1;
  for (let s = 0; s < steps; s++) {
    acc = (acc * 17 + s) % 65521;
    yield acc;
  }
  return acc;
}
const live = [];
for (let i = 0; i < 10000; i++) live.push(task(i));
let round = 0;
let active = live.length;
let checksum = 0;
const doneAt = [0, 0, 0, 0, 0, 0, 0];
while (active > 0) {
  round++;
  let stillActive = 0;
  for (let i = 0; i < live.length; i++) {
    const g = live[i];
    if (g === null) continue;
    const r = g.next();
    if (r.done) {
      live[i] = null;
      checksum = (checksum + r.value * (i + 1)) % 1000000007;
      doneAt[round]++;
    } else {
      checksum = (checksum + r.value) % 1000000007;
      stillActive++;
    }
  }
  active = stillActive;
  console.log("round", round, "active", active);
}
console.log("checksum", checksum, doneAt);
// Every generator holds a try/finally; closing all of them with return() runs them all.
let finallies = 0;
function* guarded(i) {
  try {
    yield i;
    yield i + 1;
  } finally {
    finallies++;
  }
}
const many = [];
for (let i = 0; i < 10000; i++) {
  const g = guarded(i);
  g.next();
  many.push(g);
}
let sum = 0;
for (const g of many) sum += g.return(1).value;
console.log("closed", finallies, sum);
