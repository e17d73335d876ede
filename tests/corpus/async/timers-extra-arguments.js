// Extra arguments to setTimeout/setInterval are passed to the callback.
setTimeout((a, b, c) => console.log("args:", a, b, c), 1, "one", 2, [3]);
setTimeout((...rest) => console.log("rest length", rest.length), 1);
setTimeout(function (x) {
  console.log("function callback", x);
}, 1, { k: "v" });
let count = 0;
const id = setInterval(
  (label, step) => {
    count += step;
    console.log(label, count);
    if (count >= 6) clearInterval(id);
  },
  1,
  "interval",
  3
);
