// Baseline for gen-tree-walk.js: the same in-order walk with an explicit
// stack instead of generators.
function build(depth, next) {
  if (depth === 0) return null;
  const node = { value: next.n++, left: null, right: null };
  node.left = build(depth - 1, next);
  node.right = build(depth - 1, next);
  return node;
}
const tree = build(17, { n: 0 });
let sum = 0;
let count = 0;
for (let round = 0; round < 10; round++) {
  const stack = [];
  let node = tree;
  while (node !== null || stack.length > 0) {
    while (node !== null) {
      stack.push(node);
      node = node.left;
    }
    node = stack.pop();
    sum = (sum + node.value) % 1000000007;
    count++;
    node = node.right;
  }
}
console.log(count, sum);
