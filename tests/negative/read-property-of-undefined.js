// expect-exit: 1
// expect-stderr: TypeError: Cannot read properties of undefined (reading 'x')
// expect-no-stdout
var u;
var v = u.x;
console.log(v);
