// await of a thenable takes two ticks (a job to call its then, then its
// callback resumes us); await of a plain value takes one.
const thenable = {
  then(resolve, reject) {
    console.log("thenable.then called");
    resolve("from thenable");
  },
};

async function onThenable() {
  const v = await thenable;
  console.log("thenable awaited:", v);
}
async function onPlain() {
  const v = await 42;
  console.log("plain awaited:", v);
}
async function onNativePromise() {
  const v = await Promise.resolve("native");
  console.log("native awaited:", v);
}

onThenable();
onPlain();
onNativePromise();
Promise.resolve()
  .then(() => console.log("tick 1"))
  .then(() => console.log("tick 2"))
  .then(() => console.log("tick 3"));
console.log("sync done");
