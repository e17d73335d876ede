// expect-exit: 1
// expect-stderr: RangeError: too deep
// expect-stdout: level 0
// expect-stdout: level 1
// expect-stdout: level 2
// expect-stdout: finally 2
// expect-stdout: finally 1
// expect-stdout: finally 0
function level(n) {
  console.log("level " + n);
  try {
    if (n === 2) throw new RangeError("too deep");
    level(n + 1);
  } finally {
    console.log("finally " + n);
  }
}
level(0);
