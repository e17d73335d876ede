// expect-exit: 1
// expect-stderr: TypeError: bad
// expect-no-stdout
function check(v) {
  if (typeof v !== "number") throw new TypeError("bad");
  return v;
}
check("not a number");
