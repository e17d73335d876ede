// Traversals of balanced binary trees with recursive yield*, and a tree built by a generator.
function build(lo, hi) {
  if (lo > hi) return null;
  const mid = (lo + hi) >> 1;
  return { key: mid, left: build(lo, mid - 1), right: build(mid + 1, hi) };
}
function* inorder(t) {
  if (t) {
    yield* inorder(t.left);
    yield t.key;
    yield* inorder(t.right);
  }
}
function* postorder(t) {
  if (t) {
    yield* postorder(t.left);
    yield* postorder(t.right);
    yield t.key;
  }
}
function* levels(t) {
  let queue = t ? [t] : [];
  let depth = 0;
  while (queue.length > 0) {
    yield [depth, queue.map((n) => n.key)];
    const next = [];
    for (const n of queue) {
      if (n.left) next.push(n.left);
      if (n.right) next.push(n.right);
    }
    queue = next;
    depth++;
  }
}
function* paths(t, prefix) {
  if (!t) return;
  const here = prefix.concat([t.key]);
  if (!t.left && !t.right) yield here.join(">");
  yield* paths(t.left, here);
  yield* paths(t.right, here);
}
const small = build(1, 15);
console.log([...inorder(small)].join(" "));
console.log([...postorder(small)].join(" "));
for (const [d, keys] of levels(small)) console.log("level", d, keys);
console.log([...paths(small, [])]);
const big = build(1, 4095);
let count = 0;
let sum = 0;
let prev = 0;
let sorted = true;
for (const k of inorder(big)) {
  count++;
  sum += k;
  if (k <= prev) sorted = false;
  prev = k;
}
console.log(count, sum, sorted);
let depth = 0;
for (const [d] of levels(big)) depth = d;
console.log("depth", depth);
// Walk two trees in lockstep.
function* zip(a, b) {
  while (true) {
    const x = a.next();
    const y = b.next();
    if (x.done || y.done) return [x.done, y.done];
    yield [x.value, y.value];
  }
}
const pairs = [];
const z = zip(inorder(build(1, 7)), postorder(build(1, 7)));
let s = z.next();
while (!s.done) {
  pairs.push(s.value.join("/"));
  s = z.next();
}
console.log(pairs.join(" "), s.value);
