// treesum with generators: the same walk as treesum.fiber.js; generators
// are stackless, so each value travels up through one yield* per level.
// bench-expect: full=593449129 quick=341931523 test=1395
const DEPTH = 18; // bench-size quick=14 test=5
const ROUNDS = 4; // bench-size quick=4 test=2

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

const tree = build(DEPTH, { n: 0 });
let sum = 0;
for (let round = 0; round < ROUNDS; round++) {
  const g = walk(tree);
  let r = g.next();
  while (!r.done) {
    sum = (sum + r.value * (round + 1)) % 1000000007;
    r = g.next();
  }
}
console.log(sum);
