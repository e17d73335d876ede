// expect-exit: 1
// expect-stderr: TypeError: Cannot read properties of null (reading 'name')
// expect-stdout: looking up
function lookup(table, key) {
  return table[key];
}
console.log("looking up");
var rec = lookup({ a: null }, "a");
console.log(rec.name);
