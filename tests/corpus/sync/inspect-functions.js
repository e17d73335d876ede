// Functions in console.log: [Function: name] and [Function (anonymous)].
function namedDecl() {}
var anonExpr = function () {};
var namedExpr = function inner() {};
var arrow = () => 1;
console.log(namedDecl);
console.log(anonExpr);
console.log(namedExpr);
console.log(arrow);
console.log([namedDecl, arrow]);
console.log({ f: namedDecl, g: function () {}, h: () => 2 });
console.log({ method: function () { return 1; } });
console.log([function () {}, (function () { return function () {}; })()]);
console.log(typeof namedDecl, String(typeof arrow));
var obj = { handler: null };
obj.handler = function () {};
console.log(obj);
function makeFn() {
  return function () {};
}
console.log(Math.max, console.log);
console.log([Math.floor, JSON.stringify]);
console.log({ nested: { deeper: { fn: namedDecl } } });
var fns = [];
for (var i = 0; i < 8; i++) fns.push(namedDecl);
console.log(fns);
console.log("fn:", namedDecl, "arrow:", arrow);
