// var/let/const scoping, blocks, shadowing, const objects are mutable.
var a = "global a";
let b = "global b";
const c = "global c";
function f() {
  var a = "local a";
  let b = "local b";
  {
    let b = "block b";
    const c = "block c";
    var d = "function-scoped d";
    console.log(a, b, c);
  }
  console.log(a, b, c, d);
}
f();
console.log(a, b, c);
if (true) {
  var hoisted = "var escapes block";
  let contained = "let stays";
  console.log(contained);
}
console.log(hoisted);
const obj = { n: 1 };
obj.n = 2;
obj.m = 3;
console.log(obj);
const arr = [1];
arr.push(2);
console.log(arr);
let x = 1;
{
  let x = 2;
  {
    let x = 3;
    console.log("x3", x);
  }
  console.log("x2", x);
}
console.log("x1", x);
function param(x) {
  {
    let x = "shadowed param";
    console.log(x);
  }
  return x;
}
console.log(param("original param"));
var counter = 0;
for (let counter = 10; counter < 12; counter++) {
  console.log("loop counter", counter);
}
console.log("outer counter", counter);
function varRedeclare() {
  var v = 1;
  var v = 2;
  return v;
}
console.log(varRedeclare());
let late;
console.log(late);
late = "set";
console.log(late);
const fn = function () { return typeof fn; };
console.log(fn());
var sameName = 1;
function useSame() {
  return sameName;
  var sameName = 2;
}
console.log(useSame());
