// skynet: a tree of fibers, LEVELS levels below the root with 10 children
// each (1,111,111 fibers for 6 levels). Every fiber spawns its children one
// at a time from inside its own body (so fibers nest LEVELS + 1 deep on the
// stack), each child sends its result up with one Fiber.yield and then
// finishes; the leaves send their number. Expected sum for 6 levels:
// 499999500000.
// bench-expect: full=499999500000 quick=4999950000 test=499500
const LEVELS = 6; // bench-size quick=5 test=3

// A fiber's single argument packs (num, level) as num * 8 + level.
function skynet(arg) {
  const level = arg % 8;
  const num = (arg - level) / 8;
  if (level === 0) {
    Fiber.yield(num);
    return 0;
  }
  let step = 1;
  for (let l = 1; l < level; l++) step *= 10;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const child = new Fiber(skynet);
    sum += child.resume((num + i * step) * 8 + level - 1).value;
    child.resume();
  }
  Fiber.yield(sum);
  return 0;
}

const root = new Fiber(skynet);
const total = root.resume(LEVELS).value;
if (!root.resume().done) throw new Error("root did not finish");
console.log(total);
