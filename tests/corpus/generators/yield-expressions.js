// yield in expression positions: arguments, array and object literals, templates,
// member keys, compound assignment, nested `yield yield`, and yield precedence.
function* exprs() {
  const arr = [yield "a1", yield "a2"];
  console.log("array", arr);
  const obj = { x: yield "o1", [yield "key"]: yield "o2" };
  console.log("object", obj);
  const t = `t:${yield "t1"}:${yield "t2"}`;
  console.log("template", t);
  console.log("argument", yield "arg");
  let n = 1;
  n += yield "compound";
  console.log("compound", n);
  const nested = yield yield "inner";
  console.log("nested", nested);
  const comma = (yield "c1", yield "c2");
  console.log("comma", comma);
  const plus = (yield "p") + 1;
  console.log("plus", plus);
  const unary = -(yield "neg");
  console.log("unary", unary);
  const f = (yield "fn")(10);
  console.log("call", f);
  return "end";
}
const g = exprs();
const replies = {
  a1: 1,
  a2: 2,
  o1: "X",
  key: "dyn",
  o2: "Y",
  t1: "A",
  t2: "B",
  arg: "ARG",
  compound: 41,
  inner: "from inner",
  c1: "first",
  c2: "second",
  p: 1,
  neg: 5,
  fn: (x) => x * 3,
};
let r = g.next();
while (!r.done) {
  console.log("yielded", r.value);
  r = g.next(replies[r.value] !== undefined ? replies[r.value] : "outer " + r.value);
}
console.log(r);
// yield with no operand, yield of yield results, yield in a default arrow? (arrow bodies cannot yield)
function* bare() {
  const a = yield;
  const b = yield a;
  yield [a, b];
}
const b = bare();
console.log(b.next(1), b.next(2), b.next(3), b.next(4));
// Precedence: yield a, b yields a; yield a ? b : c yields the conditional.
function* prec(x) {
  yield x ? "yes" : "no";
  yield x + 1, "ignored";
  yield [x, x];
}
console.log([...prec(0)], [...prec(4)]);
