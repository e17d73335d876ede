// expect-exit: 1
// expect-stderr: Error: boom
// expect-no-stdout
throw new Error("boom");
