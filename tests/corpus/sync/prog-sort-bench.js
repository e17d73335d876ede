// Sorting 5,000 pseudo-random numbers with several algorithms; checksums must agree.
var seed = 12345;
function rand() {
  seed = (seed * 16807) % 2147483647;
  return seed;
}
var data = [];
for (var i = 0; i < 5000; i++) data.push(rand() % 100000);
console.log(data.slice(0, 8));
function checksum(arr) {
  var h = 0;
  for (var k = 0; k < arr.length; k++) h = (h * 31 + arr[k]) % 1000000007;
  return h;
}
function isSorted(arr) {
  for (var k = 1; k < arr.length; k++) if (arr[k - 1] > arr[k]) return false;
  return true;
}
function insertionSort(arr) {
  var a = arr.slice();
  for (var x = 1; x < a.length; x++) {
    var v = a[x];
    var y = x - 1;
    while (y >= 0 && a[y] > v) {
      a[y + 1] = a[y];
      y--;
    }
    a[y + 1] = v;
  }
  return a;
}
function mergeSort(arr) {
  if (arr.length <= 1) return arr;
  var mid = Math.floor(arr.length / 2);
  var l = mergeSort(arr.slice(0, mid));
  var r = mergeSort(arr.slice(mid));
  var out = [];
  var li = 0, ri = 0;
  while (li < l.length && ri < r.length) out.push(l[li] <= r[ri] ? l[li++] : r[ri++]);
  while (li < l.length) out.push(l[li++]);
  while (ri < r.length) out.push(r[ri++]);
  return out;
}
function quickSort(a, lo, hi) {
  if (lo >= hi) return;
  var pivot = a[(lo + hi) >> 1];
  var p = lo, q = hi;
  while (p <= q) {
    while (a[p] < pivot) p++;
    while (a[q] > pivot) q--;
    if (p <= q) {
      var tmp = a[p];
      a[p] = a[q];
      a[q] = tmp;
      p++;
      q--;
    }
  }
  quickSort(a, lo, q);
  quickSort(a, p, hi);
}
var builtin = data.slice().sort(function (a, b) { return a - b; });
var ins = insertionSort(data);
var mer = mergeSort(data);
var qs = data.slice();
quickSort(qs, 0, qs.length - 1);
console.log("sorted", isSorted(builtin), isSorted(ins), isSorted(mer), isSorted(qs), isSorted(data));
console.log("checksums", checksum(builtin), checksum(ins), checksum(mer), checksum(qs));
console.log("unsorted checksum", checksum(data));
console.log("min", builtin[0], "max", builtin[4999], "median", builtin[2500]);
var strSorted = data.slice(0, 20).sort();
console.log(strSorted);
var distinct = 0;
for (var d = 0; d < builtin.length; d++) if (d === 0 || builtin[d] !== builtin[d - 1]) distinct++;
console.log("distinct", distinct);
var desc = data.slice().sort(function (a, b) { return b - a; });
console.log(desc.slice(0, 5), desc.reverse().slice(0, 5));
