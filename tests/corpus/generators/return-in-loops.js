// return statements inside loops and nested for-of loops of a generator: the inner iterators
// are closed, finally blocks run, and the value ends the iteration.
function* inner(name) {
  try {
    yield name + "1";
    yield name + "2";
    yield name + "3";
  } finally {
    console.log("inner", name, "closed");
  }
}
function* search(target) {
  try {
    for (const a of inner("a")) {
      for (const b of inner("b")) {
        yield a + "/" + b;
        if (a === target[0] && b === target[1]) return "found " + a + b;
      }
    }
    return "not found";
  } finally {
    console.log("search finally");
  }
}
let g = search(["a2", "b1"]);
let r;
while (!(r = g.next()).done) console.log("visit", r.value);
console.log(r);
console.log([...search(["a9", "b9"])].length);
// A return inside a switch inside a while loop.
function* machine(input) {
  let i = 0;
  while (true) {
    const c = input[i++];
    switch (c) {
      case "y":
        yield "yes";
        break;
      case "n":
        yield "no";
        break;
      case "q":
        return "quit at " + (i - 1);
      default:
        if (c === undefined) return "end of input";
        yield "skip " + c;
    }
  }
}
const m = machine("ynxyqyy");
while (!(r = m.next()).done) console.log(r.value);
console.log(r.value, machine("").next());
// A return inside a do-while with a counter shared by a closure.
function* doWhile() {
  let n = 0;
  const bump = () => ++n;
  do {
    yield n;
    if (bump() > 3) return n * 100;
  } while (true);
}
console.log([...doWhile()], (() => { const d = doWhile(); let x; while (!(x = d.next()).done); return x.value; })());
// A return in the middle of yield* delegation ends the outer generator.
function* early() {
  yield* inner("c");
  return "unreachable?";
}
g = early();
console.log(g.next(), g.return("R"), g.next());
