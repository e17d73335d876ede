// switchyard prelude: fiber.js
//
// The non-standard `Fiber` built-in (issue #5): stackful coroutines.
//
//   const f = new Fiber(fn);   // nothing runs yet
//   f.resume(v)                // { value, done }: the first resume calls fn(v),
//                              // a later one makes the pending Fiber.yield return v
//   Fiber.yield(v)             // from any call depth inside fn: suspends the fiber,
//                              // f.resume returns { value: v, done: false }
//
// When fn returns r, resume returns { value: r, done: true } and the fiber's
// stack and coroutine are given back at once; resuming it again throws a
// TypeError. An exception fn throws propagates out of resume. Fiber.yield
// outside a fiber (or inside a generator body, even one running in a
// fiber) throws a TypeError. The runtime side is the runtime's fibers.rs
// (`__sy_fiber_*` intrinsics); a program that never names `Fiber` does not
// get it (its functions then stay in direct style under every strategy).

function Fiber(fn) {
  if (!__sy_is_function(fn)) __sy_throw_type_error("Fiber: the argument is not a function");
  return __sy_fiber_new(fn, Fiber.prototype);
}
__sy_define_hidden(Fiber, "yield", function yield(value) {
  return __sy_fiber_yield(value);
});
__sy_define_hidden(Fiber.prototype, "resume", function resume(value) {
  return __sy_fiber_resume(this, value);
});
