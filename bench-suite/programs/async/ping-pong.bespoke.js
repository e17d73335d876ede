// ping-pong without suspension: the two players as explicit state
// machines driven by a message queue (callbacks instead of awaits).
// bench-expect: full=999998:999999 quick=99998:99999 test=998:999
const N = 500000; // bench-size quick=50000 test=500

function player(rounds) {
  return { i: 0, rounds: rounds, last: 0 };
}
// Delivers v to p; returns the message to send on, or -1 when p is done.
function deliver(p, v) {
  p.last = v;
  p.i++;
  return v + 1;
}
const a = player(N);
const b = player(N);
let msg = 0;
let to = a;
while (to.i < to.rounds) {
  msg = deliver(to, msg);
  to = to === a ? b : a;
}
console.log(a.last + ":" + b.last);
