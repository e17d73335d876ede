// Async functions started from callbacks the runtime calls (sort comparator,
// JSON.stringify replacer, map/find/replace callbacks, a generator body, a
// promise executor): each runs to its first await synchronously, then resumes later.
const started = [];
async function task(tag) {
  started.push(tag);
  await null;
  console.log("task resumed", tag);
  return tag;
}
const ps = [];
const arr = [3, 1, 2];
arr.sort((a, b) => { ps.push(task("sort " + a + b)); return a - b; });
JSON.stringify({ a: 1 }, (k, v) => { ps.push(task("replacer " + k)); return v; });
const mapped = [1, 2].map((x) => task("map " + x));
const found = [5, 6].find((x) => { ps.push(task("find " + x)); return x === 6; });
"a-b".replace("-", () => { ps.push(task("replace cb")); return "+"; });
function* g() { ps.push(task("in generator")); yield 1; ps.push(task("in generator again")); }
for (const _ of g());
new Promise(() => { ps.push(task("in executor")); });
console.log("started synchronously:", started.length);
Promise.all(ps.concat(mapped)).then((v) => console.log("all done", v.length));
