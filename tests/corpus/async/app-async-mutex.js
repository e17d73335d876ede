// An async mutex serialising read-modify-write sections that await in the
// middle; without it the updates are lost.
function makeMutex() {
  let tail = Promise.resolve();
  return {
    lock() {
      let release;
      const next = new Promise((resolve) => (release = resolve));
      const ready = tail.then(() => release);
      tail = next;
      return ready;
    },
  };
}

const account = { balance: 100 };

async function deposit(amount, mutex) {
  const release = mutex ? await mutex.lock() : null;
  try {
    const before = account.balance;
    await null;
    await null;
    account.balance = before + amount;
    console.log("deposit", amount, "->", account.balance);
  } finally {
    if (release) release();
  }
}

async function main() {
  await Promise.all([deposit(10), deposit(20), deposit(30)]);
  console.log("without mutex:", account.balance);
  account.balance = 100;
  const m = makeMutex();
  await Promise.all([deposit(10, m), deposit(20, m), deposit(30, m)]);
  console.log("with mutex:", account.balance);
}
main();
