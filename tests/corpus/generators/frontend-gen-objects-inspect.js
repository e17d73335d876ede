// node-shim-limit: prints the built-in prototype objects themselves (%GeneratorFunction.prototype%, %GeneratorPrototype%), which tests/node_host/run.mjs does not rebuild as node's intrinsics
// Generator functions and objects as values: printing, prototypes, typeof.
function* g(a, b) {
  yield a;
}
const anon = function* () {};
const obj = {
  *method() {},
  *[Symbol.iterator]() {
    yield 1;
  },
  ["comp" + "uted"]: function* () {},
};
const it = g(1, 2);
console.log(g, anon, obj.method, obj.computed, obj[Symbol.iterator]);
console.log(it, [it], { it }, [[[[it]]]]);
console.log(typeof g, typeof it, g.length, g.name, anon.name, obj.method.name);
console.log(Object.getPrototypeOf(it) === g.prototype);
console.log(Object.getPrototypeOf(g.prototype) === Object.getPrototypeOf(anon.prototype));
console.log(g.prototype, Object.keys(it), JSON.stringify(it));
console.log(it[Symbol.iterator]() === it, it instanceof g);
console.log(String(it), Object.prototype.toString.call(it), Object.prototype.toString.call(g));
it.extra = 42;
console.log(it);
console.log(Object.prototype.toString.call(Symbol.iterator), typeof Symbol.iterator, String(Symbol.iterator));
console.log(Symbol.iterator, [Symbol.iterator]);
try {
  new g();
} catch (e) {
  console.log(e.message);
}
const GenProto = Object.getPrototypeOf(g.prototype);
console.log(typeof GenProto.next, typeof GenProto.return, typeof GenProto.throw);
console.log(Object.keys(GenProto), GenProto.next.name, GenProto[Symbol.iterator].name);
// Overriding next on one generator is respected by for-of.
const custom = g(1, 2);
let calls = 0;
custom.next = function () {
  calls++;
  return calls < 3 ? { value: calls * 100, done: false } : { value: undefined, done: true };
};
console.log([...custom]);
// A generator function's prototype can carry methods.
g.prototype.describe = function () {
  return "a g-generator";
};
console.log(g(0).describe(), [...g(7)]);
console.log(Object.getPrototypeOf(g), Object.getPrototypeOf(g.prototype), Object.prototype);
console.log(Object.getPrototypeOf(Object.getPrototypeOf(g.prototype))[Symbol.iterator].call(it) === it);
