// The shape of the Promise API: names and lengths of its functions,
// constructor links, the string tag, and what a promise has as own properties.
const p = Promise.resolve(1);
const statics = ["resolve", "reject", "all", "allSettled", "any", "race"];
console.log(JSON.stringify(statics.map((k) => [Promise[k].name, Promise[k].length])));
const protos = ["then", "catch", "finally"];
console.log(JSON.stringify(protos.map((k) => [Promise.prototype[k].name, Promise.prototype[k].length])));
console.log(Promise.name, Promise.length, typeof Promise);
console.log(p.constructor === Promise, Promise.prototype.constructor === Promise);
console.log(Object.getPrototypeOf(p) === Promise.prototype, p instanceof Promise, p instanceof Object);
console.log("own keys:", Object.keys(p).length, JSON.stringify(p), Object.keys(Promise).length);
console.log("then returns a new promise:", p.then() !== p, p.catch() !== p, p.finally() !== p);
console.log("string tag:", Promise.prototype[Symbol.toStringTag]);
console.log(typeof Promise.withResolvers, typeof Promise.try);
console.log(queueMicrotask.name, setTimeout.name, clearTimeout.name, setInterval.name, clearInterval.name);
