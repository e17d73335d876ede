// A cooperative round-robin scheduler over fibers. Tasks are plain
// functions that call helpers (sleep, send, receive, spawn), which yield
// requests to the scheduler from inside nested calls: the tasks never
// mention Fiber.yield themselves. Prints the schedule.
let failures = 0;
function check(label, actual, expected) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a === e) console.log("ok " + label);
  else {
    failures++;
    console.log("FAIL " + label + ": " + a + " !== " + e);
  }
}

const out = [];
function sleep(ticks) {
  return Fiber.yield({ op: "sleep", ticks: ticks });
}
function spawn(name, fn, arg) {
  return Fiber.yield({ op: "spawn", name: name, fn: fn, arg: arg });
}
function send(to, msg) {
  return Fiber.yield({ op: "send", to: to, msg: msg });
}
function receive() {
  return Fiber.yield({ op: "receive" });
}
function say(name, what) {
  out.push(name + ": " + what);
}

function counter(n) {
  for (let i = 1; i <= n; i++) {
    say("counter", i);
    sleep(1);
  }
  return "counted " + n;
}
function pinger(rounds) {
  for (let i = 0; i < rounds; i++) {
    send("ponger", "ping " + i);
    const reply = receive();
    say("pinger", "got " + reply);
  }
  send("ponger", "stop");
  return "pinger done";
}
function ponger() {
  while (true) {
    const m = receive();
    if (m === "stop") return "ponger done";
    say("ponger", "got " + m);
    send("pinger", "pong " + m.slice(5));
  }
}
function parent() {
  say("parent", "spawning");
  spawn("child", function (x) {
    say("child", "started with " + x);
    sleep(2);
    say("child", "woke up");
    return x * 2;
  }, 21);
  sleep(3);
  return "parent done";
}

function run(tasks) {
  const queue = [];
  const byName = {};
  const results = [];
  let tick = 0;
  function add(name, fn, arg) {
    const t = { name: name, fiber: new Fiber(fn), value: arg, wake: 0, inbox: [], waiting: false };
    byName[name] = t;
    queue.push(t);
  }
  for (const [name, fn, arg] of tasks) add(name, fn, arg);
  while (queue.length > 0 && tick < 100) {
    tick++;
    const t = queue.shift();
    if (t.wake > tick || (t.waiting && t.inbox.length === 0)) {
      queue.push(t);
      continue;
    }
    if (t.waiting) {
      t.waiting = false;
      t.value = t.inbox.shift();
    }
    const r = t.fiber.resume(t.value);
    t.value = undefined;
    if (r.done) {
      results.push(t.name + " -> " + r.value + " at " + tick);
      continue;
    }
    const req = r.value;
    if (req.op === "sleep") t.wake = tick + req.ticks;
    else if (req.op === "spawn") add(req.name, req.fn, req.arg);
    else if (req.op === "send") byName[req.to].inbox.push(req.msg);
    else if (req.op === "receive") t.waiting = true;
    queue.push(t);
  }
  return results;
}

const results = run([
  ["counter", counter, 3],
  ["pinger", pinger, 2],
  ["ponger", ponger, undefined],
  ["parent", parent, undefined],
]);
for (const line of out) console.log(line);
for (const line of results) console.log(line);
check("every task finished", results.length, 5);
check("pings and pongs alternate", out.filter((l) => l.indexOf("ping") >= 0), [
  "ponger: got ping 0",
  "pinger: got pong 0",
  "ponger: got ping 1",
  "pinger: got pong 1",
]);
check("counter counted", out.filter((l) => l.indexOf("counter") === 0), ["counter: 1", "counter: 2", "counter: 3"]);
check("child doubled", results.filter((l) => l.indexOf("child -> 42") === 0).length, 1);
console.log(failures === 0 ? "all ok" : failures + " failures");
