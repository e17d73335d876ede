// regenerator issue #275: a return inside finally overrides the value of an earlier return
// (or of return()), and a yield inside that finally still works.
function* plain() {
  try {
    return "try value";
  } finally {
    return "finally value";
  }
}
console.log(plain().next());
function* viaReturnCall() {
  try {
    yield "suspended";
  } finally {
    return "finally wins";
  }
}
const v = viaReturnCall();
v.next();
console.log(v.return("caller value"));
function* yieldThenOverride() {
  try {
    return "try value";
  } finally {
    yield "in finally";
    return "override";
  }
}
const y = yieldThenOverride();
console.log(y.next(), y.next(), y.next());
function* finallyWithoutReturn() {
  try {
    return "kept";
  } finally {
    yield "finally yields";
  }
}
const k = finallyWithoutReturn();
console.log(k.next(), k.next(), k.next());
// Loop with return in try and continue in finally: the return is cancelled.
function* cancelled() {
  for (let i = 0; i < 3; i++) {
    try {
      if (i < 2) return "returned at " + i;
    } finally {
      yield "finally " + i;
      if (i < 2) continue;
    }
  }
  return "loop completed";
}
console.log([...cancelled()]);
const cc = cancelled();
let s;
while (!(s = cc.next()).done) console.log(s.value);
console.log(s.value);
// Nested: the innermost finally's return is overridden by the outer finally's return.
function* twoLevels() {
  try {
    try {
      yield 1;
    } finally {
      return "inner";
    }
  } finally {
    return "outer";
  }
}
const t = twoLevels();
t.next();
console.log(t.return("call"));
const t2 = twoLevels();
t2.next();
console.log(t2.next());
