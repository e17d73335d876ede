// Depth-first search over a grid maze with recursive generators: every simple path from
// start to goal, and a breadth-first frontier generator.
const maze = ["S.#.....", ".##.###.", "....#...", ".##...#.", "...#.#.G"];
const H = maze.length;
const W = maze[0].length;
function find(ch) {
  for (let y = 0; y < H; y++) {
    const x = maze[y].indexOf(ch);
    if (x >= 0) return [y, x];
  }
  return null;
}
function* neighbours([y, x]) {
  for (const [dy, dx] of [[0, 1], [1, 0], [0, -1], [-1, 0]]) {
    const ny = y + dy;
    const nx = x + dx;
    if (ny >= 0 && ny < H && nx >= 0 && nx < W && maze[ny][nx] !== "#") yield [ny, nx];
  }
}
function* paths(pos, goal, visited) {
  const key = pos[0] * W + pos[1];
  if (visited[key]) return;
  if (pos[0] === goal[0] && pos[1] === goal[1]) {
    yield [pos];
    return;
  }
  visited[key] = true;
  for (const n of neighbours(pos)) {
    for (const rest of paths(n, goal, visited)) yield [pos, ...rest];
  }
  visited[key] = false;
}
function* bfs(start) {
  const dist = {};
  dist[start[0] * W + start[1]] = 0;
  let frontier = [start];
  let d = 0;
  while (frontier.length > 0) {
    yield [d, frontier.length];
    const next = [];
    for (const p of frontier) {
      for (const n of neighbours(p)) {
        const k = n[0] * W + n[1];
        if (dist[k] === undefined) {
          dist[k] = d + 1;
          next.push(n);
        }
      }
    }
    frontier = next;
    d++;
  }
  return dist;
}
const start = find("S");
const goal = find("G");
console.log("start", start, "goal", goal);
let count = 0;
let shortest = null;
let longest = null;
for (const p of paths(start, goal, {})) {
  count++;
  if (shortest === null || p.length < shortest.length) shortest = p;
  if (longest === null || p.length > longest.length) longest = p;
}
console.log("paths", count, "shortest", shortest.length, "longest", longest.length);
console.log(shortest.map(([y, x]) => y + "," + x).join(" "));
const b = bfs(start);
let r = b.next();
while (!r.done) {
  console.log("depth", r.value[0], "frontier", r.value[1]);
  r = b.next();
}
console.log("distance to goal", r.value[goal[0] * W + goal[1]], Object.keys(r.value).length, "reachable");
const firstTwo = [];
for (const p of paths(start, goal, {})) {
  firstTwo.push(p.length);
  if (firstTwo.length === 2) break;
}
console.log(firstTwo);
