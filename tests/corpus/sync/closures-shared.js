// Captured variables are shared by reference between closures and the enclosing scope.
function pair() {
  var value = 0;
  function inc() { value++; }
  function read() { return value; }
  return [inc, read];
}
var p = pair();
p[0]();
p[0]();
console.log(p[1]());
var q = pair();
q[0]();
console.log(q[1](), p[1]());
var shared = 1;
function bump() { shared = shared * 2; }
bump();
bump();
console.log(shared);
function outer() {
  var x = "before";
  var get = function () { return x; };
  x = "after";
  return get;
}
console.log(outer()());
function nestedLevels() {
  var a = 1;
  return function () {
    var b = 10;
    return function () {
      a++;
      b++;
      return a + b;
    };
  };
}
var mid = nestedLevels();
var inner1 = mid();
var inner2 = mid();
console.log(inner1(), inner1(), inner2(), inner1());
function makeBox() {
  var content = [];
  return {
    put: (x) => content.push(x),
    peek: () => content,
    replace: (arr) => { content = arr; },
  };
}
var box = makeBox();
box.put("a");
var ref = box.peek();
box.put("b");
console.log(ref);
box.replace(["z"]);
console.log(ref, box.peek());
var fns = {};
(function () {
  var secret = 42;
  fns.get = function () { return secret; };
  fns.set = function (v) { secret = v; };
})();
console.log(fns.get());
fns.set(7);
console.log(fns.get());
var log = [];
function logger(prefix) {
  return function (msg) { log.push(prefix + msg); return log.length; };
}
var la = logger("A:");
var lb = logger("B:");
la("one");
lb("two");
console.log(la("three"), log);
var x = 1;
function readsGlobal() { return x; }
x = 2;
console.log(readsGlobal());
let lx = "let-outer";
const getLx = () => lx;
lx = "let-changed";
console.log(getLx());
