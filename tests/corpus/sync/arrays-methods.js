// push/pop/shift/unshift/slice/concat/join/indexOf/includes/reverse.
var a = [1, 2, 3];
console.log(a.push(4), a);
console.log(a.push(5, 6), a);
console.log(a.pop(), a);
console.log(a.shift(), a);
console.log(a.unshift(0), a);
console.log(a.unshift(-2, -1), a);
var e = [];
console.log(e.pop(), e.shift(), e.length);
var s = [10, 20, 30, 40, 50];
console.log(s.slice(1, 3), s.slice(2), s.slice(-2), s.slice(-3, -1), s.slice(3, 1), s.slice());
console.log(s.slice(0, 100), s.slice(100));
console.log(s.concat([60, 70]), s.concat(80, [90, [100]]), s.concat(), s);
console.log(s.join(), s.join("-"), s.join(""), [].join(), [1].join(", "));
console.log([null, undefined, 1, "a", true].join("/"));
console.log([[1, 2], [3]].join(";"));
console.log(s.indexOf(30), s.indexOf(35), s.indexOf(10, 1), s.indexOf(50, -1));
console.log([NaN].indexOf(NaN), [NaN].includes(NaN), ["1"].indexOf(1), [0].includes(-0));
console.log(s.includes(20), s.includes(25), s.includes(10, 1));
var r = [1, 2, 3, 4];
var r2 = r.reverse();
console.log(r, r2, r === r2);
console.log(["a"].reverse(), [].reverse());
var queue = [];
for (var i = 0; i < 5; i++) {
  queue.push("job" + i);
}
while (queue.length > 0) {
  var job = queue.shift();
  console.log("run", job, "left", queue.length);
}
var stack = [];
stack.push(1);
stack.push(2);
stack.push(3);
var popped = "";
while (stack.length) {
  popped += stack.pop();
}
console.log(popped);
var copy = s.slice();
copy[0] = 999;
console.log(s[0], copy[0]);
var joined = ["x", "y", "z"].concat(["w"]).reverse().join("+");
console.log(joined);
var objs = [{ id: 1 }, { id: 2 }];
var found = objs[1];
console.log(objs.indexOf(found), objs.indexOf({ id: 2 }), objs.includes(found));
