// break/continue with labels across nested loops and blocks.
outer: for (var i = 0; i < 4; i++) {
  for (var j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    console.log("pair", i, j);
  }
}
console.log("after outer", i, j);
var found = null;
search: for (var r = 0; r < 5; r++) {
  for (var c = 0; c < 5; c++) {
    if (r * c === 6) {
      found = [r, c];
      break search;
    }
  }
}
console.log("found", found);
var log = [];
loop1: while (true) {
  var n = 0;
  loop2: do {
    n++;
    if (n === 2) continue loop2;
    if (n === 4) break loop1;
    log.push(n);
  } while (n < 10);
}
console.log(log);
block: {
  console.log("in block");
  if (log.length > 0) break block;
  console.log("not printed");
}
console.log("after block");
var skipped = [];
rows: for (const row of [[1, 2, 3], [4, -5, 6], [7, 8, 9]]) {
  for (const v of row) {
    if (v < 0) continue rows;
  }
  skipped.push(row);
}
console.log(skipped);
var count = 0;
a: for (let x = 0; x < 3; x++) {
  b: for (let y = 0; y < 3; y++) {
    c: for (let z = 0; z < 3; z++) {
      if (z === 1) continue b;
      if (y === 2) continue a;
      count++;
    }
  }
}
console.log("count", count);
var text = "";
letters: for (const ch of "abcdef") {
  switch (ch) {
    case "c":
      continue letters;
    case "e":
      break letters;
  }
  text += ch;
}
console.log(text);
var keysSeen = [];
props: for (var k in { p: 1, q: 2, r: 3 }) {
  for (var m = 0; m < 3; m++) {
    if (k === "q") continue props;
    if (m === 1) break;
  }
  keysSeen.push(k);
}
console.log(keysSeen);
