//! `console.log` formatting checked against Node v20: every line of
//! `data/inspect_inputs.txt` is a list of JS literals; `data/inspect_cases.txt`
//! holds what Node prints for `console.log(<line>)` (regenerate it with
//! `node data/gen_inspect_cases.js > data/inspect_cases.txt`). Here each line
//! is parsed by a tiny JS-literal parser that lays the values out in a
//! synthetic heap, and `format_log_args` must print exactly what Node did.
//!
//! Every case runs twice: on a heap whose prototypes have no `constructor`
//! properties and on one where they do, since the runtime may do either.

use switchyard_host::heap_builder::*;
use switchyard_host::{format_log_args, Heap};
use switchyard_js_runtime::layout::*;

/// Parses JS literal syntax (the subset the inputs use) into heap values.
struct Parser<'s> {
    src: &'s [u8],
    pos: usize,
    b: HeapBuilder,
}

impl<'s> Parser<'s> {
    fn err(&self, what: &str) -> ! {
        panic!(
            "parse error: {what} at {} in {:?}",
            self.pos,
            String::from_utf8_lossy(self.src)
        )
    }

    fn ws(&mut self) {
        while self.pos < self.src.len() && self.src[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> u8 {
        self.ws();
        self.src.get(self.pos).copied().unwrap_or(0)
    }

    fn eat(&mut self, s: &str) -> bool {
        self.ws();
        if self.src[self.pos..].starts_with(s.as_bytes()) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, s: &str) {
        if !self.eat(s) {
            self.err(&format!("expected {s:?}"))
        }
    }

    fn ident(&mut self) -> String {
        self.ws();
        let start = self.pos;
        while self.pos < self.src.len()
            && (self.src[self.pos].is_ascii_alphanumeric() || b"_$".contains(&self.src[self.pos]))
        {
            self.pos += 1;
        }
        String::from_utf8(self.src[start..self.pos].to_vec()).unwrap()
    }

    fn string_units(&mut self) -> Vec<u16> {
        self.ws();
        let quote = self.src[self.pos];
        self.pos += 1;
        let mut out: Vec<u16> = Vec::new();
        loop {
            let c = self.src[self.pos];
            self.pos += 1;
            if c == quote {
                return out;
            }
            if c != b'\\' {
                // Re-decode UTF-8 sequences.
                let start = self.pos - 1;
                let len = match c {
                    0x00..=0x7F => 1,
                    0xC0..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    _ => 4,
                };
                let s = std::str::from_utf8(&self.src[start..start + len]).unwrap();
                out.extend(s.encode_utf16());
                self.pos = start + len;
                continue;
            }
            let e = self.src[self.pos];
            self.pos += 1;
            let hex = |p: &mut Self, n: usize| {
                let s = std::str::from_utf8(&p.src[p.pos..p.pos + n]).unwrap();
                p.pos += n;
                u16::from_str_radix(s, 16).unwrap()
            };
            out.push(match e {
                b'n' => 0x0A,
                b't' => 0x09,
                b'r' => 0x0D,
                b'b' => 0x08,
                b'f' => 0x0C,
                b'v' => 0x0B,
                b'0' => 0,
                b'x' => hex(self, 2),
                b'u' => hex(self, 4),
                other => other as u16,
            });
        }
    }

    fn args(&mut self) -> Vec<u64> {
        let mut v = vec![self.value()];
        while self.eat(",") {
            v.push(self.value());
        }
        if self.peek() != 0 {
            self.err("trailing input");
        }
        v
    }

    fn object_literal(&mut self, target: Option<u32>) -> u32 {
        self.expect("{");
        let obj = target.unwrap_or_else(|| self.b.plain(&[]));
        while !self.eat("}") {
            let key = match self.peek() {
                b'\'' | b'"' => String::from_utf16(&self.string_units()).unwrap(),
                _ => self.ident(),
            };
            if self.eat(":") {
                let v = self.value();
                let is_array = self.b.read_u32(obj + HEADER) & KIND_MASK == KIND_ARRAY;
                match key.parse::<u32>() {
                    // `array[i] = v` writes an element, not a property.
                    Ok(i) if is_array && i.to_string() == key => self.b.array_store(obj, i, v),
                    _ => self.b.assign(obj, &key, v),
                }
            } else {
                // Shorthand is not used; keys without values are errors.
                self.err("expected ':'");
            }
            if !self.eat(",") {
                self.expect("}");
                break;
            }
        }
        obj
    }

    fn value(&mut self) -> u64 {
        let c = self.peek();
        match c {
            b'\'' | b'"' => {
                let units = self.string_units();
                str_val(self.b.string_utf16(&units))
            }
            b'[' => {
                self.pos += 1;
                let mut elems = Vec::new();
                loop {
                    if self.eat("]") {
                        break;
                    }
                    if self.eat(",") {
                        elems.push(HOLE);
                        continue;
                    }
                    elems.push(self.value());
                    if !self.eat(",") {
                        self.expect("]");
                        break;
                    }
                }
                obj(self.b.array(&elems))
            }
            b'{' => obj(self.object_literal(None)),
            b'-' => {
                self.pos += 1;
                let v = self.value();
                num(-f64::from_bits(v))
            }
            b'(' => {
                self.expect("(");
                self.expect(")");
                self.expect("=>");
                self.expect("{");
                self.expect("}");
                func(self.b.function("", 0))
            }
            b'0'..=b'9' | b'.' => {
                self.ws();
                let start = self.pos;
                while self.pos < self.src.len()
                    && (self.src[self.pos].is_ascii_alphanumeric()
                        || self.src[self.pos] == b'.'
                        || (matches!(self.src[self.pos], b'-' | b'+')
                            && matches!(self.src[self.pos - 1], b'e' | b'E')))
                {
                    self.pos += 1;
                }
                let text = std::str::from_utf8(&self.src[start..self.pos]).unwrap();
                num(text
                    .parse::<f64>()
                    .unwrap_or_else(|_| self.err("bad number")))
            }
            _ => {
                let id = self.ident();
                match id.as_str() {
                    "undefined" => UNDEFINED,
                    "null" => NULL,
                    "true" => TRUE,
                    "false" => FALSE,
                    "NaN" => num(f64::NAN),
                    "Infinity" => num(f64::INFINITY),
                    "Symbol" => {
                        self.expect(".iterator");
                        boxed(TAG_SYMBOL, SYMBOL_ITERATOR)
                    }
                    "function" => {
                        let name = self.ident();
                        self.expect("(");
                        self.expect(")");
                        self.expect("{");
                        self.expect("}");
                        func(self.b.function(&name, 0))
                    }
                    "new" => {
                        let name = self.ident();
                        let kind = ERROR_NAMES.iter().position(|n| *n == name).unwrap() as i32;
                        self.expect("(");
                        let msg = String::from_utf16(&self.string_units()).unwrap();
                        self.expect(")");
                        obj(self.b.error(kind, &msg))
                    }
                    "Array" => {
                        self.expect("(");
                        let n = f64::from_bits(self.value()) as usize;
                        self.expect(")");
                        obj(self.b.array(&vec![HOLE; n]))
                    }
                    "Object" => {
                        self.expect(".create(null)");
                        obj(self.b.object(0, &[]))
                    }
                    "withprops" => {
                        self.expect("(");
                        let target = self.value();
                        self.expect(",");
                        self.object_literal(Some(payload_of(target)));
                        self.expect(")");
                        target
                    }
                    "nullproto" => {
                        self.expect("(");
                        let o = self.b.object(0, &[]);
                        self.object_literal(Some(o));
                        self.expect(")");
                        obj(o)
                    }
                    "arrlen" => {
                        self.expect("(");
                        let a = self.value();
                        self.expect(",");
                        let n = f64::from_bits(self.value()) as u32;
                        self.expect(")");
                        self.b.set_array_len(payload_of(a), n);
                        a
                    }
                    "circ_obj" | "circ_arr" | "circ_nested" | "circ_two" => {
                        self.expect("(");
                        self.expect(")");
                        self.circular(&id)
                    }
                    other => self.err(&format!("unknown identifier {other:?}")),
                }
            }
        }
    }

    /// The circular structures of gen_inspect_cases.js.
    fn circular(&mut self, which: &str) -> u64 {
        let b = &mut self.b;
        match which {
            "circ_obj" => {
                let o = b.plain(&[("a", num(1.0))]);
                b.set_prop(o, "self", 0, obj(o));
                obj(o)
            }
            "circ_arr" => {
                let a = b.array(&[num(1.0), UNDEFINED]);
                b.set_elem(a, 1, obj(a));
                obj(a)
            }
            "circ_nested" => {
                let x = b.plain(&[]);
                let r = b.plain(&[("x", obj(x))]);
                b.set_prop(x, "y", 0, obj(r));
                let z = b.array(&[obj(r)]);
                b.set_prop(r, "z", 0, obj(z));
                obj(r)
            }
            _ => {
                let name_a = b.string_value("a");
                let a = b.plain(&[("name", name_a)]);
                let name_b = b.string_value("b");
                let bb = b.plain(&[("name", name_b), ("a", obj(a))]);
                b.set_prop(a, "b", 0, obj(bb));
                obj(b.array(&[obj(a), obj(bb)]))
            }
        }
    }
}

fn cases() -> Vec<(String, String)> {
    let text = include_str!("data/inspect_cases.txt");
    let mut cases = Vec::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    for line in text.split('\n') {
        if let Some(input) = line.strip_prefix("=== ") {
            if let Some((i, out)) = current.take() {
                cases.push((i, out.join("\n")));
            }
            current = Some((input.to_string(), Vec::new()));
        } else if let Some((_, out)) = current.as_mut() {
            out.push(line);
        }
    }
    if let Some((i, mut out)) = current.take() {
        // The file ends with the last case's newline.
        if out.last() == Some(&"") {
            out.pop();
        }
        cases.push((i, out.join("\n")));
    }
    cases
}

fn run_cases(with_constructors: bool) {
    let cases = cases();
    assert!(
        cases.len() > 150,
        "expected the node corpus, found {} cases",
        cases.len()
    );
    let inputs: Vec<&str> = include_str!("data/inspect_inputs.txt").lines().collect();
    assert_eq!(
        inputs.len(),
        cases.len(),
        "inspect_cases.txt is stale: regenerate it"
    );
    let mut failures = Vec::new();
    // SWITCHYARD_INSPECT_DUMP=path writes our outputs in the cases format
    // (to diff against node's when debugging).
    let mut dump = String::new();
    for (input, expected) in &cases {
        let b = if with_constructors {
            HeapBuilder::with_constructors()
        } else {
            HeapBuilder::new()
        };
        let mut p = Parser {
            src: input.as_bytes(),
            pos: 0,
            b,
        };
        let args = p.args();
        let heap = Heap::new(p.b.bytes());
        let got = format_log_args(&heap, &args).unwrap_or_else(|e| format!("<error: {e}>"));
        dump.push_str(&format!("=== {input}\n{got}\n"));
        if &got != expected {
            failures.push(format!(
                "console.log({input})\n--- node:\n{expected}\n--- ours:\n{got}\n"
            ));
        }
    }
    if let Ok(path) = std::env::var("SWITCHYARD_INSPECT_DUMP") {
        std::fs::write(path, dump).unwrap();
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from node:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn console_log_matches_node_without_constructor_properties() {
    run_cases(false);
}

#[test]
fn console_log_matches_node_with_constructor_properties() {
    run_cases(true);
}
