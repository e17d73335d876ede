// expect-exit: 1
// expect-stderr: UnhandledPromiseRejection
// expect-stderr: The promise rejected with the reason "just a string".
// expect-stderr: code: 'ERR_UNHANDLED_REJECTION'
// expect-stdout: start
// An unhandled rejection whose reason is not an Error: node wraps it.
console.log("start");
Promise.reject("just a string");
