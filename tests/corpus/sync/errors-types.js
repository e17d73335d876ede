// Error, TypeError, RangeError: message, name, instanceof; thrown non-errors.
var e1 = new Error("plain failure");
console.log(e1.message, e1.name, e1 instanceof Error);
var e2 = new TypeError("wrong type");
console.log(e2.message, e2.name, e2 instanceof TypeError, e2 instanceof Error, e2 instanceof RangeError);
var e3 = new RangeError("out of range");
console.log(e3.message, e3.name, e3 instanceof RangeError, e3 instanceof Error);
var e4 = new Error();
console.log("[" + e4.message + "]", e4.name);
var e5 = Error("no new");
console.log(e5.message, e5 instanceof Error);
console.log(String(e1), String(e2), "" + e3);
console.log(typeof e1, typeof Error);
function thrower(kind) {
  if (kind === 1) throw new Error("one");
  if (kind === 2) throw new TypeError("two");
  if (kind === 3) throw new RangeError("three");
  if (kind === 4) throw "a string";
  if (kind === 5) throw 42;
  if (kind === 6) throw { code: 6 };
  if (kind === 7) throw null;
  return "no throw";
}
for (var k = 0; k <= 7; k++) {
  try {
    console.log(k, thrower(k));
  } catch (err) {
    if (err instanceof TypeError) {
      console.log(k, "TypeError:", err.message);
    } else if (err instanceof Error) {
      console.log(k, err.name + ":", err.message);
    } else {
      console.log(k, "non-error", typeof err, err);
    }
  }
}
try {
  var u;
  u.prop;
} catch (e) {
  console.log(e instanceof TypeError, e.name, e.message);
}
try {
  var nothing = null;
  nothing.field = 1;
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
try {
  var notFn = 5;
  notFn();
} catch (e) {
  console.log(e instanceof TypeError, e.name);
}
try {
  "abc".repeat(-1);
} catch (e) {
  console.log(e instanceof RangeError, e.name, e.message);
}
try {
  var deep = { a: { b: null } };
  deep.a.b.c;
} catch (e) {
  console.log(e.name, e.message);
}
var custom = new Error("custom");
custom.code = "E_CUSTOM";
try {
  throw custom;
} catch (e) {
  console.log(e === custom, e.code, e.message);
}
console.log(e2.message.length, e1.message.toUpperCase());
