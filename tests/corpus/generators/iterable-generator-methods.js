// Generators as [Symbol.iterator] implementations and as methods of object literals.
const bag = {
  items: ["x", "y", "z"],
  *[Symbol.iterator]() {
    for (let i = 0; i < this.items.length; i++) yield i + ":" + this.items[i];
  },
};
console.log([...bag]);
bag.items.push("w");
for (const s of bag) console.log(s);

const matrix = {
  rows: [
    [1, 2, 3],
    [4, 5, 6],
  ],
  *cells() {
    for (const row of this.rows) yield* row;
  },
  *columns() {
    for (let c = 0; c < this.rows[0].length; c++) yield this.rows.map((r) => r[c]);
  },
  *[Symbol.iterator]() {
    yield* this.cells();
  },
};
console.log([...matrix.cells()], [...matrix.columns()], Math.max(...matrix));

const linkedList = {
  head: null,
  push(v) {
    this.head = { v, next: this.head };
    return this;
  },
  *values() {
    for (let n = this.head; n !== null; n = n.next) yield n.v;
  },
  [Symbol.iterator]: function* () {
    yield* this.values();
  },
};
linkedList.push(1).push(2).push(3);
console.log([...linkedList], Array.from(linkedList.values()));

// A generator-function property with a name key and one built with a computed key.
const key = "dyn" + "amic";
const o = {
  gen: function* () {
    yield "gen";
  },
  *[key]() {
    yield "computed";
  },
  *"quoted key"() {
    yield "quoted";
  },
  *42() {
    yield "numeric";
  },
};
console.log(o.gen().next().value, o.dynamic().next().value, o["quoted key"]().next().value, o[42]().next().value);
console.log(o.gen.name, o.dynamic.name, o["quoted key"].name, o[42].name);
console.log(o);
// Methods see the object they are called on at each resume.
const counter = {
  n: 0,
  *ticks() {
    while (true) yield ++this.n;
  },
};
const t = counter.ticks();
t.next();
t.next();
counter.n = 100;
console.log(t.next().value, counter.n);
