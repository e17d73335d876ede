// Combining several generators: round-robin interleaving with exhaustion, zip to the
// shortest and longest, and an n-way merge of sorted streams.
function* range(name, n) {
  try {
    for (let i = 0; i < n; i++) yield name + i;
  } finally {
    console.log("range", name, "closed");
  }
}
function* roundRobin(...its) {
  const active = its.map((it) => it[Symbol.iterator]());
  while (active.length > 0) {
    for (let i = 0; i < active.length; ) {
      const r = active[i].next();
      if (r.done) active.splice(i, 1);
      else {
        yield r.value;
        i++;
      }
    }
  }
}
function* zipShortest(...its) {
  const iters = its.map((it) => it[Symbol.iterator]());
  try {
    while (true) {
      const row = [];
      for (const it of iters) {
        const r = it.next();
        if (r.done) return;
        row.push(r.value);
      }
      yield row;
    }
  } finally {
    for (const it of iters) if (typeof it.return === "function") it.return();
  }
}
function* zipLongest(fill, ...its) {
  const iters = its.map((it) => it[Symbol.iterator]());
  const done = iters.map(() => false);
  while (true) {
    const row = [];
    for (let i = 0; i < iters.length; i++) {
      if (done[i]) {
        row.push(fill);
        continue;
      }
      const r = iters[i].next();
      if (r.done) {
        done[i] = true;
        row.push(fill);
      } else row.push(r.value);
    }
    if (done.every((d) => d)) return;
    yield row;
  }
}
function* sortedMerge(...its) {
  const iters = its.map((it) => it[Symbol.iterator]());
  const heads = iters.map((it) => it.next());
  while (true) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      if (!heads[i].done && (best < 0 || heads[i].value < heads[best].value)) best = i;
    }
    if (best < 0) return;
    yield heads[best].value;
    heads[best] = iters[best].next();
  }
}
console.log([...roundRobin(range("a", 3), range("b", 1), range("c", 4))].join(" "));
console.log(JSON.stringify([...zipShortest(range("x", 5), range("y", 2), "pq")]));
console.log(JSON.stringify([...zipLongest("-", range("m", 2), [1, 2, 3], "z")]));
console.log([...sortedMerge([1, 4, 9, 16], [2, 3, 5, 7, 11, 13], [0, 6, 12], [])].join(","));
const z = zipShortest(range("e", 9), range("f", 9));
console.log(z.next().value, z.next().value);
console.log(z.return("cut"));
