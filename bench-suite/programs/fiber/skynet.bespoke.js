// skynet without suspension: the same tree as plain recursive calls.
// bench-expect: full=499999500000 quick=4999950000 test=499500
const LEVELS = 6; // bench-size quick=5 test=3

function skynet(num, level) {
  if (level === 0) return num;
  let step = 1;
  for (let l = 1; l < level; l++) step *= 10;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += skynet(num + i * step, level - 1);
  return sum;
}

console.log(skynet(0, LEVELS));
