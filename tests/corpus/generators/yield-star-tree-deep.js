// Recursive yield* over a degenerate tree 200 levels deep (every node has only a right
// child), plus a left-leaning chain: each value passes through up to 200 delegating frames.
function node(value, left, right) {
  return { value, left, right };
}
function* inorder(t) {
  if (t === null) return 0;
  const l = yield* inorder(t.left);
  yield t.value;
  const r = yield* inorder(t.right);
  return l + r + 1;
}
function* preorder(t) {
  if (t) {
    yield t.value;
    yield* preorder(t.left);
    yield* preorder(t.right);
  }
}
let right = null;
for (let i = 200; i >= 1; i--) right = node(i, null, right);
let left = null;
for (let i = 1; i <= 200; i++) left = node(i, left, null);

const values = [];
const it = inorder(right);
let r = it.next();
while (!r.done) {
  values.push(r.value);
  r = it.next();
}
console.log("count returned by yield*:", r.value);
console.log(values.length, values[0], values[99], values[199]);
console.log(values.slice(0, 10).join(","), "...", values.slice(190).join(","));
let sum = 0;
for (const v of inorder(left)) sum += v;
console.log("left chain sum", sum);
console.log([...preorder(left)].slice(0, 5), [...preorder(right)].slice(195));

// Early exit from deep delegation: return() travels down 200 frames; finally blocks log.
let closed = 0;
function* guarded(t, depth) {
  if (t === null) return;
  try {
    yield t.value;
    yield* guarded(t.right, depth + 1);
  } finally {
    closed++;
    if (depth % 50 === 0) console.log("finally at depth", depth);
  }
}
const g = guarded(right, 0);
for (let i = 0; i < 150; i++) g.next();
console.log(g.next());
console.log(g.return("stop"), "closed", closed);
console.log(g.next());
// A throw() into the deepest frame propagates out through all of them.
closed = 0;
const h = guarded(right, 0);
let last;
for (let i = 0; i < 200; i++) last = h.next();
console.log(last);
try {
  h.throw(new Error("deep"));
} catch (e) {
  console.log("caught", e.message, "closed", closed);
}
