// yield as an expression in every kind of position; each sent value is
// echoed back so the order of evaluation shows.
function drive(gen, label) {
  const it = gen();
  const seen = [];
  let r = it.next();
  let n = 0;
  while (!r.done) {
    seen.push(String(r.value));
    r = it.next("s" + n++);
  }
  console.log(label + ":", seen.join(" "), "=>", r.value);
}
function pair(a, b) {
  return "pair(" + a + "," + b + ")";
}
function Box(v) {
  this.v = v;
}
drive(function* () {
  return pair(yield "a1", yield "a2");
}, "call args");
drive(function* () {
  return new Box(yield "ctor").v;
}, "new");
drive(function* () {
  return [1, yield "el", 3, ...(yield "spread")];
}, "array");
drive(function* () {
  return { a: yield "va", [yield "key"]: yield "vk" };
}, "object");
drive(function* () {
  return `<${yield "t1"}|${yield "t2"}>`;
}, "template");
drive(function* () {
  return (yield "l") + (yield "r");
}, "binary");
drive(function* () {
  return yield yield "inner";
}, "yield yield");
drive(function* () {
  return (yield "c") === "s0" ? yield "then" : yield "else";
}, "conditional");
drive(function* () {
  let s = "";
  while ((yield "more?") !== "s3") s += "+";
  return s;
}, "while test");
drive(function* () {
  switch (yield "disc") {
    case "s0":
      return "matched " + (yield "case body");
    default:
      return "default";
  }
}, "switch");
drive(function* () {
  const o = { m(x) { return "m" + x; } };
  return o.m(yield "arg") + o["m"](yield "arg2");
}, "method call");
drive(function* () {
  const o = {};
  o[yield "prop"] = yield "value";
  return JSON.stringify(o);
}, "member assignment");
drive(function* () {
  let x = 1;
  x += Number((yield "x").slice(1));
  return x;
}, "compound");
drive(function* () {
  const u = undefined;
  return [u?.m(yield "never"), (yield "a") || (yield "b"), u ?? (yield "nullish")];
}, "short circuit");
drive(function* () {
  const [a = yield "dflt", b] = [undefined, "B"];
  const { c = yield "obj dflt" } = {};
  return a + b + c;
}, "pattern defaults");
drive(function* () {
  return typeof (yield "t") + " " + !(yield "n");
}, "unary");
drive(function* () {
  const fs = [];
  for (let i = 0; i < 3; i++) {
    const got = yield i;
    fs.push(() => i + ":" + got);
  }
  return fs.map((f) => f()).join(",");
}, "loop closures");
drive(function* () {
  return "" + (yield* (function* () {
    const x = yield "deleg";
    return "inner got " + x;
  })());
}, "yield* value");

// `this` and arguments in generator functions and methods.
const holder = {
  name: "holder",
  *gen(a, b = a + "!") {
    yield this.name;
    yield a + b;
    const arrow = () => this.name + "/arrow";
    yield arrow();
  },
};
console.log([...holder.gen("x")]);
function* usesThis() {
  yield typeof this;
}
console.log([...usesThis.call(5)].length);

// Generators as closures over mutable state.
function counterGen() {
  let count = 0;
  return {
    gen: function* () {
      while (true) yield ++count;
    },
    peek: () => count,
  };
}
const c = counterGen();
const g1 = c.gen();
const g2 = c.gen();
console.log(g1.next().value, g2.next().value, g1.next().value, c.peek());
