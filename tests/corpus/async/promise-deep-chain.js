// A 10,000-long then chain, a chain of promises each resolved with the next,
// and 5,000 reactions on one promise.
let p = Promise.resolve(0);
for (let i = 0; i < 10000; i++) p = p.then((v) => v + i);
p.then((v) => console.log("chain sum", v));

function nested(n) {
  if (n === 0) return Promise.resolve("bottom");
  return new Promise((resolve) => resolve(nested(n - 1)));
}
nested(2000).then((v) => console.log("nested resolution", v));

const shared = Promise.resolve(1);
let count = 0;
for (let i = 0; i < 5000; i++) shared.then((v) => (count += v));
shared.then(() => console.log("reactions run", count));
