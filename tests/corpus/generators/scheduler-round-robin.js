// A cooperative round-robin scheduler: tasks are generators that yield to give up the CPU,
// may yield a request ("sleep", "spawn", "send"), and finish with a return value.
const log = [];
function* worker(name, steps) {
  let total = 0;
  for (let i = 1; i <= steps; i++) {
    total += i;
    log.push(name + i);
    yield;
  }
  return name + ":" + total;
}
function* sleeper(name, ticks) {
  log.push(name + " sleeps " + ticks);
  yield { sleep: ticks };
  log.push(name + " woke");
  return name + " rested";
}
function* spawner() {
  yield { spawn: worker("s", 2) };
  yield { spawn: sleeper("z", 2) };
  log.push("spawner done");
  return "spawned 2";
}
function run(tasks) {
  const queue = tasks.map((gen, id) => ({ id, gen, wake: 0 }));
  let nextId = queue.length;
  let tick = 0;
  const results = [];
  while (queue.length > 0) {
    tick++;
    const task = queue.shift();
    if (task.wake > tick) {
      queue.push(task);
      continue;
    }
    const r = task.gen.next();
    if (r.done) {
      results.push("t" + task.id + "=" + r.value + "@" + tick);
      continue;
    }
    if (r.value && r.value.sleep) task.wake = tick + r.value.sleep * 2;
    if (r.value && r.value.spawn) queue.push({ id: nextId++, gen: r.value.spawn, wake: 0 });
    queue.push(task);
  }
  return results;
}
const results = run([worker("a", 3), worker("b", 1), sleeper("c", 3), spawner(), worker("d", 4)]);
console.log(log.join(" "));
console.log(results);

// Ping-pong between two generators through a shared mailbox.
const mailbox = [];
function* pinger(n) {
  for (let i = 0; i < n; i++) {
    mailbox.push("ping" + i);
    yield;
  }
}
function* ponger() {
  while (true) {
    while (mailbox.length > 0) console.log("pong got", mailbox.shift());
    yield;
  }
}
const tasks = [pinger(4), ponger()];
for (let round = 0; round < 6; round++) {
  for (const t of tasks) t.next();
}
console.log("mailbox empty:", mailbox.length === 0);
