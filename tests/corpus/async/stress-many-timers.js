// 2,000 timers with a few distinct delays: each group fires in creation order.
const fired = [];
for (let i = 0; i < 2000; i++) {
  setTimeout(() => fired.push(i), i % 4);
}
setTimeout(() => {
  const groups = [[], [], [], []];
  for (const i of fired) groups[i % 4 === 0 ? 1 : i % 4].push(i);
  let ordered = true;
  for (const g of groups) for (let k = 1; k < g.length; k++) if (g[k] < g[k - 1]) ordered = false;
  console.log("fired", fired.length, "each group in creation order:", ordered);
  let sum = 0;
  for (const i of fired) sum += i;
  console.log("sum", sum);
}, 10);
