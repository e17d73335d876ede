// Two independent then-chains interleave tick by tick.
function chain(name, steps) {
  let p = Promise.resolve(0);
  for (let i = 0; i < steps; i++) {
    p = p.then((v) => {
      console.log(name, "step", i, "value", v);
      return v + 1;
    });
  }
  return p;
}

const a = chain("A", 4);
const b = chain("B", 2);
const c = chain("C", 3);
a.then((v) => console.log("A done", v));
b.then((v) => console.log("B done", v));
c.then((v) => console.log("C done", v));
console.log("sync done");
