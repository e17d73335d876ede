// bench-units: 1310710 yields
// A recursive yield* walk over a complete binary tree of depth 17
// (131,071 nodes), repeated 10 times: every value is forwarded through up to
// 17 nested generators.
function build(depth, next) {
  if (depth === 0) return null;
  const node = { value: next.n++, left: null, right: null };
  node.left = build(depth - 1, next);
  node.right = build(depth - 1, next);
  return node;
}
function* walk(node) {
  if (node === null) return;
  yield* walk(node.left);
  yield node.value;
  yield* walk(node.right);
}
const tree = build(17, { n: 0 });
let sum = 0;
let count = 0;
for (let round = 0; round < 10; round++) {
  for (const v of walk(tree)) {
    sum = (sum + v) % 1000000007;
    count++;
  }
}
console.log(count, sum);
