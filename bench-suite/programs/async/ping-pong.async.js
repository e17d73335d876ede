// Promise ping-pong: two async functions hand a counter back and forth
// through one-slot channels, N round trips (2N messages).
// bench-expect: full=999998:999999 quick=99998:99999 test=998:999
const N = 500000; // bench-size quick=50000 test=500

function channel() {
  let waiting = null;
  let value;
  let full = false;
  return {
    send(v) {
      if (waiting !== null) {
        const w = waiting;
        waiting = null;
        w(v);
      } else {
        value = v;
        full = true;
      }
    },
    recv() {
      if (full) {
        full = false;
        return Promise.resolve(value);
      }
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
  };
}
async function player(inbox, outbox, rounds) {
  let last = 0;
  for (let i = 0; i < rounds; i++) {
    last = await inbox.recv();
    outbox.send(last + 1);
  }
  return last;
}
const ping = channel();
const pong = channel();
const a = player(ping, pong, N);
const b = player(pong, ping, N);
ping.send(0);
Promise.all([a, b]).then(([x, y]) => console.log(x + ":" + y));
