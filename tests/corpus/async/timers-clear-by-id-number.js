// A Node timer object converts to a positive integer id, and clearTimeout /
// clearInterval accept that number as well as the object.
const t = setTimeout(() => console.log("never: cleared by its number"), 1);
const id = +t;
console.log("id is a positive integer:", Number.isInteger(id) && id > 0);
clearTimeout(id);

let runs = 0;
const iv = setInterval(() => {
  runs++;
  if (runs === 2) {
    clearInterval(+iv);
    setTimeout(() => console.log("interval ran", runs, "times"), 5);
  }
  if (runs === 5) clearInterval(iv); // only reached if clearing by number failed
}, 1);

const u = setTimeout(() => console.log("u runs"), 2);
const v = setTimeout(() => console.log("v runs"), 2);
console.log("distinct ids:", +u !== +v, `${+u}` === String(+u));
