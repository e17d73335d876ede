// Generator functions passed around as values: higher-order generator functions, tables of
// generator functions, .call/.apply with a receiver, and generators returning generators.
function* squares(n) {
  for (let i = 1; i <= n; i++) yield i * i;
}
function* cubes(n) {
  for (let i = 1; i <= n; i++) yield i * i * i;
}
function collect(genFn, ...args) {
  return [...genFn(...args)];
}
console.log(collect(squares, 5), collect(cubes, 4));
const table = { squares, cubes, evens: function* (n) { for (let i = 0; i < n; i++) yield 2 * i; } };
for (const name of Object.keys(table)) console.log(name, collect(table[name], 3));
function* twice(genFn) {
  return function* (...args) {
    for (const x of genFn(...args)) {
      yield x;
      yield x;
    }
  };
}
const doubled = twice(squares).next().value;
console.log(typeof doubled, [...doubled(3)]);
const receiver = { base: 100 };
function* offsets(n) {
  for (let i = 0; i < n; i++) yield this.base + i;
}
console.log([...offsets.call(receiver, 3)], [...offsets.apply({ base: -5 }, [2])]);
const bound = offsets.bind({ base: 7 });
console.log([...bound(2)]);
// A generator of generators.
function* families() {
  yield squares;
  yield cubes;
  yield function* fourth(n) {
    for (let i = 1; i <= n; i++) yield i ** 4;
  };
}
for (const f of families()) console.log(f.name, [...f(3)].join(" "));
// A map of running generators keyed by name.
const running = {};
for (const name of ["squares", "cubes"]) running[name] = table[name](10);
for (let round = 0; round < 3; round++) {
  const row = [];
  for (const name in running) row.push(name + "=" + running[name].next().value);
  console.log(row.join(" "));
}
// Generators stored in arrays and advanced together.
const gens = [squares(3), cubes(3), squares(1)];
let step = 0;
while (gens.length > 0) {
  const g = gens.shift();
  const r = g.next();
  if (!r.done) {
    console.log("step", step++, r.value);
    gens.push(g);
  }
}
