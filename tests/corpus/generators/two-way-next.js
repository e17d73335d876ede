// Two-way communication with next(v): the first next's argument is ignored.
function* echo() {
  let received = [];
  while (true) {
    const v = yield received.length;
    if (v === undefined) break;
    received.push(v);
  }
  return received;
}
const e = echo();
console.log(e.next("lost"));
console.log(e.next("a"));
console.log(e.next(2));
console.log(e.next({ k: 3 }));
console.log(e.next());
console.log(e.next("after"));

function* runningAverage() {
  let sum = 0;
  let count = 0;
  let avg = null;
  while (true) {
    const x = yield avg;
    sum += x;
    count++;
    avg = sum / count;
  }
}
const avg = runningAverage();
avg.next();
for (const x of [10, 20, 60, 5, 5]) console.log("avg after", x, "=", avg.next(x).value);

// A generator used as a coroutine: it asks questions, the driver answers.
function* interview() {
  const name = yield "name?";
  const age = yield "age of " + name + "?";
  const city = yield name + " is " + age + "; city?";
  return { name, age, city };
}
const answers = { "name?": "Ada", "age of Ada?": 36 };
const q = interview();
let step = q.next();
while (!step.done) {
  const answer = answers[step.value] !== undefined ? answers[step.value] : "London";
  console.log("Q:", step.value, "A:", answer);
  step = q.next(answer);
}
console.log(step.value);

// yield as an operand: evaluation order of yields inside an expression.
function* calc() {
  const r = (yield "a") + (yield "b") * (yield "c");
  console.log("calc r =", r);
  return r;
}
const c = calc();
console.log(c.next().value, c.next(2).value, c.next(3).value, c.next(4));
// next() with several arguments uses only the first.
function* one() {
  const v = yield;
  return v;
}
const o = one();
o.next();
console.log(o.next(1, 2, 3));
