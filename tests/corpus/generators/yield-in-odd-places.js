// yield in less common places: switch discriminants and case tests, destructuring
// defaults, computed member access, loop headers, labelled continue across a finally that
// yields, and a finally that yields on break.
function* switching() {
  switch (yield "discriminant?") {
    case yield "case 1?":
      yield "matched case 1";
      break;
    case yield "case 2?":
      yield "matched case 2";
      break;
    default:
      yield "default";
  }
}
function drive(gen, replies) {
  const out = [];
  let r = gen.next();
  let i = 0;
  while (!r.done) {
    out.push(r.value);
    r = gen.next(replies[i++]);
  }
  out.push("=> " + r.value);
  return out.join(" | ");
}
console.log(drive(switching(), ["b", "a", "b"]));
console.log(drive(switching(), ["z", "a", "b"]));
function* defaults(arr) {
  const [x = yield "need x", y = yield "need y"] = arr;
  return x + y;
}
console.log(drive(defaults([]), [1, 2]));
console.log(drive(defaults([5]), [1, 2]));
console.log(drive(defaults([5, 6]), [1, 2]));
function* members() {
  const obj = { k1: "v1", k2: "v2" };
  const v = obj[yield "which key?"];
  yield "value " + v;
  const arr = [10, 20, 30];
  arr[yield "index?"] = yield "value?";
  return arr.join(",");
}
console.log(drive(members(), ["k2", undefined, 1, 99]));
function* loopHeaders() {
  for (let i = yield "start?"; i < (yield "limit?"); i += yield "step?") {
    yield "i=" + i;
  }
  return "loop over";
}
console.log(drive(loopHeaders(), [0, 5, "i0", 2, 5, "i2", 2, 5, "i4", 2, 3]));
function* labelled() {
  outer: for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      try {
        if (j === 1) continue outer;
        yield "body " + i + j;
      } finally {
        yield "finally " + i + j;
      }
    }
  }
  return "labelled done";
}
console.log(drive(labelled(), []));
function* breakThroughFinally() {
  while (true) {
    try {
      yield "in loop";
      break;
    } finally {
      yield "finally on break";
    }
  }
  yield "after loop";
}
console.log(drive(breakThroughFinally(), []));
function* returnThroughFinally() {
  try {
    return "from try";
  } finally {
    yield "finally on return";
  }
}
console.log(drive(returnThroughFinally(), []));
