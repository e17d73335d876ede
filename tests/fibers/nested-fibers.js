// Fibers resuming fibers: a yield returns to the innermost resumer. A
// chain of 50 fibers, each resuming the next and passing values up and
// down; a fiber that yields inner fibers' values through; and a
// "same fringe" comparison of two trees by two fibers walking them
// recursively.
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

// Chain: fiber k resumes fiber k+1 with v + 1 and yields what it yields,
// plus 1; the last one yields its argument.
function chain(k, n) {
  return new Fiber(function (v) {
    if (k === n) {
      while (true) v = Fiber.yield(v);
    }
    const next = chain(k + 1, n);
    let r = next.resume(v + 1);
    while (true) {
      const back = Fiber.yield(r.value + 1);
      r = next.resume(back + 1);
    }
  });
}
const head = chain(0, 49);
check("down 49 and back up 49", head.resume(0).value, 98);
check("again", head.resume(1000).value, 1098);

// Same fringe: two trees with the same leaves in order, different shapes.
function leaf(v) {
  return { leaf: v };
}
function node(l, r) {
  return { left: l, right: r };
}
function walker(tree) {
  return new Fiber(function visit(t) {
    if (t.leaf !== undefined) Fiber.yield(t.leaf);
    else {
      visit(t.left);
      visit(t.right);
    }
  });
}
function sameFringe(a, b) {
  const fa = walker(a);
  const fb = walker(b);
  let ra = fa.resume(a);
  let rb = fb.resume(b);
  while (!ra.done && !rb.done) {
    if (ra.value !== rb.value) return false;
    ra = fa.resume();
    rb = fb.resume();
  }
  return ra.done && rb.done;
}
const t1 = node(node(leaf(1), leaf(2)), node(leaf(3), node(leaf(4), leaf(5))));
const t2 = node(leaf(1), node(node(node(leaf(2), leaf(3)), leaf(4)), leaf(5)));
const t3 = node(leaf(1), node(leaf(2), node(leaf(3), leaf(6))));
let deep = leaf(5);
for (let i = 4; i >= 1; i--) deep = node(leaf(i), deep);
check("same fringe, different shapes", sameFringe(t1, t2), true);
check("different fringe", sameFringe(t1, t3), false);
check("right comb", sameFringe(t2, deep), true);

// A fiber that passes inner yields through, annotated.
const inner = new Fiber(function (x) {
  for (let i = 0; i < 3; i++) x = Fiber.yield("inner " + x);
  return "inner end " + x;
});
const outer = new Fiber(function (x) {
  let r = inner.resume(x);
  while (!r.done) {
    const v = Fiber.yield("outer(" + r.value + ")");
    r = inner.resume(v);
  }
  return "outer saw " + r.value;
});
const seen = [];
let r = outer.resume("a");
for (const v of ["b", "c", "d"]) {
  seen.push(r.value);
  r = outer.resume(v);
}
check("pass-through", seen, ["outer(inner a)", "outer(inner b)", "outer(inner c)"]);
check("pass-through end", r, { value: "outer saw inner end d", done: true });
console.log(failures === 0 ? "all ok" : failures + " failures");
