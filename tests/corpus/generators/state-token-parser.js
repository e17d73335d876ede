// A tokenizer generator over a string and a parser driven by the token stream.
function* tokenize(src) {
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " ") {
      i++;
    } else if (ch >= "0" && ch <= "9") {
      let n = 0;
      while (i < src.length && src[i] >= "0" && src[i] <= "9") {
        n = n * 10 + (src.charCodeAt(i) - 48);
        i++;
      }
      yield { type: "num", value: n };
    } else if ("+-*/()".indexOf(ch) >= 0) {
      yield { type: "op", value: ch };
      i++;
    } else {
      throw new Error("bad character " + ch + " at " + i);
    }
  }
  yield { type: "eof", value: null };
}

function parse(src) {
  const tokens = tokenize(src);
  let cur = tokens.next().value;
  function advance() {
    const t = cur;
    cur = tokens.next().value;
    return t;
  }
  function primary() {
    const t = advance();
    if (t.type === "num") return t.value;
    if (t.value === "(") {
      const v = expr();
      advance();
      return v;
    }
    if (t.value === "-") return -primary();
    throw new Error("unexpected " + t.value);
  }
  function term() {
    let v = primary();
    while (cur.type === "op" && (cur.value === "*" || cur.value === "/")) {
      const op = advance().value;
      const r = primary();
      v = op === "*" ? v * r : Math.trunc(v / r);
    }
    return v;
  }
  function expr() {
    let v = term();
    while (cur.type === "op" && (cur.value === "+" || cur.value === "-")) {
      const op = advance().value;
      const r = term();
      v = op === "+" ? v + r : v - r;
    }
    return v;
  }
  return expr();
}

console.log([...tokenize("12 + 3*(4-1)")].map((t) => t.type + ":" + t.value).join(" "));
const inputs = ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 - 2", "-(4 - 10) * 2", "2*2*2*2*2*2*2*2*2*2", "((((7))))"];
for (const s of inputs) console.log(s, "=", parse(s));
try {
  parse("1 + x");
} catch (e) {
  console.log("error:", e.message);
}
const counts = {};
for (const t of tokenize("1+2+3*(4/5)-6")) counts[t.type] = (counts[t.type] || 0) + 1;
console.log(counts);
