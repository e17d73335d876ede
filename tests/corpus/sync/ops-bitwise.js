// Bitwise operators on negative, large and fractional values (ToInt32 / ToUint32).
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5, ~-1, ~0);
console.log(-5 & 3, -5 | 3, -5 ^ 3, ~~3.7, ~~-3.7);
console.log(1 << 31, 1 << 32, 1 << 33, 1 << -1, 2 << 30);
console.log(-1 >> 1, -1 >>> 1, -1 >>> 0, -8 >> 2, -8 >>> 28);
console.log(4294967295 | 0, 4294967296 | 0, 2147483648 | 0, 2147483647 + 1 | 0);
console.log(3.9 | 0, -3.9 | 0, 1e10 | 0, -1e10 | 0, 1e21 | 0, 2 ** 53 | 0);
console.log(NaN | 0, Infinity | 0, -Infinity & 1, "12" | 0, "0x1f" & 0xff, null | 0, undefined | 5);
console.log(0xff, 0xFF00 >> 8, 0b1010, 0o17, 0xdeadbeef, 0xdeadbeef | 0, 0xdeadbeef >>> 0);
console.log(1 << 5 >> 2, 256 >>> 4 << 1, 5 & 6 | 8, 5 | 6 & 8);
console.log(-2147483648 >> 31, -2147483648 >>> 31, 2147483648 >> 0, 2147483648 >>> 0);
console.log(12345 << 20, 12345 << 19, (12345 << 20) >>> 0);
console.log(1.5 << 1.5, -1.5 >> 0.9, 7 >>> 33);
function popcount(n) {
  var c = 0;
  n = n >>> 0;
  while (n) {
    c += n & 1;
    n = n >>> 1;
  }
  return c;
}
console.log(popcount(0), popcount(255), popcount(-1), popcount(0x12345678));
function toHex(n) {
  var digits = "0123456789abcdef";
  var s = "";
  n = n >>> 0;
  for (var i = 0; i < 8; i++) {
    s = digits.charAt(n & 15) + s;
    n = n >>> 4;
  }
  return s;
}
console.log(toHex(255), toHex(-1), toHex(0xcafe), toHex(-256));
var hash = 5381;
var text = "the quick brown fox";
for (var i = 0; i < text.length; i++) {
  hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
}
console.log("djb2", hash, hash >>> 0);
var flags = 0;
var READ = 1, WRITE = 2, EXEC = 4;
flags |= READ;
flags |= EXEC;
console.log(flags, (flags & WRITE) !== 0, (flags & EXEC) !== 0);
flags &= ~READ;
console.log(flags);
flags ^= WRITE | EXEC;
console.log(flags);
var x = -123456789;
x <<= 3;
console.log(x);
x >>= 5;
console.log(x);
x >>>= 1;
console.log(x);
var y = 0x7fffffff;
y += 1;
console.log(y, y | 0, ~y);
var z = 6;
z ^= 3;
console.log(z);
