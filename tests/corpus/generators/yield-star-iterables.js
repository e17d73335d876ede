// yield* over arrays (with holes), strings (with surrogate pairs), other generators,
// user iterables, and nested combinations.
function* fromArray() {
  yield* [1, 2, 3];
  yield* [];
  yield* [[4, 5], 6];
}
console.log([...fromArray()]);
function* fromString() {
  yield* "abc";
  yield* "";
  yield* "h\u00e9\ud83d\ude00!";
}
const chars = [...fromString()];
console.log(chars, chars.length, chars.map((c) => c.length));
function* holes() {
  yield* [1, , 3];
}
console.log([...holes()]);
function* inner(n) {
  for (let i = 0; i < n; i++) yield "in" + i;
}
function* outer() {
  yield "start";
  yield* inner(2);
  yield "middle";
  yield* inner(0);
  yield* inner(3);
  yield "end";
}
console.log([...outer()].join(" "));
const custom = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next() {
        i++;
        return i <= 3 ? { value: i * 10, done: false } : { value: "custom done", done: true };
      },
    };
  },
};
function* fromCustom() {
  const r = yield* custom;
  yield "custom returned " + r;
}
console.log([...fromCustom()]);
function* flatten(x) {
  if (Array.isArray(x)) {
    for (const e of x) yield* flatten(e);
  } else {
    yield x;
  }
}
console.log([...flatten([1, [2, [3, [4, [5]]]], [], [[6, 7], 8]])].join(""));
function* chained(...its) {
  for (const it of its) yield* it;
}
console.log([...chained([1, 2], "xy", inner(2), outer(), new Array(2))]);
const arr = [1, 2, 3];
function* mutating() {
  for (const x of arr) {
    if (x === 1) arr.push(4);
    yield x;
  }
}
console.log([...mutating()], arr);
