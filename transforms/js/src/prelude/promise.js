// switchyard prelude: promise.js
//
// Promises, the microtask (job) queue, the drivers of async functions and
// async generators, queueMicrotask, timers and the event loop — all in the
// Wasm module; the host only provides the clock, sleeping and printing.
//
// Tick order is the specification's, not an approximation: every promise
// operation below follows the ECMAScript abstract operation it names
// (PerformPromiseThen, the promise resolve functions with their thenable
// check, NewPromiseResolveThenableJob, PromiseResolve, Await,
// AsyncGeneratorCompleteStep/DrainQueue/AwaitReturn, ...), so that `await`
// of a native promise takes 1 tick, of a thenable 2, a promise returned
// from an async function 2 extra, as in Node. Two shortcuts that V8 also
// takes do not change any order: `await` of a non-object enqueues its
// reaction directly (the fresh promise PromiseResolve would make is already
// fulfilled and unobservable), and resolving with a native promise whose
// `then` is the original adopts its state with an internal reaction instead
// of user-visible resolving functions (the same jobs run in the same order).
//
// Internal objects use fixed slots (`__sy_new_slots`), never properties:
//   promise (class 5):   0 state (0 pending, 1 fulfilled, 2 rejected),
//                        1 result, 2 reactions while pending (undefined,
//                        one record, or an array of records), 3 handled
//   reaction record:     0 kind, 1..3 per kind (see __prelude_reaction_job)
//   async generator:     0 raw generator, 1 state, 2 request queue (flat
//                        triples: mode, value, promise), 3 queue head
//   timer (class 10):    0 callback, 1 ms, 2 due, 3 seq, 4 repeat,
//                        5 state (0 idle/cleared, 1 scheduled, 2 running),
//                        6 extra arguments, 7 refed, 8 id
// Reaction records are used once (a reaction job runs once), so they are
// recycled through a free list.
//
// The event loop (`__prelude_event_loop`, called by `main` after the
// script): drain the microtasks, then run the timers in due-time order
// (same due time: creation order), draining microtasks after each
// callback, sleeping until the next timer is due. Like Node, timers created
// during one turn of the loop share that turn's clock reading, and an
// unhandled rejection found after a microtask drain ends the program.

// ---- the job queue ---------------------------------------------------------

// Flat quadruples: kind (0 reaction, 1 thenable, 2 queueMicrotask callback), a, b, c.
var __prelude_jobs = [];
var __prelude_jobs_head = 0;

function __prelude_enqueue(kind, a, b, c) {
  var q = __prelude_jobs;
  __sy_array_push(q, kind);
  __sy_array_push(q, a);
  __sy_array_push(q, b);
  __sy_array_push(q, c);
}

function __prelude_run_jobs() {
  var q = __prelude_jobs;
  while (__prelude_jobs_head < __sy_array_len(q)) {
    var h = __prelude_jobs_head;
    __prelude_jobs_head = h + 4;
    var k = q[h];
    if (k === 0) {
      var rec = q[h + 1];
      if (__sy_slot(rec, 0) === 1) {
        // The hot path, inlined: an async function resumed after an await.
        var gen = __sy_slot(rec, 1);
        var ap = __sy_slot(rec, 2);
        __sy_array_push(__prelude_record_pool, rec);
        __prelude_async_function_step(gen, ap, q[h + 3] ? 1 : 0, q[h + 2]);
      } else {
        __prelude_reaction_job(rec, q[h + 2], q[h + 3]);
      }
    } else if (k === 1) __prelude_thenable_job(q[h + 1], q[h + 2], q[h + 3]);
    else {
      // An exception from a queueMicrotask callback is uncaught.
      var cb = q[h + 1];
      cb();
    }
  }
  __sy_array_set_len(q, 0);
  __prelude_jobs_head = 0;
}

// Promises rejected while nobody handled them, checked after each drain.
var __prelude_unhandled = [];

function __prelude_microtask_checkpoint() {
  __prelude_run_jobs();
  var u = __prelude_unhandled;
  var n = __sy_array_len(u);
  if (n === 0) return;
  for (var i = 0; i < n; i++) {
    var p = u[i];
    if (__sy_slot(p, 3) !== true) {
      __sy_unhandled_rejection();
      throw __sy_slot(p, 1);
    }
  }
  __sy_array_set_len(u, 0);
}

// Where an error that becomes a rejection was thrown: kept on the error
// (hidden `__sy_throw_pos`, the encoded position) for the host's
// unhandled-rejection report, like the location of an uncaught exception.
function __prelude_note_throw_pos(e, pos) {
  if (pos !== 0 && __sy_object_class(e) === 1 && !("__sy_throw_pos" in e)) {
    __sy_define_hidden(e, "__sy_throw_pos", pos);
  }
}

// ---- reaction records ------------------------------------------------------

var __prelude_record_pool = [];

function __prelude_record(kind, a, b, c) {
  var pool = __prelude_record_pool;
  var n = __sy_array_len(pool);
  var r;
  if (n > 0) {
    r = pool[n - 1];
    __sy_array_set_len(pool, n - 1);
  } else {
    r = __sy_new_slots(0, null, 4);
  }
  __sy_set_slot(r, 0, kind);
  __sy_set_slot(r, 1, a);
  __sy_set_slot(r, 2, b);
  __sy_set_slot(r, 3, c);
  return r;
}

// NewPromiseReactionJob. Kinds:
//   0 then:          1 onFulfilled, 2 onRejected (undefined: pass through), 3 derived promise
//   1 await:         1 raw generator of an async function, 2 its promise
//                    (run by __prelude_run_jobs itself: the hot path of every await)
//   2 agen await:    1 async generator
//   3 agen return:   1 async generator (AsyncGeneratorAwaitReturn)
//   4 adopt:         3 the promise to resolve/reject with the outcome
function __prelude_reaction_job(rec, arg, rejected) {
  var kind = __sy_slot(rec, 0);
  var a = __sy_slot(rec, 1);
  var b = __sy_slot(rec, 2);
  var c = __sy_slot(rec, 3);
  __sy_array_push(__prelude_record_pool, rec);
  if (kind === 0) {
    var handler = rejected ? b : a;
    if (handler === undefined) {
      if (c === undefined) return;
      if (rejected) __prelude_reject(c, arg);
      else __prelude_resolve(c, arg);
      return;
    }
    var r;
    try {
      r = handler(arg);
    } catch (e) {
      __prelude_note_throw_pos(e, __sy_caught_pos());
      if (c !== undefined) __prelude_reject(c, e);
      return;
    }
    if (c !== undefined) __prelude_resolve(c, r);
    return;
  }
  if (kind === 2) {
    __prelude_agen_resume(a, rejected ? 1 : 0, arg);
    return;
  }
  if (kind === 3) {
    __sy_set_slot(a, 1, 4);
    __prelude_agen_complete_step(a, rejected, arg, true);
    __prelude_agen_drain(a);
    return;
  }
  if (rejected) __prelude_reject(c, arg);
  else __prelude_resolve(c, arg);
}

// ---- promise internals -----------------------------------------------------

var __prelude_PP = {};

function __prelude_new_promise() {
  var p = __sy_new_slots(5, __prelude_PP, 4);
  __sy_set_slot(p, 0, 0);
  __sy_set_slot(p, 3, false);
  return p;
}

function __prelude_is_promise(v) {
  return __sy_object_class(v) === 5;
}

function __prelude_trigger(reactions, v, rejected) {
  if (__sy_is_array(reactions)) {
    var n = __sy_array_len(reactions);
    for (var i = 0; i < n; i++) __prelude_enqueue(0, reactions[i], v, rejected);
  } else {
    __prelude_enqueue(0, reactions, v, rejected);
  }
}

function __prelude_fulfill(p, v) {
  var rs = __sy_slot(p, 2);
  __sy_set_slot(p, 0, 1);
  __sy_set_slot(p, 1, v);
  __sy_set_slot(p, 2, undefined);
  if (rs !== undefined) __prelude_trigger(rs, v, false);
}

function __prelude_reject(p, reason) {
  var rs = __sy_slot(p, 2);
  __sy_set_slot(p, 0, 2);
  __sy_set_slot(p, 1, reason);
  __sy_set_slot(p, 2, undefined);
  // HostPromiseRejectionTracker(p, "reject")
  if (__sy_slot(p, 3) !== true) __sy_array_push(__prelude_unhandled, p);
  if (rs !== undefined) __prelude_trigger(rs, reason, true);
}

// The promise resolve function's steps (without the alreadyResolved flag,
// which the callers keep): a thenable is adopted in a job.
function __prelude_resolve(p, x) {
  if (x === p) {
    __prelude_reject(p, __sy_make_error(1, "Chaining cycle detected for promise #<Promise>"));
    return;
  }
  if (!__sy_is_object(x)) {
    __prelude_fulfill(p, x);
    return;
  }
  var then;
  try {
    then = x.then;
  } catch (e) {
    __prelude_reject(p, e);
    return;
  }
  if (!__sy_is_function(then)) {
    __prelude_fulfill(p, x);
    return;
  }
  __prelude_enqueue(1, p, x, then);
}

// NewPromiseResolveThenableJob.
function __prelude_thenable_job(p, thenable, then) {
  if (then === __prelude_then && __prelude_is_promise(thenable)) {
    __prelude_perform_then(thenable, __prelude_record(4, undefined, undefined, p));
    return;
  }
  var fns = __prelude_resolving_functions(p);
  var args = __sy_new_array(2);
  __sy_array_push(args, fns[0]);
  __sy_array_push(args, fns[1]);
  try {
    __prelude_apply(then, thenable, args);
  } catch (e) {
    var rej = fns[1];
    rej(e);
  }
}

// CreateResolvingFunctions: [resolve, reject] sharing alreadyResolved.
function __prelude_resolving_functions(p) {
  var done = false;
  var fns = __sy_new_array(2);
  __sy_array_push(fns, function (resolution) {
    if (done) return;
    done = true;
    __prelude_resolve(p, resolution);
  });
  __sy_array_push(fns, function (reason) {
    if (done) return;
    done = true;
    __prelude_reject(p, reason);
  });
  return fns;
}

// PerformPromiseThen with a reaction record.
function __prelude_perform_then(p, rec) {
  var st = __sy_slot(p, 0);
  if (st === 0) {
    var rs = __sy_slot(p, 2);
    if (rs === undefined) {
      __sy_set_slot(p, 2, rec);
    } else if (__sy_is_array(rs)) {
      __sy_array_push(rs, rec);
    } else {
      var list = __sy_new_array(4);
      __sy_array_push(list, rs);
      __sy_array_push(list, rec);
      __sy_set_slot(p, 2, list);
    }
  } else {
    __prelude_enqueue(0, rec, __sy_slot(p, 1), st === 2);
  }
  __sy_set_slot(p, 3, true);
}

// PromiseResolve(%Promise%, x).
function __prelude_promise_resolve(x) {
  if (__prelude_is_promise(x) && x.constructor === Promise) return x;
  var p = __prelude_new_promise();
  __prelude_resolve(p, x);
  return p;
}

// Await(v), resuming through the reaction record `rec`.
function __prelude_await(v, rec) {
  if (!__sy_is_object(v)) {
    __prelude_enqueue(0, rec, v, false);
    return;
  }
  __prelude_perform_then(__prelude_promise_resolve(v), rec);
}

// ---- async functions -------------------------------------------------------

// Called by an async function's code with its raw generator: runs the body
// to its first await and returns the function's promise.
function __prelude_async_function_start(gen) {
  var p = __prelude_new_promise();
  __prelude_async_function_step(gen, p, 0, undefined);
  return p;
}

function __prelude_async_function_step(gen, p, mode, v) {
  var r;
  try {
    r = __sy_gen_resume(gen, mode, v);
  } catch (e) {
    __prelude_note_throw_pos(e, __sy_caught_pos());
    __prelude_reject(p, e);
    return;
  }
  if (__sy_gen_done(gen)) {
    __prelude_resolve(p, r);
    return;
  }
  // Await(r), with the two common cases inlined (this is the hot path of
  // every await): a non-object, whose reaction job is due at once, and a
  // native promise (PromiseResolve returns it), whose reaction is added.
  var rec = __prelude_record(1, gen, p, undefined);
  if (!__sy_is_object(r)) {
    var q = __prelude_jobs;
    __sy_array_push(q, 0);
    __sy_array_push(q, rec);
    __sy_array_push(q, r);
    __sy_array_push(q, false);
    return;
  }
  if (__sy_object_class(r) === 5 && r.constructor === Promise) {
    __prelude_perform_then(r, rec);
    return;
  }
  __prelude_perform_then(__prelude_promise_resolve(r), rec);
}

// ---- the Promise constructor and prototype ----------------------------------

function Promise(executor) {
  // `new Promise(...)` calls this with a fresh object inheriting from
  // Promise.prototype; a plain call has no such receiver.
  var self = this;
  if (!(__sy_is_object(self) && __sy_object_class(self) === 0 && __sy_get_proto(self) === __prelude_PP)) {
    __sy_throw_type_error("Promise constructor cannot be invoked without 'new'");
  }
  if (!__sy_is_function(executor)) {
    __sy_throw_type_error("Promise resolver " + __prelude_describe(executor) + " is not a function");
  }
  var p = __prelude_new_promise();
  var fns = __prelude_resolving_functions(p);
  try {
    executor(fns[0], fns[1]);
  } catch (e) {
    __prelude_note_throw_pos(e, __sy_caught_pos());
    var rej = fns[1];
    rej(e);
  }
  return p;
}
__sy_define_hidden(Promise, "prototype", __prelude_PP);
__sy_define_hidden(__prelude_PP, "constructor", Promise);
__sy_define_hidden(__prelude_PP, "Symbol(Symbol.toStringTag)", "Promise");

function __prelude_require_promise(p, method) {
  if (!__prelude_is_promise(p)) {
    __sy_throw_type_error("Method Promise.prototype." + method + " called on incompatible receiver " + __prelude_describe(p));
  }
}

var __prelude_then = function then(onFulfilled, onRejected) {
  __prelude_require_promise(this, "then");
  var d = __prelude_new_promise();
  var f = __sy_is_function(onFulfilled) ? onFulfilled : undefined;
  var r = __sy_is_function(onRejected) ? onRejected : undefined;
  __prelude_perform_then(this, __prelude_record(0, f, r, d));
  return d;
};
__sy_define_hidden(__prelude_PP, "then", __prelude_then);

// (Object-literal keys name these functions `catch` and `finally`.)
var __prelude_pp_methods = {
  catch: function (onRejected) {
    return this.then(undefined, onRejected);
  },
  finally: function (onFinally) {
    return __prelude_finally(this, onFinally);
  },
};
__sy_define_hidden(__prelude_PP, "catch", __prelude_pp_methods.catch);
__sy_define_hidden(__prelude_PP, "finally", __prelude_pp_methods.finally);

function __prelude_finally(promise, onFinally) {
  if (!__sy_is_object(promise)) {
    __sy_throw_type_error("Method Promise.prototype.finally called on incompatible receiver " + __prelude_describe(promise));
  }
  if (!__sy_is_function(onFinally)) return promise.then(onFinally, onFinally);
  var thenFinally = function (value) {
    var result = onFinally();
    var p = __prelude_promise_resolve(result);
    return p.then(function () {
      return value;
    });
  };
  var catchFinally = function (reason) {
    var result = onFinally();
    var p = __prelude_promise_resolve(result);
    return p.then(function () {
      throw reason;
    });
  };
  return promise.then(thenFinally, catchFinally);
}

// ---- Promise statics -------------------------------------------------------

__sy_define_hidden(Promise, "resolve", function resolve(x) {
  return __prelude_promise_resolve(x);
});

__sy_define_hidden(Promise, "reject", function reject(r) {
  var p = __prelude_new_promise();
  __prelude_reject(p, r);
  return p;
});

// The element function of Promise.all / allSettled / any for index i.
// `flags`: [elements left (+1 while the loop runs), then one
// "already called" flag per element]. Mode: 0 all (value), 1 allSettled
// fulfilled, 2 allSettled rejected, 3 any (error).
function __prelude_all_element(flags, values, i, settle, mode) {
  return function (x) {
    if (flags[1 + i] === true) return;
    flags[1 + i] = true;
    if (mode === 0 || mode === 3) values[i] = x;
    else if (mode === 1) values[i] = { status: "fulfilled", value: x };
    else values[i] = { status: "rejected", reason: x };
    var left = flags[0] - 1;
    flags[0] = left;
    if (left === 0) settle(values);
  };
}

// Promise.all / allSettled / any / race (mode 0 / 1 / 3 / 4), as the spec
// runs them: GetPromiseResolve, GetIterator, then one step per value —
// `promiseResolve.call(C, value).then(...)` — with the iterator closed when
// a step other than the iterator's own next/done/value throws.
function __prelude_combinator(C, iterable, mode, name) {
  if (!__sy_is_object(C)) __sy_throw_type_error("Promise." + name + " called on non-object");
  var p = __prelude_new_promise();
  var fns = __prelude_resolving_functions(p);
  var resolveFn = fns[0];
  var rejectFn = fns[1];
  var promiseResolve = C.resolve;
  if (!__sy_is_function(promiseResolve)) {
    rejectFn(__sy_make_error(1, "resolve is not a function"));
    return p;
  }
  var iter, nextMethod;
  try {
    var m = iterable === undefined || iterable === null ? undefined : iterable[__sy_symbol(1)];
    // (Not iterable: the runtime throws the TypeError Node gives.)
    if (!__sy_is_function(m)) __sy_iterable_to_array(iterable);
    iter = iterable[__sy_symbol(1)]();
    if (!__sy_is_object(iter)) __sy_throw_type_error("Result of the Symbol.iterator method is not an object");
    nextMethod = iter.next;
  } catch (e) {
    rejectFn(e);
    return p;
  }
  var values = [];
  var flags = [1];
  var settle = resolveFn;
  if (mode === 3) {
    settle = function (errors) {
      rejectFn(AggregateError(errors, "All promises were rejected"));
    };
  }
  var i = 0;
  var stepping = false;
  try {
    for (;;) {
      stepping = true;
      var step = __prelude_apply(nextMethod, iter, []);
      if (!__sy_is_object(step)) __sy_throw_type_error("Iterator result " + __prelude_describe(step) + " is not an object");
      if (step.done) break;
      var value = step.value;
      stepping = false;
      var next = __prelude_call_this1(promiseResolve, C, value);
      if (mode === 4) {
        next.then(resolveFn, rejectFn);
      } else {
        __sy_array_push(values, undefined);
        __sy_array_push(flags, false);
        flags[0] = flags[0] + 1;
        if (mode === 0) next.then(__prelude_all_element(flags, values, i, settle, 0), rejectFn);
        else if (mode === 3) next.then(resolveFn, __prelude_all_element(flags, values, i, settle, 3));
        else next.then(__prelude_all_element(flags, values, i, settle, 1), __prelude_all_element(flags, values, i, settle, 2));
      }
      i++;
    }
  } catch (e) {
    if (!stepping) __prelude_close_quietly(iter);
    rejectFn(e);
    return p;
  }
  if (mode !== 4) {
    var left = flags[0] - 1;
    flags[0] = left;
    if (left === 0) settle(values);
  }
  return p;
}

// IteratorClose with a throw completion: `return()` is called, anything it
// throws is ignored (the original error wins).
function __prelude_close_quietly(iter) {
  try {
    var r = iter.return;
    if (r !== undefined && r !== null) __prelude_apply(r, iter, []);
  } catch (ignored) {}
}

__sy_define_hidden(Promise, "all", function all(iterable) {
  return __prelude_combinator(this, iterable, 0, "all");
});

__sy_define_hidden(Promise, "allSettled", function allSettled(iterable) {
  return __prelude_combinator(this, iterable, 1, "allSettled");
});

__sy_define_hidden(Promise, "any", function any(iterable) {
  return __prelude_combinator(this, iterable, 3, "any");
});

__sy_define_hidden(Promise, "race", function race(iterable) {
  return __prelude_combinator(this, iterable, 4, "race");
});

// ---- queueMicrotask --------------------------------------------------------

// Node's ERR_INVALID_ARG_TYPE message for a callback argument.
function __prelude_invalid_callback(v) {
  var received;
  if (v === undefined || v === null) received = "Received " + __sy_to_string(v);
  else if (__sy_is_function(v)) received = "Received function " + __sy_function_name(v);
  else if (__sy_is_object(v)) received = "Received an instance of " + __prelude_constructor_name(v);
  else if (__sy_is_string(v)) received = "Received type string ('" + v + "')";
  else received = "Received type " + (__sy_is_number(v) ? "number" : "boolean") + " (" + __sy_to_string(v) + ")";
  var e = __sy_make_error(1, 'The "callback" argument must be of type function. ' + received);
  e.code = "ERR_INVALID_ARG_TYPE";
  throw e;
}

function queueMicrotask(callback) {
  if (!__sy_is_function(callback)) __prelude_invalid_callback(callback);
  __prelude_enqueue(2, callback, undefined, undefined);
}

// ---- async generators ------------------------------------------------------

// %AsyncIteratorPrototype% and %AsyncGeneratorPrototype%.
var __prelude_AIP = {};
__sy_define_hidden(__prelude_AIP, "Symbol(Symbol.asyncIterator)", function () {
  return this;
});
var __prelude_AGP = {};
__sy_set_proto(__prelude_AGP, __prelude_AIP);
__sy_define_hidden(__prelude_AGP, "Symbol(Symbol.toStringTag)", "AsyncGenerator");

// States: 0 suspendedStart, 1 suspendedYield, 2 executing, 3 awaiting-return, 4 completed.
function __prelude_async_generator_start(gen) {
  // The raw generator inherits from the function's `prototype` (or from
  // %GeneratorPrototype% when that is not an object): so does the async
  // generator, with %AsyncGeneratorPrototype% as the fallback.
  var proto = __sy_get_proto(gen);
  if (proto === __sy_proto("Generator")) proto = __prelude_AGP;
  var ag = __sy_new_slots(9, proto, 4);
  __sy_set_slot(ag, 0, gen);
  __sy_set_slot(ag, 1, 0);
  __sy_set_slot(ag, 2, []);
  __sy_set_slot(ag, 3, 0);
  return ag;
}

function __prelude_is_agen(v) {
  return __sy_object_class(v) === 9;
}

function __prelude_agen_queue_empty(ag) {
  return __sy_slot(ag, 3) >= __sy_array_len(__sy_slot(ag, 2));
}

function __prelude_agen_enqueue(ag, mode, value, p) {
  var q = __sy_slot(ag, 2);
  __sy_array_push(q, mode);
  __sy_array_push(q, value);
  __sy_array_push(q, p);
}

// AsyncGeneratorCompleteStep: settles the first request's promise.
function __prelude_agen_complete_step(ag, isThrow, value, done) {
  var q = __sy_slot(ag, 2);
  var h = __sy_slot(ag, 3);
  var p = q[h + 2];
  if (h + 3 >= __sy_array_len(q)) {
    __sy_array_set_len(q, 0);
    __sy_set_slot(ag, 3, 0);
  } else {
    __sy_set_slot(ag, 3, h + 3);
  }
  if (isThrow) __prelude_reject(p, value);
  else __prelude_resolve(p, { value: value, done: done });
}

// AsyncGeneratorDrainQueue (state completed).
function __prelude_agen_drain(ag) {
  while (!__prelude_agen_queue_empty(ag)) {
    var q = __sy_slot(ag, 2);
    var h = __sy_slot(ag, 3);
    var mode = q[h];
    if (mode === 2) {
      __sy_set_slot(ag, 1, 3);
      __prelude_agen_await_return(ag);
      return;
    }
    if (mode === 1) __prelude_agen_complete_step(ag, true, q[h + 1], true);
    else __prelude_agen_complete_step(ag, false, undefined, true);
  }
}

// AsyncGeneratorAwaitReturn.
function __prelude_agen_await_return(ag) {
  var q = __sy_slot(ag, 2);
  var v = q[__sy_slot(ag, 3) + 1];
  var pr;
  try {
    pr = __prelude_promise_resolve(v);
  } catch (e) {
    __sy_set_slot(ag, 1, 4);
    __prelude_agen_complete_step(ag, true, e, true);
    __prelude_agen_drain(ag);
    return;
  }
  __prelude_perform_then(pr, __prelude_record(3, ag, undefined, undefined));
}

// Runs the body from a suspension with (mode, v) until it awaits, yields
// with no request left, or completes.
function __prelude_agen_resume(ag, mode, v) {
  var gen = __sy_slot(ag, 0);
  for (;;) {
    __sy_set_slot(ag, 1, 2);
    var r;
    try {
      r = __sy_gen_resume(gen, mode, v);
    } catch (e) {
      __prelude_note_throw_pos(e, __sy_caught_pos());
      __sy_set_slot(ag, 1, 4);
      __prelude_agen_complete_step(ag, true, e, true);
      __prelude_agen_drain(ag);
      return;
    }
    if (__sy_gen_done(gen)) {
      __sy_set_slot(ag, 1, 4);
      __prelude_agen_complete_step(ag, false, r, true);
      __prelude_agen_drain(ag);
      return;
    }
    if (__sy_gen_awaiting(gen)) {
      __prelude_await(r, __prelude_record(2, ag, undefined, undefined));
      return;
    }
    // A yield: settle the request, then go on with the next one if any.
    __prelude_agen_complete_step(ag, false, r, false);
    if (__prelude_agen_queue_empty(ag)) {
      __sy_set_slot(ag, 1, 1);
      return;
    }
    var q = __sy_slot(ag, 2);
    var h = __sy_slot(ag, 3);
    mode = q[h];
    v = q[h + 1];
  }
}

function __prelude_agen_request(ag, mode, value, method) {
  var p = __prelude_new_promise();
  if (!__prelude_is_agen(ag)) {
    __prelude_reject(p, __sy_make_error(1, "Method " + method + " called on incompatible receiver " + __prelude_describe(ag)));
    return p;
  }
  var st = __sy_slot(ag, 1);
  if (mode === 0) {
    if (st === 4) {
      __prelude_resolve(p, { value: undefined, done: true });
      return p;
    }
    __prelude_agen_enqueue(ag, 0, value, p);
    if (st === 0 || st === 1) __prelude_agen_resume(ag, 0, value);
    return p;
  }
  if (mode === 2) {
    __prelude_agen_enqueue(ag, 2, value, p);
    if (st === 0 || st === 4) {
      __sy_set_slot(ag, 1, 3);
      __prelude_agen_await_return(ag);
    } else if (st === 1) {
      __prelude_agen_resume(ag, 2, value);
    }
    return p;
  }
  if (st === 0) {
    __sy_set_slot(ag, 1, 4);
    st = 4;
  }
  if (st === 4) {
    __prelude_reject(p, value);
    return p;
  }
  __prelude_agen_enqueue(ag, 1, value, p);
  if (st === 1) __prelude_agen_resume(ag, 1, value);
  return p;
}

var __prelude_agp_methods = {
  next: function (v) {
    return __prelude_agen_request(this, 0, v, "[AsyncGenerator].prototype.next");
  },
  return: function (v) {
    return __prelude_agen_request(this, 2, v, "[AsyncGenerator].prototype.return");
  },
  throw: function (v) {
    return __prelude_agen_request(this, 1, v, "[AsyncGenerator].prototype.throw");
  },
};
__sy_define_hidden(__prelude_AGP, "next", __prelude_agp_methods.next);
__sy_define_hidden(__prelude_AGP, "return", __prelude_agp_methods.return);
__sy_define_hidden(__prelude_AGP, "throw", __prelude_agp_methods.throw);

// %AsyncFunction% and %AsyncGeneratorFunction% (not globals in JS either:
// the constructors of async functions' prototypes), their prototypes, and
// the links between them and %AsyncGeneratorPrototype%.
var __prelude_AsyncFunctionProto = {};
__sy_set_proto(__prelude_AsyncFunctionProto, __sy_proto("Function"));
var __prelude_AsyncFunction = function AsyncFunction() {
  __sy_throw_type_error("switchyard: the AsyncFunction constructor (code from strings) is not supported");
};
__sy_set_proto(__prelude_AsyncFunction, Function);
__sy_define_hidden(__prelude_AsyncFunction, "prototype", __prelude_AsyncFunctionProto);
__sy_define_hidden(__prelude_AsyncFunctionProto, "constructor", __prelude_AsyncFunction);
__sy_define_hidden(__prelude_AsyncFunctionProto, "Symbol(Symbol.toStringTag)", "AsyncFunction");
var __prelude_AsyncGeneratorFunctionProto = {};
__sy_set_proto(__prelude_AsyncGeneratorFunctionProto, __sy_proto("Function"));
var __prelude_AsyncGeneratorFunction = function AsyncGeneratorFunction() {
  __sy_throw_type_error("switchyard: the AsyncGeneratorFunction constructor (code from strings) is not supported");
};
__sy_set_proto(__prelude_AsyncGeneratorFunction, Function);
__sy_define_hidden(__prelude_AsyncGeneratorFunction, "prototype", __prelude_AsyncGeneratorFunctionProto);
__sy_define_hidden(__prelude_AsyncGeneratorFunctionProto, "constructor", __prelude_AsyncGeneratorFunction);
__sy_define_hidden(__prelude_AsyncGeneratorFunctionProto, "prototype", __prelude_AGP);
__sy_define_hidden(__prelude_AsyncGeneratorFunctionProto, "Symbol(Symbol.toStringTag)", "AsyncGeneratorFunction");
__sy_define_hidden(__prelude_AGP, "constructor", __prelude_AsyncGeneratorFunctionProto);
__sy_set_async_protos(__prelude_AsyncFunctionProto, __prelude_AsyncGeneratorFunctionProto, __prelude_AGP);

// ---- for await -------------------------------------------------------------

// %AsyncFromSyncIteratorPrototype%: slot 0 the sync iterator, 1 its next.
var __prelude_AFSIP = {};
__sy_set_proto(__prelude_AFSIP, __prelude_AIP);

// AsyncFromSyncIteratorContinuation.
function __prelude_afs_continuation(result, p) {
  var done, value;
  try {
    done = !!result.done;
    value = result.value;
  } catch (e) {
    __prelude_reject(p, e);
    return p;
  }
  var vw;
  try {
    vw = __prelude_promise_resolve(value);
  } catch (e2) {
    __prelude_reject(p, e2);
    return p;
  }
  var unwrap = function (x) {
    return { value: x, done: done };
  };
  __prelude_perform_then(vw, __prelude_record(0, unwrap, undefined, p));
  return p;
}

function __prelude_afs_step(it, method, v, hasValue) {
  var p = __prelude_new_promise();
  if (__sy_object_class(it) !== 11) {
    __prelude_reject(p, __sy_make_error(1, "not an async-from-sync iterator"));
    return p;
  }
  var sync = __sy_slot(it, 0);
  var r;
  try {
    if (method === 0) {
      var nx = __sy_slot(it, 1);
      var args = __sy_new_array(1);
      if (hasValue) __sy_array_push(args, v);
      r = __prelude_apply(nx, sync, args);
    } else {
      var m = method === 2 ? sync.return : sync.throw;
      if (m === undefined || m === null) {
        if (method === 2) __prelude_resolve(p, { value: v, done: true });
        else __prelude_reject(p, v);
        return p;
      }
      var args2 = __sy_new_array(1);
      if (hasValue) __sy_array_push(args2, v);
      r = __prelude_apply(m, sync, args2);
    }
  } catch (e) {
    __prelude_reject(p, e);
    return p;
  }
  if (!__sy_is_object(r)) {
    __prelude_reject(p, __sy_make_error(1, "Iterator result " + __prelude_describe(r) + " is not an object"));
    return p;
  }
  return __prelude_afs_continuation(r, p);
}

__sy_define_hidden(__prelude_AFSIP, "next", function next(v) {
  return __prelude_afs_step(this, 0, v, __sy_argc() > 0);
});
__sy_define_hidden(__prelude_AFSIP, "return", function (v) {
  return __prelude_afs_step(this, 2, v, __sy_argc() > 0);
});
__sy_define_hidden(__prelude_AFSIP, "throw", function (v) {
  return __prelude_afs_step(this, 1, v, __sy_argc() > 0);
});

// GetIterator(obj, async); `what` is the source text of the iterated
// expression (or undefined), which V8's messages name.
function __prelude_get_async_iterator(obj, what) {
  if (obj === undefined || obj === null) {
    __sy_throw_type_error("Cannot read properties of " + __sy_to_string(obj) + " (reading 'Symbol(Symbol.asyncIterator)')");
  }
  var name = what === undefined ? __prelude_describe(obj) : what;
  var method = obj[__sy_symbol(2)];
  if (method === undefined || method === null) {
    var sm = obj[__sy_symbol(1)];
    if (!__sy_is_function(sm)) __sy_throw_type_error(name + " is not async iterable");
    var sync = obj[__sy_symbol(1)]();
    if (!__sy_is_object(sync)) __sy_throw_type_error("Result of the Symbol.iterator method is not an object");
    var it = __sy_new_slots(11, __prelude_AFSIP, 2);
    __sy_set_slot(it, 0, sync);
    __sy_set_slot(it, 1, sync.next);
    return it;
  }
  if (!__sy_is_function(method)) __sy_throw_type_error(name + " is not async iterable");
  var ai = obj[__sy_symbol(2)]();
  if (!__sy_is_object(ai)) __sy_throw_type_error("Result of the Symbol.asyncIterator method is not an object");
  return ai;
}

// The `next` method of an async iterator must be callable.
function __prelude_check_next(next) {
  if (!__sy_is_function(next)) __sy_throw_type_error(__prelude_describe(next) + " is not a function");
}

function __prelude_iter_result_done(r) {
  if (!__sy_is_object(r)) __sy_throw_type_error("Iterator result " + __prelude_describe(r) + " is not an object");
  return r.done;
}

function __prelude_get_return_method(it) {
  var m = it.return;
  if (m === undefined || m === null) return undefined;
  if (!__sy_is_function(m)) __sy_throw_type_error(__prelude_describe(m) + " is not a function");
  return m;
}

// yield* in an async generator: 0 when the resumption (mode 0 next, 1
// throw, 2 return) has a method to call, 1 when a return finds no `return`
// method, 2 when a throw finds no `throw` method.
function __prelude_ystar_kind(it, mode) {
  if (mode === 0) return 0;
  var m = mode === 2 ? it.return : it.throw;
  if (m === undefined || m === null) return mode === 2 ? 1 : 2;
  return 0;
}

function __prelude_ystar_call(it, next, mode, v) {
  if (mode === 0) return __prelude_call_this1(next, it, v);
  var m = mode === 2 ? it.return : it.throw;
  return __prelude_call_this1(m, it, v);
}

// f.call(t, v).
function __prelude_call_this1(f, t, v) {
  var args = __sy_new_array(1);
  __sy_array_push(args, v);
  return __prelude_apply(f, t, args);
}

function __prelude_check_return_result(r) {
  if (!__sy_is_object(r)) __sy_throw_type_error("Iterator result " + __prelude_describe(r) + " is not an object");
}

// ---- timers ----------------------------------------------------------------

// A binary min-heap of entries (slots: 0 timer, 1 due, 2 seq) ordered by
// (due, seq); an entry whose seq is no longer its timer's is stale.
var __prelude_timer_heap = [];
var __prelude_timer_seq = 0;
var __prelude_timers_refed = 0;
// The loop's clock reading for this turn (Node's cached loop time), or -1.
var __prelude_loop_time = -1;

function __prelude_loop_now() {
  if (__prelude_loop_time < 0) __prelude_loop_time = __sy_clock_now();
  return __prelude_loop_time;
}

function __prelude_entry_less(a, b) {
  var da = __sy_slot(a, 1);
  var db = __sy_slot(b, 1);
  return da < db || (da === db && __sy_slot(a, 2) < __sy_slot(b, 2));
}

function __prelude_heap_push(e) {
  var h = __prelude_timer_heap;
  __sy_array_push(h, e);
  var i = __sy_array_len(h) - 1;
  while (i > 0) {
    var parent = (i - 1) >> 1;
    if (!__prelude_entry_less(h[i], h[parent])) break;
    var t = h[i];
    h[i] = h[parent];
    h[parent] = t;
    i = parent;
  }
}

function __prelude_heap_pop() {
  var h = __prelude_timer_heap;
  var n = __sy_array_len(h);
  var top = h[0];
  var last = h[n - 1];
  __sy_array_set_len(h, n - 1);
  n = n - 1;
  if (n > 0) {
    h[0] = last;
    var i = 0;
    for (;;) {
      var l = 2 * i + 1;
      var r = l + 1;
      var m = i;
      if (l < n && __prelude_entry_less(h[l], h[m])) m = l;
      if (r < n && __prelude_entry_less(h[r], h[m])) m = r;
      if (m === i) break;
      var t = h[i];
      h[i] = h[m];
      h[m] = t;
      i = m;
    }
  }
  return top;
}

function __prelude_schedule(t, due) {
  var seq = __prelude_timer_seq;
  __prelude_timer_seq = seq + 1;
  __sy_set_slot(t, 2, due);
  __sy_set_slot(t, 3, seq);
  __sy_set_slot(t, 5, 1);
  var e = __sy_new_slots(0, null, 3);
  __sy_set_slot(e, 0, t);
  __sy_set_slot(e, 1, due);
  __sy_set_slot(e, 2, seq);
  __prelude_heap_push(e);
}

var __prelude_TimeoutProto = {};
var __prelude_timer_ids = 0;
// The interval whose callback is running (popped from the heap meanwhile).
var __prelude_running_timer = undefined;

function __prelude_add_timer(callback, ms, repeat, first) {
  if (!__sy_is_function(callback)) __prelude_invalid_callback(callback);
  var after = __sy_is_number(ms) ? ms : __prelude_to_number(ms);
  if (!(after >= 1 && after <= 2147483647)) after = 1;
  var t = __sy_new_slots(10, __prelude_TimeoutProto, 9);
  __sy_set_slot(t, 0, callback);
  __sy_set_slot(t, 1, after);
  __sy_set_slot(t, 4, repeat);
  __sy_set_slot(t, 6, first);
  __sy_set_slot(t, 7, true);
  __prelude_timer_ids = __prelude_timer_ids + 1;
  __sy_set_slot(t, 8, __prelude_timer_ids);
  __prelude_timers_refed++;
  __prelude_schedule(t, __prelude_loop_now() + after);
  return t;
}

function __prelude_is_timer(t) {
  return __sy_object_class(t) === 10;
}

function setTimeout(callback, ms) {
  var t = __prelude_add_timer(callback, ms, false, undefined);
  var n = __sy_argc();
  if (n > 2) {
    var args = __sy_new_array(n - 2);
    for (var i = 2; i < n; i++) __sy_array_push(args, __sy_arg(i));
    __sy_set_slot(t, 6, args);
  }
  return t;
}

function setInterval(callback, ms) {
  var t = __prelude_add_timer(callback, ms, true, undefined);
  var n = __sy_argc();
  if (n > 2) {
    var args = __sy_new_array(n - 2);
    for (var i = 2; i < n; i++) __sy_array_push(args, __sy_arg(i));
    __sy_set_slot(t, 6, args);
  }
  return t;
}

function __prelude_clear_timer(t) {
  if (__sy_is_number(t) || __sy_is_string(t)) t = __prelude_timer_by_id(__prelude_to_number(t));
  if (!__prelude_is_timer(t)) return;
  if (__sy_slot(t, 5) !== 0) {
    __sy_set_slot(t, 5, 0);
    if (__sy_slot(t, 7) === true) __prelude_timers_refed--;
  }
}

function clearTimeout(t) {
  __prelude_clear_timer(t);
}

function clearInterval(t) {
  __prelude_clear_timer(t);
}

function __prelude_require_timer(t) {
  if (!__prelude_is_timer(t)) __sy_throw_type_error("Timeout method called on incompatible receiver " + __prelude_describe(t));
}

__sy_define_hidden(__prelude_TimeoutProto, "unref", function unref() {
  __prelude_require_timer(this);
  if (__sy_slot(this, 7) === true) {
    __sy_set_slot(this, 7, false);
    if (__sy_slot(this, 5) !== 0) __prelude_timers_refed--;
  }
  return this;
});
__sy_define_hidden(__prelude_TimeoutProto, "ref", function ref() {
  __prelude_require_timer(this);
  if (__sy_slot(this, 7) !== true) {
    __sy_set_slot(this, 7, true);
    if (__sy_slot(this, 5) !== 0) __prelude_timers_refed++;
  }
  return this;
});
__sy_define_hidden(__prelude_TimeoutProto, "hasRef", function hasRef() {
  __prelude_require_timer(this);
  return __sy_slot(this, 7) === true;
});
__sy_define_hidden(__prelude_TimeoutProto, "refresh", function refresh() {
  __prelude_require_timer(this);
  if (__sy_slot(this, 5) === 1) __prelude_schedule(this, __prelude_loop_now() + __sy_slot(this, 1));
  return this;
});
__sy_define_hidden(__prelude_TimeoutProto, "close", function close() {
  __prelude_clear_timer(this);
  return this;
});
// Node's Timeout[Symbol.toPrimitive]: the timer's numeric id (the
// runtime's ToNumber/ToString of a timer give it), which clearTimeout and
// clearInterval accept. (Node finds a timer by id only once it was
// converted; here any scheduled timer is found.)
function __prelude_timer_by_id(id) {
  var r = __prelude_running_timer;
  if (r !== undefined && __sy_slot(r, 8) === id && __sy_slot(r, 5) !== 0) return r;
  var h = __prelude_timer_heap;
  var n = __sy_array_len(h);
  for (var i = 0; i < n; i++) {
    var t = __sy_slot(h[i], 0);
    if (__sy_slot(t, 8) === id && __sy_slot(t, 5) !== 0) return t;
  }
  return undefined;
}

function __prelude_run_timer(t) {
  var repeat = __sy_slot(t, 4);
  if (repeat) {
    __sy_set_slot(t, 5, 2);
  } else {
    __sy_set_slot(t, 5, 0);
    if (__sy_slot(t, 7) === true) __prelude_timers_refed--;
  }
  var cb = __sy_slot(t, 0);
  var args = __sy_slot(t, 6);
  __prelude_running_timer = t;
  if (args === undefined) cb();
  else __prelude_call_plain(cb, args, __sy_array_len(args));
  __prelude_running_timer = undefined;
  // An interval not cleared by its callback runs again `ms` after this turn.
  if (repeat && __sy_slot(t, 5) === 2) __prelude_schedule(t, __prelude_loop_time + __sy_slot(t, 1));
}

// ---- the event loop ----------------------------------------------------------

function __prelude_event_loop() {
  __prelude_microtask_checkpoint();
  var h = __prelude_timer_heap;
  while (__prelude_timers_refed > 0 && __sy_array_len(h) > 0) {
    var e = h[0];
    var t = __sy_slot(e, 0);
    if (__sy_slot(t, 5) !== 1 || __sy_slot(t, 3) !== __sy_slot(e, 2)) {
      __prelude_heap_pop();
      continue;
    }
    var due = __sy_slot(e, 1);
    var now = __sy_clock_now();
    if (now < due) {
      __sy_sleep(due - now);
      now = __sy_clock_now();
      if (now < due) now = due;
    }
    __prelude_loop_time = now;
    // Every timer due by now, in (due, seq) order, with a microtask drain after each.
    while (__sy_array_len(h) > 0) {
      e = h[0];
      t = __sy_slot(e, 0);
      if (__sy_slot(t, 5) !== 1 || __sy_slot(t, 3) !== __sy_slot(e, 2)) {
        __prelude_heap_pop();
        continue;
      }
      if (__sy_slot(e, 1) > now) break;
      __prelude_heap_pop();
      __prelude_run_timer(t);
      __prelude_microtask_checkpoint();
    }
  }
}
