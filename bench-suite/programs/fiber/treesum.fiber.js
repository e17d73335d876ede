// treesum: a fiber walks a complete binary tree of DEPTH levels in order
// with plain recursive calls and yields every value from the depth where it
// is found (stackful: no frame in between is a coroutine); the main program
// sums them, ROUNDS times.
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

function walk(node) {
  if (node === null) return;
  walk(node.left);
  Fiber.yield(node.value);
  walk(node.right);
}

function walker(tree) {
  walk(tree);
  return 0;
}

const tree = build(DEPTH, { n: 0 });
let sum = 0;
for (let round = 0; round < ROUNDS; round++) {
  const f = new Fiber(walker);
  let r = f.resume(tree);
  while (!r.done) {
    sum = (sum + r.value * (round + 1)) % 1000000007;
    r = f.resume();
  }
}
console.log(sum);
