// typeof of generator functions and objects; what console.log prints for them.
function* gen() {
  yield 1;
}
const anon = function* () {};
const named = function* inner() {};
const obj = {
  *method() {
    yield 2;
  },
  plain() {},
};
console.log(typeof gen, typeof anon, typeof named, typeof obj.method);
const g = gen();
console.log(typeof g, typeof g.next, typeof g.return, typeof g.throw);
console.log(gen);
console.log(anon);
console.log(named);
console.log(obj.method);
console.log(obj);
console.log(g);
console.log([g, gen]);
console.log({ g: g, f: gen });
console.log(gen.name, anon.name, named.name, obj.method.name, gen.length);
function* withParams(a, b, c) {}
console.log(withParams.length, withParams.name);
console.log(g[Symbol.iterator]() === g);
console.log(Object.getPrototypeOf(g) === gen.prototype);
console.log(g instanceof gen);
console.log(Object.keys(g).length, JSON.stringify(g));
const done = gen();
done.next();
done.next();
console.log(done, done.next());
console.log(typeof gen.prototype, gen.prototype === anon.prototype);
