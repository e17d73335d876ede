// try/catch/finally around awaits: rejections become exceptions at the await.
function fail(msg) {
  return Promise.reject(new Error(msg));
}

async function a() {
  try {
    console.log("a: before");
    await fail("a-rejection");
    console.log("a: not reached");
  } catch (e) {
    console.log("a: caught", e.message);
    await null;
    console.log("a: after await in catch");
  } finally {
    console.log("a: finally");
    await null;
    console.log("a: after await in finally");
  }
  return "a result";
}

async function b() {
  try {
    return await fail("b-rejection");
  } finally {
    console.log("b: finally runs, rejection continues");
  }
}

async function c() {
  try {
    await null;
    throw new Error("c-throw");
  } catch (e) {
    return "c recovered from " + e.message;
  } finally {
    console.log("c: finally");
  }
}

async function d() {
  try {
    return "from try";
  } finally {
    await null;
    console.log("d: finally overrides");
    return "from finally";
  }
}

async function main() {
  console.log(await a());
  try {
    await b();
  } catch (e) {
    console.log("main caught", e.message);
  }
  console.log(await c());
  console.log(await d());
}
main();
