// Arithmetic operators incl. ** and % with negative and float operands.
console.log(7 + 3, 7 - 3, 7 * 3, 7 / 3);
console.log(7 % 3, -7 % 3, 7 % -3, -7 % -3);
console.log(5.5 % 2, -5.5 % 2, 5 % 2.5, 0.3 % 0.1);
console.log(-4 % 2, -0 % 5, 4 % -2);
console.log(1 % 0, 0 % 0, 5 % Infinity, -5 % Infinity);
console.log(Infinity % 5);
console.log(2 ** 10, 2 ** -1, 2 ** 0.5, (-2) ** 3, (-8) ** (1 / 3));
console.log(2 ** 3 ** 2);
console.log((2 ** 3) ** 2);
console.log(0 ** 0, NaN ** 0, 1 ** Infinity, 2 ** 1024, 2 ** -1075);
console.log((-0) ** 3, (-0) ** 2, (-2) ** 0.5);
console.log(10 / 4, -10 / 4, 10 / -4);
console.log(0.1 * 0.2, 0.3 - 0.1, 1 - 0.9);
console.log(1e16 + 1, 1e16 + 2);
console.log(9007199254740992 + 1);
console.log(3 * "4", "3" * "4", "10" / "4", "7" - 2, "7" + 2);
console.log("a" * 2, true + true, false - 1, null * 5, undefined * 5);
console.log(+"", +" ", +"3.5", -"3.5", +"-0");
var x = 17;
x = x * 3 - 2;
console.log(x);
x = x / 7;
console.log(x);
x = (x * 7) % 10;
console.log(x);
var sum = 0;
for (var i = 1; i <= 100; i++) {
  sum = sum + i * i;
}
console.log(sum);
var f = 1;
for (var j = 1; j <= 25; j++) {
  f = f * j;
}
console.log(f);
var h = 0;
for (var k = 0; k < 10; k++) {
  h = h + 0.1;
}
console.log(h);
console.log(-(-5), - -5, -(3 - 8));
console.log(1 - -1, 1 + -1, -1 * -1);
console.log(2 * 3 + 4 * 5, 2 * (3 + 4) * 5, 100 / 10 / 2);
console.log(7 % 3 * 2, 2 ** 2 * 3, -(2 ** 2));
