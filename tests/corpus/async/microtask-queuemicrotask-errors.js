// queueMicrotask needs a function; arguments to the callback are none.
try {
  queueMicrotask("not a function");
} catch (e) {
  console.log("TypeError?", e instanceof TypeError, e.code === undefined ? "" : e.code);
}
try {
  queueMicrotask();
} catch (e) {
  console.log("no argument:", e instanceof TypeError);
}
queueMicrotask(function (...args) {
  console.log("callback args length", args.length);
});
const results = [];
queueMicrotask(() => results.push("a"));
queueMicrotask(() => results.push("b"));
queueMicrotask(() => console.log("results", results));
