// try/catch/finally inside generators: yields in try, catch and finally blocks, exceptions
// raised by the body, by nested calls, and by throw(); caught values of different types.
function thrower(v) {
  throw v;
}
function* mixed() {
  for (const v of [new Error("e1"), "plain string", 42, null]) {
    try {
      yield "before throwing " + (v === null ? "null" : typeof v);
      thrower(v);
      yield "not reached";
    } catch (e) {
      yield "caught " + (e instanceof Error ? "Error " + e.message : String(e));
    } finally {
      yield "finally for " + String(v);
    }
  }
}
console.log([...mixed()]);
function* retry(attempts) {
  let tries = 0;
  while (true) {
    try {
      tries++;
      const r = yield "attempt " + tries;
      if (r === "fail") throw new Error("failed attempt " + tries);
      return "succeeded after " + tries;
    } catch (e) {
      console.log("retrying:", e.message);
      if (tries >= attempts) return "gave up";
    }
  }
}
const r1 = retry(5);
console.log(r1.next(), r1.next("fail"), r1.next("fail"), r1.next("ok"));
const r2 = retry(2);
console.log(r2.next(), r2.next("fail"), r2.next("fail"));
// The catch parameter is a fresh binding per catch, visible across yields.
function* catchBinding() {
  for (let i = 0; i < 2; i++) {
    try {
      throw { id: i };
    } catch ({ id }) {
      yield id;
      yield id + 10;
    }
  }
  try {
    throw 1;
  } catch {
    yield "optional catch binding";
  }
}
console.log([...catchBinding()]);
// Errors from built-ins inside a generator.
function* builtins() {
  try {
    null.x;
  } catch (e) {
    yield e.constructor === TypeError;
  }
  try {
    undefinedVariable;
  } catch (e) {
    yield e.name;
  }
  try {
    yield JSON.parse("{bad");
  } catch (e) {
    yield e.name;
  }
}
console.log([...builtins()]);
// A finally that yields after an exception, then the exception continues outward.
function* finallyYieldsOnError() {
  try {
    yield "start";
    throw new Error("body error");
  } finally {
    yield "cleanup";
  }
}
const f = finallyYieldsOnError();
console.log(f.next(), f.next());
try {
  f.next();
} catch (e) {
  console.log("after cleanup:", e.message);
}
console.log(f.next());
