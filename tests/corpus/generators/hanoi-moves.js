// Towers of Hanoi: a recursive generator yields every move; the driver replays them on
// three pegs, checking legality, and prints a sample.
function* hanoi(n, from, to, via) {
  if (n === 0) return 0;
  const a = yield* hanoi(n - 1, from, via, to);
  yield [n, from, to];
  const b = yield* hanoi(n - 1, via, to, from);
  return a + b + 1;
}
function play(n) {
  const pegs = { A: [], B: [], C: [] };
  for (let d = n; d >= 1; d--) pegs.A.push(d);
  const g = hanoi(n, "A", "C", "B");
  let r = g.next();
  let moves = 0;
  let legal = true;
  const sample = [];
  while (!r.done) {
    const [disk, from, to] = r.value;
    const top = pegs[from].pop();
    const dest = pegs[to];
    if (top !== disk || (dest.length > 0 && dest[dest.length - 1] < disk)) legal = false;
    dest.push(top);
    moves++;
    if (moves <= 4 || moves % 100 === 0) sample.push(moves + ":" + disk + from + to);
    r = g.next();
  }
  return { n, moves, returned: r.value, legal, done: pegs.C.length === n, sample: sample.join(" ") };
}
for (const n of [0, 1, 2, 3, 10, 14]) console.log(play(n));
console.log([...hanoi(3, "L", "R", "M")].map((m) => m.join("")).join(" "));
