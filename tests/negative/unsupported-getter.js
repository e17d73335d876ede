// expect-exit: 2
// expect-stderr: negative/unsupported-getter.js:6:3: unsupported:
// expect-no-stdout
var o = {
  plain: 1,
  get doubled() {
    return this.plain * 2;
  },
};
console.log(o.doubled);
