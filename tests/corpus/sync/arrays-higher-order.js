// map/filter/reduce/forEach/some/every/find with callbacks receiving index and array.
var nums = [5, 3, 8, 1, 9, 2];
console.log(nums.map(function (x) { return x * 2; }));
console.log(nums.map(function (x, i) { return x + ":" + i; }));
console.log(nums.filter(function (x) { return x % 2 === 1; }));
console.log(nums.filter(function (x, i) { return i >= 4; }));
console.log(nums.reduce(function (acc, x) { return acc + x; }, 0));
console.log(nums.reduce(function (acc, x) { return acc + x; }));
console.log(nums.reduce(function (acc, x) { return acc > x ? acc : x; }));
console.log(["a", "b", "c"].reduce(function (acc, x, i) { return acc + x + i; }, ">"));
console.log([7].reduce(function (a, b) { return a + b; }));
console.log([].reduce(function (a, b) { return a + b; }, "init"));
var log = [];
nums.forEach(function (x, i, arr) {
  log.push(i + "=" + x + "/" + arr.length);
});
console.log(log.join(" "));
console.log(nums.forEach(function () {}));
console.log(nums.some(function (x) { return x > 8; }), nums.some(function (x) { return x > 9; }));
console.log(nums.every(function (x) { return x > 0; }), nums.every(function (x) { return x > 1; }));
console.log([].some(function () { return true; }), [].every(function () { return false; }));
console.log(nums.find(function (x) { return x > 5; }), nums.find(function (x) { return x > 50; }));
var visits = 0;
nums.some(function (x) { visits++; return x === 8; });
console.log("visits", visits);
var people = [
  { name: "Ann", age: 31 },
  { name: "Bob", age: 17 },
  { name: "Cy", age: 45 },
  { name: "Di", age: 12 },
];
var adults = people.filter(function (p) { return p.age >= 18; }).map(function (p) { return p.name; });
console.log(adults);
var totalAge = people.reduce(function (sum, p) { return sum + p.age; }, 0);
console.log(totalAge, totalAge / people.length);
console.log(people.find(function (p) { return p.name === "Cy"; }));
var byInitial = people.reduce(function (acc, p) {
  acc[p.name.charAt(0)] = p.age;
  return acc;
}, {});
console.log(byInitial);
var arrows = nums.map((x) => x * x).filter((x) => x > 10).reduce((a, b) => a + b, 0);
console.log(arrows);
var nested = [[1, 2], [3, 4], [5]].map((pair) => pair.reduce((a, b) => a + b));
console.log(nested);
var flat = [[1, 2], [3], [], [4, 5, 6]].reduce((acc, xs) => acc.concat(xs), []);
console.log(flat);
var words = ["apple", "kiwi", "banana", "fig"];
console.log(words.map((w) => w.length), words.filter((w) => w.includes("i")));
console.log(words.map((w) => w.toUpperCase()).join(" "));
var mutated = [1, 2, 3];
mutated.forEach((x, i, arr) => { arr[i] = x * 10; });
console.log(mutated);
