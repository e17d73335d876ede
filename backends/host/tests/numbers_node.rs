//! Number conversions and `**` checked bit for bit against Node v20 on
//! thousands of values (`data/numbers_node.txt`, made by
//! `node data/gen_numbers.js`).

use switchyard_host::number_format::{
    number_to_string, parse_float, parse_int, pow, string_to_number,
};

fn bits(hex: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(hex, 16).unwrap())
}

/// Decodes a JSON string literal into UTF-16 units.
fn json_string(s: &str) -> Vec<u16> {
    let inner = &s[1..s.len() - 1];
    let mut out = Vec::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buf = [0u16; 2];
            out.extend_from_slice(c.encode_utf16(&mut buf));
            continue;
        }
        match chars.next().unwrap() {
            'n' => out.push(0x0A),
            't' => out.push(0x09),
            'r' => out.push(0x0D),
            'b' => out.push(0x08),
            'f' => out.push(0x0C),
            'u' => {
                let h: String = chars.by_ref().take(4).collect();
                out.push(u16::from_str_radix(&h, 16).unwrap());
            }
            other => out.push(other as u16),
        }
    }
    out
}

fn same(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
}

#[test]
fn conversions_and_pow_match_node() {
    let data = include_str!("data/numbers_node.txt");
    let mut failures = Vec::new();
    let mut counts = [0usize; 5];
    for line in data.lines() {
        let (tag, rest) = line.split_once(' ').unwrap();
        match tag {
            "s" => {
                counts[0] += 1;
                let (b, text) = rest.split_once(' ').unwrap();
                let got = number_to_string(bits(b));
                if got != text {
                    failures.push(format!("String({b}) = {got}, node: {text}"));
                }
            }
            "p" => {
                counts[1] += 1;
                let v: Vec<&str> = rest.split(' ').collect();
                let got = pow(bits(v[0]), bits(v[1]));
                if !same(got, bits(v[2])) {
                    failures.push(format!(
                        "{:?} ** {:?} = {got:?}, node: {:?}",
                        bits(v[0]),
                        bits(v[1]),
                        bits(v[2])
                    ));
                }
            }
            "n" | "f" => {
                counts[if tag == "n" { 2 } else { 3 }] += 1;
                let (s, r) = rest.rsplit_once(' ').unwrap();
                let units = json_string(s);
                let got = if tag == "n" {
                    string_to_number(&units)
                } else {
                    parse_float(&units)
                };
                if !same(got, bits(r)) {
                    failures.push(format!("{tag} {s} = {got:?}, node: {:?}", bits(r)));
                }
            }
            "i" => {
                counts[4] += 1;
                let (radix, rest) = rest.split_once(' ').unwrap();
                let (s, r) = rest.rsplit_once(' ').unwrap();
                let got = parse_int(&json_string(s), radix.parse().unwrap());
                if !same(got, bits(r)) {
                    failures.push(format!(
                        "parseInt({s}, {radix}) = {got:?}, node: {:?}",
                        bits(r)
                    ));
                }
            }
            _ => panic!("bad line {line:?}"),
        }
    }
    assert!(
        counts.iter().all(|&c| c > 500),
        "corpus too small: {counts:?}"
    );
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}
