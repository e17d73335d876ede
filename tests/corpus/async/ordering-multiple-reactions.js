// Several reactions registered on one promise run in registration order,
// whether registered before or after it settles; await reactions too.
let resolveIt;
const p = new Promise((r) => {
  resolveIt = r;
});

p.then((v) => console.log("first then", v));
(async () => {
  const v = await p;
  console.log("awaiter", v);
})();
p.then((v) => console.log("second then", v));
p.catch(() => console.log("never"));
p.finally(() => console.log("finally"));

console.log("resolving");
resolveIt("X");
p.then((v) => console.log("registered after resolve", v));
console.log("sync done");
