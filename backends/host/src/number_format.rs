//! Exact ECMAScript number <-> text conversions and arithmetic edge cases,
//! bit-for-bit what Node v20 (V8) produces: `Number::toString` (radix 10),
//! StringToNumber, `parseInt`, `parseFloat`, `**` and `%`.
//!
//! Strings come in as UTF-16 code units, as they live in linear memory.

/// ECMAScript `Number::toString(x)` in radix 10.
///
/// Digits are the shortest that round-trip (Rust's `{:e}` formatting gives
/// exactly those, with the same tie-breaking as V8), laid out by the spec's
/// rules: plain notation for exponents in `-7 < n <= 21`, else `d.ddde±n`.
pub fn number_to_string(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x == 0.0 {
        return "0".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.to_string();
    }
    let mut out = String::with_capacity(24);
    if x < 0.0 {
        out.push('-');
    }
    let (digits, n) = shortest_digits(x.abs());
    let k = digits.len() as i32;
    if k <= n && n <= 21 {
        // Integer: the digits followed by n-k zeros.
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        // Decimal point inside the digits.
        out.push_str(&digits[..n as usize]);
        out.push('.');
        out.push_str(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        // 0.000ddd
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-n) as usize));
        out.push_str(&digits);
    } else {
        // Exponential notation.
        let e = n - 1;
        out.push_str(&digits[..1]);
        if k > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if e < 0 { '-' } else { '+' });
        out.push_str(&e.unsigned_abs().to_string());
    }
    out
}

/// The shortest round-trip decimal digits of a finite positive `x` and the
/// decimal exponent `n` such that `x = 0.d1d2d3… × 10^n`.
///
/// Rust's shortest formatting and V8's agree except when `x` lies exactly
/// halfway between the two closest shortest candidates (e.g.
/// 73016113652005.125): Rust rounds the tie up, V8 to the even digit.
fn shortest_digits(x: f64) -> (String, i32) {
    let s = format!("{x:e}");
    let (mantissa, exp) = s.split_once('e').expect("`{:e}` always has an exponent");
    let exp: i32 = exp.parse().expect("`{:e}` exponent is an integer");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let n = exp + 1;
    match even_tie_alternative(x, &digits, n) {
        Some(d) => (d, n),
        None => (digits, n),
    }
}

/// If `digits × 10^(n-k)` is one of two equally close shortest candidates
/// for `x` and has an odd last digit, the other candidate (even last digit,
/// trailing zeros removed).
fn even_tie_alternative(x: f64, digits: &str, n: i32) -> Option<String> {
    let bytes = digits.as_bytes();
    let last = bytes[bytes.len() - 1] - b'0';
    if last.is_multiple_of(2) {
        return None;
    }
    // x = m × 2^e with m odd.
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7FF) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    let tz = m.trailing_zeros() as i32;
    m >>= tz;
    e += tz;
    // A tie needs x's exact decimal expansion to have k + 1 <= 18
    // significant digits; with more than 27 binary fractional digits it has
    // more (m × 5^27 alone exceeds 10^18), and beyond 2^127 we do not look.
    if !(-27..=74).contains(&e) {
        return None;
    }
    let k = digits.len() as i32;
    // The last digit's place value is 10^p.
    let p = n - k;
    let prefix = &digits[..digits.len() - 1];
    for alt in [last - 1, last + 1] {
        if alt > 9 {
            continue;
        }
        let candidate = format!("{prefix}{alt}");
        let parsed: f64 = format!("{candidate}e{p}").parse().ok()?;
        if parsed != x {
            continue;
        }
        // Midpoint between the two candidates: k + 1 digits ending in 5.
        let low = last.min(alt);
        let mid_digits = format!("{prefix}{low}5");
        let mid: u128 = mid_digits.parse().ok()?;
        if exactly_equals(m, e, mid, p - 1) {
            let trimmed = candidate.trim_end_matches('0');
            return Some(if trimmed.is_empty() {
                "0".to_string()
            } else {
                trimmed.to_string()
            });
        }
    }
    None
}

/// Whether `m × 2^e == d × 10^q` exactly (`-27 <= e <= 74`, `m < 2^53`).
fn exactly_equals(m: u64, e: i32, d: u128, q: i32) -> bool {
    let pow10 = |k: u32| 10u128.checked_pow(k);
    if e < 0 {
        // x = N / 10^f with N = m × 5^f, f = -e.
        let f = -e;
        let n = m as u128 * 5u128.pow(f as u32);
        // d × 10^q == N / 10^f  <=>  d × 10^(q + f) == N
        let shift = q + f;
        if shift >= 0 {
            pow10(shift as u32).and_then(|t| d.checked_mul(t)) == Some(n)
        } else {
            match pow10((-shift) as u32) {
                Some(t) => n.is_multiple_of(t) && n / t == d,
                None => false,
            }
        }
    } else {
        let x = (m as u128) << e;
        if q >= 0 {
            pow10(q as u32).and_then(|t| d.checked_mul(t)) == Some(x)
        } else {
            pow10((-q) as u32).and_then(|t| x.checked_mul(t)) == Some(d)
        }
    }
}

/// ECMAScript WhiteSpace or LineTerminator (what `String.prototype.trim`,
/// StringToNumber, `parseInt` and `parseFloat` skip).
pub fn is_js_whitespace(u: u16) -> bool {
    matches!(
        u,
        0x09 | 0x0A | 0x0B | 0x0C | 0x0D | 0x20 | 0xA0 | 0x1680 | 0x2000
            ..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 | 0xFEFF
    )
}

fn trim_start(s: &[u16]) -> &[u16] {
    let start = s
        .iter()
        .position(|&u| !is_js_whitespace(u))
        .unwrap_or(s.len());
    &s[start..]
}

fn trim(s: &[u16]) -> &[u16] {
    let s = trim_start(s);
    let end = s
        .iter()
        .rposition(|&u| !is_js_whitespace(u))
        .map_or(0, |i| i + 1);
    &s[..end]
}

/// The value of the digit `u` in `radix` (2..=36), if it is one.
fn digit_value(u: u16, radix: u32) -> Option<u32> {
    let d = match u {
        0x30..=0x39 => u as u32 - 0x30,
        0x61..=0x7A => u as u32 - 0x61 + 10,
        0x41..=0x5A => u as u32 - 0x41 + 10,
        _ => return None,
    };
    (d < radix).then_some(d)
}

const INFINITY_UNITS: &[u16] = &[
    b'I' as u16,
    b'n' as u16,
    b'f' as u16,
    b'i' as u16,
    b'n' as u16,
    b'i' as u16,
    b't' as u16,
    b'y' as u16,
];

/// Length of the longest prefix of `s` that is a StrUnsignedDecimalLiteral
/// without `Infinity`: `digits [. digits] [e[±]digits]` or `. digits [e…]`.
/// 0 if there is none.
fn decimal_prefix_len(s: &[u16]) -> usize {
    let is_digit = |i: usize| i < s.len() && (0x30..=0x39).contains(&s[i]);
    let mut i = 0;
    let mut int_digits = 0;
    while is_digit(i) {
        i += 1;
        int_digits += 1;
    }
    let mut frac_digits = 0;
    if i < s.len() && s[i] == b'.' as u16 {
        let mut j = i + 1;
        while is_digit(j) {
            j += 1;
            frac_digits += 1;
        }
        if int_digits + frac_digits > 0 {
            i = j;
        }
    }
    if int_digits + frac_digits == 0 {
        return 0;
    }
    if i < s.len() && (s[i] == b'e' as u16 || s[i] == b'E' as u16) {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' as u16 || s[j] == b'-' as u16) {
            j += 1;
        }
        if is_digit(j) {
            while is_digit(j) {
                j += 1;
            }
            i = j;
        }
    }
    i
}

/// Parses an ASCII decimal literal already validated by
/// [`decimal_prefix_len`] (optionally signed), correctly rounded.
fn parse_decimal_ascii(s: &[u16]) -> f64 {
    let text: String = s.iter().map(|&u| u as u8 as char).collect();
    text.parse::<f64>().unwrap_or(f64::NAN)
}

/// The exact value of the digits (most significant first) in a power-of-two
/// `radix`, rounded to the nearest double (ties to even).
fn power_of_two_radix_value(digits: &[u32], radix: u32) -> f64 {
    let bits_per_digit = radix.trailing_zeros();
    let mut bits: Vec<bool> = Vec::with_capacity(digits.len() * bits_per_digit as usize);
    for &d in digits {
        for b in (0..bits_per_digit).rev() {
            bits.push((d >> b) & 1 == 1);
        }
    }
    let first_one = match bits.iter().position(|&b| b) {
        Some(i) => i,
        None => return 0.0,
    };
    let bits = &bits[first_one..];
    if bits.len() <= 53 {
        let mut m: u64 = 0;
        for &b in bits {
            m = (m << 1) | b as u64;
        }
        return m as f64;
    }
    let mut m: u64 = 0;
    for &b in &bits[..53] {
        m = (m << 1) | b as u64;
    }
    let guard = bits[53];
    let sticky = bits[54..].iter().any(|&b| b);
    let mut exponent = (bits.len() - 53) as i32;
    if guard && (sticky || m & 1 == 1) {
        m += 1;
        if m == 1 << 53 {
            m >>= 1;
            exponent += 1;
        }
    }
    ldexp(m as f64, exponent)
}

/// `x × 2^e` for an exactly representable scaling of a 53-bit integer.
fn ldexp(x: f64, e: i32) -> f64 {
    if e > 1100 {
        return if x == 0.0 { x } else { x * f64::INFINITY };
    }
    let mut x = x;
    let mut e = e;
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    x * 2f64.powi(e)
}

/// ECMAScript StringToNumber (what `Number(s)`, `+s` and `s * 1` do).
pub fn string_to_number(s: &[u16]) -> f64 {
    let s = trim(s);
    if s.is_empty() {
        return 0.0;
    }
    // Non-decimal integer literals: 0x / 0o / 0b, no sign allowed.
    if s.len() >= 2 && s[0] == b'0' as u16 {
        let radix = match s[1] | 0x20 {
            0x78 => 16, // x
            0x6F => 8,  // o
            0x62 => 2,  // b
            _ => 0,
        };
        if radix != 0 {
            let rest = &s[2..];
            if rest.is_empty() {
                return f64::NAN;
            }
            let mut digits = Vec::with_capacity(rest.len());
            for &u in rest {
                match digit_value(u, radix) {
                    Some(d) => digits.push(d),
                    None => return f64::NAN,
                }
            }
            return power_of_two_radix_value(&digits, radix);
        }
    }
    let (negative, body) = match s[0] {
        0x2B => (false, &s[1..]),
        0x2D => (true, &s[1..]),
        _ => (false, s),
    };
    if body == INFINITY_UNITS {
        return if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    let len = decimal_prefix_len(body);
    if len == 0 || len != body.len() {
        return f64::NAN;
    }
    let v = parse_decimal_ascii(body);
    if negative {
        -v
    } else {
        v
    }
}

/// ECMAScript `parseInt(string, radix)` where `radix` is already ToInt32'd
/// (0 means "auto": 10, or 16 with a `0x` prefix).
pub fn parse_int(s: &[u16], radix: i32) -> f64 {
    let mut s = trim_start(s);
    let mut negative = false;
    if let Some(&c) = s.first() {
        if c == b'-' as u16 {
            negative = true;
            s = &s[1..];
        } else if c == b'+' as u16 {
            s = &s[1..];
        }
    }
    let mut radix = radix;
    let mut strip_prefix = true;
    if radix != 0 {
        if !(2..=36).contains(&radix) {
            return f64::NAN;
        }
        if radix != 16 {
            strip_prefix = false;
        }
    } else {
        radix = 10;
    }
    if strip_prefix && s.len() >= 2 && s[0] == b'0' as u16 && (s[1] | 0x20) == b'x' as u16 {
        s = &s[2..];
        radix = 16;
    }
    let radix = radix as u32;
    let end = s
        .iter()
        .position(|&u| digit_value(u, radix).is_none())
        .unwrap_or(s.len());
    let digits = &s[..end];
    if digits.is_empty() {
        return f64::NAN;
    }
    let magnitude = if radix == 10 {
        parse_decimal_ascii(digits)
    } else if radix.is_power_of_two() {
        let ds: Vec<u32> = digits
            .iter()
            .map(|&u| digit_value(u, radix).unwrap())
            .collect();
        power_of_two_radix_value(&ds, radix)
    } else {
        generic_radix_value(digits, radix)
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// V8's approximation for radices that are neither 10 nor a power of two
/// (the spec allows an implementation-dependent approximation there): the
/// digits are consumed in chunks whose multiplier fits in 32 bits and
/// accumulated in a double, so results match Node bit for bit.
fn generic_radix_value(digits: &[u16], radix: u32) -> f64 {
    const MAX_MULTIPLIER: u32 = 0xFFFF_FFFF / 36;
    let mut value = 0.0f64;
    let mut i = 0;
    while i < digits.len() {
        let mut part: u32 = 0;
        let mut multiplier: u32 = 1;
        while i < digits.len() {
            let m = multiplier * radix;
            if m > MAX_MULTIPLIER {
                break;
            }
            part = part * radix + digit_value(digits[i], radix).unwrap();
            multiplier = m;
            i += 1;
        }
        value = value * multiplier as f64 + part as f64;
    }
    value
}

/// ECMAScript `parseFloat(string)`: the longest decimal prefix after leading
/// whitespace (including `Infinity`), NaN if there is none.
pub fn parse_float(s: &[u16]) -> f64 {
    let s = trim_start(s);
    let (negative, body) = match s.first() {
        Some(&0x2B) => (false, &s[1..]),
        Some(&0x2D) => (true, &s[1..]),
        _ => (false, s),
    };
    let magnitude = if body.starts_with(INFINITY_UNITS) {
        f64::INFINITY
    } else {
        let len = decimal_prefix_len(body);
        if len == 0 {
            return f64::NAN;
        }
        parse_decimal_ascii(&body[..len])
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// ECMAScript `Number::remainder` (`x % y`): truncating, exact, with the
/// sign of the dividend. Rust's `%` on `f64` is C's `fmod`, which is exactly
/// that (NaN for `x` infinite or `y` zero, `x` for `y` infinite).
pub fn fmod(x: f64, y: f64) -> f64 {
    x % y
}

/// ECMAScript `Number::exponentiate` (`x ** y`, `Math.pow`) exactly as V8
/// computes it: V8 does not use the C library's (correctly rounded) `pow`
/// but fdlibm's `__ieee754_pow`, which differs in the last bit for some
/// inputs (e.g. `10 ** -5` is `0.000009999999999999999` in Node). This is a
/// Rust port of that algorithm.
///
/// The algorithm is fdlibm's e_pow.c:
/// ====================================================
/// Copyright (C) 2004 by Sun Microsystems, Inc. All rights reserved.
///
/// Permission to use, copy, modify, and distribute this
/// software is freely granted, provided that this notice
/// is preserved.
/// ====================================================
///
/// It also gives ECMAScript's special cases: `x ** NaN` is NaN, `NaN ** 0`
/// is 1, `(±1) ** ±Infinity` is NaN.
pub fn pow(x: f64, y: f64) -> f64 {
    const BP: [f64; 2] = [1.0, 1.5];
    const DP_H: [f64; 2] = [0.0, f64::from_bits(0x3FE2B803_40000000)];
    const DP_L: [f64; 2] = [0.0, f64::from_bits(0x3E4CFDEB_43CFD006)];
    const TWO53: f64 = 9_007_199_254_740_992.0;
    const HUGE: f64 = 1.0e300;
    const TINY: f64 = 1.0e-300;
    const L1: f64 = f64::from_bits(0x3FE33333_33333303);
    const L2: f64 = f64::from_bits(0x3FDB6DB6_DB6FABFF);
    const L3: f64 = f64::from_bits(0x3FD55555_518F264D);
    const L4: f64 = f64::from_bits(0x3FD17460_A91D4101);
    const L5: f64 = f64::from_bits(0x3FCD864A_93C9DB65);
    const L6: f64 = f64::from_bits(0x3FCA7E28_4A454EEF);
    const P1: f64 = f64::from_bits(0x3FC55555_5555553E);
    const P2: f64 = f64::from_bits(0xBF66C16C_16BEBD93);
    const P3: f64 = f64::from_bits(0x3F11566A_AF25DE2C);
    const P4: f64 = f64::from_bits(0xBEBBBD41_C5D26BF1);
    const P5: f64 = f64::from_bits(0x3E663769_72BEA4D0);
    const LG2: f64 = f64::from_bits(0x3FE62E42_FEFA39EF);
    const LG2_H: f64 = f64::from_bits(0x3FE62E43_00000000);
    const LG2_L: f64 = f64::from_bits(0xBE205C61_0CA86C39);
    const OVT: f64 = f64::from_bits(0x3C971547_652B82FE); // 8.0085662595372944372e-17
    const CP: f64 = f64::from_bits(0x3FEEC709_DC3A03FD);
    const CP_H: f64 = f64::from_bits(0x3FEEC709_E0000000);
    const CP_L: f64 = f64::from_bits(0xBE3E2FE0_145B01F5);
    const IVLN2: f64 = f64::from_bits(0x3FF71547_652B82FE);
    const IVLN2_H: f64 = f64::from_bits(0x3FF71547_60000000);
    const IVLN2_L: f64 = f64::from_bits(0x3E54AE0B_F85DDF44);

    fn hi(d: f64) -> i32 {
        (d.to_bits() >> 32) as u32 as i32
    }
    fn lo(d: f64) -> u32 {
        d.to_bits() as u32
    }
    fn with_lo(d: f64, l: u32) -> f64 {
        f64::from_bits((d.to_bits() & 0xFFFF_FFFF_0000_0000) | l as u64)
    }
    fn with_hi(d: f64, h: i32) -> f64 {
        f64::from_bits((d.to_bits() & 0xFFFF_FFFF) | ((h as u32 as u64) << 32))
    }
    fn from_words(h: i32, l: u32) -> f64 {
        f64::from_bits(((h as u32 as u64) << 32) | l as u64)
    }

    let hx = hi(x);
    let lx = lo(x);
    let hy = hi(y);
    let ly = lo(y);
    let mut ix = hx & 0x7fff_ffff;
    let iy = hy & 0x7fff_ffff;

    // y == 0: x ** 0 = 1 (even for NaN).
    if (iy as u32 | ly) == 0 {
        return 1.0;
    }
    // NaN in either operand.
    if ix > 0x7ff0_0000
        || (ix == 0x7ff0_0000 && lx != 0)
        || iy > 0x7ff0_0000
        || (iy == 0x7ff0_0000 && ly != 0)
    {
        return f64::NAN;
    }

    // yisint: 0 = y not an integer, 1 = odd integer, 2 = even integer
    // (only computed for negative x).
    let mut yisint = 0;
    if hx < 0 {
        if iy >= 0x4340_0000 {
            yisint = 2;
        } else if iy >= 0x3ff0_0000 {
            let k = (iy >> 20) - 0x3ff;
            if k > 20 {
                let j = ly >> (52 - k);
                if (j << (52 - k)) == ly {
                    yisint = 2 - (j & 1) as i32;
                }
            } else if ly == 0 {
                let j = iy >> (20 - k);
                if (j << (20 - k)) == iy {
                    yisint = 2 - (j & 1);
                }
            }
        }
    }

    // Special values of y.
    if ly == 0 {
        if iy == 0x7ff0_0000 {
            // y is ±Infinity.
            if ((ix - 0x3ff0_0000) as u32 | lx) == 0 {
                return f64::NAN; // (±1) ** ±Infinity
            } else if ix >= 0x3ff0_0000 {
                return if hy >= 0 { y } else { 0.0 };
            } else {
                return if hy < 0 { -y } else { 0.0 };
            }
        }
        if iy == 0x3ff0_0000 {
            return if hy < 0 { 1.0 / x } else { x };
        }
        if hy == 0x4000_0000 {
            return x * x;
        }
        if hy == 0x3fe0_0000 && hx >= 0 {
            return x.sqrt();
        }
    }

    let mut ax = x.abs();
    // Special values of x: ±0, ±Infinity, ±1.
    if lx == 0 && (ix == 0x7ff0_0000 || ix == 0 || ix == 0x3ff0_0000) {
        let mut z = ax;
        if hy < 0 {
            z = 1.0 / z;
        }
        if hx < 0 {
            if ((ix - 0x3ff0_0000) | yisint) == 0 {
                z = f64::NAN; // (-1) ** non-integer
            } else if yisint == 1 {
                z = -z;
            }
        }
        return z;
    }

    // n is 0 for negative x, 1 otherwise.
    let n: i32 = if hx < 0 { 0 } else { 1 };
    // (x < 0) ** non-integer is NaN.
    if (n | yisint) == 0 {
        return f64::NAN;
    }
    let mut s = 1.0;
    if (n | (yisint - 1)) == 0 {
        s = -1.0; // (negative) ** (odd integer)
    }

    let t1: f64;
    let t2: f64;
    if iy > 0x41e0_0000 {
        // |y| > 2^31
        if iy > 0x43f0_0000 {
            // |y| > 2^64: must over/underflow.
            if ix <= 0x3fef_ffff {
                return if hy < 0 { HUGE * HUGE } else { TINY * TINY };
            }
            if ix >= 0x3ff0_0000 {
                return if hy > 0 { HUGE * HUGE } else { TINY * TINY };
            }
        }
        // Over/underflow if x is not close to one.
        if ix < 0x3fef_ffff {
            return if hy < 0 {
                s * HUGE * HUGE
            } else {
                s * TINY * TINY
            };
        }
        if ix > 0x3ff0_0000 {
            return if hy > 0 {
                s * HUGE * HUGE
            } else {
                s * TINY * TINY
            };
        }
        // |1 - x| is tiny: log(x) by x - x^2/2 + x^3/3 - x^4/4.
        let t = ax - 1.0;
        let w = (t * t) * (0.5 - t * (f64::from_bits(0x3FD5_5555_5555_5555) - t * 0.25));
        let u = IVLN2_H * t;
        let v = t * IVLN2_L - w * IVLN2;
        let tt1 = with_lo(u + v, 0);
        t1 = tt1;
        t2 = v - (tt1 - u);
    } else {
        let mut n2: i32 = 0;
        // Subnormal x.
        if ix < 0x0010_0000 {
            ax *= TWO53;
            n2 -= 53;
            ix = hi(ax);
        }
        n2 += (ix >> 20) - 0x3ff;
        let j = ix & 0x000f_ffff;
        // Determine the interval.
        ix = j | 0x3ff0_0000;
        let k: usize;
        if j <= 0x3988E {
            k = 0; // |x| < sqrt(3/2)
        } else if j < 0xBB67A {
            k = 1; // |x| < sqrt(3)
        } else {
            k = 0;
            n2 += 1;
            ix -= 0x0010_0000;
        }
        ax = with_hi(ax, ix);

        // ss = s_h + s_l = (x-1)/(x+1) or (x-1.5)/(x+1.5)
        let u = ax - BP[k];
        let v = 1.0 / (ax + BP[k]);
        let ss = u * v;
        let s_h = with_lo(ss, 0);
        // t_h = ax + bp[k], high part.
        let t_h = from_words(
            ((ix >> 1) | 0x2000_0000) + 0x0008_0000 + ((k as i32) << 18),
            0,
        );
        let t_l = ax - (t_h - BP[k]);
        let s_l = v * ((u - s_h * t_h) - s_h * t_l);
        // log(ax)
        let mut s2 = ss * ss;
        let mut r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
        r += s_l * (s_h + ss);
        s2 = s_h * s_h;
        let t_h = with_lo(3.0 + s2 + r, 0);
        let t_l = r - ((t_h - 3.0) - s2);
        // u + v = ss * (1 + ...)
        let u = s_h * t_h;
        let v = s_l * t_h + t_l * ss;
        // 2/(3 log 2) * (ss + ...)
        let p_h = with_lo(u + v, 0);
        let p_l = v - (p_h - u);
        let z_h = CP_H * p_h;
        let z_l = CP_L * p_h + p_l * CP + DP_L[k];
        // log2(ax) = (ss + ...) * 2/(3 log 2) = n + dp_h + z_h + z_l
        let t = n2 as f64;
        let tt1 = with_lo(((z_h + z_l) + DP_H[k]) + t, 0);
        t1 = tt1;
        t2 = z_l - (((tt1 - t) - DP_H[k]) - z_h);
    }

    // Split y into y1 + y2 and compute (y1 + y2) * (t1 + t2).
    let y1 = with_lo(y, 0);
    let p_l = (y - y1) * t1 + y * t2;
    let mut p_h = y1 * t1;
    let mut z = p_l + p_h;
    let j = hi(z);
    let i = lo(z) as i32;
    if j >= 0x4090_0000 {
        // z >= 1024
        if ((j - 0x4090_0000) | i) != 0 {
            return s * HUGE * HUGE; // overflow
        } else if p_l + OVT > z - p_h {
            return s * HUGE * HUGE;
        }
    } else if (j & 0x7fff_ffff) >= 0x4090_cc00 {
        // z <= -1075
        if ((j as u32).wrapping_sub(0xc090_cc00) as i32 | i) != 0 {
            return s * TINY * TINY; // underflow
        } else if p_l <= z - p_h {
            return s * TINY * TINY;
        }
    }

    // 2 ** (p_h + p_l)
    let i = j & 0x7fff_ffff;
    let mut k = (i >> 20) - 0x3ff;
    let mut n: i32 = 0;
    if i > 0x3fe0_0000 {
        // |z| > 0.5: n = [z + 0.5]
        n = j.wrapping_add(0x0010_0000 >> (k + 1));
        k = ((n & 0x7fff_ffff) >> 20) - 0x3ff;
        let t = from_words(n & !(0x000f_ffff >> k), 0);
        n = ((n & 0x000f_ffff) | 0x0010_0000) >> (20 - k);
        if j < 0 {
            n = -n;
        }
        p_h -= t;
    }
    let t = with_lo(p_l + p_h, 0);
    let u = t * LG2_H;
    let v = (p_l - (t - p_h)) * LG2 + t * LG2_L;
    z = u + v;
    let w = v - (z - u);
    let t = z * z;
    let t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    let r = (z * t1) / ((t1 - 2.0) - (w + z * w));
    z = 1.0 - (r - z);
    let mut j = hi(z);
    j = j.wrapping_add(((n as u32) << 20) as i32);
    if (j >> 20) <= 0 {
        z = scalbn(z, n); // subnormal result
    } else {
        z = with_hi(z, hi(z).wrapping_add(((n as u32) << 20) as i32));
    }
    s * z
}

/// `x × 2^n` with a single rounding (for subnormal results).
fn scalbn(x: f64, mut n: i32) -> f64 {
    let x1p1023 = f64::from_bits(0x7fe0_0000_0000_0000); // 2^1023
    let x1p53 = f64::from_bits(0x4340_0000_0000_0000); // 2^53
    let x1p_1022 = f64::from_bits(0x0010_0000_0000_0000); // 2^-1022
    let mut y = x;
    if n > 1023 {
        y *= x1p1023;
        n -= 1023;
        if n > 1023 {
            y *= x1p1023;
            n -= 1023;
            if n > 1023 {
                n = 1023;
            }
        }
    } else if n < -1022 {
        // Scale by 2^-1022 * 2^53 so the intermediate stays normal and the
        // final multiplication rounds only once.
        y *= x1p_1022 * x1p53;
        n += 1022 - 53;
        if n < -1022 {
            y *= x1p_1022 * x1p53;
            n += 1022 - 53;
            if n < -1022 {
                n = -1022;
            }
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    fn same(a: f64, b: f64) -> bool {
        (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits()
    }

    #[track_caller]
    fn check_num(x: f64, expected: &str) {
        assert_eq!(number_to_string(x), expected, "Number::toString({x:?})");
    }

    #[test]
    fn number_to_string_matches_node() {
        // Expected strings are what `node -e 'console.log(String(x))'` prints.
        check_num(f64::NAN, "NaN");
        check_num(f64::INFINITY, "Infinity");
        check_num(f64::NEG_INFINITY, "-Infinity");
        check_num(0.0, "0");
        check_num(-0.0, "0");
        check_num(1.0, "1");
        check_num(-1.0, "-1");
        check_num(100.0, "100");
        check_num(0.1, "0.1");
        check_num(0.1 + 0.2, "0.30000000000000004");
        check_num(1.5, "1.5");
        check_num(-2.25, "-2.25");
        check_num(123.456, "123.456");
        check_num(1e21, "1e+21");
        check_num(1e20, "100000000000000000000");
        check_num(123e18, "123000000000000000000");
        check_num(1.2345e21, "1.2345e+21");
        check_num(1e-7, "1e-7");
        check_num(1.5e-7, "1.5e-7");
        check_num(1e-6, "0.000001");
        check_num(0.000001234, "0.000001234");
        check_num(123e-20, "1.23e-18");
        check_num(1.5e300, "1.5e+300");
        check_num(-1.5e300, "-1.5e+300");
        check_num(5e-324, "5e-324");
        check_num(f64::MAX, "1.7976931348623157e+308");
        check_num(f64::MIN_POSITIVE, "2.2250738585072014e-308");
        check_num(9007199254740992.0, "9007199254740992");
        check_num(9007199254740993.0, "9007199254740992");
        check_num(2f64.powi(64), "18446744073709552000");
        check_num(2f64.powi(70), "1.1805916207174113e+21");
        check_num(1.0 / 3.0, "0.3333333333333333");
        check_num(2.0 / 3.0, "0.6666666666666666");
        check_num(1e100, "1e+100");
        check_num(4.35, "4.35");
        check_num(0.000009999999999999999, "0.000009999999999999999");
        check_num(123456789012345680000.0, "123456789012345680000");
        check_num(-1e-7, "-1e-7");
        check_num(25.0, "25");
        check_num(12.375, "12.375");
        check_num(1.7976931348623157e308, "1.7976931348623157e+308");
        check_num(4294967295.0, "4294967295");
        check_num(4294967296.0, "4294967296");
        check_num(-2147483648.0, "-2147483648");
        check_num(0.5, "0.5");
        check_num(1e-323, "1e-323");
        check_num(2.5e-5, "0.000025");
        // Exact ties between two shortest candidates round to even, like V8.
        check_num(73016113652005.0 + 0.125, "73016113652005.12");
        check_num(890285758734316.0 + 0.25, "890285758734316.2");
        check_num(890285758734316.0 + 0.75, "890285758734316.8");
        check_num(5e-324, "5e-324");
    }

    #[test]
    fn string_to_number_matches_node() {
        let cases: &[(&str, f64)] = &[
            ("", 0.0),
            ("  ", 0.0),
            ("0x1F", 31.0),
            ("0X1f", 31.0),
            ("-0x1F", f64::NAN),
            ("+0x1F", f64::NAN),
            ("0b101", 5.0),
            ("0o17", 15.0),
            ("0B", f64::NAN),
            ("0x", f64::NAN),
            ("0xg", f64::NAN),
            ("Infinity", f64::INFINITY),
            ("-Infinity", f64::NEG_INFINITY),
            ("+Infinity", f64::INFINITY),
            ("inf", f64::NAN),
            ("infinity", f64::NAN),
            ("nan", f64::NAN),
            ("NaN", f64::NAN),
            ("1e", f64::NAN),
            (".5", 0.5),
            ("5.", 5.0),
            (".", f64::NAN),
            ("+.5e-2", 0.005),
            ("1_000", f64::NAN),
            ("\u{2028} 12 \u{feff}", 12.0),
            ("\u{a0}\t\n12\r\u{3000}", 12.0),
            ("00012", 12.0),
            ("-0", -0.0),
            ("1e400", f64::INFINITY),
            ("-1e400", f64::NEG_INFINITY),
            ("12e-1000", 0.0),
            ("0X1P3", f64::NAN),
            ("- 1", f64::NAN),
            ("0.0000001", 1e-7),
            ("1E3", 1000.0),
            ("1e+3", 1000.0),
            ("12abc", f64::NAN),
            ("0.1", 0.1),
            ("9007199254740993", 9007199254740992.0),
            ("0x20000000000001", 9007199254740992.0),
            ("0x20000000000003", 9007199254740996.0),
            ("0x1fffffffffffff8", 144115188075855870.0),
            ("\u{200b}1", f64::NAN),
        ];
        for &(s, expected) in cases {
            let got = string_to_number(&u(s));
            assert!(
                same(got, expected),
                "StringToNumber({s:?}) = {got:?}, expected {expected:?}"
            );
        }
    }

    #[test]
    fn parse_int_matches_node() {
        let cases: &[(&str, i32, f64)] = &[
            ("123", 0, 123.0),
            ("  -42abc", 0, -42.0),
            ("-0", 0, -0.0),
            ("0x", 0, f64::NAN),
            ("  0x1f  ", 0, 31.0),
            ("-0x1f", 0, -31.0),
            ("0x1f", 10, 0.0),
            ("0x1f", 16, 31.0),
            ("1f", 16, 31.0),
            ("11", 2, 3.0),
            ("1e3", 0, 1.0),
            ("", 10, f64::NAN),
            ("12", 1, f64::NAN),
            ("12", 37, f64::NAN),
            ("12", -1, f64::NAN),
            ("z", 36, 35.0),
            ("Z", 36, 35.0),
            ("\u{a0}12", 0, 12.0),
            ("\u{200b}12", 0, f64::NAN),
            ("3.99", 0, 3.0),
            ("+7", 0, 7.0),
            ("+-7", 0, f64::NAN),
            ("zzzzzzzzzzzzzzzzzz", 36, 1.0314424798490537e28),
            ("123456789012345678901234567890", 7, 22875.0),
            ("9007199254740993", 10, 9007199254740992.0),
            ("777", 8, 511.0),
            (
                "10000000000000000000000000000000000000000000000000000001",
                2,
                36028797018963970.0,
            ),
        ];
        for &(s, radix, expected) in cases {
            let got = parse_int(&u(s), radix);
            assert!(
                same(got, expected),
                "parseInt({s:?}, {radix}) = {got:?}, expected {expected:?}"
            );
        }
        let zeros = format!("{}1", "0".repeat(400));
        assert_eq!(parse_int(&u(&zeros), 0), 1.0);
        let ones = "1".repeat(400);
        assert_eq!(parse_int(&u(&ones), 0), f64::INFINITY);
    }

    #[test]
    fn parse_float_matches_node() {
        let cases: &[(&str, f64)] = &[
            ("2.5abc", 2.5),
            ("-Infinityx", f64::NEG_INFINITY),
            ("Infinity", f64::INFINITY),
            (".e1", f64::NAN),
            ("-.5e-3x", -0.0005),
            ("1e", 1.0),
            ("1e+", 1.0),
            ("0x10", 0.0),
            ("  -0", -0.0),
            ("Inf", f64::NAN),
            ("+-1", f64::NAN),
            ("1.2.3", 1.2),
            ("5e1000", f64::INFINITY),
            ("", f64::NAN),
            ("\n\t 42", 42.0),
            ("1.", 1.0),
            (".5", 0.5),
            ("-.", f64::NAN),
        ];
        for &(s, expected) in cases {
            let got = parse_float(&u(s));
            assert!(
                same(got, expected),
                "parseFloat({s:?}) = {got:?}, expected {expected:?}"
            );
        }
    }

    #[test]
    fn pow_matches_v8() {
        // Values printed by Node v20 for `a ** b` with runtime operands.
        let cases: &[(f64, f64, &str)] = &[
            (10.0, 308.0, "1e+308"),
            (10.0, -5.0, "0.000009999999999999999"),
            (2.0, 0.5, "1.4142135623730951"),
            (1.1, 100.0, "13780.612339822383"),
            (3.0, 0.3333, "1.442196755504422"),
            (7.0, 22.0, "3909821048582988000"),
            (0.5, -1074.0, "Infinity"),
            (1.0000001, 1e7, "2.7182816941320818"),
            (9.5, 3.7, "4145.504009893344"),
            (10.0, 22.0, "1e+22"),
            (2.5, 10.1, "10451.87212357728"),
            (123.456, 3.3, "7979768.005690384"),
            (2.0, 10.0, "1024"),
            (2.0, -1074.0, "5e-324"),
            (2.0, -1075.0, "0"),
            (2.0, 1023.0, "8.98846567431158e+307"),
            (2.0, 1024.0, "Infinity"),
            (-2.0, 3.0, "-8"),
            (-8.0, 1.0 / 3.0, "NaN"),
            (-0.0, -3.0, "-Infinity"),
            (-0.0, 3.0, "0"),
            (0.0, -1.0, "Infinity"),
            (f64::NAN, 0.0, "1"),
            (1.0, f64::NAN, "NaN"),
            (1.0, f64::INFINITY, "NaN"),
            (-1.0, f64::NEG_INFINITY, "NaN"),
            (0.5, f64::INFINITY, "0"),
            (0.5, f64::NEG_INFINITY, "Infinity"),
            (f64::NEG_INFINITY, 3.0, "-Infinity"),
            (f64::NEG_INFINITY, -3.0, "0"),
            (f64::INFINITY, -0.5, "0"),
            (-1.0, 0.5, "NaN"),
            (4.0, 0.5, "2"),
            (1.5, 2.0, "2.25"),
            (10.0, 15.0, "1000000000000000"),
            (10.0, -1.0, "0.1"),
            (10.0, -2.0, "0.01"),
            (10.0, -3.0, "0.001"),
            (10.0, -10.0, "1e-10"),
            (10.0, 21.0, "1e+21"),
            (3.0, 40.0, "12157665459056929000"),
            (0.1, 3.0, "0.0010000000000000002"),
        ];
        for &(x, y, expected) in cases {
            assert_eq!(number_to_string(pow(x, y)), expected, "{x:?} ** {y:?}");
        }
    }

    #[test]
    fn fmod_matches_js() {
        assert_eq!(number_to_string(fmod(5.5, 2.0)), "1.5");
        assert_eq!(number_to_string(fmod(-5.5, 2.0)), "-1.5");
        assert_eq!(number_to_string(fmod(5.5, -2.0)), "1.5");
        assert!(fmod(-4.0, 2.0).is_sign_negative());
        assert!(fmod(f64::INFINITY, 2.0).is_nan());
        assert!(fmod(1.0, 0.0).is_nan());
        assert_eq!(fmod(1.0, f64::INFINITY), 1.0);
        assert!(fmod(-0.0, 1.0).is_sign_negative());
        assert_eq!(number_to_string(fmod(0.3, 0.1)), "0.09999999999999998");
    }
}
