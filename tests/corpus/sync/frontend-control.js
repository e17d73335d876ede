// Switch, labels, loops, for-in/of, exceptions from the runtime.
function sw(v) {
  var out = [];
  switch (v) {
    case 1: out.push("one");
    case 2: out.push("two"); break;
    default: out.push("default");
    case 3: out.push("three"); break;
    case "1": out.push("string one");
  }
  return out.join(",");
}
console.log(sw(1), sw(2), sw(3), sw(4), sw("1"));
lbl: { console.log("in block"); if (true) break lbl; console.log("not printed"); }
var n = 0; do { n++; } while (n < 5); console.log(n);
var s = ""; for (var ch of "héllo😀") s += "[" + ch + "]"; console.log(s);
for (var k in [7, , 9]) console.log("idx", k);
for (var k2 in "ab") console.log("sidx", k2);
for (var k3 in null) console.log("never");
var it = 0; a: while (true) { b: do { it++; if (it > 3) break a; continue a; } while (false); }
console.log(it);
try { null.x; } catch (e) { console.log(e.message); }
try { undefined.foo(); } catch (e) { console.log(e.message); }
try { var q = {}; q.method(); } catch (e) { console.log(e.message); }
try { var arr = [1]; arr[0](); } catch (e) { console.log(e.message); }
try { notDefined; } catch (e) { console.log(e.name, e.message); }
try { for (var z of 5) {} } catch (e) { console.log(e.name, e.message); }
try { new 5; } catch (e) { console.log(e.name); }
try { 1 instanceof 2; } catch (e) { console.log(e.name); }
try { "x" in "y"; } catch (e) { console.log(e.name); }
function thrower() { throw { code: 1 }; }
try { thrower(); } catch (ignored) { } finally { console.log("finally runs"); }
try { thrower(); } catch { console.log("no binding"); }
var results = [];
for (let i = 0; i < 3; i++) { try { if (i === 1) throw i; results.push(i); } catch (e) { results.push("c" + e); continue; } finally { results.push("f"); } }
console.log(results);
function F(x) { this.x = x; }
F.prototype.get = function () { return this.x; };
var f = new F(3); console.log(f.get(), f instanceof F, f);
var e = new Error("m"); e.extra = 1; console.log(e.message, Object.keys(e));
