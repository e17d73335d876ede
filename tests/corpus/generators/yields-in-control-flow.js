// yield inside every kind of statement: while, do-while, for, for-in, for-of, switch,
// labelled break/continue, if/else chains, conditional expressions and short circuits.
function* everything(n) {
  let i = 0;
  while (i < n) yield "while " + i++;
  do {
    yield "do " + i;
    i--;
  } while (i > n - 2);
  for (let j = 0, k = 10; j < 3; j++, k -= 3) yield "for " + j + "," + k;
  const obj = { p: 1, q: 2, r: 3 };
  for (const key in obj) {
    if (key === "q") continue;
    yield "for-in " + key + "=" + obj[key];
  }
  for (const ch of "xyz") yield "for-of " + ch;
  for (const v of [1, 2, 3, 4, 5]) {
    switch (v % 3) {
      case 0:
        yield "switch fizz " + v;
        break;
      case 1:
        yield "switch one " + v;
      // falls through
      case 2:
        yield "switch two-ish " + v;
        break;
      default:
        yield "never";
    }
  }
  outer: for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      if (b > a) continue outer;
      if (a === 2 && b === 1) break outer;
      yield "pair " + a + b;
    }
  }
  block: {
    yield "in block";
    if (n > 0) break block;
    yield "not reached";
  }
  if (n > 5) yield "big";
  else if (n > 2) yield "medium";
  else yield "small";
  const c = n > 2 ? yield "ternary yes" : yield "ternary no";
  yield "ternary received " + c;
  const d = (n > 100 && (yield "and")) || (yield "or");
  yield "short circuit received " + d;
}
const g = everything(3);
let r = g.next();
let k = 0;
while (!r.done) {
  console.log(r.value);
  r = g.next("sent" + k++);
}
console.log(r);
console.log([...everything(1)].length, [...everything(7)].length);
