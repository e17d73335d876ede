// Matrix multiply, transpose, identity and a determinant, printed and checksummed.
function matrix(rows, cols, f) {
  var m = [];
  for (var i = 0; i < rows; i++) {
    var row = [];
    for (var j = 0; j < cols; j++) row.push(f(i, j));
    m.push(row);
  }
  return m;
}
function multiply(a, b) {
  var n = a.length, k = b.length, p = b[0].length;
  return matrix(n, p, function (i, j) {
    var sum = 0;
    for (var x = 0; x < k; x++) sum += a[i][x] * b[x][j];
    return sum;
  });
}
function transpose(a) {
  return matrix(a[0].length, a.length, function (i, j) { return a[j][i]; });
}
function det(m) {
  if (m.length === 1) return m[0][0];
  if (m.length === 2) return m[0][0] * m[1][1] - m[0][1] * m[1][0];
  var total = 0;
  for (var c = 0; c < m.length; c++) {
    var minor = [];
    for (var r = 1; r < m.length; r++) {
      minor.push(m[r].filter(function (_, idx) { return idx !== c; }));
    }
    total += (c % 2 === 0 ? 1 : -1) * m[0][c] * det(minor);
  }
  return total;
}
function show(m) {
  return m.map(function (row) { return row.join("\t"); }).join("\n");
}
var a = matrix(2, 3, function (i, j) { return i + j + 1; });
var b = matrix(3, 2, function (i, j) { return i * 2 - j; });
console.log(a);
console.log(b);
console.log(multiply(a, b));
console.log(show(multiply(b, a)));
console.log(transpose(a));
var id = matrix(4, 4, function (i, j) { return i === j ? 1 : 0; });
var m4 = matrix(4, 4, function (i, j) { return (i * 7 + j * 3) % 5 - 2; });
console.log(m4);
console.log(JSON.stringify(multiply(m4, id)) === JSON.stringify(m4));
console.log("det", det(m4), det(id), det([[2, 0], [0, 0.5]]));
var big = matrix(30, 30, function (i, j) { return ((i + 1) * (j + 2)) % 17 / 4; });
var prod = multiply(big, transpose(big));
var checksum = 0;
for (var i = 0; i < prod.length; i++) {
  for (var j = 0; j < prod[i].length; j++) checksum += prod[i][j] * (i + 1) / (j + 1);
}
console.log("checksum", checksum);
console.log(prod[0].slice(0, 5), prod[29][29]);
var power = id;
var rot = [[0, -1], [1, 0]];
power = [[1, 0], [0, 1]];
for (var k = 1; k <= 4; k++) {
  power = multiply(power, rot);
  console.log("rot^" + k, JSON.stringify(power));
}
