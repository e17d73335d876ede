// A finally block whose own completion overrides a pending return or throw.
function* overrideReturn() {
  try {
    yield 1;
  } finally {
    return "from finally";
  }
}
let it = overrideReturn();
it.next();
console.log(it.return("requested"));
console.log(it.next());

function* overrideWithYieldThenReturn() {
  try {
    yield 1;
  } finally {
    const v = yield "finally yield";
    return "finally returns " + v;
  }
}
it = overrideWithYieldThenReturn();
it.next();
console.log(it.return("requested"));
console.log(it.next("V"));
console.log(it.next());

function* swallowThrow() {
  try {
    yield 1;
  } finally {
    return "swallowed";
  }
}
it = swallowThrow();
it.next();
console.log(it.throw(new Error("lost")));

function* throwInFinally() {
  try {
    yield 1;
  } finally {
    throw new Error("finally throws");
  }
}
it = throwInFinally();
it.next();
try {
  it.return("requested");
} catch (e) {
  console.log("return() threw", e.message);
}
console.log(it.next());

function* breakOutOfFinally() {
  while (true) {
    try {
      yield "loop";
    } finally {
      break;
    }
  }
  yield "after break";
  return "end";
}
it = breakOutOfFinally();
console.log(it.next());
console.log(it.return("R"));
console.log(it.next());
console.log(it.next());

function* continueInFinally() {
  for (let i = 0; i < 3; i++) {
    try {
      yield "i" + i;
    } finally {
      continue;
    }
  }
  return "finished loop";
}
it = continueInFinally();
console.log(it.next());
console.log(it.return("R"));
console.log(it.next());
console.log(it.throw("T"));
console.log(it.next());
