// A tiny event emitter whose listeners are async; emit waits for all of them,
// once() returns a promise for the next event.
function makeEmitter() {
  const listeners = {};
  return {
    on(name, fn) {
      (listeners[name] = listeners[name] || []).push(fn);
    },
    once(name) {
      return new Promise((resolve) => {
        const fn = (payload) => {
          listeners[name] = listeners[name].filter((f) => f !== fn);
          resolve(payload);
        };
        this.on(name, fn);
      });
    },
    async emit(name, payload) {
      const fns = (listeners[name] || []).slice();
      const results = await Promise.all(fns.map((fn) => fn(payload)));
      return results.length;
    },
  };
}

async function main() {
  const em = makeEmitter();
  em.on("data", async (d) => {
    await null;
    console.log("listener A got", d);
  });
  em.on("data", (d) => console.log("listener B (sync) got", d));
  const next = em.once("data");
  console.log("listeners run:", await em.emit("data", 1));
  console.log("once resolved with", await next);
  console.log("listeners run:", await em.emit("data", 2));
  setTimeout(() => em.emit("tick", "from timer"), 1);
  console.log("waited for", await em.once("tick"));
}
main();
