// treesum without suspension: the same in-order walk with a callback
// called at every node.
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

function walk(node, visit) {
  if (node === null) return;
  walk(node.left, visit);
  visit(node.value);
  walk(node.right, visit);
}

const tree = build(DEPTH, { n: 0 });
let sum = 0;
for (let round = 0; round < ROUNDS; round++) {
  walk(tree, function (v) {
    sum = (sum + v * (round + 1)) % 1000000007;
  });
}
console.log(sum);
