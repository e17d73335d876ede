//! The runtime library under Wasmtime, driven from Rust through exported
//! `rt_*` functions and a few IR-built JS functions.

mod common;

use common::*;
use switchyard_js_runtime::layout::*;

const U: u64 = UNDEFINED;

fn p(x: u64) -> wasmtime::Val {
    i(payload_of(x) as i32)
}

// ---- strings ---------------------------------------------------------------

#[test]
fn string_concat_equals_compare() {
    let mut rt = Rt::new();
    let a = rt.string("foo");
    let b = rt.string("bar");
    let e = rt.string("");
    let r = rt.i("string_concat", &[p(a), p(b)]);
    assert_eq!(rt.read_string(boxed(TAG_STRING, r as u32)), "foobar");
    // Concatenating with "" returns the other operand itself.
    assert_eq!(rt.i("string_concat", &[p(a), p(e)]) as u32, payload_of(a));
    assert_eq!(rt.i("string_concat", &[p(e), p(b)]) as u32, payload_of(b));
    // Equality by content for every length around the 4-unit chunking.
    for s in [
        "",
        "a",
        "abc",
        "abcd",
        "abcde",
        "abcdefgh",
        "abcdefghi",
        "héllo wörld!",
    ] {
        let x = rt.string(s);
        let y = rt.string(s);
        assert_ne!(x, y);
        assert_eq!(rt.i("string_equals", &[p(x), p(y)]), 1, "{s:?}");
        if !s.is_empty() {
            let mut t: Vec<u16> = s.encode_utf16().collect();
            let last = t.len() - 1;
            t[last] ^= 1;
            let z = rt.string_utf16(&t);
            assert_eq!(rt.i("string_equals", &[p(x), p(z)]), 0, "{s:?}");
            let mut t: Vec<u16> = s.encode_utf16().collect();
            t[0] ^= 1;
            let z = rt.string_utf16(&t);
            assert_eq!(rt.i("string_equals", &[p(x), p(z)]), 0, "{s:?}");
        }
    }
    let ab = rt.string("ab");
    let abc = rt.string("abc");
    assert_eq!(rt.i("string_equals", &[p(ab), p(abc)]), 0);
    let cases: &[(&str, &str, i32)] = &[
        ("a", "b", -1),
        ("b", "a", 1),
        ("ab", "abc", -1),
        ("abc", "ab", 1),
        ("", "a", -1),
        ("", "", 0),
        ("abc", "abc", 0),
        ("Z", "a", -1),
        // By UTF-16 units: a high surrogate sorts below U+FF5E.
        ("\u{1F600}", "\u{FF5E}", -1),
    ];
    for (x, y, want) in cases {
        let a = rt.string(x);
        let b = rt.string(y);
        assert_eq!(
            rt.i("string_compare", &[p(a), p(b)]),
            *want,
            "{x:?} vs {y:?}"
        );
    }
}

#[test]
fn substrings_code_units_and_search() {
    let mut rt = Rt::new();
    let s = rt.string("hello world");
    let sub = |rt: &mut Rt, a: i32, b: i32| {
        let r = rt.v("substring", &[p(s), i(a), i(b)]);
        rt.read_string(r)
    };
    assert_eq!(sub(&mut rt, 0, 5), "hello");
    assert_eq!(sub(&mut rt, 6, 100), "world");
    assert_eq!(sub(&mut rt, -3, 2), "he");
    assert_eq!(sub(&mut rt, 4, 4), "");
    assert_eq!(sub(&mut rt, 5, 2), "");
    assert_eq!(sub(&mut rt, 4, 5), "o");
    // The whole string is the string itself.
    assert_eq!(rt.v("substring", &[p(s), i(0), i(11)]), s);
    // One-unit strings below 128 are static (same pointer every time).
    let x = rt.v("string_from_code_unit", &[i(65)]);
    let y = rt.v("string_from_code_unit", &[i(65)]);
    assert_eq!(x, y);
    assert_eq!(rt.read_string(x), "A");
    let z = rt.v("string_from_code_unit", &[i(0xE9)]);
    assert_eq!(rt.read_string(z), "é");
    let hi = rt.v("string_from_code_unit", &[i(0xD83D)]);
    assert_eq!(rt.read_units(hi), [0xD83D]);
    // index_of
    let idx = |rt: &mut Rt, t: &str, from: i32| {
        let t = rt.string(t);
        rt.i("string_index_of", &[p(s), p(t), i(from)])
    };
    assert_eq!(idx(&mut rt, "o", 0), 4);
    assert_eq!(idx(&mut rt, "o", 5), 7);
    assert_eq!(idx(&mut rt, "world", 0), 6);
    assert_eq!(idx(&mut rt, "worlds", 0), -1);
    assert_eq!(idx(&mut rt, "", 3), 3);
    assert_eq!(idx(&mut rt, "", 99), 11);
    assert_eq!(idx(&mut rt, "h", -5), 0);
    assert_eq!(idx(&mut rt, "d", 10), 10);
    assert_eq!(idx(&mut rt, "x", 0), -1);
    assert_eq!(idx(&mut rt, "hello world!", 0), -1);
}

#[test]
fn concat_all_and_join() {
    let mut rt = Rt::new();
    let arr = rt.v("new_array", &[i(0)]);
    let empty = rt.v("concat_all", &[v(arr)]);
    assert_eq!(rt.read_string(empty), "");
    for s in ["ab", "", "cde", "f"] {
        let x = rt.string(s);
        rt.call("array_push", &[v(arr), v(x)]);
    }
    let r = rt.v("concat_all", &[v(arr)]);
    assert_eq!(rt.read_string(r), "abcdef");
    let sep = rt.sp("--");
    let r = rt.v("array_join", &[v(arr), sep]);
    assert_eq!(rt.read_string(r), "ab----cde--f");
    // Mixed elements: numbers, null, undefined, holes, nested arrays.
    let a = rt.v("new_array", &[i(0)]);
    let inner = rt.v("new_array", &[i(0)]);
    rt.call("array_push", &[v(inner), v(num(2.0))]);
    rt.call("array_push", &[v(inner), v(num(3.5))]);
    for x in [num(1.0), inner, NULL, U, TRUE] {
        rt.call("array_push", &[v(a), v(x)]);
    }
    rt.call("array_set_length", &[v(a), i(7)]);
    let x = rt.string("end");
    rt.call("set", &[v(a), v(num(7.0)), v(x)]);
    assert_eq!(rt.show(a), "1,2,3.5,,,true,,,end");
}

// ---- numbers ---------------------------------------------------------------

#[test]
fn number_to_string_in_ir_and_host() {
    let mut rt = Rt::new();
    let cases: &[f64] = &[
        0.0,
        -0.0,
        7.0,
        10.0,
        -5.0,
        99.0,
        100.0,
        123456.0,
        -987654321.0,
        2147483647.0,
        -2147483647.0,
        -2147483648.0,
        2147483648.0,
        4294967296.0,
        1.5,
        -0.25,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e21,
        1e-7,
        123.456,
    ];
    for &x in cases {
        let s = rt.v("number_to_string", &[f(x)]);
        assert_eq!(rt.read_string(s), js_number_to_string(x), "{x}");
    }
    // Digits are static one-unit strings.
    let a = rt.v("number_to_string", &[f(3.0)]);
    let b = rt.v("number_to_string", &[f(3.0)]);
    assert_eq!(a, b);
}

#[test]
fn nan_is_canonicalised() {
    let mut rt = Rt::new();
    let weird = f64::from_bits(0x7FF0_0000_0000_0001);
    assert_eq!(rt.v("number_to_value", &[f(weird)]), CANONICAL_NAN);
    let neg = f64::from_bits(0xFFF8_0000_0000_0001);
    assert_eq!(rt.v("number_to_value", &[f(neg)]), CANONICAL_NAN);
    assert_eq!(rt.v("number_to_value", &[f(-1.5)]), (-1.5f64).to_bits());
    // Host results are canonicalised too.
    let s = rt.string("12x");
    assert_eq!(rt.f("to_number", &[v(s)]).to_bits(), CANONICAL_NAN);
    let s = rt.string("1e");
    assert_eq!(rt.f("to_number", &[v(s)]).to_bits(), CANONICAL_NAN);
    let r = rt.f("remainder", &[f(f64::INFINITY), f(2.0)]);
    assert_eq!(r.to_bits(), CANONICAL_NAN);
    let big = num(f64::MAX);
    let sum = rt.v("add", &[v(big), v(num(f64::NEG_INFINITY))]);
    assert_eq!(sum, num(f64::NEG_INFINITY));
    let inf = num(f64::INFINITY);
    let sum = rt.v("add", &[v(inf), v(num(f64::NEG_INFINITY))]);
    assert_eq!(sum, CANONICAL_NAN);
}

fn ref_to_int32(x: f64) -> i32 {
    if !x.is_finite() {
        return 0;
    }
    let m = x.trunc().rem_euclid(4294967296.0);
    m as u64 as u32 as i32
}

#[test]
fn to_int32_is_modular() {
    let mut rt = Rt::new();
    let cases: &[f64] = &[
        0.0,
        -0.0,
        0.5,
        -0.5,
        1.9,
        -1.9,
        2147483647.0,
        2147483647.9,
        2147483648.0,
        -2147483648.0,
        -2147483648.9,
        -2147483649.0,
        4294967295.0,
        4294967295.5,
        4294967296.0,
        4294967301.0,
        -4294967301.0,
        1e10,
        -1e10,
        1e20,
        -1e20,
        9007199254740993.0,
        9223372036854775807.0,
        9223372036854775808.0,
        -9223372036854775808.0,
        18446744073709551616.0 + 4096.0 * 1024.0,
        1.5e300,
        -1.5e300,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    for &x in cases {
        assert_eq!(
            rt.i("f64_to_int32", &[f(x)]),
            ref_to_int32(x),
            "ToInt32({x})"
        );
        assert_eq!(
            rt.i("to_int32", &[v(num(x))]),
            ref_to_int32(x),
            "ToInt32({x})"
        );
    }
    let s = rt.string(" 4294967297 ");
    assert_eq!(rt.i("to_int32", &[v(s)]), 1);
    assert_eq!(rt.i("to_int32", &[v(TRUE)]), 1);
    assert_eq!(rt.i("to_int32", &[v(U)]), 0);
    assert_eq!(rt.i("to_int32", &[v(NULL)]), 0);
}

#[test]
fn remainder_edge_cases() {
    let mut rt = Rt::new();
    let cases: &[(f64, f64)] = &[
        (5.0, 3.0),
        (-5.0, 3.0),
        (5.0, -3.0),
        (-5.0, -3.0),
        (-6.0, 3.0),
        (6.0, -3.0),
        (-0.0, 5.0),
        (0.0, -5.0),
        (-2147483648.0, -1.0),
        (-2147483648.0, 2147483647.0),
        (2147483647.0, -2147483648.0),
        (5.0, 0.0),
        (-5.0, -0.0),
        (5.5, 2.0),
        (-5.5, 2.0),
        (f64::INFINITY, 2.0),
        (2.0, f64::INFINITY),
        (-2.0, f64::NEG_INFINITY),
        (f64::NAN, 1.0),
        (1.0, f64::NAN),
        (2147483648.0, 3.0),
        (1e20, 7.0),
        (-4.0, 2.0),
    ];
    for &(x, y) in cases {
        let want = x % y;
        let got = rt.f("remainder", &[f(x), f(y)]);
        if want.is_nan() {
            assert_eq!(got.to_bits(), CANONICAL_NAN, "{x} % {y}");
        } else {
            assert_eq!(
                got.to_bits(),
                want.to_bits(),
                "{x} % {y}: got {got}, want {want}"
            );
        }
    }
}

#[test]
fn to_number_of_everything() {
    let mut rt = Rt::new();
    let check = |rt: &mut Rt, x: u64, want: f64| {
        let got = rt.f("to_number", &[v(x)]);
        assert!(
            got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
            "{x:#x}: {got} vs {want}"
        );
    };
    check(&mut rt, num(-2.5), -2.5);
    check(&mut rt, U, f64::NAN);
    check(&mut rt, NULL, 0.0);
    check(&mut rt, TRUE, 1.0);
    check(&mut rt, FALSE, 0.0);
    for (s, want) in [
        ("42", 42.0),
        (" 12 ", 12.0),
        ("", 0.0),
        ("abc", f64::NAN),
        ("-1.5", -1.5),
    ] {
        let x = rt.string(s);
        check(&mut rt, x, want);
    }
    let arr = rt.v("new_array", &[i(0)]);
    check(&mut rt, arr, 0.0);
    rt.call("array_push", &[v(arr), v(num(5.0))]);
    check(&mut rt, arr, 5.0);
    rt.call("array_push", &[v(arr), v(num(6.0))]);
    check(&mut rt, arr, f64::NAN);
    let o = rt.v("new_object", &[]);
    check(&mut rt, o, f64::NAN);
}

// ---- conversions -----------------------------------------------------------

#[test]
fn to_boolean_and_typeof() {
    let mut rt = Rt::new();
    let e = rt.string("");
    let s = rt.string("0");
    let o = rt.v("new_object", &[]);
    let a = rt.v("new_array", &[i(0)]);
    let name = rt.sp("f");
    let fnv = rt.v("new_function", &[i(0), i(0), name, i(0)]);
    let sym = boxed(TAG_SYMBOL, SYMBOL_ITERATOR);
    let cases: &[(u64, i32, &str)] = &[
        (num(0.0), 0, "number"),
        (num(-0.0), 0, "number"),
        (CANONICAL_NAN, 0, "number"),
        (num(1.0), 1, "number"),
        (num(-0.5), 1, "number"),
        (num(f64::INFINITY), 1, "number"),
        (e, 0, "string"),
        (s, 1, "string"),
        (U, 0, "undefined"),
        (NULL, 0, "object"),
        (FALSE, 0, "boolean"),
        (TRUE, 1, "boolean"),
        (o, 1, "object"),
        (a, 1, "object"),
        (fnv, 1, "function"),
        (sym, 1, "symbol"),
    ];
    for &(x, b, t) in cases {
        assert_eq!(rt.i("to_boolean", &[v(x)]), b, "ToBoolean({x:#x})");
        let ty = rt.v("type_of", &[v(x)]);
        assert_eq!(rt.read_string(ty), t);
    }
}

#[test]
fn to_string_of_everything() {
    let mut rt = Rt::new();
    assert_eq!(rt.show(U), "undefined");
    assert_eq!(rt.show(NULL), "null");
    assert_eq!(rt.show(TRUE), "true");
    assert_eq!(rt.show(FALSE), "false");
    assert_eq!(rt.show(num(-0.0)), "0");
    assert_eq!(rt.show(num(-42.0)), "-42");
    assert_eq!(
        rt.show(boxed(TAG_SYMBOL, SYMBOL_ITERATOR)),
        "Symbol(Symbol.iterator)"
    );
    let o = rt.v("new_object", &[]);
    assert_eq!(rt.show(o), "[object Object]");
    let name = rt.sp("foo");
    let fnv = rt.v("new_function", &[i(0), i(0), name, i(2)]);
    assert_eq!(rt.show(fnv), "function foo() { [native code] }");
    let arr = rt.v("new_array", &[i(2)]);
    assert_eq!(rt.show(arr), "");
    let inner = rt.v("new_array", &[i(0)]);
    rt.call("array_push", &[v(inner), v(num(1.0))]);
    rt.call("array_push", &[v(inner), v(NULL)]);
    rt.call("array_push", &[v(arr), v(inner)]);
    rt.call("array_push", &[v(arr), v(o)]);
    assert_eq!(rt.show(arr), "1,,[object Object]");
    // Errors: "Name: message", "Name" alone, through the prototype chain.
    let msg = rt.string("bad thing");
    let e = rt.v("make_error", &[i(ERR_TYPE), v(msg)]);
    assert_eq!(rt.show(e), "TypeError: bad thing");
    let e = rt.v("make_error", &[i(ERR_RANGE), v(U)]);
    assert_eq!(rt.show(e), "RangeError");
    let msg = rt.string("");
    let e = rt.v("make_error", &[i(ERR_ERROR), v(msg)]);
    assert_eq!(rt.show(e), "Error");
    let e = rt.v("make_error", &[i(ERR_AGGREGATE), v(num(5.0))]);
    assert_eq!(rt.show(e), "AggregateError: 5");
    let m = rt.get(e, "message");
    assert_eq!(rt.read_string(m), "5");
    // Overriding name on the instance.
    let n = rt.string("MyError");
    rt.set(e, "name", n);
    assert_eq!(rt.show(e), "MyError: 5");
    // to_property_key
    for (x, want) in [
        (num(1.0), "1"),
        (num(1.5), "1.5"),
        (num(-0.0), "0"),
        (TRUE, "true"),
        (U, "undefined"),
    ] {
        let k = rt.i("to_property_key", &[v(x)]);
        assert_eq!(rt.read_string(boxed(TAG_STRING, k as u32)), want);
    }
}

#[test]
fn error_prototypes_are_complete() {
    let mut rt = Rt::new();
    for (k, name) in ERROR_NAMES.iter().enumerate() {
        let e = rt.v("make_error", &[i(k as i32), v(U)]);
        let n = rt.get(e, "name");
        assert_eq!(rt.read_string(n), *name);
        let m = rt.get(e, "message");
        assert_eq!(rt.read_string(m), "");
        // Hidden: no own enumerable keys.
        let keys = rt.v("own_keys", &[v(e)]);
        assert!(rt.string_array(keys).is_empty());
        let p = payload_of(e);
        assert_eq!(rt.u32_at(p + OBJ_CLASS), CLASS_ERROR);
    }
    // The chain: TypeError.prototype -> Error.prototype -> Object.prototype -> null.
    let tp = rt.global_i32("proto_TypeError") as u32;
    let ep = rt.global_i32("proto_Error") as u32;
    let op = rt.global_i32("proto_object") as u32;
    assert_eq!(rt.u32_at(tp + OBJ_PROTO), ep);
    assert_eq!(rt.u32_at(ep + OBJ_PROTO), op);
    assert_eq!(rt.u32_at(op + OBJ_PROTO), 0);
    for g in [
        "proto_array",
        "proto_function",
        "proto_string",
        "proto_number",
        "proto_boolean",
    ] {
        let x = rt.global_i32(g) as u32;
        assert_eq!(rt.u32_at(x + OBJ_PROTO), op, "{g}");
    }
}

// ---- operators -------------------------------------------------------------

#[test]
fn equality() {
    let mut rt = Rt::new();
    let s1 = rt.string("abc");
    let s2 = rt.string("abc");
    let s3 = rt.string("abd");
    let one = rt.string("1");
    let e = rt.string("");
    let o1 = rt.v("new_object", &[]);
    let o2 = rt.v("new_object", &[]);
    let arr = rt.v("new_array", &[i(0)]);
    rt.call("array_push", &[v(arr), v(num(1.0))]);
    let oo = rt.string("[object Object]");
    let nan = CANONICAL_NAN;
    let strict: &[(u64, u64, i32)] = &[
        (num(1.0), num(1.0), 1),
        (nan, nan, 0),
        (num(0.0), num(-0.0), 1),
        (s1, s2, 1),
        (s1, s3, 0),
        (o1, o1, 1),
        (o1, o2, 0),
        (U, U, 1),
        (U, NULL, 0),
        (num(1.0), one, 0),
        (TRUE, TRUE, 1),
        (TRUE, num(1.0), 0),
        (num(1.0), TRUE, 0),
    ];
    for &(a, b, want) in strict {
        assert_eq!(
            rt.i("strict_equals", &[v(a), v(b)]),
            want,
            "{a:#x} === {b:#x}"
        );
        assert_eq!(
            rt.i("strict_equals", &[v(b), v(a)]),
            want,
            "{b:#x} === {a:#x}"
        );
    }
    let loose: &[(u64, u64, i32)] = &[
        (NULL, U, 1),
        (NULL, NULL, 1),
        (NULL, num(0.0), 0),
        (U, num(0.0), 0),
        (U, e, 0),
        (num(1.0), one, 1),
        (TRUE, one, 1),
        (TRUE, num(1.0), 1),
        (FALSE, e, 1),
        (FALSE, num(0.0), 1),
        (num(0.0), e, 1),
        (arr, one, 1),
        (arr, num(1.0), 1),
        (arr, TRUE, 1),
        (o1, oo, 1),
        (o1, o2, 0),
        (o1, NULL, 0),
        (nan, nan, 0),
        (s1, s2, 1),
        (s1, s3, 0),
        (num(0.0), num(-0.0), 1),
    ];
    for &(a, b, want) in loose {
        assert_eq!(
            rt.i("loose_equals", &[v(a), v(b)]),
            want,
            "{a:#x} == {b:#x}"
        );
        assert_eq!(
            rt.i("loose_equals", &[v(b), v(a)]),
            want,
            "{b:#x} == {a:#x}"
        );
    }
}

#[test]
fn relational_comparison() {
    let mut rt = Rt::new();
    let a = rt.string("a");
    let b = rt.string("b");
    let s10 = rt.string("10");
    let s9 = rt.string("9");
    let x = rt.string("x");
    let arr2 = rt.v("new_array", &[i(0)]);
    rt.call("array_push", &[v(arr2), v(num(2.0))]);
    let arr10 = rt.v("new_array", &[i(0)]);
    rt.call("array_push", &[v(arr10), v(num(10.0))]);
    // (a, b, [<, <=, >, >=])
    let cases: &[(u64, u64, [i32; 4])] = &[
        (num(1.0), num(2.0), [1, 1, 0, 0]),
        (num(2.0), num(2.0), [0, 1, 0, 1]),
        (CANONICAL_NAN, num(2.0), [0, 0, 0, 0]),
        (a, b, [1, 1, 0, 0]),
        (b, a, [0, 0, 1, 1]),
        (a, a, [0, 1, 0, 1]),
        (s10, s9, [1, 1, 0, 0]),
        (s10, num(9.0), [0, 0, 1, 1]),
        (arr2, arr10, [0, 0, 1, 1]),
        (arr2, num(10.0), [1, 1, 0, 0]),
        (U, num(1.0), [0, 0, 0, 0]),
        (NULL, num(1.0), [1, 1, 0, 0]),
        (NULL, num(0.0), [0, 1, 0, 1]),
        (x, num(1.0), [0, 0, 0, 0]),
        (TRUE, num(1.0), [0, 1, 0, 1]),
    ];
    for &(l, r, want) in cases {
        for (op, w) in want.iter().enumerate() {
            assert_eq!(
                rt.i("compare", &[v(l), v(r), i(op as i32)]),
                *w,
                "{l:#x} op{op} {r:#x}"
            );
        }
    }
}

#[test]
fn addition() {
    let mut rt = Rt::new();
    assert_eq!(rt.v("add", &[v(num(1.0)), v(num(2.0))]), num(3.0));
    let a = rt.string("a");
    let r = rt.v("add", &[v(a), v(num(1.0))]);
    assert_eq!(rt.read_string(r), "a1");
    let r = rt.v("add", &[v(num(1.5)), v(a)]);
    assert_eq!(rt.read_string(r), "1.5a");
    let r = rt.v("add", &[v(a), v(a)]);
    assert_eq!(rt.read_string(r), "aa");
    let e = rt.string("");
    let r = rt.v("add", &[v(num(-0.0)), v(e)]);
    assert_eq!(rt.read_string(r), "0");
    let r = rt.v("add", &[v(a), v(U)]);
    assert_eq!(rt.read_string(r), "aundefined");
    let r = rt.v("add", &[v(NULL), v(a)]);
    assert_eq!(rt.read_string(r), "nulla");
    assert_eq!(rt.v("add", &[v(TRUE), v(num(1.0))]), num(2.0));
    assert_eq!(rt.v("add", &[v(NULL), v(num(1.0))]), num(1.0));
    assert_eq!(rt.v("add", &[v(U), v(num(1.0))]), CANONICAL_NAN);
    assert_eq!(rt.v("add", &[v(TRUE), v(TRUE)]), num(2.0));
    let x = rt.v("new_array", &[i(0)]);
    rt.call("array_push", &[v(x), v(num(1.0))]);
    rt.call("array_push", &[v(x), v(num(2.0))]);
    let y = rt.v("new_array", &[i(0)]);
    rt.call("array_push", &[v(y), v(num(3.0))]);
    let r = rt.v("add", &[v(x), v(y)]);
    assert_eq!(rt.read_string(r), "1,23");
    let o = rt.v("new_object", &[]);
    let r = rt.v("add", &[v(o), v(num(1.0))]);
    assert_eq!(rt.read_string(r), "[object Object]1");
    let empty = rt.v("new_array", &[i(0)]);
    let r = rt.v("add", &[v(empty), v(num(1.0))]);
    assert_eq!(rt.read_string(r), "1");
}

// ---- objects ---------------------------------------------------------------

#[test]
fn properties_and_prototype_chain() {
    let mut rt = Rt::new();
    let o = rt.v("new_object", &[]);
    assert_eq!(rt.get(o, "x"), U);
    rt.set(o, "x", num(1.0));
    rt.set(o, "y", num(2.0));
    // A different pointer with the same content finds the property.
    assert_eq!(rt.get(o, "x"), num(1.0));
    rt.set(o, "x", num(3.0));
    assert_eq!(rt.get(o, "x"), num(3.0));
    // Many properties: the table grows by doubling.
    for n in 0..40 {
        rt.set(o, &format!("k{n}"), num(n as f64));
    }
    for n in 0..40 {
        assert_eq!(rt.get(o, &format!("k{n}")), num(n as f64));
    }
    assert_eq!(rt.get(o, "y"), num(2.0));
    // Prototype chain.
    let child = rt.v("new_object_with_proto", &[p(o)]);
    assert_eq!(rt.get(child, "y"), num(2.0));
    rt.set(child, "y", num(9.0));
    assert_eq!(rt.get(child, "y"), num(9.0));
    assert_eq!(rt.get(o, "y"), num(2.0));
    // Null prototype.
    let bare = rt.v("new_object_with_proto", &[i(0)]);
    assert_eq!(rt.get(bare, "x"), U);
    // Primitives read their prototypes.
    let np = rt.global_i32("proto_number");
    let npv = boxed(TAG_OBJECT, np as u32);
    rt.set(npv, "twice", num(2.0));
    assert_eq!(rt.get(num(5.0), "twice"), num(2.0));
    let sp = boxed(TAG_OBJECT, rt.global_i32("proto_string") as u32);
    rt.set(sp, "m", TRUE);
    let s = rt.string("abc");
    assert_eq!(rt.get(s, "m"), TRUE);
    let bp = boxed(TAG_OBJECT, rt.global_i32("proto_boolean") as u32);
    rt.set(bp, "b", NULL);
    assert_eq!(rt.get(FALSE, "b"), NULL);
    // Object.prototype is at the end of every chain.
    let op = boxed(TAG_OBJECT, rt.global_i32("proto_object") as u32);
    rt.set(op, "everywhere", num(7.0));
    assert_eq!(rt.get(s, "everywhere"), num(7.0));
    let arr = rt.v("new_array", &[i(0)]);
    assert_eq!(rt.get(arr, "everywhere"), num(7.0));
    // Writes to primitives are ignored.
    rt.set(s, "zzz", num(1.0));
    assert_eq!(rt.get(s, "zzz"), U);
    rt.no_exception();
    // get with non-string keys.
    rt.set(o, "1", num(11.0));
    assert_eq!(rt.v("get", &[v(o), v(num(1.0))]), num(11.0));
    rt.call("set", &[v(o), v(num(2.5)), v(TRUE)]);
    assert_eq!(rt.get(o, "2.5"), TRUE);
    rt.call("set", &[v(o), v(NULL), v(FALSE)]);
    assert_eq!(rt.get(o, "null"), FALSE);
    let k = rt.string("y");
    assert_eq!(rt.v("get", &[v(o), v(k)]), num(2.0));
}

#[test]
fn nullish_receivers_throw_node_messages() {
    let mut rt = Rt::new();
    assert_eq!(rt.get(U, "x"), U);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Cannot read properties of undefined (reading 'x')"
    );
    rt.get(NULL, "length");
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Cannot read properties of null (reading 'length')"
    );
    rt.v("get", &[v(U), v(num(0.0))]);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Cannot read properties of undefined (reading '0')"
    );
    rt.set(NULL, "field", num(1.0));
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Cannot set properties of null (setting 'field')"
    );
    rt.call("set", &[v(U), v(num(3.0)), v(num(1.0))]);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Cannot set properties of undefined (setting '3')"
    );
    let k = rt.string("a");
    assert_eq!(rt.i("delete_property", &[v(NULL), v(k)]), 0);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Cannot convert undefined or null to object"
    );
    let e = rt.take_exception();
    assert!(e.is_none());
    // The thrown value is a TypeError instance.
    rt.get(U, "x");
    let e = rt.take_exception().unwrap();
    let tp = rt.global_i32("proto_TypeError") as u32;
    assert_eq!(rt.u32_at(payload_of(e) + OBJ_PROTO), tp);
}

#[test]
fn own_keys_order_hidden_and_delete() {
    let mut rt = Rt::new();
    let o = rt.v("new_object", &[]);
    for k in [
        "b",
        "2",
        "a",
        "1",
        "01",
        "4294967295",
        "4294967294",
        "0",
        "-1",
        "10",
    ] {
        rt.set(o, k, num(1.0));
    }
    let h = rt.sp("hidden");
    rt.call("define_hidden", &[v(o), h, v(num(5.0))]);
    let keys = rt.v("own_keys", &[v(o)]);
    assert_eq!(
        rt.string_array(keys),
        [
            "0",
            "1",
            "2",
            "10",
            "4294967294",
            "b",
            "a",
            "01",
            "4294967295",
            "-1"
        ]
    );
    assert_eq!(rt.get(o, "hidden"), num(5.0));
    // define_hidden on an existing property hides it.
    let a = rt.sp("a");
    rt.call("define_hidden", &[v(o), a, v(num(6.0))]);
    assert_eq!(rt.get(o, "a"), num(6.0));
    // Delete keeps the order of the rest.
    for k in ["b", "10", "nope"] {
        let key = rt.string(k);
        assert_eq!(rt.i("delete_property", &[v(o), v(key)]), 1);
    }
    assert_eq!(rt.i("delete_property", &[v(o), v(num(2.0))]), 1);
    let keys = rt.v("own_keys", &[v(o)]);
    assert_eq!(
        rt.string_array(keys),
        ["0", "1", "4294967294", "01", "4294967295", "-1"]
    );
    assert_eq!(rt.get(o, "b"), U);
    rt.set(o, "b", num(2.0));
    let keys = rt.v("own_keys", &[v(o)]);
    assert_eq!(
        rt.string_array(keys),
        ["0", "1", "4294967294", "01", "4294967295", "-1", "b"]
    );
    // Strings: their indices. Primitives: nothing.
    let s = rt.string("xyz");
    let keys = rt.v("own_keys", &[v(s)]);
    assert_eq!(rt.string_array(keys), ["0", "1", "2"]);
    let keys = rt.v("own_keys", &[v(num(3.0))]);
    assert!(rt.string_array(keys).is_empty());
    let keys = rt.v("own_keys", &[v(U)]);
    assert!(rt.string_array(keys).is_empty());
}

#[test]
fn arrays_grow_with_holes() {
    let mut rt = Rt::new();
    let a = rt.v("new_array", &[i(0)]);
    for n in 0..3 {
        rt.call("array_push", &[v(a), v(num(n as f64 + 1.0))]);
    }
    rt.call("set", &[v(a), v(num(5.0)), v(num(6.0))]);
    assert_eq!(rt.i("array_length", &[v(a)]), 6);
    assert_eq!(rt.get(a, "length"), num(6.0));
    assert_eq!(rt.v("get", &[v(a), v(num(3.0))]), U);
    assert_eq!(rt.v("get", &[v(a), v(num(5.0))]), num(6.0));
    assert_eq!(rt.v("get", &[v(a), v(num(6.0))]), U);
    assert_eq!(rt.v("get", &[v(a), v(num(-1.0))]), U);
    assert_eq!(rt.v("get", &[v(a), v(num(0.5))]), U);
    assert_eq!(rt.v("get", &[v(a), v(num(-0.0))]), num(1.0));
    let k3 = rt.string("3");
    assert_eq!(rt.i("has_property", &[v(k3), v(a)]), 0);
    let k5 = rt.string("5");
    assert_eq!(rt.i("has_property", &[v(k5), v(a)]), 1);
    assert_eq!(rt.i("has_property", &[v(num(5.0)), v(a)]), 1);
    let len = rt.string("length");
    assert_eq!(rt.i("has_property", &[v(len), v(a)]), 1);
    let p = payload_of(a);
    let elems = rt.u32_at(p + ARR_ELEMS);
    assert_eq!(rt.u64_at(elems + BYTES_DATA + 8 * 3), HOLE);
    assert_eq!(rt.u64_at(elems + BYTES_DATA + 8 * 4), HOLE);
    // String keys that are canonical indices hit elements; others do not.
    assert_eq!(rt.get(a, "1"), num(2.0));
    rt.set(a, "01", num(100.0));
    assert_eq!(rt.get(a, "01"), num(100.0));
    assert_eq!(rt.get(a, "1"), num(2.0));
    rt.set(a, "4", num(5.0));
    assert_eq!(rt.v("get", &[v(a), v(num(4.0))]), num(5.0));
    // length writes truncate and extend.
    rt.set(a, "length", num(2.0));
    assert_eq!(rt.i("array_length", &[v(a)]), 2);
    assert_eq!(rt.v("get", &[v(a), v(num(2.0))]), U);
    rt.set(a, "length", num(4.0));
    assert_eq!(rt.i("array_length", &[v(a)]), 4);
    assert_eq!(rt.v("get", &[v(a), v(num(3.0))]), U);
    let elems = rt.u32_at(p + ARR_ELEMS);
    assert_eq!(rt.u64_at(elems + BYTES_DATA + 8 * 2), HOLE);
    rt.no_exception();
    rt.set(a, "length", num(-1.0));
    assert_eq!(rt.expect_exception(), "RangeError: Invalid array length");
    rt.set(a, "length", num(1.5));
    assert_eq!(rt.expect_exception(), "RangeError: Invalid array length");
    // Named properties on arrays, and own_keys: indices of non-holes first.
    rt.set(a, "extra", TRUE);
    assert_eq!(rt.get(a, "extra"), TRUE);
    let keys = rt.v("own_keys", &[v(a)]);
    assert_eq!(rt.string_array(keys), ["0", "1", "01", "extra"]);
    // Big growth keeps contents.
    let b = rt.v("new_array", &[i(1)]);
    for n in 0..1000 {
        rt.call("array_push", &[v(b), v(num(n as f64))]);
    }
    rt.call("set", &[v(b), v(num(1500.0)), v(TRUE)]);
    for n in 0..1000 {
        assert_eq!(rt.v("get", &[v(b), v(num(n as f64))]), num(n as f64));
    }
    assert_eq!(rt.v("get", &[v(b), v(num(1200.0))]), U);
    assert_eq!(rt.i("array_length", &[v(b)]), 1501);
    // delete makes a hole, keeps the length.
    assert_eq!(rt.i("delete_property", &[v(b), v(num(1500.0))]), 1);
    assert_eq!(rt.i("array_length", &[v(b)]), 1501);
    assert_eq!(rt.i("has_property", &[v(num(1500.0)), v(b)]), 0);
    let lk = rt.string("length");
    assert_eq!(rt.i("delete_property", &[v(b), v(lk)]), 0);
}

#[test]
fn strings_as_receivers() {
    let mut rt = Rt::new();
    let s = rt.string("abc");
    assert_eq!(rt.get(s, "length"), num(3.0));
    let c = rt.get(s, "1");
    assert_eq!(rt.read_string(c), "b");
    let c = rt.v("get", &[v(s), v(num(2.0))]);
    assert_eq!(rt.read_string(c), "c");
    assert_eq!(rt.v("get", &[v(s), v(num(3.0))]), U);
    assert_eq!(rt.get(s, "7"), U);
    assert_eq!(rt.get(s, "nothing"), U);
    rt.no_exception();
    let k = rt.string("a");
    rt.i("has_property", &[v(k), v(s)]);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Cannot use 'in' operator to search for 'a' in abc"
    );
    rt.i("has_property", &[v(k), v(U)]);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Cannot use 'in' operator to search for 'a' in undefined"
    );
}

#[test]
fn symbol_keys_are_hidden() {
    let mut rt = Rt::new();
    let o = rt.v("new_object", &[]);
    let sym = boxed(TAG_SYMBOL, SYMBOL_ITERATOR);
    rt.call("set", &[v(o), v(sym), v(num(1.0))]);
    assert_eq!(rt.v("get", &[v(o), v(sym)]), num(1.0));
    assert_eq!(rt.i("has_property", &[v(sym), v(o)]), 1);
    let keys = rt.v("own_keys", &[v(o)]);
    assert!(rt.string_array(keys).is_empty());
    rt.v("get", &[v(U), v(sym)]);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Cannot read properties of undefined (reading 'Symbol(Symbol.iterator)')"
    );
}

// ---- functions -------------------------------------------------------------

/// Builds JS functions (layout::js_func_sig) in IR:
/// * `test_this`: returns `this`;
/// * `test_arg1`: returns argument 1 (undefined if absent);
/// * `test_ctor`: `this.x = arguments[0]`, returns undefined;
/// * `test_ctor_obj`: returns a fresh object `{ made: true }`;
/// * `test_throw`: throws its first argument;
/// * `test_call_via_stack(f, a, b) -> V`: pushes two arguments on the
///   shadow stack, calls `f` with this = undefined, pops them.
fn with_functions() -> Rt {
    use switchyard_ir::{FunctionBuilder, Signature, Type};
    Rt::with(|m, rt, statics| {
        let sig = js_func_sig();
        let mut out = Vec::new();
        let this_f = m.declare_func("test_this", sig.clone());
        let mut b = FunctionBuilder::new(m, this_f);
        let t = b.param(1);
        b.ret(&[t]);
        b.finish();
        out.push(("this".to_string(), this_f));

        let arg1 = m.declare_func("test_arg1", sig.clone());
        let mut b = FunctionBuilder::new(m, arg1);
        let (argv, argc) = (b.param(2), b.param(3));
        let r = b.i64_const(UNDEFINED as i64);
        let one = b.i32_const(1);
        let has = b.bin(switchyard_ir::BinOp::I32GtU, argc, one);
        b.if_then(has, |b| {
            b.load_into(r, switchyard_ir::LoadKind::I64, argv, 8);
        });
        b.ret(&[r]);
        b.finish();
        out.push(("arg1".to_string(), arg1));

        let x = statics.string("x");
        let ctor = m.declare_func("test_ctor", sig.clone());
        let mut b = FunctionBuilder::new(m, ctor);
        let (this, argv) = (b.param(1), b.param(2));
        let a0 = b.load(switchyard_ir::LoadKind::I64, argv, 0);
        let key = b.i32_const(x as i32);
        b.call(rt.set_named, &[this, key, a0]);
        let u = b.i64_const(UNDEFINED as i64);
        b.ret(&[u]);
        b.finish();
        out.push(("ctor".to_string(), ctor));

        let made = statics.string("made");
        let ctor_obj = m.declare_func("test_ctor_obj", sig.clone());
        let mut b = FunctionBuilder::new(m, ctor_obj);
        let o = b.call1(rt.new_object, &[]);
        let key = b.i32_const(made as i32);
        let t = b.i64_const(TRUE as i64);
        b.call(rt.set_named, &[o, key, t]);
        b.ret(&[o]);
        b.finish();
        out.push(("ctor_obj".to_string(), ctor_obj));

        let thrower = m.declare_func("test_throw", sig.clone());
        let mut b = FunctionBuilder::new(m, thrower);
        let argv = b.param(2);
        let a0 = b.load(switchyard_ir::LoadKind::I64, argv, 0);
        let pos = b.i32_const(encode_pos(3, 7));
        b.call(rt.throw_value, &[a0, pos]);
        let u = b.i64_const(UNDEFINED as i64);
        b.ret(&[u]);
        b.finish();
        out.push(("throw".to_string(), thrower));

        let via = m.declare_func(
            "test_call_via_stack",
            Signature::new([Type::I64, Type::I64, Type::I64], [Type::I64]),
        );
        let mut b = FunctionBuilder::new(m, via);
        let (f, x, y) = (b.param(0), b.param(1), b.param(2));
        let two = b.i32_const(2);
        let argv = b.call1(rt.push_args, &[two]);
        b.store(switchyard_ir::StoreKind::I64, argv, 0, x);
        b.store(switchyard_ir::StoreKind::I64, argv, 8, y);
        let u = b.i64_const(UNDEFINED as i64);
        let r = b.call1(rt.call, &[f, u, argv, two]);
        b.call(rt.pop_args, &[two]);
        b.ret(&[r]);
        b.finish();
        out
    })
}

fn make_fn(rt: &mut Rt, slot_name: &str, name: &str, arity: i32) -> u64 {
    let slot = rt.slot(slot_name) as i32;
    let n = rt.sp(name);
    rt.v("new_function", &[i(slot), i(0), n, i(arity)])
}

#[test]
fn calling_functions() {
    let mut rt = with_functions();
    let f = make_fn(&mut rt, "arg1", "second", 2);
    let sp0 = rt.global_i32("sp");
    let r = rt.v("test_call_via_stack", &[v(f), v(num(1.0)), v(num(2.0))]);
    assert_eq!(r, num(2.0));
    assert_eq!(rt.global_i32("sp"), sp0);
    let t = make_fn(&mut rt, "this", "me", 0);
    let o = rt.v("new_object", &[]);
    assert_eq!(rt.v("call", &[v(t), v(o), i(0), i(0)]), o);
    // name / length come from the block unless overridden.
    let n = rt.get(f, "name");
    assert_eq!(rt.read_string(n), "second");
    assert_eq!(rt.get(f, "length"), num(2.0));
    // Writes to them are ignored (sloppy mode); define_hidden overrides.
    rt.set(f, "length", num(9.0));
    assert_eq!(rt.get(f, "length"), num(2.0));
    let nk = rt.sp("name");
    let other = rt.string("other");
    rt.call("define_hidden", &[v(f), nk, v(other)]);
    let n = rt.get(f, "name");
    assert_eq!(rt.read_string(n), "other");
    // Own properties of functions.
    rt.set(f, "count", num(1.0));
    assert_eq!(rt.get(f, "count"), num(1.0));
    let keys = rt.v("own_keys", &[v(f)]);
    assert_eq!(rt.string_array(keys), ["count"]);
    // Function.prototype is in the chain.
    let fp = boxed(TAG_OBJECT, rt.global_i32("proto_function") as u32);
    rt.set(fp, "callish", TRUE);
    assert_eq!(rt.get(f, "callish"), TRUE);
    // Not callable.
    for (x, msg) in [
        (U, "undefined is not a function"),
        (NULL, "null is not a function"),
        (num(5.0), "5 is not a function"),
        (TRUE, "true is not a function"),
        (o, "object is not a function"),
    ] {
        assert_eq!(rt.v("call", &[v(x), v(U), i(0), i(0)]), U);
        assert_eq!(rt.expect_exception(), format!("TypeError: {msg}"));
    }
    let s = rt.string("str");
    rt.v("call", &[v(s), v(U), i(0), i(0)]);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: \"str\" is not a function"
    );
    // Exceptions from the callee propagate with their position.
    let th = make_fn(&mut rt, "throw", "thrower", 1);
    let msg = rt.string("boom");
    rt.v("test_call_via_stack", &[v(th), v(msg), v(U)]);
    assert_eq!(rt.global_i32(EXPORT_EXC_POS), encode_pos(3, 7));
    let e = rt.take_exception().unwrap();
    assert_eq!(e, msg);
    // Helpers for the front end.
    let w = rt.sp("foo.bar");
    rt.call("throw_not_callable", &[w]);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: foo.bar is not a function"
    );
    let w = rt.sp("x");
    rt.call("throw_not_defined", &[w]);
    assert_eq!(rt.expect_exception(), "ReferenceError: x is not defined");
    let w = rt.sp("obj");
    rt.call("throw_not_iterable", &[w]);
    assert_eq!(rt.expect_exception(), "TypeError: obj is not iterable");
    let w = rt.sp("custom");
    rt.call("throw_error", &[i(ERR_SYNTAX), w]);
    assert_eq!(rt.expect_exception(), "SyntaxError: custom");
}

#[test]
fn constructing_and_instanceof() {
    let mut rt = with_functions();
    let ctor = make_fn(&mut rt, "ctor", "Point", 1);
    // F.prototype is created on first read, with a hidden constructor.
    let proto = rt.get(ctor, "prototype");
    assert_eq!(tag_of(proto), Some(TAG_OBJECT));
    assert_eq!(rt.get(proto, "constructor"), ctor);
    assert_eq!(rt.get(ctor, "prototype"), proto);
    let keys = rt.v("own_keys", &[v(ctor)]);
    assert!(rt.string_array(keys).is_empty());
    let keys = rt.v("own_keys", &[v(proto)]);
    assert!(rt.string_array(keys).is_empty());
    rt.set(proto, "shared", num(42.0));
    // new Point(7)
    let argv = rt.i("push_args", &[i(1)]) as u32;
    rt.write_u64(argv, num(7.0));
    let obj = rt.v("construct", &[v(ctor), i(argv as i32), i(1)]);
    rt.call("pop_args", &[i(1)]);
    rt.no_exception();
    assert_eq!(rt.get(obj, "x"), num(7.0));
    assert_eq!(rt.get(obj, "shared"), num(42.0));
    assert_eq!(rt.i("instance_of", &[v(obj), v(ctor)]), 1);
    let objp = boxed(TAG_OBJECT, rt.global_i32("proto_object") as u32);
    let other = make_fn(&mut rt, "ctor", "Other", 0);
    assert_eq!(rt.i("instance_of", &[v(obj), v(other)]), 0);
    assert_eq!(rt.i("instance_of", &[v(num(1.0)), v(ctor)]), 0);
    // A constructor whose result is an object replaces `this`.
    let co = make_fn(&mut rt, "ctor_obj", "Maker", 0);
    let made = rt.v("construct", &[v(co), i(0), i(0)]);
    assert_eq!(rt.get(made, "made"), TRUE);
    assert_eq!(rt.i("instance_of", &[v(made), v(co)]), 0);
    // A non-object prototype falls back to Object.prototype.
    let plain = make_fn(&mut rt, "this", "Plain", 0);
    rt.set(plain, "prototype", num(3.0));
    // Assigned before any read: still not enumerable.
    let keys = rt.v("own_keys", &[v(plain)]);
    assert!(rt.string_array(keys).is_empty());
    let argv = rt.i("push_args", &[i(0)]);
    let x = rt.v("construct", &[v(plain), i(argv), i(0)]);
    assert_eq!(rt.u32_at(payload_of(x) + OBJ_PROTO), payload_of(objp));
    rt.i("instance_of", &[v(x), v(plain)]);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Function has non-object prototype '3' in instanceof check"
    );
    // Errors.
    rt.v("construct", &[v(num(5.0)), i(0), i(0)]);
    assert_eq!(rt.expect_exception(), "TypeError: 5 is not a constructor");
    let o = rt.v("new_object", &[]);
    rt.i("instance_of", &[v(o), v(o)]);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Right-hand side of 'instanceof' is not callable"
    );
    rt.i("instance_of", &[v(o), v(num(1.0))]);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Right-hand side of 'instanceof' is not an object"
    );
    // Errors are instances of their constructors' prototypes (prelude wiring).
    let err_ctor = make_fn(&mut rt, "this", "TypeError", 1);
    let tp = boxed(TAG_OBJECT, rt.global_i32("proto_TypeError") as u32);
    rt.set(err_ctor, "prototype", tp);
    let e = rt.v("make_error", &[i(ERR_TYPE), v(U)]);
    assert_eq!(rt.i("instance_of", &[v(e), v(err_ctor)]), 1);
    // A throwing constructor propagates.
    let th = make_fn(&mut rt, "throw", "Bad", 1);
    let argv = rt.i("push_args", &[i(1)]) as u32;
    rt.write_u64(argv, TRUE);
    assert_eq!(rt.v("construct", &[v(th), i(argv as i32), i(1)]), U);
    assert_eq!(rt.take_exception(), Some(TRUE));
}

// ---- iteration -------------------------------------------------------------

#[test]
fn iterating_arrays_sees_pushes() {
    let mut rt = Rt::new();
    let a = rt.v("new_array", &[i(0)]);
    rt.call("array_push", &[v(a), v(num(1.0))]);
    rt.call("array_set_length", &[v(a), i(3)]);
    rt.call("set", &[v(a), v(num(2.0)), v(num(3.0))]);
    let it = rt.v("get_iterator", &[v(a), i(0), i(0)]);
    let mut seen = Vec::new();
    loop {
        let x = rt.v("iterator_next", &[v(it)]);
        if x == DONE {
            break;
        }
        seen.push(x);
        if seen.len() == 2 {
            rt.call("array_push", &[v(a), v(num(4.0))]);
        }
    }
    assert_eq!(seen, [num(1.0), U, num(3.0), num(4.0)]);
    assert_eq!(rt.v("iterator_next", &[v(it)]), DONE);
    rt.call("iterator_close", &[v(it)]);
}

#[test]
fn iterating_strings_by_code_point() {
    let mut rt = Rt::new();
    let units: Vec<u16> = "a\u{1F600}b"
        .encode_utf16()
        .chain([0xD800, 0x41, 0xDC00])
        .collect();
    let s = rt.string_utf16(&units);
    let it = rt.v("get_iterator", &[v(s), i(0), i(0)]);
    let mut seen: Vec<Vec<u16>> = Vec::new();
    loop {
        let x = rt.v("iterator_next", &[v(it)]);
        if x == DONE {
            break;
        }
        seen.push(rt.read_units(x));
    }
    assert_eq!(
        seen,
        vec![
            vec![0x61],
            vec![0xD83D, 0xDE00],
            vec![0x62],
            vec![0xD800],
            vec![0x41],
            vec![0xDC00]
        ]
    );
    let e = rt.string("");
    let it = rt.v("get_iterator", &[v(e), i(0), i(0)]);
    assert_eq!(rt.v("iterator_next", &[v(it)]), DONE);
}

#[test]
fn non_iterables_throw() {
    let mut rt = Rt::new();
    let o = rt.v("new_object", &[]);
    for (x, msg) in [
        (
            U,
            "undefined is not iterable (cannot read property Symbol(Symbol.iterator))",
        ),
        (
            NULL,
            "object null is not iterable (cannot read property Symbol(Symbol.iterator))",
        ),
        (
            num(5.0),
            "number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
        ),
        (
            o,
            "object is not iterable (cannot read property Symbol(Symbol.iterator))",
        ),
    ] {
        assert_eq!(rt.v("get_iterator", &[v(x), i(0), i(0)]), U);
        assert_eq!(rt.expect_exception(), format!("TypeError: {msg}"));
    }
    // With the source text (for-of, spread, destructuring).
    let what = rt.string("xs");
    let what = payload_of(what) as i32;
    assert_eq!(rt.v("get_iterator", &[v(o), i(what), i(0)]), U);
    assert_eq!(rt.expect_exception(), "TypeError: xs is not iterable");
    // Call spread.
    assert_eq!(rt.v("get_iterator", &[v(U), i(what), i(1)]), U);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: xs is not iterable (cannot read property undefined)"
    );
    assert_eq!(rt.v("get_iterator", &[v(o), i(what), i(1)]), U);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Spread syntax requires ...iterable[Symbol.iterator] to be a function"
    );
}

// ---- memory ------------------------------------------------------------------

#[test]
fn allocation_grows_memory() {
    let mut rt = Rt::new();
    let pages0 = rt.memory.size(&rt.store);
    let mut last = 0;
    for n in 0..200 {
        let size = 100_000 + n * 7;
        let p = rt.i("alloc", &[i(size)]) as u32;
        assert_eq!(p % 8, 0);
        assert!(p >= last);
        // Fresh blocks are zeroed and writable to their last byte.
        assert_eq!(rt.u64_at(p), 0);
        let end = p + size as u32 - 8;
        rt.write_u64(end, u64::MAX);
        last = p + size as u32;
    }
    let pages1 = rt.memory.size(&rt.store);
    assert!(pages1 > pages0);
    // Geometric growth: far fewer grow steps than allocations.
    let heap = rt.global_i32("heap_ptr") as u32 as u64;
    assert!(heap <= pages1 * 65536);
    // Out of memory is fatal, not a wrap-around.
    assert!(rt.try_call("alloc", &[i(-16)]).is_err());
}

#[test]
fn shadow_stack_overflow_is_fatal() {
    let mut rt = Rt::new();
    let sp0 = rt.global_i32("sp");
    let limit = rt.global_i32("stack_limit");
    assert_eq!((sp0 - limit) as u32, SHADOW_STACK_SIZE);
    let argv = rt.i("push_args", &[i(4)]);
    assert_eq!(argv, sp0 - 32);
    rt.call("pop_args", &[i(4)]);
    assert_eq!(rt.global_i32("sp"), sp0);
    let err = rt.try_call("push_args", &[i((SHADOW_STACK_SIZE / 8) as i32 + 1)]);
    let text = format!("{:?}", err.unwrap_err());
    assert!(
        text.contains(&format!("fatal({FATAL_STACK_OVERFLOW})")),
        "{text}"
    );
}

#[test]
fn boxes_and_envs() {
    let mut rt = Rt::new();
    let b = rt.i("new_box", &[v(num(4.5))]) as u32;
    assert_eq!(rt.u32_at(b) & KIND_MASK, KIND_BOX);
    assert_eq!(rt.u64_at(b + BOX_VALUE), num(4.5));
    let e = rt.i("new_env", &[i(3)]) as u32;
    assert_eq!(rt.u32_at(e) & KIND_MASK, KIND_ENV);
    assert_eq!(rt.u32_at(e + ENV_COUNT), 3);
    let s = rt.i("new_string", &[i(5)]) as u32;
    assert_eq!(rt.u32_at(s) & KIND_MASK, KIND_STRING);
    assert_eq!(rt.u32_at(s + STR_LEN), 5);
}

// ---- iteration helpers (destructuring, spread, rest, iterator objects) -------

#[test]
fn iterator_results_have_value_then_done() {
    let mut rt = Rt::new();
    let r = rt.v("make_iter_result", &[v(num(7.0)), i(0)]);
    assert_eq!(rt.get(r, "value"), num(7.0));
    assert_eq!(rt.get(r, "done"), FALSE);
    let keys = rt.v("own_keys", &[v(r)]);
    assert_eq!(rt.string_array(keys), ["value", "done"]);
    let r = rt.v("make_iter_result", &[v(U), i(1)]);
    assert_eq!(rt.get(r, "done"), TRUE);
    assert_eq!(rt.get(r, "value"), U);
}

#[test]
fn destructuring_reads_arrays_by_index() {
    let mut rt = Rt::new();
    let a = rt.v("new_array", &[i(0)]);
    rt.call("array_push", &[v(a), v(num(1.0))]);
    rt.call("array_set_length", &[v(a), i(3)]);
    rt.call("set", &[v(a), v(num(2.0)), v(num(3.0))]);
    // An array is its own handle.
    assert_eq!(rt.v("destructure_iter", &[v(a), i(0)]), a);
    let got: Vec<u64> = (0..4)
        .map(|k| rt.v("destructure_next", &[v(a), i(k)]))
        .collect();
    assert_eq!(got, [num(1.0), U, num(3.0), DONE]);
    let rest = rt.v("destructure_rest", &[v(a), i(1)]);
    assert_eq!(rt.i("array_length", &[v(rest)]), 2);
    assert_eq!(rt.v("get", &[v(rest), v(num(0.0))]), U);
    // A string goes through the iterator protocol (by code point).
    let s = rt.string("a\u{1F600}");
    let it = rt.v("destructure_iter", &[v(s), i(0)]);
    let x = rt.v("destructure_next", &[v(it), i(0)]);
    assert_eq!(rt.read_string(x), "a");
    let rest = rt.v("destructure_rest", &[v(it), i(1)]);
    let parts = rt.string_array(rest);
    assert_eq!(parts, ["\u{1F600}"]);
    // Not iterable.
    assert_eq!(rt.v("destructure_iter", &[v(num(1.0)), i(0)]), U);
    assert!(rt.expect_exception().contains("number 1 is not iterable"));
}

#[test]
fn spread_rest_and_copied_properties() {
    let mut rt = Rt::new();
    let out = rt.v("new_array", &[i(0)]);
    let s = rt.string("xy");
    rt.call("spread_into", &[v(out), v(s), i(0), i(0)]);
    assert_eq!(rt.string_array(out), ["x", "y"]);
    // rest_args: arguments from..argc, from the shadow stack.
    let argv = rt.i("push_args", &[i(3)]);
    for k in 0..3u32 {
        rt.write_u64(argv as u32 + 8 * k, num(k as f64 + 10.0));
    }
    let r = rt.v("rest_args", &[i(argv), i(3), i(1)]);
    assert_eq!(rt.i("array_length", &[v(r)]), 2);
    assert_eq!(rt.v("get", &[v(r), v(num(1.0))]), num(12.0));
    let none = rt.v("rest_args", &[i(argv), i(3), i(5)]);
    assert_eq!(rt.i("array_length", &[v(none)]), 0);
    rt.call("pop_args", &[i(3)]);
    // copy_props skips the excluded keys.
    let src = rt.v("new_object", &[]);
    rt.set(src, "a", num(1.0));
    rt.set(src, "b", num(2.0));
    let ex = rt.v("new_array", &[i(1)]);
    let ka = rt.string("a");
    rt.call("array_push", &[v(ex), v(ka)]);
    let dst = rt.v("new_object", &[]);
    rt.call("copy_props", &[v(dst), v(src), v(ex)]);
    let keys = rt.v("own_keys", &[v(dst)]);
    assert_eq!(rt.string_array(keys), ["b"]);
    // undefined / null sources copy nothing.
    rt.call("copy_props", &[v(dst), v(U), v(U)]);
    rt.no_exception();
}

#[test]
fn array_iterator_objects_step_like_node() {
    let mut rt = Rt::new();
    let a = rt.v("new_array", &[i(0)]);
    let x = rt.string("x");
    rt.call("array_push", &[v(a), v(x)]);
    let it = rt.v("new_array_iterator", &[v(a), i(AITER_ENTRIES as i32)]);
    // for-of steps it directly (get_iterator returns it as its own handle).
    let h = rt.v("get_iterator", &[v(it), i(0), i(0)]);
    assert_eq!(h, it);
    let e = rt.v("iterator_next", &[v(h)]);
    assert_eq!(rt.v("get", &[v(e), v(num(0.0))]), num(0.0));
    let second = rt.v("get", &[v(e), v(num(1.0))]);
    assert_eq!(rt.read_string(second), "x");
    assert_eq!(rt.v("iterator_next", &[v(h)]), DONE);
    assert_eq!(rt.v("iterator_next", &[v(h)]), DONE);
    let keys = rt.v("new_array_iterator", &[v(a), i(AITER_KEYS as i32)]);
    assert_eq!(rt.v("iterator_next", &[v(keys)]), num(0.0));
}

#[test]
fn destructuring_errors_name_the_source() {
    let mut rt = Rt::new();
    let what = rt.string("obj.p");
    let what = payload_of(what) as i32;
    let prop = rt.string("a");
    let prop = payload_of(prop) as i32;
    rt.call("throw_destructure", &[v(U), i(what), i(prop)]);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Cannot destructure property 'a' of 'obj.p' as it is undefined."
    );
    rt.call("throw_destructure", &[v(NULL), i(0), i(0)]);
    assert_eq!(
        rt.expect_exception(),
        "TypeError: Cannot destructure 'object null' as it is null."
    );
}
