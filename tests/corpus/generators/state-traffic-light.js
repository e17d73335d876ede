// A traffic light as an infinite state machine; the driver asks for timings with next(v).
function* trafficLight() {
  let cycle = 0;
  while (true) {
    cycle++;
    const extra = yield { state: "green", seconds: 30, cycle };
    yield { state: "yellow", seconds: 5 + (extra || 0), cycle };
    yield { state: "red", seconds: 20, cycle };
    if (cycle % 3 === 0) {
      yield { state: "flashing", seconds: 2, cycle };
    }
  }
}
const light = trafficLight();
let total = 0;
for (let i = 0; i < 14; i++) {
  const arg = i === 1 ? 7 : undefined;
  const { value, done } = light.next(arg);
  total += value.seconds;
  console.log(i, value.state, value.seconds, value.cycle, done, total);
}
console.log(light.return("off"));
console.log(light.next());

// A turnstile with two states driven by events sent through next().
function* turnstile() {
  let state = "locked";
  let coins = 0;
  let passes = 0;
  let event = yield state;
  while (event !== "shutdown") {
    if (state === "locked" && event === "coin") {
      state = "unlocked";
      coins++;
    } else if (state === "unlocked" && event === "push") {
      state = "locked";
      passes++;
    } else if (event === "coin") {
      coins++;
    }
    event = yield `${state} coins=${coins} passes=${passes}`;
  }
  return { coins, passes };
}
const t = turnstile();
console.log(t.next("ignored"));
const events = ["push", "coin", "coin", "push", "push", "coin", "push", "shutdown", "coin"];
for (const ev of events) {
  console.log(ev, "->", JSON.stringify(t.next(ev)));
}
