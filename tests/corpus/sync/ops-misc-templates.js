// Conditional operator, comma operator, template literals with expressions, grouping.
var n = 7;
console.log(n > 5 ? "big" : "small", n % 2 === 0 ? "even" : "odd");
console.log(n < 0 ? "neg" : n === 0 ? "zero" : n < 10 ? "digit" : "large");
var t = true ? false ? 1 : 2 : 3;
console.log(t);
var picked = (n > 0 ? [1, 2] : { x: 1 });
console.log(picked);
var c = (1, 2, 3);
console.log(c);
var i, j;
for (i = 0, j = 10; i < j; i++, j--) {}
console.log(i, j);
var side = 0;
var r = (side++, side++, side * 10);
console.log(r, side);
var name = "World";
console.log(`Hello, ${name}!`);
console.log(`sum: ${1 + 2}, product: ${3 * 4}, nested: ${`inner ${n}`}`);
console.log(`multi
line
template`);
console.log(`${null} ${undefined} ${true} ${[1, 2, 3]} ${{}} ${-0} ${1e21} ${0.1 + 0.2}`);
console.log(`escaped \${not} and \` backtick and \n newline`);
console.log(`${"a"}${"b"}${"c"}`, `${n > 5 ? "yes" : "no"}`, ``.length);
var items = ["x", "y"];
console.log(`items: ${items.join(", ")} (${items.length})`);
function tag(x) { return `<${x}>`; }
console.log(`${tag("b")}${tag(tag("i"))}`);
var obj = { a: 1 };
console.log(`obj.a = ${obj.a}, missing = ${obj.missing}`);
var rows = [];
for (var k = 1; k <= 3; k++) {
  rows.push(`${k} x ${k} = ${k * k}`);
}
console.log(rows.join("\n"));
console.log((1 + 2) * 3, 1 + 2 * 3, (1 + 2) * (3 + 4), ((((5)))));
console.log(typeof `${1}`, `${1}` === "1");
var price = 19.5;
var qty = 3;
console.log(`Total: ${price * qty} (${qty} @ ${price})`);
console.log(`${"\u00e9"}\u00e9 ${"😀".length}`);
var s = "";
for (var m = 0; m < 3; m++) s = `${s}[${m}]`;
console.log(s);
var cond = null;
console.log(cond ? cond.x : "no cond", cond ?? "nullish");
console.log(`${n}` + 1, `${n + 1}`);
