// Text processing with generators: words of a text, greedy line wrapping, justification,
// and a word-frequency count.
const text =
  "Generators are functions that can be paused and resumed. Each call to next runs the body " +
  "until the next yield, which hands a value back to the caller and freezes the local state " +
  "until the caller asks again. This makes them a natural fit for streams of text.";
function* words(s) {
  let cur = "";
  for (const ch of s) {
    if (ch === " " || ch === "\n") {
      if (cur !== "") yield cur;
      cur = "";
    } else {
      cur += ch;
    }
  }
  if (cur !== "") yield cur;
}
function* wrap(ws, width) {
  let line = "";
  for (const w of ws) {
    if (line === "") line = w;
    else if (line.length + 1 + w.length <= width) line += " " + w;
    else {
      yield line;
      line = w;
    }
  }
  if (line !== "") yield line;
}
function* justify(lines, width) {
  let prev = null;
  for (const line of lines) {
    if (prev !== null) {
      const parts = prev.split(" ");
      let gaps = parts.length - 1;
      let spaces = width - prev.length + gaps;
      let out = parts[0];
      for (let i = 1; i < parts.length; i++) {
        const n = Math.ceil(spaces / gaps);
        out += " ".repeat(n) + parts[i];
        spaces -= n;
        gaps--;
      }
      yield out;
    }
    prev = line;
  }
  if (prev !== null) yield prev;
}
for (const width of [20, 32]) {
  console.log("width " + width);
  for (const line of wrap(words(text), width)) console.log("|" + line.padEnd(width) + "|");
}
for (const line of justify(wrap(words(text), 28), 28)) console.log("[" + line + "]");
const freq = {};
for (const w of words(text.toLowerCase())) {
  const clean = w.endsWith(".") || w.endsWith(",") ? w.slice(0, -1) : w;
  freq[clean] = (freq[clean] || 0) + 1;
}
const top = Object.keys(freq)
  .filter((k) => freq[k] > 1)
  .sort((a, b) => freq[b] - freq[a] || (a < b ? -1 : 1));
console.log(top.map((k) => k + "=" + freq[k]).join(" "));
console.log([...words("  spaced   out \n words ")]);
