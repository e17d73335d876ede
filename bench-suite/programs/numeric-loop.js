// bench-units: 10000000 iterations
// Numeric loop: 10,000,000 iterations of floating-point and integer
// arithmetic, with a call to a closure (which updates a captured variable)
// in every iteration. Prints a checksum so that switchyard and node can be
// compared.
function makeStep(k) {
  let calls = 0;
  return function (x) {
    calls++;
    return (x * k + calls) % 1000003;
  };
}

const step = makeStep(1.5);
let acc = 0;
let bits = 0;
for (let i = 0; i < 10000000; i++) {
  acc = step(acc);
  bits = (bits + i * 7) | 0;
}
console.log(acc, bits);
