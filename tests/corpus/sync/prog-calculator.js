// A tokenizer and recursive-descent calculator with precedence, unary minus, parentheses and errors.
function tokenize(src) {
  var tokens = [];
  var i = 0;
  while (i < src.length) {
    var ch = src.charAt(i);
    if (ch === " ") { i++; continue; }
    if ("0123456789.".indexOf(ch) >= 0) {
      var start = i;
      while (i < src.length && "0123456789.".indexOf(src.charAt(i)) >= 0) i++;
      tokens.push({ type: "num", value: Number(src.slice(start, i)) });
      continue;
    }
    if ("+-*/%^()".indexOf(ch) >= 0) {
      tokens.push({ type: "op", value: ch });
      i++;
      continue;
    }
    throw new Error("unexpected character '" + ch + "' at " + i);
  }
  tokens.push({ type: "end", value: null });
  return tokens;
}
function parse(tokens) {
  var pos = 0;
  function peek() { return tokens[pos]; }
  function next() { return tokens[pos++]; }
  function expr() {
    var left = term();
    while (peek().value === "+" || peek().value === "-") {
      var op = next().value;
      var right = term();
      left = op === "+" ? left + right : left - right;
    }
    return left;
  }
  function term() {
    var left = power();
    while (peek().value === "*" || peek().value === "/" || peek().value === "%") {
      var op = next().value;
      var right = power();
      if (op === "*") left = left * right;
      else if (op === "/") left = left / right;
      else left = left % right;
    }
    return left;
  }
  function power() {
    var base = unary();
    if (peek().value === "^") {
      next();
      return base ** power();
    }
    return base;
  }
  function unary() {
    if (peek().value === "-") { next(); return -unary(); }
    if (peek().value === "+") { next(); return +unary(); }
    return primary();
  }
  function primary() {
    var t = next();
    if (t.type === "num") return t.value;
    if (t.value === "(") {
      var v = expr();
      if (next().value !== ")") throw new Error("expected )");
      return v;
    }
    throw new Error("unexpected token " + (t.value === null ? "end" : t.value));
  }
  var result = expr();
  if (peek().type !== "end") throw new Error("trailing input");
  return result;
}
var inputs = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4 + 0.5",
  "1 / 0", "-(3 - 5) * -2", "0.1 + 0.2", "2 * (3 + (4 - 1)) / 3", "1 +", "2 $ 3", "(1 + 2",
  "1 2", "--5", "100000 * 100000 * 100000 * 100000 * 100000"];
for (var i = 0; i < inputs.length; i++) {
  try {
    console.log(inputs[i], "=", parse(tokenize(inputs[i])));
  } catch (e) {
    console.log(inputs[i], "-> error:", e.message);
  }
}
console.log(tokenize("12+(3.5*4)").map(function (t) { return t.type + ":" + t.value; }).join(" "));
