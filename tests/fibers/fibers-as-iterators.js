// Fibers behind the iteration protocol: an iterable whose iterator resumes
// a fiber, used by for-of, spread, destructuring and Array.from; the
// producer is an ordinary recursive function (permutations) that yields
// each result from the bottom of its recursion. Breaking out of a for-of
// calls return(), which here just drops the suspended fiber.
let failures = 0;
function check(label, actual, expected) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a === e) console.log("ok " + label);
  else {
    failures++;
    console.log("FAIL " + label + ": " + a + " !== " + e);
  }
}

function fromProducer(producer, arg) {
  return {
    [Symbol.iterator]() {
      const f = new Fiber(producer);
      let started = false;
      return {
        next() {
          const r = started ? f.resume() : f.resume(arg);
          started = true;
          return r.done ? { value: undefined, done: true } : { value: r.value, done: false };
        },
        return() {
          log.push("return called");
          return { value: undefined, done: true };
        },
      };
    },
  };
}
const log = [];
function permute(items) {
  const used = items.map(() => false);
  const cur = [];
  function go() {
    if (cur.length === items.length) {
      Fiber.yield(cur.join(""));
      return;
    }
    for (let i = 0; i < items.length; i++) {
      if (used[i]) continue;
      used[i] = true;
      cur.push(items[i]);
      go();
      cur.pop();
      used[i] = false;
    }
  }
  go();
}
const perms = [...fromProducer(permute, ["a", "b", "c"])];
check("spread", perms, ["abc", "acb", "bac", "bca", "cab", "cba"]);
check("Array.from", Array.from(fromProducer(permute, [1, 2])), ["12", "21"]);
const [first, second, ...rest] = fromProducer(permute, ["x", "y", "z"]);
check("destructuring", [first, second, rest], ["xyz", "xzy", ["yxz", "yzx", "zxy", "zyx"]]);
let count = 0;
for (const p of fromProducer(permute, [1, 2, 3, 4])) {
  count++;
  if (p === "2143") break;
}
check("for-of with break", [count, log], [8, ["return called"]]);
let all = 0;
for (const p of fromProducer(permute, [1, 2, 3, 4, 5, 6])) all++;
check("720 permutations", all, 720);
console.log(failures === 0 ? "all ok" : failures + " failures");
