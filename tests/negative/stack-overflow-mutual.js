// expect-exit: 3
// expect-stderr: stack overflow
// expect-no-stdout
function ping(n) {
  return pong(n + 1) + 1;
}
function pong(n) {
  return ping(n + 1) * 2;
}
ping(0);
