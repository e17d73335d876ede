// Promise.all: order of results, plain values, empty input, first rejection.
function delayed(v, ms) {
  return new Promise((resolve) => setTimeout(() => resolve(v), ms));
}

Promise.all([delayed("slow", 6), "plain", Promise.resolve("fast"), delayed("mid", 2)]).then(
  (vs) => console.log("all:", vs)
);

Promise.all([]).then((vs) => console.log("empty:", vs, Array.isArray(vs)));

Promise.all([
  Promise.resolve(1),
  Promise.reject(new Error("second failed")),
  Promise.reject(new Error("third failed")),
]).catch((e) => console.log("all rejected:", e.message));

Promise.all([1, 2, 3].map((n) => Promise.resolve(n * n))).then((sq) =>
  console.log("squares:", sq)
);

const thenable = { then: (r) => r("thenable value") };
Promise.all([thenable, 7]).then((vs) => console.log("with thenable:", vs));
