// Runtime errors from scoping: assignment to const (TypeError) and the temporal dead zone (ReferenceError).
try {
  const fixed = 1;
  fixed = 2;
  console.log("not reached");
} catch (e) {
  console.log(e instanceof TypeError, e.name, e.message);
}
function tdz() {
  try {
    return before;
  } catch (e) {
    return e.name + ": " + e.message;
  }
  let before = 1;
}
console.log(tdz());
function tdzClosure() {
  var read = function () { return value; };
  var r1;
  try {
    r1 = read();
  } catch (e) {
    r1 = e.name;
  }
  let value = "initialized";
  return [r1, read()];
}
console.log(tdzClosure());
const counter = { n: 0 };
function bump() {
  counter.n++;
  return counter.n;
}
bump();
bump();
console.log(counter);
let reassigned = 1;
reassigned = reassigned + 1;
console.log(reassigned);
for (const item of [1, 2]) {
  try {
    item = 5;
  } catch (e) {
    console.log("loop const", item, e.name);
  }
}
try {
  for (const i = 0; i < 2; i++) {
    console.log("first iteration", i);
  }
} catch (e) {
  console.log(e.name, e.message);
}
