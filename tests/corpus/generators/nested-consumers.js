// Generators consuming other generators with for-of: pipelines, chunking, grouping, merging.
function* source(n) {
  for (let i = 0; i < n; i++) yield i;
}
function* chunk(size, it) {
  let buf = [];
  for (const x of it) {
    buf.push(x);
    if (buf.length === size) {
      yield buf;
      buf = [];
    }
  }
  if (buf.length > 0) yield buf;
}
function* enumerate(it) {
  let i = 0;
  for (const x of it) yield [i++, x];
}
function* runLengths(it) {
  let prev;
  let count = 0;
  for (const x of it) {
    if (count > 0 && x === prev) {
      count++;
    } else {
      if (count > 0) yield [prev, count];
      prev = x;
      count = 1;
    }
  }
  if (count > 0) yield [prev, count];
}
function* merge(a, b) {
  let x = a.next();
  let y = b.next();
  while (!x.done || !y.done) {
    if (y.done || (!x.done && x.value <= y.value)) {
      yield x.value;
      x = a.next();
    } else {
      yield y.value;
      y = b.next();
    }
  }
}
function* evens(n) {
  for (const x of source(n)) if (x % 2 === 0) yield x;
}
function* multiples(k, n) {
  for (const x of source(n)) if (x % k === 0) yield x;
}
console.log(JSON.stringify([...chunk(4, source(10))]));
for (const [i, c] of enumerate(chunk(3, source(8)))) console.log("chunk", i, c);
console.log(JSON.stringify([...runLengths("aaabccddddde")]));
console.log([...merge(evens(12), multiples(3, 12))].join(" "));
console.log([...merge(source(0), source(3))], [...merge(source(2), source(0))]);
// Four levels of consumers.
function* scale(k, it) {
  for (const x of it) yield x * k;
}
function* sums(it) {
  for (const c of it) {
    let s = 0;
    for (const v of c) s += v;
    yield s;
  }
}
console.log([...sums(chunk(5, scale(3, source(20))))]);
// An inner consumer that stops early closes its source; the outer one continues.
function* firstOfEach(groups) {
  for (const g of groups) {
    for (const x of g) {
      yield x;
      break;
    }
  }
}
function* group(name, n) {
  try {
    for (let i = 0; i < n; i++) yield name + i;
  } finally {
    console.log("closed", name);
  }
}
console.log([...firstOfEach([group("a", 3), group("b", 2), group("c", 0), group("d", 1)])]);
