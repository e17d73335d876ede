// The order in which nested finally blocks run when a generator is closed by return(),
// by throw(), by an exception from its body, and by completing normally.
const log = [];
function* deep(tag) {
  try {
    log.push(tag + " enter 1");
    try {
      log.push(tag + " enter 2");
      try {
        log.push(tag + " enter 3");
        yield tag + " suspended";
        log.push(tag + " resumed");
      } finally {
        log.push(tag + " finally 3");
      }
    } catch (e) {
      log.push(tag + " catch 2: " + e);
      throw e;
    } finally {
      log.push(tag + " finally 2");
    }
  } finally {
    log.push(tag + " finally 1");
  }
  log.push(tag + " after");
  return tag + " result";
}
function show(label, result) {
  console.log(label, JSON.stringify(result));
  console.log("  " + log.join("\n  "));
  log.length = 0;
}
let g = deep("R");
g.next();
show("return:", g.return("closed"));
g = deep("T");
g.next();
try {
  g.throw("boom");
} catch (e) {
  show("throw:", "rethrown " + e);
}
g = deep("N");
g.next();
show("next:", g.next());
g = deep("S");
show("return before start:", g.return("nothing ran"));
// Finally blocks in a recursive yield* chain run innermost first.
function* chain(n) {
  try {
    if (n === 0) yield "bottom";
    else yield* chain(n - 1);
  } finally {
    log.push("chain " + n);
  }
}
g = chain(4);
g.next();
show("chain return:", g.return());
g = chain(3);
g.next();
show("chain next:", [g.next(), g.next()]);
// Finally with a loop inside that itself yields, closed mid-loop by return().
function* loopInFinally() {
  try {
    yield "body";
  } finally {
    for (let i = 0; i < 3; i++) {
      log.push("cleanup " + i);
      yield "cleanup " + i;
    }
  }
}
g = loopInFinally();
g.next();
show("loop in finally:", [g.return("r"), g.next(), g.return("again"), g.next()]);
