// switchyard prelude: json.js
//
// JSON.stringify (replacer function or property list, space, toJSON, V8's
// circular-structure message) and JSON.parse (with reviver, V8's error
// messages).

var JSON = {};

// ---- stringify -----------------------------------------------------------------

function __prelude_hex4(c) {
  var s = __sy_new_array(4);
  for (var shift = 12; shift >= 0; shift -= 4) {
    __sy_array_push(s, __sy_from_char_code(__sy_char_code_at(__prelude_DIGITS, (c >> shift) & 15)));
  }
  return __sy_concat_all(s);
}

function __prelude_json_escape(c) {
  if (c === 34) return "\\\"";
  if (c === 92) return "\\\\";
  if (c === 8) return "\\b";
  if (c === 9) return "\\t";
  if (c === 10) return "\\n";
  if (c === 12) return "\\f";
  if (c === 13) return "\\r";
  return __sy_str_concat("\\u", __prelude_hex4(c));
}

// QuoteJSONString.
function __prelude_json_quote(s) {
  var n = __sy_str_len(s);
  var i = 0;
  var c;
  for (; i < n; i++) {
    c = __sy_char_code_at(s, i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xD800 && c <= 0xDFFF)) break;
  }
  var parts = __sy_new_array(3);
  __sy_array_push(parts, "\"");
  if (i === n) {
    __sy_array_push(parts, s);
    __sy_array_push(parts, "\"");
    return __sy_concat_all(parts);
  }
  var start = 0;
  for (; i < n; i++) {
    c = __sy_char_code_at(s, i);
    if (c >= 32 && c !== 34 && c !== 92 && (c < 0xD800 || c > 0xDFFF)) continue;
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
      var d = __sy_char_code_at(s, i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        i++;
        continue;
      }
    }
    if (start < i) __sy_array_push(parts, __sy_substring(s, start, i));
    __sy_array_push(parts, __prelude_json_escape(c));
    start = i + 1;
  }
  if (start < n) __sy_array_push(parts, __sy_substring(s, start, n));
  __sy_array_push(parts, "\"");
  return __sy_concat_all(parts);
}

// The key as a string (array indices travel as numbers).
function __prelude_json_key(key) {
  return __sy_is_number(key) ? __sy_to_string(key) : key;
}

// SerializeJSONProperty steps 1-4: toJSON, then the replacer function.
function __prelude_json_resolve(st, holder, key, value) {
  if (__sy_is_object(value)) {
    var toJSON = value.toJSON;
    if (__sy_is_function(toJSON)) value = value.toJSON(__prelude_json_key(key));
  }
  if (st.replacerFn !== undefined) value = __prelude_call2(st.replacerFn, holder, __prelude_json_key(key), value);
  return value;
}

function __prelude_json_serializable(v) {
  return v !== undefined && !__sy_is_function(v);
}

function __prelude_json_key_text(key) {
  if (__sy_is_number(key)) return __sy_str_concat("index ", __sy_to_string(key));
  if (__sy_str_len(key) === 0) return "<anonymous>";
  return __sy_str_concat(__sy_str_concat("property '", key), "'");
}

// V8's message for a cycle: the path from the repeated object to the key
// that closes the circle (at most two lines after the start, "...", and
// the last line).
function __prelude_json_circular(st, startIndex, lastKey) {
  var objs = st.stackObjs;
  var keys = st.stackKeys;
  var size = __sy_array_len(objs);
  var parts = __sy_new_array(0);
  __sy_array_push(parts, "Converting circular structure to JSON\n    --> starting at object with constructor '");
  __sy_array_push(parts, __prelude_constructor_name(objs[startIndex]));
  __sy_array_push(parts, "'");
  var index = startIndex + 1;
  var prefixEnd = index + 2 < size ? index + 2 : size;
  for (; index < prefixEnd; index++) __prelude_json_circular_line(parts, keys[index], objs[index]);
  if (size > index + 1) __sy_array_push(parts, "\n    |     ...");
  if (index < size - 1) index = size - 1;
  for (; index < size; index++) __prelude_json_circular_line(parts, keys[index], objs[index]);
  __sy_array_push(parts, "\n    --- ");
  __sy_array_push(parts, __prelude_json_key_text(lastKey));
  __sy_array_push(parts, " closes the circle");
  __sy_throw_type_error(__sy_concat_all(parts));
}

function __prelude_json_circular_line(parts, key, obj) {
  __sy_array_push(parts, "\n    |     ");
  __sy_array_push(parts, __prelude_json_key_text(key));
  __sy_array_push(parts, " -> object with constructor '");
  __sy_array_push(parts, __prelude_constructor_name(obj));
  __sy_array_push(parts, "'");
}

function __prelude_json_enter(st, key, value) {
  var objs = st.stackObjs;
  var n = __sy_array_len(objs);
  for (var i = 0; i < n; i++) {
    if (objs[i] === value) __prelude_json_circular(st, i, key);
  }
  __sy_array_push(objs, value);
  __sy_array_push(st.stackKeys, key);
}

function __prelude_json_leave(st) {
  var n = __sy_array_len(st.stackObjs) - 1;
  __sy_array_set_len(st.stackObjs, n);
  __sy_array_set_len(st.stackKeys, n);
}

// Writes the JSON text of a resolved, serializable value to st.out.
function __prelude_json_write(st, key, value) {
  var out = st.out;
  if (value === null) __sy_array_push(out, "null");
  else if (value === true) __sy_array_push(out, "true");
  else if (value === false) __sy_array_push(out, "false");
  else if (__sy_is_string(value)) __sy_array_push(out, __prelude_json_quote(value));
  else if (__sy_is_number(value)) {
    __sy_array_push(out, value === value && value !== 1 / 0 && value !== -1 / 0 ? __sy_to_string(value) : "null");
  } else if (__sy_is_array(value)) __prelude_json_array(st, key, value);
  else __prelude_json_object(st, key, value);
}

function __prelude_json_object(st, key, value) {
  __prelude_json_enter(st, key, value);
  var out = st.out;
  var stepback = st.indent;
  var gap = st.gap;
  var hasGap = __sy_str_len(gap) > 0;
  var indent = __sy_str_concat(stepback, gap);
  st.indent = indent;
  var keys = st.propertyList !== undefined ? st.propertyList : __sy_own_keys(value);
  var n = __sy_array_len(keys);
  var first = true;
  __sy_array_push(out, "{");
  for (var i = 0; i < n; i++) {
    var k = keys[i];
    var v = __prelude_json_resolve(st, value, k, value[k]);
    if (!__prelude_json_serializable(v)) continue;
    if (!first) __sy_array_push(out, ",");
    first = false;
    if (hasGap) {
      __sy_array_push(out, "\n");
      __sy_array_push(out, indent);
    }
    __sy_array_push(out, __prelude_json_quote(k));
    __sy_array_push(out, hasGap ? ": " : ":");
    __prelude_json_write(st, k, v);
  }
  if (!first && hasGap) {
    __sy_array_push(out, "\n");
    __sy_array_push(out, stepback);
  }
  __sy_array_push(out, "}");
  st.indent = stepback;
  __prelude_json_leave(st);
}

function __prelude_json_array(st, key, value) {
  __prelude_json_enter(st, key, value);
  var out = st.out;
  var stepback = st.indent;
  var gap = st.gap;
  var hasGap = __sy_str_len(gap) > 0;
  var indent = __sy_str_concat(stepback, gap);
  st.indent = indent;
  var n = __sy_array_len(value);
  __sy_array_push(out, "[");
  for (var i = 0; i < n; i++) {
    if (i > 0) __sy_array_push(out, ",");
    if (hasGap) {
      __sy_array_push(out, "\n");
      __sy_array_push(out, indent);
    }
    var v = __prelude_json_resolve(st, value, i, value[i]);
    if (__prelude_json_serializable(v)) __prelude_json_write(st, i, v);
    else __sy_array_push(out, "null");
  }
  if (n > 0 && hasGap) {
    __sy_array_push(out, "\n");
    __sy_array_push(out, stepback);
  }
  __sy_array_push(out, "]");
  st.indent = stepback;
  __prelude_json_leave(st);
}

__sy_define_hidden(JSON, "stringify", function stringify(value, replacer, space) {
  var st = {
    replacerFn: undefined,
    propertyList: undefined,
    gap: "",
    indent: "",
    stackObjs: __sy_new_array(0),
    stackKeys: __sy_new_array(0),
    out: __sy_new_array(0)
  };
  if (__sy_is_function(replacer)) {
    st.replacerFn = replacer;
  } else if (__sy_is_array(replacer)) {
    var list = __sy_new_array(0);
    var rn = __sy_array_len(replacer);
    for (var i = 0; i < rn; i++) {
      var v = replacer[i];
      var item;
      if (__sy_is_string(v)) item = v;
      else if (__sy_is_number(v)) item = __sy_to_string(v);
      else continue;
      var dup = false;
      var ln = __sy_array_len(list);
      for (var j = 0; j < ln; j++) {
        if (list[j] === item) {
          dup = true;
          break;
        }
      }
      if (!dup) __sy_array_push(list, item);
    }
    st.propertyList = list;
  }
  if (__sy_is_number(space)) {
    var count = __prelude_to_integer(space);
    if (count > 10) count = 10;
    if (count >= 1) st.gap = __prelude_repeat(" ", count);
  } else if (__sy_is_string(space)) {
    st.gap = __sy_str_len(space) <= 10 ? space : __sy_substring(space, 0, 10);
  }
  var wrapper = {};
  wrapper[""] = value;
  var resolved = __prelude_json_resolve(st, wrapper, "", value);
  if (!__prelude_json_serializable(resolved)) return undefined;
  __prelude_json_write(st, "", resolved);
  return __sy_concat_all(st.out);
});

// ---- parse ----------------------------------------------------------------------

function __prelude_jp_is_ws(c) {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function __prelude_jp_skip(p) {
  var s = p.s;
  var n = p.n;
  var i = p.i;
  while (i < n && __prelude_jp_is_ws(__sy_char_code_at(s, i))) i++;
  p.i = i;
}

// The unit at the cursor, or -1 at the end.
function __prelude_jp_peek(p) {
  return p.i < p.n ? __sy_char_code_at(p.s, p.i) : -1;
}

function __prelude_jp_fail(message) {
  throw __sy_make_error(4, message);
}

function __prelude_jp_at(message, pos) {
  __prelude_jp_fail(__sy_str_concat(__sy_str_concat(message, " in JSON at position "), __sy_to_string(pos)));
}

// V8's ReportUnexpectedToken without a specific message.
function __prelude_jp_unexpected(p) {
  var pos = p.i;
  if (pos >= p.n) __prelude_jp_fail("Unexpected end of JSON input");
  var c = __sy_char_code_at(p.s, pos);
  if (c === 34) __prelude_jp_at("Unexpected string", pos);
  if (c === 45 || (c >= 48 && c <= 57)) __prelude_jp_at("Unexpected number", pos);
  var src = p.s;
  if (src === "[object Object]" || src === "undefined" || src === "Infinity" || src === "NaN") {
    __prelude_jp_fail(__sy_str_concat(__sy_str_concat("\"", src), "\" is not valid JSON"));
  }
  var tok = __sy_str_concat(__sy_str_concat("Unexpected token '", __sy_from_char_code(c)), "', ");
  var n = p.n;
  var ctx;
  if (n <= 20) {
    ctx = __sy_str_concat(__sy_str_concat("\"", src), "\"");
  } else if (pos < 10) {
    ctx = __sy_str_concat(__sy_str_concat("\"", __sy_substring(src, 0, pos + 10)), "\"...");
  } else if (pos < n - 10) {
    ctx = __sy_str_concat(__sy_str_concat("...\"", __sy_substring(src, pos - 10, pos + 10)), "\"...");
  } else {
    ctx = __sy_str_concat(__sy_str_concat("...\"", __sy_substring(src, pos - 10, n)), "\"");
  }
  __prelude_jp_fail(__sy_str_concat(__sy_str_concat(tok, ctx), " is not valid JSON"));
}

// A specific message at the cursor (V8 uses it even at the end of input).
function __prelude_jp_expected(p, message) {
  __prelude_jp_at(message, p.i);
}

function __prelude_jp_literal(p, word, value) {
  var len = __sy_str_len(word);
  for (var k = 0; k < len; k++) {
    if (p.i >= p.n) __prelude_jp_fail("Unexpected end of JSON input");
    if (__sy_char_code_at(p.s, p.i) !== __sy_char_code_at(word, k)) __prelude_jp_unexpected(p);
    p.i++;
  }
  return value;
}

function __prelude_jp_digits(p) {
  var start = p.i;
  while (p.i < p.n) {
    var c = __sy_char_code_at(p.s, p.i);
    if (c < 48 || c > 57) break;
    p.i++;
  }
  return p.i - start;
}

function __prelude_jp_number(p) {
  var start = p.i;
  var c = __sy_char_code_at(p.s, p.i);
  if (c === 45) {
    p.i++;
    c = __prelude_jp_peek(p);
    if (c < 48 || c > 57) __prelude_jp_expected(p, "No number after minus sign");
  }
  if (c === 48) {
    p.i++;
    c = __prelude_jp_peek(p);
    if (c >= 48 && c <= 57) __prelude_jp_unexpected(p);
  } else {
    __prelude_jp_digits(p);
  }
  c = __prelude_jp_peek(p);
  if (c === 46) {
    p.i++;
    if (__prelude_jp_digits(p) === 0) __prelude_jp_expected(p, "Unterminated fractional number");
    c = __prelude_jp_peek(p);
  }
  if (c === 101 || c === 69) {
    p.i++;
    c = __prelude_jp_peek(p);
    if (c === 43 || c === 45) p.i++;
    if (__prelude_jp_digits(p) === 0) __prelude_jp_expected(p, "Exponent part is missing a number");
  }
  return __sy_string_to_number(__sy_substring(p.s, start, p.i));
}

function __prelude_jp_hex(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

// The string starting at the opening quote under the cursor.
function __prelude_jp_string(p) {
  var s = p.s;
  var n = p.n;
  p.i++;
  var parts = null;
  var start = p.i;
  while (true) {
    if (p.i >= n) __prelude_jp_expected(p, "Unterminated string");
    var c = __sy_char_code_at(s, p.i);
    if (c === 34) break;
    if (c < 32) __prelude_jp_expected(p, "Bad control character in string literal");
    if (c !== 92) {
      p.i++;
      continue;
    }
    if (parts === null) parts = __sy_new_array(0);
    if (start < p.i) __sy_array_push(parts, __sy_substring(s, start, p.i));
    p.i++;
    if (p.i >= n) __prelude_jp_expected(p, "Unterminated string");
    var e = __sy_char_code_at(s, p.i);
    var rep;
    if (e === 34) rep = "\"";
    else if (e === 92) rep = "\\";
    else if (e === 47) rep = "/";
    else if (e === 98) rep = "\b";
    else if (e === 102) rep = "\f";
    else if (e === 110) rep = "\n";
    else if (e === 114) rep = "\r";
    else if (e === 116) rep = "\t";
    else if (e === 117) {
      var v = 0;
      for (var k = 1; k <= 4; k++) {
        var h = p.i + k < n ? __prelude_jp_hex(__sy_char_code_at(s, p.i + k)) : -1;
        if (h < 0) {
          p.i = p.i + k;
          __prelude_jp_expected(p, "Bad Unicode escape");
        }
        v = v * 16 + h;
      }
      rep = __sy_from_char_code(v);
      p.i += 4;
    } else {
      __prelude_jp_expected(p, "Bad escaped character");
    }
    __sy_array_push(parts, rep);
    p.i++;
    start = p.i;
  }
  var result;
  if (parts === null) {
    result = __sy_substring(s, start, p.i);
  } else {
    if (start < p.i) __sy_array_push(parts, __sy_substring(s, start, p.i));
    result = __sy_concat_all(parts);
  }
  p.i++;
  return result;
}

function __prelude_jp_value(p) {
  __prelude_jp_skip(p);
  var c = __prelude_jp_peek(p);
  if (c === 34) return __prelude_jp_string(p);
  if (c === 45 || (c >= 48 && c <= 57)) return __prelude_jp_number(p);
  if (c === 123) return __prelude_jp_object(p);
  if (c === 91) return __prelude_jp_array(p);
  if (c === 116) return __prelude_jp_literal(p, "true", true);
  if (c === 102) return __prelude_jp_literal(p, "false", false);
  if (c === 110) return __prelude_jp_literal(p, "null", null);
  __prelude_jp_unexpected(p);
}

function __prelude_jp_object(p) {
  var o = {};
  p.i++;
  __prelude_jp_skip(p);
  if (__prelude_jp_peek(p) === 125) {
    p.i++;
    return o;
  }
  if (__prelude_jp_peek(p) !== 34) __prelude_jp_expected(p, "Expected property name or '}'");
  while (true) {
    var key = __prelude_jp_string(p);
    __prelude_jp_skip(p);
    if (__prelude_jp_peek(p) !== 58) __prelude_jp_expected(p, "Expected ':' after property name");
    p.i++;
    o[key] = __prelude_jp_value(p);
    __prelude_jp_skip(p);
    var c = __prelude_jp_peek(p);
    if (c === 44) {
      p.i++;
      __prelude_jp_skip(p);
      if (__prelude_jp_peek(p) !== 34) __prelude_jp_expected(p, "Expected double-quoted property name");
      continue;
    }
    if (c === 125) {
      p.i++;
      return o;
    }
    __prelude_jp_expected(p, "Expected ',' or '}' after property value");
  }
}

function __prelude_jp_array(p) {
  var a = __sy_new_array(0);
  p.i++;
  __prelude_jp_skip(p);
  if (__prelude_jp_peek(p) === 93) {
    p.i++;
    return a;
  }
  while (true) {
    __sy_array_push(a, __prelude_jp_value(p));
    __prelude_jp_skip(p);
    var c = __prelude_jp_peek(p);
    if (c === 44) {
      p.i++;
      continue;
    }
    if (c === 93) {
      p.i++;
      return a;
    }
    __prelude_jp_expected(p, "Expected ',' or ']' after array element");
  }
}

function __prelude_jp_internalize(holder, name, reviver) {
  var val = holder[name];
  if (__sy_is_object(val) && !__sy_is_function(val)) {
    var i;
    var ne;
    if (__sy_is_array(val)) {
      var len = __sy_array_len(val);
      for (i = 0; i < len; i++) {
        ne = __prelude_jp_internalize(val, __sy_to_string(i), reviver);
        if (ne === undefined) delete val[i];
        else val[i] = ne;
      }
    } else {
      var keys = __sy_own_keys(val);
      var n = __sy_array_len(keys);
      for (i = 0; i < n; i++) {
        var k = keys[i];
        ne = __prelude_jp_internalize(val, k, reviver);
        if (ne === undefined) delete val[k];
        else val[k] = ne;
      }
    }
  }
  return __prelude_call2(reviver, holder, name, val);
}

__sy_define_hidden(JSON, "parse", function parse(text, reviver) {
  var s = __prelude_to_string(text);
  var p = { s: s, i: 0, n: __sy_str_len(s) };
  var result = __prelude_jp_value(p);
  __prelude_jp_skip(p);
  if (p.i < p.n) {
    __prelude_jp_fail(__sy_str_concat("Unexpected non-whitespace character after JSON at position ", __sy_to_string(p.i)));
  }
  if (__sy_is_function(reviver)) {
    var root = {};
    root[""] = result;
    return __prelude_jp_internalize(root, "", reviver);
  }
  return result;
});
