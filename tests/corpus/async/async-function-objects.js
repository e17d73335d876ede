// Async functions and async generator functions as objects: not constructors,
// their prototypes and constructors, and the prototype of async generator objects.
async function af() {}
async function* ag() {
  yield 1;
}
function* sg() {}

try {
  new af();
  console.log("new af() did not throw");
} catch (e) {
  console.log("new af():", e instanceof TypeError, e.message);
}
try {
  new ag();
  console.log("new ag() did not throw");
} catch (e) {
  console.log("new ag():", e instanceof TypeError, e.message);
}
try {
  new sg();
} catch (e) {
  console.log("new sg():", e instanceof TypeError, e.message);
}

console.log("af.prototype:", af.prototype, "has own prototype:", Object.keys(af).length, typeof ag.prototype);
console.log("constructors:", af.constructor.name, ag.constructor.name, sg.constructor.name);
console.log("same prototype for all async functions:", Object.getPrototypeOf(af) === Object.getPrototypeOf(async () => {}));
console.log("async function prototype is Function.prototype:", Object.getPrototypeOf(af) === Function.prototype);
console.log("instanceof Function:", af instanceof Function, ag instanceof Function);

const it = ag();
console.log("async generator object's prototype is ag.prototype:", Object.getPrototypeOf(it) === ag.prototype);
console.log("sync generator object's prototype is sg.prototype:", Object.getPrototypeOf(sg()) === sg.prototype);
console.log(typeof it.next, typeof it.return, typeof it.throw, it[Symbol.iterator]);
