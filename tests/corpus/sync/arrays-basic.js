// Array literals, indexing, length, appending at a[a.length], nested arrays and aliasing.
var a = [1, 2, 3];
console.log(a, a.length, a[0], a[2], a[3]);
a[3] = 4;
console.log(a, a.length);
a.length = 2;
console.log(a, a.length);
var b = [];
console.log(b, b.length);
b[0] = "first";
b[b.length] = "second";
b[b.length] = "third";
console.log(b, b.length);
var mixed = [1, "two", true, null, undefined, [3, 4], { five: 5 }];
console.log(mixed);
console.log(mixed.length, typeof mixed, mixed[5][1], mixed[6].five);
var grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
console.log(grid);
console.log(grid[1][2], grid[2][0], grid.length, grid[0].length);
grid[1][1] = 50;
console.log(grid[1]);
var matrix = [];
for (var i = 0; i < 3; i++) {
  matrix[i] = [];
  for (var j = 0; j < 4; j++) {
    matrix[i][j] = i * 4 + j;
  }
}
console.log(matrix);
var alias = matrix[0];
alias[0] = "changed";
console.log(matrix[0][0], alias === matrix[0]);
var c = [10, 20, 30];
c["1"] = 21;
console.log(c, c["2"], c[1.0]);
var sq = [];
for (var k = 0; k < 10; k++) {
  sq.push(k * k);
}
console.log(sq.length, sq[9], sq[sq.length - 1]);
var idx = 0;
var fill = [];
while (idx < 4) {
  fill[idx] = idx % 2 === 0 ? "even" : "odd";
  idx++;
}
console.log(fill);
console.log([[]], [[], []], [[[]]]);
console.log(String([1, [2, [3, [4]]]]));
