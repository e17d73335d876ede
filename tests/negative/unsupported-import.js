// expect-exit: 2
// expect-stderr: negative/unsupported-import.js:4:1: unsupported:
// expect-no-stdout
import { readFileSync } from "fs";
console.log(typeof readFileSync);
