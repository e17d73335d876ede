//! Node v20's `util.inspect` and `console.log` formatting (`util.format`)
//! over values in linear memory, byte for byte.
//!
//! This follows lib/internal/util/inspect.js function by function
//! (`formatValue`, `formatRaw`, `formatList` via `reduceToSingleString`,
//! `groupArrayElements`, `formatError`, `strEscape`, …) with the default
//! options console.log uses: depth 2, breakLength 80, compact 3,
//! maxArrayLength 100, maxStringLength 10000, no colors.
//!
//! Known differences from Node:
//! * Errors have no real stack trace. Node prints `err.stack`; we print
//!   `Name: message\n    at <anonymous>` (the uncaught-exception report
//!   uses the throw position instead, see [`ErrorStack`]).
//! * Functions: no source text, so `%s` of a function and classes print as
//!   `[Function: name]`; `[class X]` is never produced.
//! * Objects are never asked for a user-defined `toString`/`toJSON`/
//!   `[util.inspect.custom]` (we cannot call JS from the host).
//! * When no prototype on the chain has a `constructor` property (the
//!   runtime does not have to define them), the constructor name is taken
//!   from the block kind ("Object", "Array", "Function", the error's name).
//! * Character widths for array grouping use Node's non-ICU tables.
//! * `%o` (showHidden) lists `[length]` of arrays and `[length]`/`[name]` of
//!   functions, but not a function's `[prototype]`; errors' hidden
//!   `[stack]`/`[message]` are not listed either.
//! * `String(array)` / `%j` of arrays longer than 2^24 elements is an
//!   internal error (Node fails with "Invalid string length").

use crate::heap::{Heap, HeapError, HeapResult};
use crate::number_format::{number_to_string, parse_float, parse_int, string_to_number};
use switchyard_js_runtime::layout::*;

/// The `util.inspect` options we support.
#[derive(Clone, Debug)]
pub struct InspectOptions {
    /// Nesting depth to show; `None` is unlimited.
    pub depth: Option<usize>,
    /// Also show non-enumerable properties.
    pub show_hidden: bool,
    pub break_length: usize,
    /// Node's numeric `compact` option (`compact: true/false` unsupported).
    pub compact: usize,
    pub max_array_length: usize,
    pub max_string_length: usize,
}

impl Default for InspectOptions {
    fn default() -> Self {
        InspectOptions {
            depth: Some(2),
            show_hidden: false,
            break_length: 80,
            compact: 3,
            max_array_length: 100,
            max_string_length: 10000,
        }
    }
}

/// What to use as the stack trace of the top-level error object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorStack {
    /// `\n    at <anonymous>` (console.log of an error).
    Anonymous,
    /// `\n    at LOCATION` (an uncaught exception with a known position).
    At(String),
    /// Nothing, and no `[…]` brackets either (uncaught, position unknown).
    Omitted,
}

// ---- values ------------------------------------------------------------------

/// A decoded NaN-boxed value.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Val {
    Num(f64),
    Str(u32),
    Undefined,
    Null,
    Bool(bool),
    Symbol(u32),
    Object(u32),
    Function(u32),
}

fn classify(v: u64) -> Val {
    match tag_of(v) {
        None => Val::Num(f64::from_bits(v)),
        Some(TAG_UNDEFINED) => Val::Undefined,
        Some(TAG_NULL) => Val::Null,
        Some(TAG_BOOL) => Val::Bool(payload_of(v) != 0),
        Some(TAG_STRING) => Val::Str(payload_of(v)),
        Some(TAG_OBJECT) => Val::Object(payload_of(v)),
        Some(TAG_FUNCTION) => Val::Function(payload_of(v)),
        Some(_) => Val::Symbol(payload_of(v)),
    }
}

fn symbol_to_string(id: u32) -> String {
    match id {
        SYMBOL_ITERATOR => "Symbol(Symbol.iterator)".to_string(),
        SYMBOL_ASYNC_ITERATOR => "Symbol(Symbol.asyncIterator)".to_string(),
        SYMBOL_TO_STRING_TAG => "Symbol(Symbol.toStringTag)".to_string(),
        _ => format!("Symbol({id})"),
    }
}

/// Node's `formatNumber`: like `String(x)` but `-0` shows its sign.
pub fn format_number(x: f64) -> String {
    if x == 0.0 && x.is_sign_negative() {
        "-0".to_string()
    } else {
        number_to_string(x)
    }
}

/// UTF-16 length (what JS's `.length` counts).
fn js_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

fn lossy(units: &[u16]) -> String {
    String::from_utf16_lossy(units)
}

fn units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

// ---- strings -------------------------------------------------------------------

/// The escape Node's `meta` table / `escapeFn` gives a code unit, if any.
fn escape_unit(u: u16, out: &mut String) {
    match u {
        0x08 => out.push_str("\\b"),
        0x09 => out.push_str("\\t"),
        0x0A => out.push_str("\\n"),
        0x0C => out.push_str("\\f"),
        0x0D => out.push_str("\\r"),
        0x27 => out.push_str("\\'"),
        0x5C => out.push_str("\\\\"),
        0x00..=0x1F | 0x7F..=0x9F => out.push_str(&format!("\\x{u:02X}")),
        _ => out.push_str(&format!("\\u{u:x}")),
    }
}

/// Escapes `s` with Node's rules: control characters, C1 controls, lone
/// surrogates, backslash and (if `quote` is `'`) the single quote.
fn escape_units(s: &[u16], escape_single_quote: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    let mut i = 0;
    while i < s.len() {
        let u = s[i];
        let needs = u < 0x20
            || u == 0x5C
            || (0x7F..=0x9F).contains(&u)
            || (u == 0x27 && escape_single_quote);
        if needs {
            escape_unit(u, &mut out);
            i += 1;
        } else if (0xD800..=0xDBFF).contains(&u)
            && i + 1 < s.len()
            && (0xDC00..=0xDFFF).contains(&s[i + 1])
        {
            out.push_str(&lossy(&s[i..i + 2]));
            i += 2;
        } else if (0xD800..=0xDFFF).contains(&u) {
            escape_unit(u, &mut out);
            i += 1;
        } else {
            out.push(char::from_u32(u as u32).unwrap_or('\u{FFFD}'));
            i += 1;
        }
    }
    out
}

fn contains_units(haystack: &[u16], needle: &[u16]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Node's `strEscape`: quotes a string, picking `'`, `"` or `` ` `` so that
/// as little as possible needs escaping.
pub fn str_escape(s: &[u16]) -> String {
    let has = |c: u8| s.contains(&(c as u16));
    let (quote, escape_single) = if has(b'\'') {
        if !has(b'"') {
            ('"', false)
        } else if !has(b'`') && !contains_units(s, &units("${")) {
            ('`', false)
        } else {
            ('\'', true)
        }
    } else {
        ('\'', true)
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    out.push_str(&escape_units(s, escape_single));
    out.push(quote);
    out
}

/// `/^[a-zA-Z_][a-zA-Z_0-9]*$/`
fn is_plain_key(s: &[u16]) -> bool {
    let ok_first = |u: u16| u == b'_' as u16 || (u < 128 && (u as u8).is_ascii_alphabetic());
    let ok_rest = |u: u16| ok_first(u) || (u < 128 && (u as u8).is_ascii_digit());
    !s.is_empty() && ok_first(s[0]) && s[1..].iter().all(|&u| ok_rest(u))
}

/// A canonical array index ("0", "17", below 2^32 - 1).
fn array_index(s: &[u16]) -> Option<u32> {
    if s.is_empty() || s.len() > 10 || !s.iter().all(|&u| (0x30..=0x39).contains(&u)) {
        return None;
    }
    if s.len() > 1 && s[0] == 0x30 {
        return None;
    }
    let v: u64 = s.iter().fold(0u64, |a, &u| a * 10 + (u - 0x30) as u64);
    (v < u32::MAX as u64).then_some(v as u32)
}

/// Node's `getStringWidth` (without ICU): full-width code points count 2,
/// zero-width ones 0.
fn string_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let code = c as u32;
            if is_full_width(code) {
                2
            } else if is_zero_width(code) {
                0
            } else {
                1
            }
        })
        .sum()
}

fn is_full_width(code: u32) -> bool {
    code >= 0x1100
        && (code <= 0x115f
            || code == 0x2329
            || code == 0x232a
            || (0x2e80..=0x3247).contains(&code) && code != 0x303f
            || (0x3250..=0x4dbf).contains(&code)
            || (0x4e00..=0xa4c6).contains(&code)
            || (0xa960..=0xa97c).contains(&code)
            || (0xac00..=0xd7a3).contains(&code)
            || (0xf900..=0xfaff).contains(&code)
            || (0xfe10..=0xfe19).contains(&code)
            || (0xfe30..=0xfe6b).contains(&code)
            || (0xff01..=0xff60).contains(&code)
            || (0xffe0..=0xffe6).contains(&code)
            || (0x1b000..=0x1b001).contains(&code)
            || (0x1f200..=0x1f251).contains(&code)
            || (0x1f300..=0x1f64f).contains(&code)
            || (0x20000..=0x3fffd).contains(&code))
}

fn is_zero_width(code: u32) -> bool {
    code <= 0x1F
        || (0x7F..=0x9F).contains(&code)
        || (0x300..=0x36F).contains(&code)
        || (0x200B..=0x200F).contains(&code)
        || (0x20D0..=0x20FF).contains(&code)
        || (0xFE00..=0xFE0F).contains(&code)
        || (0xFE20..=0xFE2F).contains(&code)
        || (0xE0100..=0xE01EF).contains(&code)
}

fn pad_start(s: &str, width: usize) -> String {
    let len = js_len(s);
    if len >= width {
        s.to_string()
    } else {
        format!("{}{s}", " ".repeat(width - len))
    }
}

fn pad_end(s: &str, width: usize) -> String {
    let len = js_len(s);
    if len >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - len))
    }
}

fn remaining_text(remaining: u64) -> String {
    format!(
        "... {remaining} more item{}",
        if remaining > 1 { "s" } else { "" }
    )
}

// ---- the inspector -------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Extras {
    Object,
    ArrayExtras,
}

/// A property to print: key, value, enumerability.
struct Key {
    name: Vec<u16>,
    value: u64,
    enumerable: bool,
}

/// The result of Node's `getConstructorName`.
enum Ctor {
    /// The prototype chain ends right away (`Object.create(null)`).
    Null,
    Named(String),
    /// No `constructor` found on a non-empty chain; we fall back on the
    /// block kind (see the module docs).
    Unknown,
}

struct Ctx<'h, 'a> {
    heap: &'h Heap<'a>,
    opts: InspectOptions,
    indentation_lvl: usize,
    seen: Vec<u32>,
    /// Objects found to be circular, in order of discovery (index + 1 is
    /// the `*N` reference number).
    circular: Vec<u32>,
    current_depth: usize,
    /// The top-level error's stack rendering (uncaught exception report).
    root_error: Option<(u32, ErrorStack)>,
}

impl<'h, 'a> Ctx<'h, 'a> {
    fn new(heap: &'h Heap<'a>, opts: InspectOptions) -> Self {
        Ctx {
            heap,
            opts,
            indentation_lvl: 0,
            seen: Vec::new(),
            circular: Vec::new(),
            current_depth: 0,
            root_error: None,
        }
    }

    fn beyond_depth(&self, recurse_times: usize) -> bool {
        matches!(self.opts.depth, Some(d) if recurse_times > d)
    }

    fn format_value(&mut self, v: u64, recurse_times: usize) -> HeapResult<String> {
        match classify(v) {
            Val::Num(x) => Ok(format_number(x)),
            Val::Str(p) => {
                let s = self.heap.string(p)?;
                Ok(self.format_string(&s))
            }
            Val::Undefined => Ok("undefined".to_string()),
            Val::Null => Ok("null".to_string()),
            Val::Bool(b) => Ok(b.to_string()),
            Val::Symbol(id) => Ok(symbol_to_string(id)),
            Val::Object(p) | Val::Function(p) => {
                if self.seen.contains(&p) {
                    let index = match self.circular.iter().position(|&c| c == p) {
                        Some(i) => i + 1,
                        None => {
                            self.circular.push(p);
                            self.circular.len()
                        }
                    };
                    return Ok(format!("[Circular *{index}]"));
                }
                self.format_raw(p, recurse_times)
            }
        }
    }

    /// Node's `formatPrimitive` for strings (inside containers).
    fn format_string(&self, s: &[u16]) -> String {
        let mut s = s;
        let mut trailer = String::new();
        if s.len() > self.opts.max_string_length {
            let remaining = s.len() - self.opts.max_string_length;
            s = &s[..self.opts.max_string_length];
            trailer = format!(
                "... {remaining} more character{}",
                if remaining > 1 { "s" } else { "" }
            );
        }
        let limit = self.opts.break_length as i64 - self.indentation_lvl as i64 - 4;
        if s.len() > 16 && s.len() as i64 > limit {
            // Split after each newline; each piece is quoted separately.
            let mut pieces = Vec::new();
            let mut start = 0;
            for (i, &u) in s.iter().enumerate() {
                if u == 0x0A {
                    pieces.push(&s[start..=i]);
                    start = i + 1;
                }
            }
            if start < s.len() {
                pieces.push(&s[start..]);
            }
            let sep = format!(" +\n{}", " ".repeat(self.indentation_lvl + 2));
            let quoted: Vec<String> = pieces.iter().map(|p| str_escape(p)).collect();
            return quoted.join(&sep) + &trailer;
        }
        str_escape(s) + &trailer
    }

    fn constructor_name(&self, p: u32) -> HeapResult<Ctor> {
        let mut obj = p;
        let mut first_proto = None;
        for _ in 0..10_000 {
            if let Some(prop) = self.heap.get_own(obj, "constructor")? {
                if let Val::Function(f) = classify(prop.value) {
                    let name = self.heap.function_name(f)?;
                    if !name.is_empty() && self.maybe_instance(p, f)? {
                        return Ok(Ctor::Named(lossy(&name)));
                    }
                }
            }
            obj = self.heap.proto(obj)?;
            if first_proto.is_none() {
                first_proto = Some(obj);
            }
            if obj == 0 {
                break;
            }
        }
        Ok(if first_proto == Some(0) {
            Ctor::Null
        } else {
            Ctor::Unknown
        })
    }

    /// Node's `isInstanceof(obj, constructor)` check in getConstructorName
    /// (`Object.getPrototypeOf(function* () {})` is `Function
    /// [GeneratorFunction] {}`, `Object.prototype` has a null-prototype
    /// name): false when `f` has an own `prototype` object that is not on
    /// `p`'s chain. A function without an own `prototype` (the runtime
    /// creates it on first use, and nothing inherits from it before) passes.
    fn maybe_instance(&self, p: u32, f: u32) -> HeapResult<bool> {
        let Some(proto) = self.heap.get_own(f, "prototype")? else {
            return Ok(true);
        };
        let target = match classify(proto.value) {
            Val::Object(o) | Val::Function(o) => o,
            _ => return Ok(true),
        };
        Ok(self.heap.proto_chain(p)?.contains(&target))
    }

    /// Node's `value[Symbol.toStringTag]` as formatRaw uses it: a
    /// non-empty string that is not an own enumerable property (symbol-keyed
    /// properties are always hidden here), else "".
    fn to_string_tag(&self, p: u32) -> HeapResult<String> {
        let key = SYMBOL_KEYS[SYMBOL_TO_STRING_TAG as usize];
        match self.heap.lookup(p, key)? {
            Some((owner, prop)) => {
                let own_shown = owner == p
                    && (self.opts.show_hidden || prop.enumerable() || prop.enumerable_symbol());
                match classify(prop.value) {
                    Val::Str(s) if !own_shown => Ok(lossy(&self.heap.string(s)?)),
                    _ => Ok(String::new()),
                }
            }
            None => Ok(String::new()),
        }
    }

    /// Own keys to show, in JS property order (array indices first).
    fn own_keys(&self, p: u32, kind: u32) -> HeapResult<Vec<Key>> {
        let show_hidden = self.opts.show_hidden;
        let mut index_keys = Vec::new();
        let mut other_keys = Vec::new();
        let mut symbol_keys = Vec::new();
        for prop in self.heap.props(p)? {
            if prop.enumerable_symbol() {
                // Shown as `[Symbol(Symbol.iterator)]: …`, after the
                // string keys (Node's getOwnPropertySymbols).
                symbol_keys.push(Key {
                    enumerable: false,
                    value: prop.value,
                    name: prop.key,
                });
                continue;
            }
            if !prop.enumerable() && !show_hidden {
                continue;
            }
            let key = Key {
                enumerable: prop.enumerable(),
                value: prop.value,
                name: prop.key,
            };
            match array_index(&key.name) {
                Some(i) => index_keys.push((i, key)),
                None => other_keys.push(key),
            }
        }
        index_keys.sort_by_key(|(i, _)| *i);
        let mut keys: Vec<Key> = Vec::new();
        if show_hidden {
            if kind == KIND_ARRAY {
                let len = self.heap.array_len(p)?;
                keys.push(Key {
                    name: units("length"),
                    value: (len as f64).to_bits(),
                    enumerable: false,
                });
            } else if kind == KIND_FUNCTION {
                let arity = self.heap.function_arity(p)?;
                keys.push(Key {
                    name: units("length"),
                    value: (arity as f64).to_bits(),
                    enumerable: false,
                });
                let name_ptr = self.heap.u32(p + FN_NAME)?;
                if name_ptr != 0 {
                    keys.push(Key {
                        name: units("name"),
                        value: boxed(TAG_STRING, name_ptr),
                        enumerable: false,
                    });
                }
            }
        }
        keys.extend(index_keys.into_iter().map(|(_, k)| k));
        keys.extend(other_keys);
        keys.extend(symbol_keys);
        Ok(keys)
    }

    fn format_raw(&mut self, p: u32, recurse_times: usize) -> HeapResult<String> {
        let heap = self.heap;
        let kind = heap.kind(p)?;
        if kind == KIND_ITER {
            let what = if heap.iter_kind(p)? == ITER_STRING {
                "String"
            } else {
                "Array"
            };
            return Ok(format!("Object [{what} Iterator] {{}}"));
        }
        if !matches!(kind, KIND_OBJECT | KIND_ARRAY | KIND_FUNCTION) {
            return Err(HeapError(format!(
                "value points at a block of kind {kind} at {p:#x}"
            )));
        }
        let is_error = kind == KIND_OBJECT && heap.class(p)? == CLASS_ERROR;
        let internal_name = match kind {
            KIND_ARRAY => "Array",
            KIND_FUNCTION => "Function",
            _ => "Object",
        };
        let constructor: Option<String> = match self.constructor_name(p)? {
            Ctor::Null => None,
            Ctor::Named(n) => Some(n),
            Ctor::Unknown if is_error => Some(self.error_name(p)?),
            Ctor::Unknown => Some(internal_name.to_string()),
        };
        let ctor = constructor.as_deref();
        let tag = self.to_string_tag(p)?;
        let mut keys = self.own_keys(p, kind)?;
        let mut base = String::new();
        let mut braces = ["{".to_string(), "}".to_string()];
        let mut extras = Extras::Object;
        let mut array_formatter = false;
        let is_promise = kind == KIND_OBJECT && heap.class(p)? == CLASS_PROMISE;

        if kind == KIND_ARRAY {
            let len = heap.array_len(p)?;
            let prefix = if ctor != Some("Array") || !tag.is_empty() {
                get_prefix(ctor, &tag, "Array", &format!("({len})"))
            } else {
                String::new()
            };
            braces = [format!("{prefix}["), "]".to_string()];
            if len == 0 && keys.is_empty() {
                return Ok(format!("{}]", braces[0]));
            }
            extras = Extras::ArrayExtras;
            array_formatter = true;
        } else if is_promise {
            // Node's formatPromise: `Promise { <pending> }`, `Promise { 1 }`,
            // `Promise { <rejected> Error: x }`.
            braces[0] = format!("{}{{", get_prefix(ctor, &tag, "Promise", ""));
        } else if kind == KIND_FUNCTION {
            base = self.function_base(p, ctor, &tag)?;
            if keys.is_empty() {
                return Ok(base);
            }
        } else if ctor == Some("Object") && !is_error {
            if !tag.is_empty() {
                braces[0] = format!("{}{{", get_prefix(ctor, &tag, "Object", ""));
            }
            if keys.is_empty() {
                return Ok(format!("{}}}", braces[0]));
            }
        } else if is_error {
            base = self.format_error(p, ctor, &mut keys)?;
            if keys.is_empty() {
                return Ok(base);
            }
        } else {
            let style = get_prefix(ctor, &tag, internal_name, "");
            if keys.is_empty() {
                return Ok(format!("{style}{{}}"));
            }
            braces[0] = format!("{style}{{");
        }

        if self.beyond_depth(recurse_times) {
            let style = get_prefix(ctor, &tag, internal_name, "");
            let name = &style[..style.len() - 1];
            return Ok(if ctor.is_some() {
                format!("[{name}]")
            } else {
                name.to_string()
            });
        }
        let recurse_times = recurse_times + 1;
        self.seen.push(p);
        self.current_depth = recurse_times;
        let mut output = if array_formatter {
            self.format_array(p, recurse_times)?
        } else if is_promise {
            let state = f64::from_bits(heap.u64(p + SLOTS)?);
            if state == PROMISE_PENDING {
                vec!["<pending>".to_string()]
            } else {
                let result = heap.u64(p + SLOTS + 8)?;
                self.indentation_lvl += 2;
                let s = self.format_value(result, recurse_times);
                self.indentation_lvl -= 2;
                let s = s?;
                vec![if state == PROMISE_REJECTED {
                    format!("<rejected> {s}")
                } else {
                    s
                }]
            }
        } else {
            Vec::new()
        };
        for key in &keys {
            let entry = self.format_property(key, recurse_times)?;
            output.push(entry);
        }
        if let Some(i) = self.circular.iter().position(|&c| c == p) {
            let reference = format!("<ref *{}>", i + 1);
            base = if base.is_empty() {
                reference
            } else {
                format!("{reference} {base}")
            };
        }
        self.seen.pop();
        let value = if kind == KIND_ARRAY { Some(p) } else { None };
        self.reduce_to_single_string(output, &base, &braces, extras, recurse_times, value)
    }

    /// Node's `formatProperty` for object keys.
    fn format_property(&mut self, key: &Key, recurse_times: usize) -> HeapResult<String> {
        self.indentation_lvl += 2;
        let s = self.format_value(key.value, recurse_times);
        self.indentation_lvl -= 2;
        let s = s?;
        let name = if key.name == units("__proto__") {
            "['__proto__']".to_string()
        } else if !key.enumerable {
            format!("[{}]", escape_units(&key.name, true))
        } else if is_plain_key(&key.name) {
            lossy(&key.name)
        } else {
            str_escape(&key.name)
        };
        Ok(format!("{name}: {s}"))
    }

    /// An array element (formatProperty with kArrayType).
    fn format_element(&mut self, v: u64, recurse_times: usize) -> HeapResult<String> {
        self.indentation_lvl += 2;
        let s = self.format_value(v, recurse_times);
        self.indentation_lvl -= 2;
        s
    }

    /// Node's `formatArray` (+ `formatSpecialArray` for holes).
    fn format_array(&mut self, p: u32, recurse_times: usize) -> HeapResult<Vec<String>> {
        let len = self.heap.array_len(p)?;
        let max_length = (self.opts.max_array_length as u64).min(len as u64) as u32;
        let mut output = Vec::new();
        for i in 0..max_length {
            let v = self.heap.array_elem(p, i)?;
            if v == HOLE {
                return self.format_special_array(p, recurse_times, max_length, output, i);
            }
            output.push(self.format_element(v, recurse_times)?);
        }
        let remaining = len - max_length;
        if remaining > 0 {
            output.push(remaining_text(remaining as u64));
        }
        Ok(output)
    }

    fn format_special_array(
        &mut self,
        p: u32,
        recurse_times: usize,
        max_length: u32,
        mut output: Vec<String>,
        first_hole: u32,
    ) -> HeapResult<Vec<String>> {
        let heap = self.heap;
        let len = heap.array_len(p)?;
        let cap = heap.u32(p + ARR_CAP)?;
        let stored = len.min(cap);
        let max_length = max_length as usize;
        let mut index = first_hole as u64;
        let mut i = first_hole;
        while i < stored && output.len() < max_length {
            let v = heap.array_elem(p, i)?;
            if v == HOLE {
                i += 1;
                continue;
            }
            if i as u64 != index {
                let empty = i as u64 - index;
                output.push(format!(
                    "<{empty} empty item{}>",
                    if empty > 1 { "s" } else { "" }
                ));
                index = i as u64;
                if output.len() == max_length {
                    break;
                }
            }
            output.push(self.format_element(v, recurse_times)?);
            index += 1;
            i += 1;
        }
        let remaining = len as u64 - index;
        if output.len() != max_length {
            if remaining > 0 {
                output.push(format!(
                    "<{remaining} empty item{}>",
                    if remaining > 1 { "s" } else { "" }
                ));
            }
        } else if remaining > 0 {
            output.push(remaining_text(remaining));
        }
        Ok(output)
    }

    fn function_base(&self, p: u32, ctor: Option<&str>, tag: &str) -> HeapResult<String> {
        let class = self.heap.class(p)?;
        let ty = if class == CLASS_GENERATOR_FUNCTION {
            "GeneratorFunction"
        } else if class == CLASS_ASYNC_FUNCTION {
            "AsyncFunction"
        } else if class == CLASS_ASYNC_GENERATOR_FUNCTION {
            "AsyncGeneratorFunction"
        } else {
            ctor.filter(|c| {
                matches!(
                    *c,
                    "AsyncFunction" | "GeneratorFunction" | "AsyncGeneratorFunction"
                )
            })
            .unwrap_or("Function")
        };
        // Async functions inherit from Function.prototype here (switchyard
        // has no %AsyncFunction.prototype%, whose constructor Node shows).
        let async_class = class == CLASS_ASYNC_FUNCTION || class == CLASS_ASYNC_GENERATOR_FUNCTION;
        let ctor = if async_class && ctor == Some("Function") {
            Some(ty)
        } else {
            ctor
        };
        let mut base = format!("[{ty}");
        if ctor.is_none() {
            base.push_str(" (null prototype)");
        }
        let name = self.heap.function_name(p)?;
        if name.is_empty() {
            base.push_str(" (anonymous)");
        } else {
            base.push_str(": ");
            base.push_str(&lossy(&name));
        }
        base.push(']');
        if let Some(c) = ctor {
            if c != ty {
                base.push(' ');
                base.push_str(c);
            }
        }
        if !tag.is_empty() && ctor != Some(tag) {
            base.push_str(&format!(" [{tag}]"));
        }
        Ok(base)
    }

    /// `err.name` as Node reads it (`'Error'` when null or undefined).
    fn error_name(&self, p: u32) -> HeapResult<String> {
        let v = self.heap.get(p, "name")?;
        match classify(v) {
            Val::Undefined | Val::Null => Ok("Error".to_string()),
            _ => to_js_string(self.heap, v),
        }
    }

    /// Node's `formatError`.
    fn format_error(
        &mut self,
        p: u32,
        ctor: Option<&str>,
        keys: &mut Vec<Key>,
    ) -> HeapResult<String> {
        let heap = self.heap;
        let name = self.error_name(p)?;
        let stack_prop = heap.get(p, "stack")?;
        let mut stack = if let Val::Str(s) = classify(stack_prop) {
            lossy(&heap.string(s)?)
        } else {
            let mode = match &self.root_error {
                Some((root, mode)) if *root == p => mode.clone(),
                _ => ErrorStack::Anonymous,
            };
            let header = error_to_string(heap, p)?;
            match mode {
                ErrorStack::Anonymous => format!("{header}\n    at <anonymous>"),
                ErrorStack::At(loc) => format!("{header}\n    at {loc}"),
                ErrorStack::Omitted => header,
            }
        };
        let omit_brackets =
            matches!(&self.root_error, Some((root, ErrorStack::Omitted)) if *root == p);

        // removeDuplicateErrorKeys
        if !self.opts.show_hidden && !keys.is_empty() {
            for n in ["name", "message", "stack"] {
                if let Some(i) = keys.iter().position(|k| k.name == units(n)) {
                    let remove = match classify(heap.get(p, n)?) {
                        Val::Str(s) => stack.contains(&lossy(&heap.string(s)?)),
                        _ => true,
                    };
                    if remove {
                        keys.remove(i);
                    }
                }
            }
        }
        for extra in ["cause", "errors"] {
            if keys.iter().any(|k| k.name == units(extra)) {
                continue;
            }
            if let Some((owner, prop)) = heap.lookup(p, extra)? {
                let is_array =
                    matches!(classify(prop.value), Val::Object(a) if heap.kind(a)? == KIND_ARRAY);
                if extra == "errors" && !is_array {
                    continue;
                }
                keys.push(Key {
                    name: units(extra),
                    value: prop.value,
                    enumerable: owner != p || prop.enumerable(),
                });
            }
        }

        stack = improve_stack(&stack, ctor, &name);

        // Ignore the message if it is contained in the stack.
        let message = match classify(heap.get(p, "message")?) {
            Val::Str(s) => lossy(&heap.string(s)?),
            _ => String::new(),
        };
        let mut pos = None;
        if !message.is_empty() {
            if let Some(i) = stack.find(&message) {
                // JS: `(err.message && stack.indexOf(err.message)) || -1`
                if i != 0 {
                    pos = Some(i + message.len());
                }
            }
        }
        let stack_start = stack[pos.unwrap_or(0)..].find("\n    at");
        if stack_start.is_none() && !omit_brackets {
            stack = format!("[{stack}]");
        }
        if self.indentation_lvl != 0 {
            let indentation = " ".repeat(self.indentation_lvl);
            stack = stack.replace('\n', &format!("\n{indentation}"));
        }
        Ok(stack)
    }

    /// Node's `groupArrayElements`.
    fn group_array_elements(
        &self,
        output: Vec<String>,
        value: Option<u32>,
    ) -> HeapResult<Vec<String>> {
        let mut total_length = 0usize;
        let mut max_length = 0usize;
        let mut output_length = output.len();
        if self.opts.max_array_length < output.len() {
            // Leave the "... more items" entry out of the grouping.
            output_length -= 1;
        }
        let separator_space = 2;
        let data_len: Vec<usize> = output[..output_length]
            .iter()
            .map(|s| string_width(s))
            .collect();
        for &len in &data_len {
            total_length += len + separator_space;
            max_length = max_length.max(len);
        }
        let actual_max = max_length + separator_space;
        if actual_max * 3 + self.indentation_lvl < self.opts.break_length
            && (total_length as f64 / actual_max as f64 > 5.0 || max_length <= 6)
        {
            let approx_char_heights = 2.5;
            let average_bias =
                (actual_max as f64 - total_length as f64 / output.len() as f64).sqrt();
            let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
            let columns = [
                js_round(
                    (approx_char_heights * biased_max * output_length as f64).sqrt() / biased_max,
                ),
                ((self.opts.break_length - self.indentation_lvl) as f64 / actual_max as f64)
                    .floor(),
                (self.opts.compact * 4) as f64,
                15.0,
            ]
            .into_iter()
            .fold(f64::INFINITY, f64::min);
            if columns <= 1.0 {
                return Ok(output);
            }
            let columns = columns as usize;
            let mut max_line_length = Vec::with_capacity(columns);
            for i in 0..columns {
                let mut line_max = 0;
                let mut j = i;
                while j < output_length {
                    line_max = line_max.max(data_len[j]);
                    j += columns;
                }
                max_line_length.push(line_max + separator_space);
            }
            // Numbers are right-aligned, everything else left-aligned.
            let mut pad_start_order = true;
            if let Some(arr) = value {
                for i in 0..output.len() {
                    let v = self.heap.array_elem(arr, i as u32)?;
                    if !is_number(v) {
                        pad_start_order = false;
                        break;
                    }
                }
            }
            let mut tmp = Vec::new();
            let mut i = 0;
            while i < output_length {
                let max = (i + columns).min(output_length);
                let mut line = String::new();
                let mut j = i;
                while j < max - 1 {
                    let padding = max_line_length[j - i] + js_len(&output[j]) - data_len[j];
                    let cell = format!("{}, ", output[j]);
                    if pad_start_order {
                        line.push_str(&pad_start(&cell, padding));
                    } else {
                        line.push_str(&pad_end(&cell, padding));
                    }
                    j += 1;
                }
                if pad_start_order {
                    let padding =
                        max_line_length[j - i] + js_len(&output[j]) - data_len[j] - separator_space;
                    line.push_str(&pad_start(&output[j], padding));
                } else {
                    line.push_str(&output[j]);
                }
                tmp.push(line);
                i += columns;
            }
            if self.opts.max_array_length < output.len() {
                tmp.push(output[output_length].clone());
            }
            return Ok(tmp);
        }
        Ok(output)
    }

    /// Node's `isBelowBreakLength`.
    fn is_below_break_length(&self, output: &[String], start: usize, base: &str) -> bool {
        let mut total_length = output.len() + start;
        if total_length + output.len() > self.opts.break_length {
            return false;
        }
        for entry in output {
            total_length += js_len(entry);
            if total_length > self.opts.break_length {
                return false;
            }
        }
        base.is_empty() || !base.contains('\n')
    }

    /// Node's `reduceToSingleString` (numeric `compact` mode).
    fn reduce_to_single_string(
        &self,
        output: Vec<String>,
        base: &str,
        braces: &[String; 2],
        extras: Extras,
        recurse_times: usize,
        value: Option<u32>,
    ) -> HeapResult<String> {
        let mut output = output;
        let entries = output.len();
        if self.opts.compact >= 1 {
            if extras == Extras::ArrayExtras && entries > 6 {
                output = self.group_array_elements(output, value)?;
            }
            if (self.current_depth as i64 - recurse_times as i64) < self.opts.compact as i64
                && entries == output.len()
            {
                let start =
                    output.len() + self.indentation_lvl + js_len(&braces[0]) + js_len(base) + 10;
                if self.is_below_break_length(&output, start, base) {
                    let joined = output.join(", ");
                    if !joined.contains('\n') {
                        let base = if base.is_empty() {
                            String::new()
                        } else {
                            format!("{base} ")
                        };
                        return Ok(format!("{base}{} {joined} {}", braces[0], braces[1]));
                    }
                }
            }
        }
        let indentation = format!("\n{}", " ".repeat(self.indentation_lvl));
        let base = if base.is_empty() {
            String::new()
        } else {
            format!("{base} ")
        };
        Ok(format!(
            "{base}{}{indentation}  {}{indentation}{}",
            braces[0],
            output.join(&format!(",{indentation}  ")),
            braces[1]
        ))
    }
}

/// JS `Math.round`: halves round towards +Infinity.
fn js_round(x: f64) -> f64 {
    let r = x.floor();
    if x - r >= 0.5 {
        r + 1.0
    } else {
        r
    }
}

/// Node's `getPrefix`.
fn get_prefix(ctor: Option<&str>, tag: &str, fallback: &str, size: &str) -> String {
    match ctor {
        None => {
            if !tag.is_empty() && fallback != tag {
                format!("[{fallback}{size}: null prototype] [{tag}] ")
            } else {
                format!("[{fallback}{size}: null prototype] ")
            }
        }
        Some(c) => {
            if !tag.is_empty() && c != tag {
                format!("{c}{size} [{tag}] ")
            } else {
                format!("{c}{size} ")
            }
        }
    }
}

/// Node's `improveStack`: mentions the constructor when it differs from
/// the error's name (`E [Error]: msg` for `class E extends Error`).
fn improve_stack(stack: &str, ctor: Option<&str>, name: &str) -> String {
    let mut len = name.len();
    let looks_normal = name.ends_with("Error")
        && stack.starts_with(name)
        && (stack.len() == len || matches!(stack.as_bytes()[len], b':' | b'\n'));
    if ctor.is_some() && !looks_normal {
        return stack.to_string();
    }
    let mut fallback = "Error".to_string();
    if ctor.is_none() {
        let found = null_proto_error_name(stack);
        len = found.len();
        fallback = if found.is_empty() {
            "Error".to_string()
        } else {
            found
        };
    }
    let prefix = get_prefix(ctor, "", &fallback, "");
    let prefix = &prefix[..prefix.len() - 1];
    if name == prefix {
        return stack.to_string();
    }
    if prefix.contains(name) {
        if len == 0 {
            format!("{prefix}: {stack}")
        } else {
            format!("{prefix}{}", &stack[len..])
        }
    } else {
        format!("{prefix} [{name}]{}", &stack[len..])
    }
}

/// `/^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/` or
/// `/^([a-z_A-Z0-9-]*Error)$/` on a stack; the captured name or "".
fn null_proto_error_name(stack: &str) -> String {
    let b = stack.as_bytes();
    if !b.is_empty() && b[0].is_ascii_uppercase() {
        let allowed = |c: u8| c.is_ascii_alphanumeric() || b"_ []()-".contains(&c);
        let mut end = 1;
        while end < b.len() && allowed(b[end]) {
            end += 1;
        }
        if end > 1 && (stack[end..].starts_with(':') || stack[end..].starts_with("\n    at")) {
            return stack[..end].to_string();
        }
    }
    if stack.ends_with("Error")
        && stack
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
    {
        return stack.to_string();
    }
    String::new()
}

/// `Error.prototype.toString` of an error object.
fn error_to_string(heap: &Heap, p: u32) -> HeapResult<String> {
    let name = match classify(heap.get(p, "name")?) {
        Val::Undefined => "Error".to_string(),
        _ => to_js_string(heap, heap.get(p, "name")?)?,
    };
    let msg = match classify(heap.get(p, "message")?) {
        Val::Undefined => String::new(),
        _ => to_js_string(heap, heap.get(p, "message")?)?,
    };
    Ok(if name.is_empty() {
        msg
    } else if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    })
}

/// Longest array `String(array)` / `%j` convert (Node would fail with
/// "Invalid string length" well before the host runs out of memory).
const MAX_CONVERTED_LENGTH: u32 = 1 << 24;

/// JS `String(v)` for the values we can convert without running JS code:
/// arrays join their elements, errors use `Error.prototype.toString`,
/// other objects are `[object Object]`, functions print as `[Function: f]`.
pub fn to_js_string(heap: &Heap, v: u64) -> HeapResult<String> {
    let mut visiting = Vec::new();
    to_js_string_inner(heap, v, &mut visiting)
}

fn to_js_string_inner(heap: &Heap, v: u64, visiting: &mut Vec<u32>) -> HeapResult<String> {
    Ok(match classify(v) {
        Val::Num(x) => number_to_string(x),
        Val::Str(p) => lossy(&heap.string(p)?),
        Val::Undefined => "undefined".to_string(),
        Val::Null => "null".to_string(),
        Val::Bool(b) => b.to_string(),
        Val::Symbol(id) => symbol_to_string(id),
        Val::Function(p) => {
            let name = heap.function_name(p)?;
            if name.is_empty() {
                "[Function (anonymous)]".to_string()
            } else {
                format!("[Function: {}]", lossy(&name))
            }
        }
        Val::Object(p) => match heap.kind(p)? {
            KIND_ARRAY => {
                // Array.prototype.join: cycles print as "".
                if visiting.contains(&p) {
                    return Ok(String::new());
                }
                visiting.push(p);
                let len = heap.array_len(p)?;
                if len > MAX_CONVERTED_LENGTH {
                    return Err(HeapError(format!(
                        "array of length {len} is too long to convert to a string"
                    )));
                }
                let mut parts = Vec::new();
                for i in 0..len {
                    let e = heap.array_elem(p, i)?;
                    parts.push(match classify(e) {
                        Val::Undefined | Val::Null => String::new(),
                        _ => to_js_string_inner(heap, e, visiting)?,
                    });
                }
                visiting.pop();
                parts.join(",")
            }
            KIND_OBJECT if heap.class(p)? == CLASS_ERROR => error_to_string(heap, p)?,
            _ => "[object Object]".to_string(),
        },
    })
}

/// JS `Number(v)` for values that convert without running JS code.
fn to_js_number(heap: &Heap, v: u64) -> HeapResult<f64> {
    Ok(match classify(v) {
        Val::Num(x) => x,
        Val::Str(p) => string_to_number(&heap.string(p)?),
        Val::Undefined => f64::NAN,
        Val::Null => 0.0,
        Val::Bool(b) => b as u8 as f64,
        Val::Symbol(_) | Val::Function(_) => f64::NAN,
        Val::Object(_) => string_to_number(&units(&to_js_string(heap, v)?)),
    })
}

/// `JSON.stringify(v)` (for `%j`); `None` for `undefined` results.
fn json_stringify(heap: &Heap, v: u64) -> HeapResult<Result<Option<String>, ()>> {
    let mut stack = Vec::new();
    json_value(heap, v, &mut stack)
}

fn json_quote(s: &[u16]) -> String {
    let mut out = String::from("\"");
    let mut i = 0;
    while i < s.len() {
        let u = s[i];
        match u {
            0x22 => out.push_str("\\\""),
            0x5C => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            0x0C => out.push_str("\\f"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            0x09 => out.push_str("\\t"),
            0x00..=0x1F => out.push_str(&format!("\\u{u:04x}")),
            0xD800..=0xDBFF if i + 1 < s.len() && (0xDC00..=0xDFFF).contains(&s[i + 1]) => {
                out.push_str(&lossy(&s[i..i + 2]));
                i += 1;
            }
            0xD800..=0xDFFF => out.push_str(&format!("\\u{u:04x}")),
            _ => out.push(char::from_u32(u as u32).unwrap()),
        }
        i += 1;
    }
    out.push('"');
    out
}

/// `Err(())` means a cycle was found (JSON.stringify throws).
fn json_value(heap: &Heap, v: u64, stack: &mut Vec<u32>) -> HeapResult<Result<Option<String>, ()>> {
    Ok(Ok(Some(match classify(v) {
        Val::Num(x) if x.is_finite() => number_to_string(x),
        Val::Num(_) | Val::Null => "null".to_string(),
        Val::Bool(b) => b.to_string(),
        Val::Str(p) => json_quote(&heap.string(p)?),
        Val::Undefined | Val::Symbol(_) | Val::Function(_) => return Ok(Ok(None)),
        Val::Object(p) => {
            if stack.contains(&p) {
                return Ok(Err(()));
            }
            let kind = heap.kind(p)?;
            if kind == KIND_ITER {
                return Ok(Ok(Some("{}".to_string())));
            }
            stack.push(p);
            let mut parts = Vec::new();
            let text = if kind == KIND_ARRAY {
                let len = heap.array_len(p)?;
                if len > MAX_CONVERTED_LENGTH {
                    return Err(HeapError(format!(
                        "array of length {len} is too long to stringify"
                    )));
                }
                for i in 0..len {
                    let e = heap.array_elem(p, i)?;
                    match json_value(heap, e, stack)? {
                        Err(()) => return Ok(Err(())),
                        Ok(s) => parts.push(s.unwrap_or_else(|| "null".to_string())),
                    }
                }
                format!("[{}]", parts.join(","))
            } else {
                let mut index_keys = Vec::new();
                let mut other_keys = Vec::new();
                for prop in heap.props(p)? {
                    if !prop.enumerable() {
                        continue;
                    }
                    match array_index(&prop.key) {
                        Some(i) => index_keys.push((i, prop)),
                        None => other_keys.push(prop),
                    }
                }
                index_keys.sort_by_key(|(i, _)| *i);
                for prop in index_keys.into_iter().map(|(_, p)| p).chain(other_keys) {
                    match json_value(heap, prop.value, stack)? {
                        Err(()) => return Ok(Err(())),
                        Ok(Some(s)) => parts.push(format!("{}:{s}", json_quote(&prop.key))),
                        Ok(None) => {}
                    }
                }
                format!("{{{}}}", parts.join(","))
            };
            stack.pop();
            text
        }
    })))
}

// ---- entry points ---------------------------------------------------------------

/// `util.inspect(v, opts)`.
pub fn inspect(heap: &Heap, v: u64, opts: &InspectOptions) -> HeapResult<String> {
    Ctx::new(heap, opts.clone()).format_value(v, 0)
}

/// What Node prints for an uncaught exception `v` (the essential part:
/// no source excerpt, no `Node.js v20` footer): an error object as
/// `inspect` shows it with the given stack, a string raw, anything else
/// inspected.
pub fn format_uncaught(heap: &Heap, v: u64, stack: ErrorStack) -> HeapResult<String> {
    match classify(v) {
        Val::Str(p) => Ok(lossy(&heap.string(p)?)),
        Val::Object(p) => {
            let mut ctx = Ctx::new(heap, InspectOptions::default());
            if heap.kind(p)? == KIND_OBJECT && heap.class(p)? == CLASS_ERROR {
                ctx.root_error = Some((p, stack));
            }
            ctx.format_value(v, 0)
        }
        _ => inspect(heap, v, &InspectOptions::default()),
    }
}

/// What Node prints on stderr when a promise rejection is never handled
/// (its default `--unhandled-rejections=throw` mode): an error reason like
/// an uncaught exception (`Error: late`, its extra properties, and where it
/// was thrown when the prelude recorded that: the hidden `__sy_throw_pos`
/// of an error thrown in an async function, a reaction or an executor;
/// there is no creation-site stack), any other reason wrapped in Node's
/// `UnhandledPromiseRejection` error with V8's side-effect-free ToString
/// of the reason (`"oops"`, `"42"`, `"#<Object>"`, `"[object Array]"`).
pub fn format_unhandled_rejection(heap: &Heap, v: u64, file_name: &str) -> HeapResult<String> {
    if let Val::Object(p) = classify(v) {
        if heap.kind(p)? == KIND_OBJECT && heap.class(p)? == CLASS_ERROR {
            let pos = heap
                .get_own(p, "__sy_throw_pos")?
                .map(|prop| f64::from_bits(prop.value))
                .filter(|x| x.is_finite() && *x > 0.0)
                .map(|x| decode_pos(x as i32));
            let stack = match pos {
                Some((line, 0)) => ErrorStack::At(format!("{file_name}:{line}")),
                Some((line, col)) => ErrorStack::At(format!("{file_name}:{line}:{col}")),
                None => ErrorStack::Omitted,
            };
            return format_uncaught(heap, v, stack);
        }
    }
    let reason = match classify(v) {
        Val::Str(p) => lossy(&heap.string(p)?),
        Val::Object(p) if heap.kind(p)? == KIND_ARRAY => "[object Array]".to_string(),
        Val::Object(p) => {
            let ctx = Ctx::new(heap, InspectOptions::default());
            match ctx.constructor_name(p)? {
                Ctor::Named(n) => format!("#<{n}>"),
                _ => "[object Object]".to_string(),
            }
        }
        Val::Function(_) => "[object Function]".to_string(),
        _ => inspect(heap, v, &InspectOptions::default())?,
    };
    Ok(format!(
        "UnhandledPromiseRejection: This error originated either by throwing inside of an async \
         function without a catch block, or by rejecting a promise which was not handled with \
         .catch(). The promise rejected with the reason \"{reason}\". {{\n  code: \
         'ERR_UNHANDLED_REJECTION'\n}}"
    ))
}

/// What `console.log(...args)` prints (without the newline): Node's
/// `formatWithOptions`, including `%s %d %i %f %j %o %O %c %%` directives
/// in a leading string.
pub fn format_log_args(heap: &Heap, args: &[u64]) -> HeapResult<String> {
    let default = InspectOptions::default();
    let mut out = String::new();
    let mut join = "";
    let mut a = 0;
    if let Some(&first) = args.first() {
        if let Val::Str(p) = classify(first) {
            let f = heap.string(p)?;
            if args.len() == 1 {
                return Ok(lossy(&f));
            }
            let mut last_pos = 0;
            let mut i = 0;
            while i + 1 < f.len() {
                if f[i] == b'%' as u16 {
                    i += 1;
                    let next = f[i];
                    if a + 1 != args.len() {
                        let temp = match next {
                            0x73 => {
                                // %s
                                a += 1;
                                let arg = args[a];
                                match classify(arg) {
                                    Val::Num(x) => format_number(x),
                                    Val::Object(_) => {
                                        let opts = InspectOptions {
                                            depth: Some(0),
                                            ..default.clone()
                                        };
                                        inspect(heap, arg, &opts)?
                                    }
                                    _ => to_js_string(heap, arg)?,
                                }
                            }
                            0x6A => {
                                // %j
                                a += 1;
                                match json_stringify(heap, args[a])? {
                                    Ok(Some(s)) => s,
                                    Ok(None) => "undefined".to_string(),
                                    Err(()) => "[Circular]".to_string(),
                                }
                            }
                            0x64 => {
                                // %d
                                a += 1;
                                match classify(args[a]) {
                                    Val::Symbol(_) => "NaN".to_string(),
                                    _ => format_number(to_js_number(heap, args[a])?),
                                }
                            }
                            0x4F => {
                                // %O
                                a += 1;
                                inspect(heap, args[a], &default)?
                            }
                            0x6F => {
                                // %o
                                a += 1;
                                let opts = InspectOptions {
                                    show_hidden: true,
                                    depth: Some(4),
                                    ..default.clone()
                                };
                                inspect(heap, args[a], &opts)?
                            }
                            0x69 => {
                                // %i
                                a += 1;
                                match classify(args[a]) {
                                    Val::Symbol(_) => "NaN".to_string(),
                                    _ => format_number(parse_int(
                                        &units(&to_js_string(heap, args[a])?),
                                        0,
                                    )),
                                }
                            }
                            0x66 => {
                                // %f
                                a += 1;
                                match classify(args[a]) {
                                    Val::Symbol(_) => "NaN".to_string(),
                                    _ => format_number(parse_float(&units(&to_js_string(
                                        heap, args[a],
                                    )?))),
                                }
                            }
                            0x63 => {
                                // %c: CSS, ignored
                                a += 1;
                                String::new()
                            }
                            0x25 => {
                                // %%
                                out.push_str(&lossy(&f[last_pos..i]));
                                last_pos = i + 1;
                                i += 1;
                                continue;
                            }
                            _ => {
                                i += 1;
                                continue;
                            }
                        };
                        if last_pos != i - 1 {
                            out.push_str(&lossy(&f[last_pos..i - 1]));
                        }
                        out.push_str(&temp);
                        last_pos = i + 1;
                    } else if next == 0x25 {
                        out.push_str(&lossy(&f[last_pos..i]));
                        last_pos = i + 1;
                    }
                }
                i += 1;
            }
            if last_pos != 0 {
                a += 1;
                join = " ";
                if last_pos < f.len() {
                    out.push_str(&lossy(&f[last_pos..]));
                }
            }
        }
    }
    while a < args.len() {
        let v = args[a];
        out.push_str(join);
        match classify(v) {
            Val::Str(p) => out.push_str(&lossy(&heap.string(p)?)),
            _ => out.push_str(&inspect(heap, v, &default)?),
        }
        join = " ";
        a += 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap_builder::*;

    fn log(b: &HeapBuilder, args: &[u64]) -> String {
        format_log_args(&Heap::new(b.bytes()), args).unwrap()
    }

    /// A class `name` whose prototype (inheriting from `parent_proto`) has
    /// a hidden `constructor`; returns the prototype.
    fn class(b: &mut HeapBuilder, name: &str, parent_proto: u32) -> u32 {
        let ctor = b.function(name, 0);
        let proto = b.object(parent_proto, &[]);
        b.set_prop(proto, "constructor", PROP_HIDDEN, func(ctor));
        proto
    }

    #[test]
    fn class_instances_show_their_constructor() {
        // Expected output from node v20 for the same values.
        let mut b = HeapBuilder::with_constructors();
        let op = b.object_proto;
        let foo = class(&mut b, "Foo", op);
        let bar = class(&mut b, "Bar", op);
        let f = b.object(foo, &[("a", num(1.0))]);
        let empty = b.object(bar, &[]);
        let f2 = b.object(foo, &[("a", num(1.0))]);
        let z = b.plain(&[("z", obj(f2))]);
        let y = b.plain(&[("y", obj(z))]);
        let x = b.plain(&[("x", obj(y))]);
        assert_eq!(
            log(&b, &[obj(f), obj(empty), obj(x)]),
            "Foo { a: 1 } Bar {} { x: { y: { z: [Foo] } } }"
        );
    }

    #[test]
    fn subclassed_errors_and_arrays() {
        let mut b = HeapBuilder::with_constructors();
        let error_proto = b.error_protos[ERR_ERROR as usize];
        let e_proto = class(&mut b, "E", error_proto);
        let e = b.error(ERR_ERROR, "hi");
        b.write_u32(e + OBJ_PROTO, e_proto);
        assert_eq!(log(&b, &[obj(e)]), "E [Error]: hi\n    at <anonymous>");

        let ap = b.array_proto;
        let my_arr = class(&mut b, "MyArr", ap);
        let a = b.array_with_proto(my_arr, &[num(1.0), num(2.0)]);
        assert_eq!(log(&b, &[obj(a)]), "MyArr(2) [ 1, 2 ]");
    }

    #[test]
    fn iterators_and_function_kinds() {
        let mut b = HeapBuilder::new();
        let arr = b.array(&[]);
        let it = b.iterator(ITER_ARRAY, obj(arr));
        let s = b.string_value("");
        let sit = b.iterator(ITER_STRING, s);
        assert_eq!(
            log(&b, &[obj(it), obj(sit)]),
            "Object [Array Iterator] {} Object [String Iterator] {}"
        );
        // Generator/async functions are told apart by their prototype's
        // constructor (GeneratorFunction.prototype, AsyncFunction.prototype).
        let fp = b.function_proto;
        let gen_proto = class(&mut b, "GeneratorFunction", fp);
        let async_proto = class(&mut b, "AsyncFunction", fp);
        let g = b.function("g", 0);
        b.write_u32(g + OBJ_PROTO, gen_proto);
        let af = b.function("af", 0);
        b.write_u32(af + OBJ_PROTO, async_proto);
        let anon = b.function("", 0);
        b.write_u32(anon + OBJ_PROTO, async_proto);
        let list = b.array(&[func(g), func(af), func(anon)]);
        assert_eq!(
            log(&b, &[obj(list)]),
            "[\n  [GeneratorFunction: g],\n  [AsyncFunction: af],\n  [AsyncFunction (anonymous)]\n]"
        );
    }

    #[test]
    fn escapes_and_quotes() {
        let e = |s: &str| str_escape(&s.encode_utf16().collect::<Vec<_>>());
        assert_eq!(e("plain"), "'plain'");
        assert_eq!(e("it's"), "\"it's\"");
        assert_eq!(e("'\""), "`'\"`");
        assert_eq!(e("'\"`"), "'\\'\"`'");
        assert_eq!(e("'\"${"), "'\\'\"${'");
        assert_eq!(e("a\nb\t\u{1b}\u{7f}\\"), "'a\\nb\\t\\x1B\\x7F\\\\'");
        assert_eq!(str_escape(&[0xD800, 0x61]), "'\\ud800a'");
    }

    #[test]
    fn js_round_rounds_halves_up() {
        assert_eq!(js_round(2.5), 3.0);
        assert_eq!(js_round(-2.5), -2.0);
        assert_eq!(js_round(2.4), 2.0);
    }
}
