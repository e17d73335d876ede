// Regenerates numbers_node.txt (Node v20): `node gen_numbers.js > numbers_node.txt`
//   s BITS TEXT       String(x) for the double with bits BITS (hex)
//   p XBITS YBITS R   bits of x ** y (V8's fdlibm pow)
//   n TEXT R          bits of Number(TEXT) (TEXT JSON-encoded)
// The values come from a fixed-seed generator, so the file is reproducible.
'use strict';
let seed = 12345;
function rnd() { // xorshift32 in [0, 1)
  seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
  return seed / 4294967296;
}
const buf = new DataView(new ArrayBuffer(8));
const bits = (x) => { buf.setFloat64(0, x); return buf.getBigUint64(0).toString(16).padStart(16, '0'); };
const fromBits = (hi, lo) => { buf.setUint32(0, hi); buf.setUint32(4, lo); return buf.getFloat64(0); };
function randomDouble() {
  const r = rnd();
  if (r < 0.3) return fromBits(Math.floor(rnd() * 4294967296), Math.floor(rnd() * 4294967296));
  if (r < 0.5) return (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20);
  if (r < 0.6) return Math.floor(rnd() * 2 ** 53) * 2 ** Math.floor(rnd() * 40 - 60);
  if (r < 0.7) return Math.floor(rnd() * 1e6) / 8 + Math.floor(rnd() * 2 ** 50);
  if (r < 0.8) return Math.floor(rnd() * 2 ** 31) - 2 ** 30;
  if (r < 0.9) return Number((rnd() * 1000).toFixed(Math.floor(rnd() * 6)));
  return (Math.floor(rnd() * 2 ** 20) + 0.5) * 2 ** Math.floor(rnd() * 60);
}
const out = [];
for (let i = 0; i < 4000; i++) {
  const x = randomDouble();
  if (Number.isNaN(x)) continue;
  out.push(`s ${bits(x)} ${String(x)}`);
}
for (let i = 0; i < 2000; i++) {
  let x, y;
  const r = rnd();
  if (r < 0.4) { x = rnd() * 20; y = rnd() * 40 - 20; }
  else if (r < 0.6) { x = Math.floor(rnd() * 30) - 10; y = Math.floor(rnd() * 60) - 30; }
  else if (r < 0.8) { x = randomDouble(); y = rnd() * 4 - 2; }
  else { x = 1 + (rnd() - 0.5) * 1e-6; y = (rnd() - 0.5) * 1e9; }
  out.push(`p ${bits(x)} ${bits(y)} ${bits(x ** y)}`);
}
const pieces = ['', ' ', '0', '1', '9', '.', 'e', 'E', '+', '-', 'x', 'X', 'b', 'o', 'Infinity', 'a', 'f', '_', '\u00a0', '\n', '00', '12345678901234567890'];
for (let i = 0; i < 1500; i++) {
  let s = '';
  const n = 1 + Math.floor(rnd() * 6);
  for (let j = 0; j < n; j++) s += pieces[Math.floor(rnd() * pieces.length)];
  out.push(`n ${JSON.stringify(s)} ${bits(Number(s))}`);
  out.push(`f ${JSON.stringify(s)} ${bits(parseFloat(s))}`);
  const radix = [0, 0, 2, 8, 10, 16, 36, 7, 1, 37][Math.floor(rnd() * 10)];
  out.push(`i ${radix} ${JSON.stringify(s)} ${bits(parseInt(s, radix))}`);
}
process.stdout.write(out.join('\n') + '\n');
