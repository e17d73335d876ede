// A tour of what switchyard compiles today: closures, objects, arrays,
// exceptions and Node-compatible console.log output.
function makeCounter(start) {
  let count = start;
  return {
    next: () => ++count,
    reset() {
      count = start;
    },
  };
}

const counter = makeCounter(10);
console.log("counter:", counter.next(), counter.next(), counter.next());
counter.reset();
console.log("after reset:", counter.next());

const primes = [];
for (let n = 2; primes.length < 12; n++) {
  if (primes.every((p) => n % p !== 0)) primes.push(n);
}
console.log(primes);
console.log(primes.map((p) => p * p).filter((q) => q % 10 === 9));

const inventory = { apples: 3, pears: 0, "dragon fruit": 7 };
for (const name in inventory) {
  console.log(`${name.padStart(12)}: ${"#".repeat(inventory[name])}`);
}
console.log(inventory, Object.keys(inventory).length);

function divide(a, b) {
  if (b === 0) throw new RangeError("division by zero");
  return a / b;
}
try {
  console.log(divide(1, 3), divide(1, 0));
} catch (e) {
  console.log(e.name + ": " + e.message);
} finally {
  console.log("0.1 + 0.2 =", 0.1 + 0.2, "and -0 is", -0);
}
console.log(JSON.stringify({ primes: primes.slice(0, 3), nested: { ok: true, none: null } }));
