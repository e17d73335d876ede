// == and != with coercion among primitives; === and !==.
console.log(null == undefined, null === undefined, null != undefined);
console.log("1" == 1, "1" === 1, 1 == "1.0", "1" == "1.0");
console.log(true == 1, true == 2, false == 0, true === 1, "true" == true);
console.log("" == 0, "" == "0", "0" == 0, " " == 0, "\n" == 0, "0" == false);
console.log(NaN == NaN, NaN != NaN, NaN === NaN, NaN !== NaN);
console.log(null == 0, null == false, undefined == 0, undefined == false, null == "");
console.log(0 == -0, 0 === -0, "0x10" == 16, "1e2" == 100, "abc" == "abc");
console.log([1] == 1, ["a"] == "a", [] == "", [1, 2] == "1,2", [] == 0);
var o = {};
var p = o;
console.log(o == p, o === p, o == {}, {} === {}, [] == [], o != {});
console.log(1 != 2, 1 !== "1", 1 != "1", undefined !== null);
console.log("a" == "A", "abc" === "ab" + "c");
var vals = [0, 1, "", "0", "1", null, undefined, false, true, NaN];
var names = ["0", "1", '""', '"0"', '"1"', "null", "undef", "false", "true", "NaN"];
for (var i = 0; i < vals.length; i++) {
  var row = names[i] + ":";
  for (var j = 0; j < vals.length; j++) {
    row += vals[i] == vals[j] ? " T" : " .";
  }
  console.log(row);
}
for (var a = 0; a < vals.length; a++) {
  var srow = names[a] + ":";
  for (var b = 0; b < vals.length; b++) {
    srow += vals[a] === vals[b] ? " T" : " .";
  }
  console.log(srow);
}
function eqFn() {}
var f2 = eqFn;
console.log(eqFn == f2, eqFn === function () {});
console.log(typeof null == "object", typeof undefined === "undefined");
