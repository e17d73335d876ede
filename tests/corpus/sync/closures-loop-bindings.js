// let in a for head gives a fresh binding per iteration; var shares one.
var varFns = [];
for (var i = 0; i < 3; i++) {
  varFns.push(function () { return i; });
}
console.log(varFns[0](), varFns[1](), varFns[2]());
var letFns = [];
for (let j = 0; j < 3; j++) {
  letFns.push(function () { return j; });
}
console.log(letFns[0](), letFns[1](), letFns[2]());
var mutFns = [];
for (let k = 0; k < 6; k++) {
  mutFns.push(() => k);
  k++;
}
console.log(mutFns.map((f) => f()));
var ofFns = [];
for (const v of ["a", "b", "c"]) {
  ofFns.push(() => v);
}
console.log(ofFns.map((f) => f()));
var inFns = [];
for (const key in { x: 1, y: 2 }) {
  inFns.push(() => key);
}
console.log(inFns.map((f) => f()));
var varOf = [];
for (var w of [1, 2, 3]) {
  varOf.push(() => w);
}
console.log(varOf.map((f) => f()));
var blockFns = [];
var n = 0;
while (n < 3) {
  let captured = n * 100;
  blockFns.push(() => captured);
  n++;
}
console.log(blockFns.map((f) => f()));
var closureUpdates = [];
for (let m = 0; m < 3; m++) {
  closureUpdates.push(() => { m += 10; return m; });
}
console.log(closureUpdates[0](), closureUpdates[0](), closureUpdates[1]());
var incr = [];
var reads = [];
for (let z = 0; z < 2; z++) {
  incr.push(() => z++);
  reads.push(() => z);
}
incr[0]();
incr[0]();
console.log(reads[0](), reads[1]());
console.log(typeof i, i);
let outerLet = "outer";
{
  let outerLet = "inner";
  console.log(outerLet);
}
console.log(outerLet);
for (let q = 0; q < 2; q++) {
  let q2 = q;
  setLater(() => q2 + q);
}
function setLater(f) { console.log("later", f()); }
