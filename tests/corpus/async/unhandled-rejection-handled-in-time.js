// A rejection handled before the microtask queue drains is not "unhandled";
// handlers may be attached from another microtask or an async function.
const p1 = Promise.reject(new Error("handled synchronously later"));
console.log("script continues");
p1.catch((e) => console.log("caught", e.message));

const p2 = Promise.reject(new Error("handled from a microtask"));
queueMicrotask(() => p2.catch((e) => console.log("caught", e.message)));

const p3 = Promise.reject(new Error("handled after awaits"));
(async () => {
  await null;
  await null;
  try {
    await p3;
  } catch (e) {
    console.log("caught", e.message);
  }
})();

async function failing() {
  throw new Error("async rejection");
}
const p4 = failing();
Promise.resolve().then(() => p4.catch((e) => console.log("caught", e.message)));
setTimeout(() => console.log("timer: still alive"), 1);
