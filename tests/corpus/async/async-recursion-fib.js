// Recursive async functions: naive fibonacci with await at every level, and
// mutual recursion.
async function fib(n) {
  if (n < 2) return n;
  const a = await fib(n - 1);
  const b = await fib(n - 2);
  return a + b;
}

async function isEven(n) {
  if (n === 0) return true;
  return await isOdd(n - 1);
}
async function isOdd(n) {
  if (n === 0) return false;
  return isEven(n - 1);
}

async function fibParallel(n) {
  if (n < 2) return n;
  const [a, b] = await Promise.all([fibParallel(n - 1), fibParallel(n - 2)]);
  return a + b;
}

async function main() {
  for (const n of [0, 1, 2, 10, 18]) console.log("fib", n, await fib(n));
  console.log("isEven(101)", await isEven(101), "isEven(300)", await isEven(300));
  console.log("fibParallel(15)", await fibParallel(15));
}
main();
