// Number(x), parseInt, String(x) conversions.
console.log(Number(""), Number(" 12 "), Number("0x10"), Number("1e3"));
console.log(Number("abc"), Number(null), Number(undefined), Number(true), Number(false));
console.log(Number([]), Number([5]), Number([1, 2]), Number(["7"]));
console.log(Number("  \n 42 \t"), Number("-0"), Number("+5"), Number(".5"), Number("5."));
console.log(Number("1_000"), Number("12px"), Number("Infinity"), Number("-Infinity"));
console.log(Number("0b101"), Number("0o17"), Number("00012"), Number("1e1000"));
console.log(Number({}), Number("3.14abc"), Number(" "));
console.log(parseInt("42"), parseInt("  42abc"), parseInt("abc42"), parseInt(""));
console.log(parseInt("0x1F"), parseInt("0x"), parseInt("ff", 16), parseInt("FF", 16));
console.log(parseInt("101", 2), parseInt("777", 8), parseInt("z", 36), parseInt("10", 37));
console.log(parseInt("-12.9"), parseInt("3.99"), parseInt("+7"), parseInt("-0"));
console.log(parseInt("123", 0), parseInt("123", 1), parseInt("0x10", 16), parseInt("0x10", 10));
console.log(parseInt("9007199254740993"), parseInt("1e3"), parseInt(" -  5"));
console.log(parseInt(15.99), parseInt("12", 3), parseInt("2", 2));
console.log(String(123), String(-1.5), String(true), String(null), String(undefined));
console.log(String("s"), String([1, 2, 3]), String([]), String([null, undefined, 1]));
console.log(String([[1, 2], [3]]), String({}));
console.log(String(1e21), String(1e-7), String(NaN), String(-Infinity));
console.log(typeof String(5), typeof Number("5"));
var inputs = ["1", "1.0", "01", "-1", "1e2", " 1 ", "1 2", "0.0", "-0.0", "Infinityx"];
for (var i = 0; i < inputs.length; i++) {
  console.log(i, Number(inputs[i]), parseInt(inputs[i]));
}
