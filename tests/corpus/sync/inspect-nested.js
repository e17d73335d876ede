// util.inspect depth limit: nesting deeper than 2 prints [Object] / [Array].
console.log({ a: { b: { c: { d: 1 } } } });
console.log({ a: { b: { c: [1, 2] } } });
console.log([[[[1]]]]);
console.log([[[{ x: 1 }]]]);
console.log([1, [2, [3, [4, [5]]]]]);
console.log({ l1: { l2: { l3: {} } } });
console.log({ l1: { l2: { l3: [] } } });
console.log({ l1: { l2: { l3: "string is fine" } } });
console.log([{ a: [{ b: 1 }] }]);
var tree = {
  value: 1,
  children: [
    { value: 2, children: [] },
    { value: 3, children: [{ value: 4, children: [] }] },
  ],
};
console.log(tree);
console.log(tree.children);
console.log(tree.children[1].children);
var config = {
  server: { host: "localhost", port: 8080, tls: { enabled: false, cert: null } },
  db: { name: "main", pool: { min: 1, max: 10 } },
};
console.log(config);
console.log(config.server);
var list = { head: { v: 1, next: { v: 2, next: { v: 3, next: null } } } };
console.log(list);
console.log(list.head.next);
console.log([{}, [], { e: {} }, [[]], [[[]]], [[[[]]]]]);
console.log({ arr: [[1, 2], [3, [4, 5]]] });
var matrix = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]];
console.log(matrix);
console.log([matrix]);
console.log({ m: matrix });
