// for await with destructuring patterns, defaults, labelled continue/break.
async function* records() {
  yield { id: 1, tags: ["a", "b"] };
  yield { id: 2 };
  yield { id: 3, tags: ["c"], extra: true };
  yield { id: 4, tags: [] };
}

async function main() {
  for await (const { id, tags = ["none"], extra = false } of records()) {
    console.log(id, tags, extra);
  }
  for await (const [first, ...rest] of [Promise.resolve([1, 2, 3]), [4]]) {
    console.log("first", first, "rest", rest);
  }
  outer: for await (const r of records()) {
    for (const t of r.tags || []) {
      if (t === "b") continue outer;
      if (t === "c") break outer;
      console.log("record", r.id, "tag", t);
    }
    console.log("record", r.id, "finished its tags");
  }
  let last;
  for await (last of [10, 20]);
  console.log("assignment target", last);
}
main();
