// expect-exit: 2
// expect-stderr: negative/syntax-top-level-await.js:6:13: syntax error: await is only valid in async functions
// expect-no-stdout
// A script (CommonJS under Node) cannot await at its top level.
const p = Promise.resolve(1);
const one = await p;
console.log(one);
