// Recursive generators for permutations, combinations, power sets, cartesian products
// and integer partitions.
function* permutations(items) {
  if (items.length <= 1) {
    yield items.slice();
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = items.slice(0, i).concat(items.slice(i + 1));
    for (const p of permutations(rest)) yield [items[i]].concat(p);
  }
}
function* combinations(items, k, start = 0, prefix = []) {
  if (prefix.length === k) {
    yield prefix.slice();
    return;
  }
  for (let i = start; i < items.length; i++) {
    prefix.push(items[i]);
    yield* combinations(items, k, i + 1, prefix);
    prefix.pop();
  }
}
function* powerSet(items, i = 0) {
  if (i === items.length) {
    yield [];
    return;
  }
  for (const s of powerSet(items, i + 1)) {
    yield s;
    yield [items[i]].concat(s);
  }
}
function* product(...lists) {
  if (lists.length === 0) {
    yield [];
    return;
  }
  const [head, ...tail] = lists;
  for (const h of head) for (const t of product(...tail)) yield [h, ...t];
}
function* partitions(n, max = n) {
  if (n === 0) {
    yield [];
    return;
  }
  for (let k = Math.min(n, max); k >= 1; k--) {
    for (const p of partitions(n - k, k)) yield [k, ...p];
  }
}
console.log([...permutations(["a", "b", "c"])].map((p) => p.join("")).join(" "));
let permCount = 0;
for (const p of permutations([1, 2, 3, 4, 5, 6])) if (p[0] < p[5]) permCount++;
console.log("6! with first < last:", permCount);
console.log(JSON.stringify([...combinations([1, 2, 3, 4, 5], 3)]));
console.log([...combinations("abcdefgh".split(""), 4)].length);
console.log(JSON.stringify([...powerSet(["x", "y", "z"])]));
console.log([...product([0, 1], "ab", [true])].map((p) => p.join("")).join(" "));
console.log([...partitions(6)].map((p) => p.join("+")).join(" | "));
let count = 0;
for (const p of partitions(30)) count++;
console.log("p(30) =", count);
// The first permutation satisfying a condition, found lazily.
function* upTo(n) {
  for (let i = 1; i <= n; i++) yield i;
}
let found = null;
let examined = 0;
for (const p of permutations([...upTo(8)])) {
  examined++;
  if (p[0] === 8 && p[7] === 1 && p[3] === 4) {
    found = p;
    break;
  }
}
console.log(found, examined);
