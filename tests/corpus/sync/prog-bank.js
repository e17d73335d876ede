// A bank-account simulation with closures, validation errors and a transaction log.
function makeBank() {
  var accounts = {};
  var log = [];
  var nextId = 1;
  function record(kind, id, amount, ok) {
    log.push({ n: log.length + 1, kind: kind, id: id, amount: amount, ok: ok });
  }
  function open(owner, initial) {
    var id = "acct-" + nextId++;
    var balance = 0;
    var account = {
      id: id,
      owner: owner,
      deposit: function (amount) {
        if (amount <= 0) throw new RangeError("deposit must be positive");
        balance += amount;
        return balance;
      },
      withdraw: function (amount) {
        if (amount > balance) throw new Error("insufficient funds in " + id);
        balance -= amount;
        return balance;
      },
      balance: function () { return balance; },
    };
    accounts[id] = account;
    if (initial) account.deposit(initial);
    record("open", id, initial || 0, true);
    return account;
  }
  function transfer(from, to, amount) {
    try {
      accounts[from].withdraw(amount);
      accounts[to].deposit(amount);
      record("transfer", from + "->" + to, amount, true);
      return true;
    } catch (e) {
      record("transfer", from + "->" + to, amount, false);
      console.log("transfer failed:", e.message);
      return false;
    }
  }
  function total() {
    var sum = 0;
    for (var id in accounts) sum += accounts[id].balance();
    return sum;
  }
  function report() {
    return Object.keys(accounts).map(function (id) {
      var a = accounts[id];
      return a.owner + " (" + id + "): " + a.balance();
    });
  }
  return { open: open, transfer: transfer, total: total, report: report, log: function () { return log; } };
}
var bank = makeBank();
var alice = bank.open("alice", 100);
var bob = bank.open("bob", 50);
var carol = bank.open("carol");
console.log(alice.balance(), bob.balance(), carol.balance());
console.log(bank.transfer("acct-1", "acct-2", 30));
console.log(bank.transfer("acct-2", "acct-3", 500));
console.log(bank.transfer("acct-3", "acct-1", 0));
try {
  carol.deposit(-5);
} catch (e) {
  console.log(e.name, e.message);
}
for (var month = 1; month <= 6; month++) {
  alice.deposit(month * 10);
  bank.transfer("acct-1", "acct-3", 15);
  if (month % 2 === 0) bank.transfer("acct-2", "acct-1", 25.5);
}
console.log(bank.report());
console.log("total", bank.total());
var log = bank.log();
console.log(log.length, log.filter(function (l) { return !l.ok; }).length);
console.log(log.slice(0, 4));
console.log(log[log.length - 1]);
var failedAmounts = log.filter(function (l) { return !l.ok; }).map(function (l) { return l.amount; });
console.log(failedAmounts);
