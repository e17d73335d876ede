// Conway's game of life: a generator yields successive generations of a small board;
// the driver prints them and stops when a state repeats.
function* life(board) {
  let cur = board;
  while (true) {
    yield cur;
    const h = cur.length;
    const w = cur[0].length;
    const next = [];
    for (let y = 0; y < h; y++) {
      let row = "";
      for (let x = 0; x < w; x++) {
        let n = 0;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            if (dx === 0 && dy === 0) continue;
            const yy = (y + dy + h) % h;
            const xx = (x + dx + w) % w;
            if (cur[yy][xx] === "#") n++;
          }
        }
        const alive = cur[y][x] === "#";
        row += (alive && (n === 2 || n === 3)) || (!alive && n === 3) ? "#" : ".";
      }
      next.push(row);
    }
    cur = next;
  }
}
function* withIndex(it) {
  let i = 0;
  for (const x of it) yield [i++, x];
}
const glider = [".#......", "..#.....", "###.....", "........", "........", "........"];
for (const [gen, b] of withIndex(life(glider))) {
  if (gen % 4 === 0) console.log("generation " + gen + "\n" + b.join("\n"));
  if (gen === 12) break;
}
const blinker = [".....", "..#..", "..#..", "..#..", "....."];
const seen = {};
for (const [gen, b] of withIndex(life(blinker))) {
  const key = b.join("/");
  if (seen[key] !== undefined) {
    console.log("blinker repeats: generation", gen, "equals", seen[key]);
    break;
  }
  seen[key] = gen;
}
let population = [];
for (const [gen, b] of withIndex(life(["......", ".##...", ".##...", "...##.", "...##.", "......"]))) {
  population.push(b.join("").split("#").length - 1);
  if (gen === 5) break;
}
console.log("beacon population", population);
