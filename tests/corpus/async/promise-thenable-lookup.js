// What counts as a thenable: functions with a then, objects inheriting then from
// Object.prototype, arrays with a then; never primitives (even with
// Number.prototype.then defined).
function f() {}
f.then = (r) => r("function thenable");
Promise.resolve(f).then((v) => console.log("fn:", v));
Number.prototype.then = function () { console.log("never: primitives are not thenables"); };
Promise.resolve(5).then((v) => console.log("number:", v));
Object.prototype.then = function (r) {
  console.log("Object.prototype.then called on", JSON.stringify(this));
  delete Object.prototype.then;
  r("hijacked");
};
Promise.resolve({ a: 1 }).then((v) => console.log("object:", v));
setTimeout(() => {
  delete Number.prototype.then;
  const arr = [1];
  arr.then = (r) => r("array thenable");
  Promise.resolve(arr).then((v) => console.log("array:", v));
  (async () => {
    console.log("await plain object:", await { b: 2 });
  })();
}, 1);
