// break / continue label / return / throw leaving a for-of over a generator
// through a finally that awaits: the finally's await completes first, then the
// generator is closed, then the jump continues.
function* gen(tag) { try { yield 1; yield 2; yield 3; } finally { console.log(tag, "gen closed"); } }
async function f(mode) {
  const trace = [];
  outer: for (let i = 0; i < 3; i++) {
    for (const v of gen(mode + i)) {
      try {
        trace.push(i + ":" + v);
        if (mode === "break" && v === 2) break;
        if (mode === "continue" && v === 1) continue outer;
        if (mode === "return" && i === 1) return trace.join(",");
        if (mode === "throw" && i === 2) throw new Error("thrown at " + v);
      } finally {
        await null;
        trace.push("f");
      }
    }
  }
  return trace.join(",");
}
async function main() {
  for (const m of ["break", "continue", "return", "throw", "none"]) {
    try { console.log(m, "=>", await f(m)); } catch (e) { console.log(m, "threw", e.message); }
  }
}
main();
