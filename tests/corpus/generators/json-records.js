// Generators producing and consuming JSON records: a line reader, a parser stage, a
// filter and an aggregator, with JSON.stringify of every stage's output.
const text = [
  '{"user":"ann","action":"login","ms":12}',
  '{"user":"bob","action":"view","ms":40}',
  "not json at all",
  '{"user":"ann","action":"view","ms":35}',
  "",
  '{"user":"cid","action":"login","ms":8}',
  '{"user":"bob","action":"logout","ms":3}',
  '{"user":"ann","action":"logout","ms":5}',
].join("\n");
function* lines(s) {
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s[i] === "\n") {
      yield s.slice(start, i);
      start = i + 1;
    }
  }
}
function* parseRecords(ls) {
  let lineNo = 0;
  for (const line of ls) {
    lineNo++;
    if (line === "") continue;
    try {
      yield Object.assign({ line: lineNo }, JSON.parse(line));
    } catch (e) {
      yield { line: lineNo, error: e.name };
    }
  }
}
function* only(pred, it) {
  for (const x of it) if (pred(x)) yield x;
}
function* sessions(records) {
  const open = {};
  for (const r of records) {
    if (r.action === "login") open[r.user] = { user: r.user, actions: 0, ms: r.ms };
    else if (open[r.user]) {
      open[r.user].actions++;
      open[r.user].ms += r.ms;
      if (r.action === "logout") {
        yield open[r.user];
        delete open[r.user];
      }
    }
  }
  return Object.keys(open);
}
for (const r of parseRecords(lines(text))) console.log(JSON.stringify(r));
const valid = only((r) => !r.error, parseRecords(lines(text)));
const s = sessions(valid);
let step;
while (!(step = s.next()).done) console.log("session", JSON.stringify(step.value));
console.log("still open:", step.value);
console.log(JSON.stringify([...only((r) => r.ms > 10, parseRecords(lines(text)))].map((r) => r.user)));
function* toJsonLines(objs) {
  for (const o of objs) yield JSON.stringify(o, null, 0);
}
console.log([...toJsonLines([{ a: [1, 2] }, "s", 3, null, [{}]])].join("\n"));
