// Destructuring in declarations, assignments, parameters, for-of heads and
// catch clauses; defaults, holes, rest elements, nesting, computed keys.
function* nums() {
  let i = 0;
  try {
    while (true) yield i++;
  } finally {
    console.log("nums closed at", i);
  }
}

const [a, b, , d] = nums();
console.log(a, b, d);
const [x = 10, y = x * 2, ...rest] = [undefined, undefined, 3, 4, 5];
console.log(x, y, rest);
const [p, [q, r = "r"], { s, t: { u } = { u: "dflt" } }] = [1, [2], { s: 3 }];
console.log(p, q, r, s, u);
const { k1, k2: renamed = "d2", ...others } = { k1: 1, k3: 3, k4: 4 };
console.log(k1, renamed, others);
const key = "dyn";
const { [key]: dynVal, ["li" + "t"]: litVal } = { dyn: "D", lit: "L" };
console.log(dynVal, litVal);
const [first, ...tail] = "héllo";
console.log(first, tail);
const { length } = "abcd";
console.log(length);
const [h1, h2] = [, "two"];
console.log(h1, h2);

// Assignment patterns, including swaps and member targets.
let m = 1,
  n = 2;
[m, n] = [n, m];
console.log(m, n);
const obj = { arr: [] };
[obj.first, obj.arr[0], ...obj.more] = "wxyz";
[obj.second, obj.third] = nums();
console.log(obj);
let o1, o2;
({ o1, nested: { o2 = "deep" } = {} } = { o1: "one" });
console.log(o1, o2);
const result = ([m] = [42]);
console.log(m, result);

// Parameters: patterns, defaults, rest.
function params([a, b] = [1, 2], { c = 3, ...more } = {}, ...extra) {
  return [a, b, c, more, extra];
}
console.log(params());
console.log(params([5], { c: 6, z: 7 }, 8, 9));
console.log(params.length);
const arrow = ({ name, tags: [firstTag = "none"] = [] }) => name + ":" + firstTag;
console.log(arrow({ name: "x" }), arrow({ name: "y", tags: ["t1", "t2"] }));
function defaults(a, b = a + 1, c = b * 2) {
  return [a, b, c];
}
console.log(defaults(1), defaults(1, 5), defaults(1, undefined, 0), defaults.length);

// for-of heads.
for (const [i, v] of ["a", "b"].entries()) console.log(i, v);
for (const { id, tags: [t] } of [{ id: 1, tags: ["x"] }, { id: 2, tags: [] }]) console.log(id, t);
let ax, ay;
for ([ax, ay] of [[1, 2], [3, 4]]) console.log(ax + ay);
const fns = [];
for (const [i] of [[0], [1], [2]]) fns.push(() => i);
console.log(fns.map((f) => f()));

// catch parameters.
try {
  throw { code: 7, detail: { msg: "bad" } };
} catch ({ code, detail: { msg } }) {
  console.log(code, msg);
}

// Errors.
function tryIt(f) {
  try {
    f();
  } catch (e) {
    console.log(e.constructor.name + ": " + e.message);
  }
}
let undef;
tryIt(() => {
  const { a } = undef;
});
tryIt(() => {
  const { a } = null;
});
tryIt(() => {
  const [a] = {};
});
tryIt(() => {
  const [a] = undef;
});
tryIt(() => {
  const {} = null;
});
tryIt(() => params(undefined, undef));
tryIt(() => {
  const c = 1;
  [c] = [2];
});

// A default that throws closes the iterator; an exhausted one is not closed.
tryIt(() => {
  const [v1, v2 = (() => { throw new Error("default failed"); })()] = (function* () {
    try {
      yield 1;
      yield undefined;
    } finally {
      console.log("closed after failure");
    }
  })();
});
const [only] = (function* () {
  try {
    yield "once";
  } finally {
    console.log("not exhausted: closed");
  }
})();
console.log(only);
const [all1, all2] = (function* () {
  try {
    yield 1;
  } finally {
    console.log("exhausted: finally runs at the end");
  }
})();
console.log(all1, all2);
