// TypeErrors from misuse of the promise API, and the string tags of promises
// and async generator objects.
try {
  Promise(() => {});
  console.log("Promise() without new did not throw");
} catch (e) {
  console.log("without new:", e instanceof TypeError, e.message);
}
try {
  new Promise("not a function");
} catch (e) {
  console.log("bad executor:", e instanceof TypeError, e.message);
}
try {
  Promise.resolve().then.call({}, () => {});
} catch (e) {
  console.log("then on a plain object:", e instanceof TypeError, e.message);
}

console.log(Object.prototype.toString.call(Promise.resolve()), String(Promise.reject(0).catch(() => {})));
async function* ag() {
  yield 1;
}
console.log(Object.prototype.toString.call(ag()));

async function main() {
  for (const method of ["next", "return", "throw"]) {
    try {
      await ag()[method].call({});
    } catch (e) {
      console.log(method, e instanceof TypeError, e.message);
    }
  }
  try {
    await Promise.all(3);
  } catch (e) {
    console.log("Promise.all(3):", e instanceof TypeError, e.message);
  }
  try {
    await Promise.race(undefined);
  } catch (e) {
    console.log("Promise.race(undefined):", e.message);
  }
  try {
    await Promise.any({});
  } catch (e) {
    console.log("Promise.any({}):", e.message);
  }
}
main();
