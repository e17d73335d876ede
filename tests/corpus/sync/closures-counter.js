// Counters and private state through closures.
function makeCounter(start) {
  var count = start;
  return function () {
    count = count + 1;
    return count;
  };
}
var c1 = makeCounter(0);
var c2 = makeCounter(100);
console.log(c1(), c1(), c1());
console.log(c2(), c2());
console.log(c1(), c2());
function makeAccumulator() {
  var total = 0;
  var history = [];
  return {
    add: function (n) { total += n; history.push(n); return total; },
    get: function () { return total; },
    history: function () { return history.slice(); },
    reset: function () { total = 0; history = []; },
  };
}
var acc = makeAccumulator();
acc.add(5);
acc.add(10);
console.log(acc.get(), acc.history());
var h = acc.history();
h.push(999);
console.log(acc.history());
acc.reset();
console.log(acc.get(), acc.history());
acc.add(1);
console.log(acc.get());
function makeAdder(x) {
  return (y) => x + y;
}
var add5 = makeAdder(5);
var add10 = makeAdder(10);
console.log(add5(1), add10(1), makeAdder(-1)(1));
function once(f) {
  var done = false;
  var result;
  return function (x) {
    if (!done) {
      done = true;
      result = f(x);
    }
    return result;
  };
}
var init = once(function (x) { console.log("initializing with", x); return x * 2; });
console.log(init(21), init(99), init(0));
function memoFib() {
  var memo = {};
  function fib(n) {
    if (n < 2) return n;
    if (n in memo) return memo[n];
    var v = fib(n - 1) + fib(n - 2);
    memo[n] = v;
    return v;
  }
  return fib;
}
var fib = memoFib();
console.log(fib(50), fib(78));
function curry3(a) {
  return function (b) {
    return function (c) {
      return a + "-" + b + "-" + c;
    };
  };
}
console.log(curry3("x")("y")("z"));
var gens = [];
for (var i = 0; i < 3; i++) {
  gens.push(makeCounter(i * 10));
}
console.log(gens[0](), gens[1](), gens[2](), gens[0]());
