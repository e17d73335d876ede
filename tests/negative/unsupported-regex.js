// expect-exit: 2
// expect-stderr: negative/unsupported-regex.js:5:14: unsupported:
// expect-no-stdout
var text = "a1b2";
var digits = /[0-9]/g;
console.log(text.replace(digits, "#"));
