// skynet with generators: the same tree as skynet.fiber.js, each node a
// generator that creates its children from inside its own body, takes one
// value from each and runs it to completion, then yields its sum.
// bench-expect: full=499999500000 quick=4999950000 test=499500
const LEVELS = 6; // bench-size quick=5 test=3

function* skynet(num, level) {
  if (level === 0) {
    yield num;
    return 0;
  }
  let step = 1;
  for (let l = 1; l < level; l++) step *= 10;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const child = skynet(num + i * step, level - 1);
    sum += child.next().value;
    child.next();
  }
  yield sum;
  return 0;
}

const root = skynet(0, LEVELS);
const total = root.next().value;
if (!root.next().done) throw new Error("root did not finish");
console.log(total);
