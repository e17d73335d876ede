// switchyard prelude: string.js
//
// `String(x)`, String.fromCharCode/fromCodePoint and the String.prototype
// methods. Strings are UTF-16: indices and lengths count code units, as in
// Node.

// V8's maximum string length (2^29 - 24 units).
var __prelude_MAX_STRING_LENGTH = 536870888;

function String(value) {
  if (__sy_argc() === 0) return "";
  return __prelude_to_string(value);
}

var __prelude_SP = __sy_proto("String");
__sy_define_hidden(String, "prototype", __prelude_SP);
__sy_define_hidden(__prelude_SP, "constructor", String);

// ToString(RequireObjectCoercible(this)) for String.prototype.<name>.
function __prelude_this_string(s, name) {
  if (__sy_is_string(s)) return s;
  if (s === undefined || s === null) __sy_throw_type_error("String.prototype." + name + " called on null or undefined");
  return __prelude_to_string(s);
}

// ToString for arguments (fast path for strings).
function __prelude_str(v) {
  return __sy_is_string(v) ? v : __prelude_to_string(v);
}

function __prelude_check_string_length(n) {
  if (n > __prelude_MAX_STRING_LENGTH) __sy_throw_range_error("Invalid string length");
}

// Does t occur in s at index i? (0 <= i, i + length(t) <= length(s))
function __prelude_match_at(s, t, i, tlen) {
  for (var j = 0; j < tlen; j++) {
    if (__sy_char_code_at(s, i + j) !== __sy_char_code_at(t, j)) return false;
  }
  return true;
}

// First index >= from of t in s, or -1 (from already clamped to >= 0).
function __prelude_index_of(s, t, from) {
  var slen = __sy_str_len(s);
  if (from + __sy_str_len(t) > slen) return -1;
  return __sy_index_of(s, t, from);
}

// ---- statics -------------------------------------------------------------------

function __prelude_from_char_codes(list, n) {
  if (n === 1) return __sy_from_char_code(__sy_to_int32(__prelude_to_number(list[0])) & 0xFFFF);
  var parts = __sy_new_array(n);
  for (var i = 0; i < n; i++) {
    __sy_array_push(parts, __sy_from_char_code(__sy_to_int32(__prelude_to_number(list[i])) & 0xFFFF));
  }
  return __sy_concat_all(parts);
}

__sy_define_hidden(String, "fromCharCode", function fromCharCode(code) {
  var n = __sy_argc();
  if (n === 0) return "";
  if (n === 1) return __sy_from_char_code(__sy_to_int32(__prelude_to_number(code)) & 0xFFFF);
  var list = __sy_new_array(n);
  for (var i = 0; i < n; i++) __sy_array_push(list, __sy_arg(i));
  return __prelude_from_char_codes(list, n);
});
__sy_define_hidden(String.fromCharCode, "__prelude_applyv", function (t, list) {
  return __prelude_from_char_codes(list, __sy_array_len(list));
});

// The string of one code point (0 <= cp <= 0x10FFFF).
function __prelude_code_point_string(cp) {
  if (cp < 0x10000) return __sy_from_char_code(cp);
  var v = cp - 0x10000;
  return __sy_str_concat(__sy_from_char_code(0xD800 + __sy_floor(v / 1024)), __sy_from_char_code(0xDC00 + v % 1024));
}

function __prelude_from_code_points(list, n) {
  var parts = __sy_new_array(n);
  for (var i = 0; i < n; i++) {
    var v = list[i];
    var cp = __prelude_to_number(v);
    if (cp !== __prelude_to_integer(cp) || cp < 0 || cp > 0x10FFFF) {
      __sy_throw_range_error("Invalid code point " + __sy_to_string(cp));
    }
    __sy_array_push(parts, __prelude_code_point_string(cp));
  }
  return __sy_concat_all(parts);
}

__sy_define_hidden(String, "fromCodePoint", function fromCodePoint(code) {
  var n = __sy_argc();
  var list = __sy_new_array(n);
  for (var i = 0; i < n; i++) __sy_array_push(list, __sy_arg(i));
  return __prelude_from_code_points(list, n);
});
__sy_define_hidden(String.fromCodePoint, "__prelude_applyv", function (t, list) {
  return __prelude_from_code_points(list, __sy_array_len(list));
});

// ---- access ----------------------------------------------------------------------

__sy_define_hidden(__prelude_SP, "toString", function toString() {
  if (!__sy_is_string(this)) __sy_throw_type_error("String.prototype.toString requires that 'this' be a String");
  return this;
});

__sy_define_hidden(__prelude_SP, "valueOf", function valueOf() {
  if (!__sy_is_string(this)) __sy_throw_type_error("String.prototype.valueOf requires that 'this' be a String");
  return this;
});

__sy_define_hidden(__prelude_SP, "charAt", function charAt(pos) {
  var s = __prelude_this_string(this, "charAt");
  var p = pos === undefined ? 0 : __prelude_to_integer(pos);
  if (p < 0 || p >= __sy_str_len(s)) return "";
  return __sy_from_char_code(__sy_char_code_at(s, p));
});

__sy_define_hidden(__prelude_SP, "charCodeAt", function charCodeAt(pos) {
  var s = __prelude_this_string(this, "charCodeAt");
  var p = pos === undefined ? 0 : __prelude_to_integer(pos);
  if (p < 0 || p >= __sy_str_len(s)) return NaN;
  return __sy_char_code_at(s, p);
});

__sy_define_hidden(__prelude_SP, "codePointAt", function codePointAt(pos) {
  var s = __prelude_this_string(this, "codePointAt");
  var p = pos === undefined ? 0 : __prelude_to_integer(pos);
  var n = __sy_str_len(s);
  if (p < 0 || p >= n) return undefined;
  var c = __sy_char_code_at(s, p);
  if (c >= 0xD800 && c <= 0xDBFF && p + 1 < n) {
    var d = __sy_char_code_at(s, p + 1);
    if (d >= 0xDC00 && d <= 0xDFFF) return (c - 0xD800) * 1024 + (d - 0xDC00) + 0x10000;
  }
  return c;
});

__sy_define_hidden(__prelude_SP, "at", function at(index) {
  var s = __prelude_this_string(this, "at");
  var n = __sy_str_len(s);
  var k = __prelude_to_integer(index);
  if (k < 0) k = n + k;
  if (k < 0 || k >= n) return undefined;
  return __sy_from_char_code(__sy_char_code_at(s, k));
});

// ---- search ------------------------------------------------------------------------

__sy_define_hidden(__prelude_SP, "indexOf", function indexOf(searchString) {
  var position = __sy_arg(1);
  var s = __prelude_this_string(this, "indexOf");
  var t = __prelude_str(searchString);
  var n = __sy_str_len(s);
  var p = position === undefined ? 0 : __prelude_to_integer(position);
  if (p < 0) p = 0;
  if (p > n) p = n;
  return __prelude_index_of(s, t, p);
});

__sy_define_hidden(__prelude_SP, "lastIndexOf", function lastIndexOf(searchString) {
  var position = __sy_arg(1);
  var s = __prelude_this_string(this, "lastIndexOf");
  var t = __prelude_str(searchString);
  var n = __sy_str_len(s);
  var tlen = __sy_str_len(t);
  var numPos = __prelude_to_number(position);
  var p = numPos !== numPos ? n : __prelude_to_integer(numPos);
  if (p < 0) p = 0;
  if (p > n) p = n;
  if (p > n - tlen) p = n - tlen;
  for (var i = p; i >= 0; i--) {
    if (__prelude_match_at(s, t, i, tlen)) return i;
  }
  return -1;
});

__sy_define_hidden(__prelude_SP, "includes", function includes(searchString) {
  var position = __sy_arg(1);
  var s = __prelude_this_string(this, "includes");
  var t = __prelude_str(searchString);
  var n = __sy_str_len(s);
  var p = position === undefined ? 0 : __prelude_to_integer(position);
  if (p < 0) p = 0;
  if (p > n) p = n;
  return __prelude_index_of(s, t, p) !== -1;
});

__sy_define_hidden(__prelude_SP, "startsWith", function startsWith(searchString) {
  var position = __sy_arg(1);
  var s = __prelude_this_string(this, "startsWith");
  var t = __prelude_str(searchString);
  var n = __sy_str_len(s);
  var tlen = __sy_str_len(t);
  var p = position === undefined ? 0 : __prelude_to_integer(position);
  if (p < 0) p = 0;
  if (p > n) p = n;
  if (p + tlen > n) return false;
  return __prelude_match_at(s, t, p, tlen);
});

__sy_define_hidden(__prelude_SP, "endsWith", function endsWith(searchString) {
  var endPosition = __sy_arg(1);
  var s = __prelude_this_string(this, "endsWith");
  var t = __prelude_str(searchString);
  var n = __sy_str_len(s);
  var tlen = __sy_str_len(t);
  var e = endPosition === undefined ? n : __prelude_to_integer(endPosition);
  if (e < 0) e = 0;
  if (e > n) e = n;
  var start = e - tlen;
  if (start < 0) return false;
  return __prelude_match_at(s, t, start, tlen);
});

// ---- substrings ----------------------------------------------------------------------

__sy_define_hidden(__prelude_SP, "slice", function slice(start, end) {
  var s = __prelude_this_string(this, "slice");
  var n = __sy_str_len(s);
  var from = __prelude_rel_index(start, n, 0);
  var to = __prelude_rel_index(end, n, n);
  if (from >= to) return "";
  return __sy_substring(s, from, to);
});

__sy_define_hidden(__prelude_SP, "substring", function substring(start, end) {
  var s = __prelude_this_string(this, "substring");
  var n = __sy_str_len(s);
  var a = __prelude_to_integer(start);
  var b = end === undefined ? n : __prelude_to_integer(end);
  if (a < 0) a = 0;
  if (a > n) a = n;
  if (b < 0) b = 0;
  if (b > n) b = n;
  if (a > b) {
    var t = a;
    a = b;
    b = t;
  }
  return __sy_substring(s, a, b);
});

__sy_define_hidden(__prelude_SP, "substr", function substr(start, length) {
  var s = __prelude_this_string(this, "substr");
  var n = __sy_str_len(s);
  var a = __prelude_rel_index(start, n, 0);
  var l = length === undefined ? n : __prelude_to_integer(length);
  if (l < 0) l = 0;
  var b = a + l;
  if (b > n) b = n;
  if (a >= b) return "";
  return __sy_substring(s, a, b);
});

__sy_define_hidden(__prelude_SP, "concat", function concat(str) {
  var s = __prelude_this_string(this, "concat");
  var argc = __sy_argc();
  if (argc === 1) return __sy_str_concat(s, __prelude_str(str));
  var parts = __sy_new_array(argc + 1);
  __sy_array_push(parts, s);
  for (var i = 0; i < argc; i++) __sy_array_push(parts, __prelude_str(__sy_arg(i)));
  return __sy_concat_all(parts);
});

__sy_define_hidden(__prelude_SP, "repeat", function repeat(count) {
  var s = __prelude_this_string(this, "repeat");
  var c = __prelude_to_number(count);
  var n = __prelude_to_integer(c);
  if (n < 0 || n === Infinity) __sy_throw_range_error("Invalid count value: " + __sy_to_string(c));
  var len = __sy_str_len(s);
  if (n === 0 || len === 0) return "";
  __prelude_check_string_length(len * n);
  return __prelude_repeat(s, n);
});

// s repeated n times (n >= 0, the length already checked).
function __prelude_repeat(s, n) {
  var result = "";
  var pattern = s;
  while (true) {
    if (n % 2 === 1) result = __sy_str_concat(result, pattern);
    n = __sy_floor(n / 2);
    if (n === 0) break;
    pattern = __sy_str_concat(pattern, pattern);
  }
  return result;
}

function __prelude_pad(s, maxLength, fillString, atStart) {
  var intMax = __prelude_to_length(maxLength);
  var len = __sy_str_len(s);
  if (intMax <= len) return s;
  var filler = fillString === undefined ? " " : __prelude_str(fillString);
  var flen = __sy_str_len(filler);
  if (flen === 0) return s;
  __prelude_check_string_length(intMax);
  var fillLen = intMax - len;
  var whole = __sy_floor(fillLen / flen);
  var pad = __prelude_repeat(filler, whole);
  var rest = fillLen - whole * flen;
  if (rest > 0) pad = __sy_str_concat(pad, __sy_substring(filler, 0, rest));
  return atStart ? __sy_str_concat(pad, s) : __sy_str_concat(s, pad);
}

__sy_define_hidden(__prelude_SP, "padStart", function padStart(maxLength) {
  return __prelude_pad(__prelude_this_string(this, "padStart"), maxLength, __sy_arg(1), true);
});

__sy_define_hidden(__prelude_SP, "padEnd", function padEnd(maxLength) {
  return __prelude_pad(__prelude_this_string(this, "padEnd"), maxLength, __sy_arg(1), false);
});

// ---- whitespace --------------------------------------------------------------------

// WhiteSpace or LineTerminator (the set String.prototype.trim removes).
function __prelude_is_space(c) {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200A) || c === 0x2028 || c === 0x2029 ||
    c === 0x202F || c === 0x205F || c === 0x3000 || c === 0xFEFF;
}

function __prelude_trim(s, start, end) {
  var n = __sy_str_len(s);
  var a = 0;
  var b = n;
  if (start) {
    while (a < n && __prelude_is_space(__sy_char_code_at(s, a))) a++;
  }
  if (end) {
    while (b > a && __prelude_is_space(__sy_char_code_at(s, b - 1))) b--;
  }
  if (a === 0 && b === n) return s;
  return __sy_substring(s, a, b);
}

__sy_define_hidden(__prelude_SP, "trim", function trim() {
  return __prelude_trim(__prelude_this_string(this, "trim"), true, true);
});

__sy_define_hidden(__prelude_SP, "trimStart", function trimStart() {
  return __prelude_trim(__prelude_this_string(this, "trimStart"), true, false);
});

__sy_define_hidden(__prelude_SP, "trimEnd", function trimEnd() {
  return __prelude_trim(__prelude_this_string(this, "trimEnd"), false, true);
});

// As in Node, trimLeft/trimRight are the same functions as trimStart/trimEnd.
__sy_define_hidden(__prelude_SP, "trimLeft", __prelude_SP.trimStart);
__sy_define_hidden(__prelude_SP, "trimRight", __prelude_SP.trimEnd);

// ---- split / replace -------------------------------------------------------------------

__sy_define_hidden(__prelude_SP, "split", function split(separator, limit) {
  var s = __prelude_this_string(this, "split");
  var lim = limit === undefined ? 4294967295 : __prelude_to_uint32(limit);
  var r = __prelude_str(separator);
  var out = __sy_new_array(0);
  if (lim === 0) return out;
  if (separator === undefined) {
    __sy_array_push(out, s);
    return out;
  }
  var n = __sy_str_len(s);
  var rlen = __sy_str_len(r);
  if (n === 0) {
    if (rlen > 0) __sy_array_push(out, s);
    return out;
  }
  if (rlen === 0) {
    var m = n < lim ? n : lim;
    for (var i = 0; i < m; i++) __sy_array_push(out, __sy_from_char_code(__sy_char_code_at(s, i)));
    return out;
  }
  var p = 0;
  var q = __prelude_index_of(s, r, 0);
  while (q !== -1) {
    __sy_array_push(out, __sy_substring(s, p, q));
    if (__sy_array_len(out) === lim) return out;
    p = q + rlen;
    q = __prelude_index_of(s, r, p);
  }
  __sy_array_push(out, __sy_substring(s, p, n));
  return out;
});

// GetSubstitution for a string pattern (no capture groups): $$, $&, $`, $'.
function __prelude_substitute(matched, str, position, replacement) {
  var rlen = __sy_str_len(replacement);
  if (__prelude_index_of(replacement, "$", 0) === -1) return replacement;
  var parts = __sy_new_array(0);
  var mlen = __sy_str_len(matched);
  var tail = position + mlen;
  var start = 0;
  var i = 0;
  while (i < rlen - 1) {
    if (__sy_char_code_at(replacement, i) === 36) {
      var c = __sy_char_code_at(replacement, i + 1);
      var rep;
      if (c === 36) rep = "$";
      else if (c === 38) rep = matched;
      else if (c === 96) rep = __sy_substring(str, 0, position);
      else if (c === 39) rep = __sy_substring(str, tail, __sy_str_len(str));
      else {
        i++;
        continue;
      }
      __sy_array_push(parts, __sy_substring(replacement, start, i));
      __sy_array_push(parts, rep);
      i += 2;
      start = i;
    } else {
      i++;
    }
  }
  __sy_array_push(parts, __sy_substring(replacement, start, rlen));
  return __sy_concat_all(parts);
}

function __prelude_replacement(search, str, pos, replaceValue, functional) {
  if (functional) return __prelude_str(replaceValue(search, pos, str));
  return __prelude_substitute(search, str, pos, replaceValue);
}

__sy_define_hidden(__prelude_SP, "replace", function replace(searchValue, replaceValue) {
  var s = __prelude_this_string(this, "replace");
  var search = __prelude_str(searchValue);
  var functional = __sy_is_function(replaceValue);
  if (!functional) replaceValue = __prelude_str(replaceValue);
  var pos = __prelude_index_of(s, search, 0);
  if (pos === -1) return s;
  var rep = __prelude_replacement(search, s, pos, replaceValue, functional);
  var parts = __sy_new_array(3);
  __sy_array_push(parts, __sy_substring(s, 0, pos));
  __sy_array_push(parts, rep);
  __sy_array_push(parts, __sy_substring(s, pos + __sy_str_len(search), __sy_str_len(s)));
  return __sy_concat_all(parts);
});

__sy_define_hidden(__prelude_SP, "replaceAll", function replaceAll(searchValue, replaceValue) {
  var s = __prelude_this_string(this, "replaceAll");
  var search = __prelude_str(searchValue);
  var functional = __sy_is_function(replaceValue);
  if (!functional) replaceValue = __prelude_str(replaceValue);
  var slen = __sy_str_len(search);
  var advance = slen > 1 ? slen : 1;
  var positions = __sy_new_array(0);
  var pos = __prelude_index_of(s, search, 0);
  while (pos !== -1) {
    __sy_array_push(positions, pos);
    pos = __prelude_index_of(s, search, pos + advance);
  }
  var count = __sy_array_len(positions);
  if (count === 0) return s;
  var parts = __sy_new_array(2 * count + 1);
  var end = 0;
  for (var i = 0; i < count; i++) {
    var p = positions[i];
    __sy_array_push(parts, __sy_substring(s, end, p));
    __sy_array_push(parts, __prelude_replacement(search, s, p, replaceValue, functional));
    end = p + slen;
  }
  __sy_array_push(parts, __sy_substring(s, end, __sy_str_len(s)));
  return __sy_concat_all(parts);
});

// ---- case mapping --------------------------------------------------------------------
//
// Full Unicode simple case mappings of node's ICU, context free (generated
// from node by test/gen-case-table.js), plus the multi-unit mappings
// (ß -> SS, İ -> i̇, ...). The only context-dependent rule implemented is
// the Greek final sigma, approximately (see __prelude_final_sigma).
// Locale-specific rules (Turkish, Lithuanian) are not: toLocaleUpperCase
// and toLocaleLowerCase ignore their locale argument.

// BEGIN GENERATED CASE TABLES (test/gen-case-table.js, node v20.20.2)
// [first, last, delta, stride] runs for code points >= 0x80, then
// sorted code points whose mapping is longer than one code point, and those mappings.
var __prelude_UPPER_RUNS = [
  181,181,743,1,224,246,-32,1,248,254,-32,1,255,255,121,1,257,303,-1,2,305,305,-232,1,307,311,-1,2,
  314,328,-1,2,331,375,-1,2,378,382,-1,2,383,383,-300,1,384,384,195,1,387,389,-1,2,392,392,-1,1,396,
  396,-1,1,402,402,-1,1,405,405,97,1,409,409,-1,1,410,410,163,1,411,411,42561,1,414,414,130,1,417,421,
  -1,2,424,424,-1,1,429,429,-1,1,432,432,-1,1,436,438,-1,2,441,441,-1,1,445,445,-1,1,447,447,56,1,453,
  453,-1,1,454,454,-2,1,456,456,-1,1,457,457,-2,1,459,459,-1,1,460,460,-2,1,462,476,-1,2,477,477,-79,
  1,479,495,-1,2,498,498,-1,1,499,499,-2,1,501,501,-1,1,505,543,-1,2,547,563,-1,2,572,572,-1,1,575,
  576,10815,1,578,578,-1,1,583,591,-1,2,592,592,10783,1,593,593,10780,1,594,594,10782,1,595,595,-210,
  1,596,596,-206,1,598,599,-205,1,601,601,-202,1,603,603,-203,1,604,604,42319,1,608,608,-205,1,609,
  609,42315,1,611,611,-207,1,612,612,42343,1,613,613,42280,1,614,614,42308,1,616,616,-209,1,617,617,
  -211,1,618,618,42308,1,619,619,10743,1,620,620,42305,1,623,623,-211,1,625,625,10749,1,626,626,-213,
  1,629,629,-214,1,637,637,10727,1,640,640,-218,1,642,642,42307,1,643,643,-218,1,647,647,42282,1,648,
  648,-218,1,649,649,-69,1,650,651,-217,1,652,652,-71,1,658,658,-219,1,669,669,42261,1,670,670,42258,
  1,837,837,84,1,881,883,-1,2,887,887,-1,1,891,893,130,1,940,940,-38,1,941,943,-37,1,945,961,-32,1,
  962,962,-31,1,963,971,-32,1,972,972,-64,1,973,974,-63,1,976,976,-62,1,977,977,-57,1,981,981,-47,1,
  982,982,-54,1,983,983,-8,1,985,1007,-1,2,1008,1008,-86,1,1009,1009,-80,1,1010,1010,7,1,1011,1011,
  -116,1,1013,1013,-96,1,1016,1016,-1,1,1019,1019,-1,1,1072,1103,-32,1,1104,1119,-80,1,1121,1153,-1,2,
  1163,1215,-1,2,1218,1230,-1,2,1231,1231,-15,1,1233,1327,-1,2,1377,1414,-48,1,4304,4346,3008,1,4349,
  4351,3008,1,5112,5117,-8,1,7296,7296,-6254,1,7297,7297,-6253,1,7298,7298,-6244,1,7299,7300,-6242,1,
  7301,7301,-6243,1,7302,7302,-6236,1,7303,7303,-6181,1,7304,7304,35266,1,7306,7306,-1,1,7545,7545,
  35332,1,7549,7549,3814,1,7566,7566,35384,1,7681,7829,-1,2,7835,7835,-59,1,7841,7935,-1,2,7936,7943,
  8,1,7952,7957,8,1,7968,7975,8,1,7984,7991,8,1,8000,8005,8,1,8017,8023,8,2,8032,8039,8,1,8048,8049,
  74,1,8050,8053,86,1,8054,8055,100,1,8056,8057,128,1,8058,8059,112,1,8060,8061,126,1,8112,8113,8,1,
  8126,8126,-7205,1,8144,8145,8,1,8160,8161,8,1,8165,8165,7,1,8526,8526,-28,1,8560,8575,-16,1,8580,
  8580,-1,1,9424,9449,-26,1,11312,11359,-48,1,11361,11361,-1,1,11365,11365,-10795,1,11366,11366,
  -10792,1,11368,11372,-1,2,11379,11379,-1,1,11382,11382,-1,1,11393,11491,-1,2,11500,11502,-1,2,11507,
  11507,-1,1,11520,11557,-7264,1,11559,11559,-7264,1,11565,11565,-7264,1,42561,42605,-1,2,42625,42651,
  -1,2,42787,42799,-1,2,42803,42863,-1,2,42874,42876,-1,2,42879,42887,-1,2,42892,42892,-1,1,42897,
  42899,-1,2,42900,42900,48,1,42903,42921,-1,2,42933,42947,-1,2,42952,42954,-1,2,42957,42971,-1,2,
  42998,42998,-1,1,43859,43859,-928,1,43888,43967,-38864,1,65345,65370,-32,1,66600,66639,-40,1,66776,
  66811,-40,1,66967,66977,-39,1,66979,66993,-39,1,66995,67001,-39,1,67003,67004,-39,1,68800,68850,-64,
  1,68976,68997,-32,1,71872,71903,-32,1,93792,93823,-32,1,93883,93907,-27,1,125218,125251,-34,1
];
var __prelude_UPPER_SPECIAL_CODES = [223,329,496,912,944,1415,7830,7831,7832,7833,7834,8016,8018,8020,8022,8064,8065,8066,8067,8068,8069,8070,8071,8072,8073,8074,8075,8076,8077,8078,8079,8080,8081,8082,8083,8084,8085,8086,8087,8088,8089,8090,8091,8092,8093,8094,8095,8096,8097,8098,8099,8100,8101,8102,8103,8104,8105,8106,8107,8108,8109,8110,8111,8114,8115,8116,8118,8119,8124,8130,8131,8132,8134,8135,8140,8146,8147,8150,8151,8162,8163,8164,8166,8167,8178,8179,8180,8182,8183,8188,64256,64257,64258,64259,64260,64261,64262,64275,64276,64277,64278,64279];
var __prelude_UPPER_SPECIAL_STRS = [
  "\u0053\u0053",
  "\u02bc\u004e",
  "\u004a\u030c",
  "\u0399\u0308\u0301",
  "\u03a5\u0308\u0301",
  "\u0535\u0552",
  "\u0048\u0331",
  "\u0054\u0308",
  "\u0057\u030a",
  "\u0059\u030a",
  "\u0041\u02be",
  "\u03a5\u0313",
  "\u03a5\u0313\u0300",
  "\u03a5\u0313\u0301",
  "\u03a5\u0313\u0342",
  "\u1f08\u0399",
  "\u1f09\u0399",
  "\u1f0a\u0399",
  "\u1f0b\u0399",
  "\u1f0c\u0399",
  "\u1f0d\u0399",
  "\u1f0e\u0399",
  "\u1f0f\u0399",
  "\u1f08\u0399",
  "\u1f09\u0399",
  "\u1f0a\u0399",
  "\u1f0b\u0399",
  "\u1f0c\u0399",
  "\u1f0d\u0399",
  "\u1f0e\u0399",
  "\u1f0f\u0399",
  "\u1f28\u0399",
  "\u1f29\u0399",
  "\u1f2a\u0399",
  "\u1f2b\u0399",
  "\u1f2c\u0399",
  "\u1f2d\u0399",
  "\u1f2e\u0399",
  "\u1f2f\u0399",
  "\u1f28\u0399",
  "\u1f29\u0399",
  "\u1f2a\u0399",
  "\u1f2b\u0399",
  "\u1f2c\u0399",
  "\u1f2d\u0399",
  "\u1f2e\u0399",
  "\u1f2f\u0399",
  "\u1f68\u0399",
  "\u1f69\u0399",
  "\u1f6a\u0399",
  "\u1f6b\u0399",
  "\u1f6c\u0399",
  "\u1f6d\u0399",
  "\u1f6e\u0399",
  "\u1f6f\u0399",
  "\u1f68\u0399",
  "\u1f69\u0399",
  "\u1f6a\u0399",
  "\u1f6b\u0399",
  "\u1f6c\u0399",
  "\u1f6d\u0399",
  "\u1f6e\u0399",
  "\u1f6f\u0399",
  "\u1fba\u0399",
  "\u0391\u0399",
  "\u0386\u0399",
  "\u0391\u0342",
  "\u0391\u0342\u0399",
  "\u0391\u0399",
  "\u1fca\u0399",
  "\u0397\u0399",
  "\u0389\u0399",
  "\u0397\u0342",
  "\u0397\u0342\u0399",
  "\u0397\u0399",
  "\u0399\u0308\u0300",
  "\u0399\u0308\u0301",
  "\u0399\u0342",
  "\u0399\u0308\u0342",
  "\u03a5\u0308\u0300",
  "\u03a5\u0308\u0301",
  "\u03a1\u0313",
  "\u03a5\u0342",
  "\u03a5\u0308\u0342",
  "\u1ffa\u0399",
  "\u03a9\u0399",
  "\u038f\u0399",
  "\u03a9\u0342",
  "\u03a9\u0342\u0399",
  "\u03a9\u0399",
  "\u0046\u0046",
  "\u0046\u0049",
  "\u0046\u004c",
  "\u0046\u0046\u0049",
  "\u0046\u0046\u004c",
  "\u0053\u0054",
  "\u0053\u0054",
  "\u0544\u0546",
  "\u0544\u0535",
  "\u0544\u053b",
  "\u054e\u0546",
  "\u0544\u053d"
];
var __prelude_LOWER_RUNS = [
  192,214,32,1,216,222,32,1,256,302,1,2,306,310,1,2,313,327,1,2,330,374,1,2,376,376,-121,1,377,381,1,
  2,385,385,210,1,386,388,1,2,390,390,206,1,391,391,1,1,393,394,205,1,395,395,1,1,398,398,79,1,399,
  399,202,1,400,400,203,1,401,401,1,1,403,403,205,1,404,404,207,1,406,406,211,1,407,407,209,1,408,408,
  1,1,412,412,211,1,413,413,213,1,415,415,214,1,416,420,1,2,422,422,218,1,423,423,1,1,425,425,218,1,
  428,428,1,1,430,430,218,1,431,431,1,1,433,434,217,1,435,437,1,2,439,439,219,1,440,440,1,1,444,444,1,
  1,452,452,2,1,453,453,1,1,455,455,2,1,456,456,1,1,458,458,2,1,459,475,1,2,478,494,1,2,497,497,2,1,
  498,500,1,2,502,502,-97,1,503,503,-56,1,504,542,1,2,544,544,-130,1,546,562,1,2,570,570,10795,1,571,
  571,1,1,573,573,-163,1,574,574,10792,1,577,577,1,1,579,579,-195,1,580,580,69,1,581,581,71,1,582,590,
  1,2,880,882,1,2,886,886,1,1,895,895,116,1,902,902,38,1,904,906,37,1,908,908,64,1,910,911,63,1,913,
  929,32,1,931,939,32,1,975,975,8,1,984,1006,1,2,1012,1012,-60,1,1015,1015,1,1,1017,1017,-7,1,1018,
  1018,1,1,1021,1023,-130,1,1024,1039,80,1,1040,1071,32,1,1120,1152,1,2,1162,1214,1,2,1216,1216,15,1,
  1217,1229,1,2,1232,1326,1,2,1329,1366,48,1,4256,4293,7264,1,4295,4295,7264,1,4301,4301,7264,1,5024,
  5103,38864,1,5104,5109,8,1,7305,7305,1,1,7312,7354,-3008,1,7357,7359,-3008,1,7680,7828,1,2,7838,
  7838,-7615,1,7840,7934,1,2,7944,7951,-8,1,7960,7965,-8,1,7976,7983,-8,1,7992,7999,-8,1,8008,8013,-8,
  1,8025,8031,-8,2,8040,8047,-8,1,8072,8079,-8,1,8088,8095,-8,1,8104,8111,-8,1,8120,8121,-8,1,8122,
  8123,-74,1,8124,8124,-9,1,8136,8139,-86,1,8140,8140,-9,1,8152,8153,-8,1,8154,8155,-100,1,8168,8169,
  -8,1,8170,8171,-112,1,8172,8172,-7,1,8184,8185,-128,1,8186,8187,-126,1,8188,8188,-9,1,8486,8486,
  -7517,1,8490,8490,-8383,1,8491,8491,-8262,1,8498,8498,28,1,8544,8559,16,1,8579,8579,1,1,9398,9423,
  26,1,11264,11311,48,1,11360,11360,1,1,11362,11362,-10743,1,11363,11363,-3814,1,11364,11364,-10727,1,
  11367,11371,1,2,11373,11373,-10780,1,11374,11374,-10749,1,11375,11375,-10783,1,11376,11376,-10782,1,
  11378,11378,1,1,11381,11381,1,1,11390,11391,-10815,1,11392,11490,1,2,11499,11501,1,2,11506,11506,1,
  1,42560,42604,1,2,42624,42650,1,2,42786,42798,1,2,42802,42862,1,2,42873,42875,1,2,42877,42877,
  -35332,1,42878,42886,1,2,42891,42891,1,1,42893,42893,-42280,1,42896,42898,1,2,42902,42920,1,2,42922,
  42922,-42308,1,42923,42923,-42319,1,42924,42924,-42315,1,42925,42925,-42305,1,42926,42926,-42308,1,
  42928,42928,-42258,1,42929,42929,-42282,1,42930,42930,-42261,1,42931,42931,928,1,42932,42946,1,2,
  42948,42948,-48,1,42949,42949,-42307,1,42950,42950,-35384,1,42951,42953,1,2,42955,42955,-42343,1,
  42956,42970,1,2,42972,42972,-42561,1,42997,42997,1,1,65313,65338,32,1,66560,66599,40,1,66736,66771,
  40,1,66928,66938,39,1,66940,66954,39,1,66956,66962,39,1,66964,66965,39,1,68736,68786,64,1,68944,
  68965,32,1,71840,71871,32,1,93760,93791,32,1,93856,93880,27,1,125184,125217,34,1
];
var __prelude_LOWER_SPECIAL_CODES = [304];
var __prelude_LOWER_SPECIAL_STRS = [
  "\u0069\u0307"
];
// END GENERATED CASE TABLES

// The mapping of code point c (>= 0x80) in a runs table, or -1.
function __prelude_case_lookup(runs, c) {
  var lo = 0;
  var hi = __sy_floor(__sy_array_len(runs) / 4) - 1;
  while (lo <= hi) {
    var mid = __sy_floor((lo + hi) / 2);
    var k = mid * 4;
    if (c < runs[k]) hi = mid - 1;
    else if (c > runs[k + 1]) lo = mid + 1;
    else {
      if ((c - runs[k]) % runs[k + 3] !== 0) return -1;
      return c + runs[k + 2];
    }
  }
  return -1;
}

function __prelude_special_lookup(codes, c) {
  var lo = 0;
  var hi = __sy_array_len(codes) - 1;
  while (lo <= hi) {
    var mid = __sy_floor((lo + hi) / 2);
    var v = codes[mid];
    if (c < v) hi = mid - 1;
    else if (c > v) lo = mid + 1;
    else return mid;
  }
  return -1;
}

// Is code point c cased (has a case mapping either way, approximately the
// Unicode Cased property)?
function __prelude_is_cased(c) {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c === 0xAA || c === 0xBA) return true;
  return __prelude_case_lookup(__prelude_UPPER_RUNS, c) !== -1 || __prelude_case_lookup(__prelude_LOWER_RUNS, c) !== -1 ||
    __prelude_special_lookup(__prelude_UPPER_SPECIAL_CODES, c) !== -1;
}

// Case-ignorable units (approximation: common punctuation and combining marks).
function __prelude_is_case_ignorable(c) {
  return c === 0x27 || c === 0x2E || c === 0x3A || c === 0x5E || c === 0x60 || c === 0xA8 || c === 0xAD ||
    c === 0xAF || c === 0xB4 || c === 0xB7 || c === 0xB8 || c === 0x2019 || (c >= 0x300 && c <= 0x36F);
}

// The code point at index i of s (a lone surrogate is its own code point).
function __prelude_cp_at(s, i, n) {
  var c = __sy_char_code_at(s, i);
  if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
    var d = __sy_char_code_at(s, i + 1);
    if (d >= 0xDC00 && d <= 0xDFFF) return (c - 0xD800) * 1024 + (d - 0xDC00) + 0x10000;
  }
  return c;
}

// Final_Sigma: capital sigma at i is preceded by a cased letter and not
// followed by one (case-ignorable units skipped). BMP-only scan.
function __prelude_final_sigma(s, i, n) {
  var j = i - 1;
  while (j >= 0 && __prelude_is_case_ignorable(__sy_char_code_at(s, j))) j--;
  if (j < 0 || !__prelude_is_cased(__sy_char_code_at(s, j))) return false;
  j = i + 1;
  while (j < n && __prelude_is_case_ignorable(__sy_char_code_at(s, j))) j++;
  return j >= n || !__prelude_is_cased(__sy_char_code_at(s, j));
}

function __prelude_change_case(s, upper) {
  var n = __sy_str_len(s);
  var parts = null;
  var segStart = 0;
  var i = 0;
  while (i < n) {
    var c = __sy_char_code_at(s, i);
    var rep = null;
    var width = 1;
    if (c < 0x80) {
      if (upper) {
        if (c >= 97 && c <= 122) rep = __sy_from_char_code(c - 32);
      } else {
        if (c >= 65 && c <= 90) rep = __sy_from_char_code(c + 32);
      }
    } else {
      var cp = c;
      if (c >= 0xD800 && c <= 0xDBFF) {
        cp = __prelude_cp_at(s, i, n);
        if (cp > 0xFFFF) width = 2;
      }
      var m = __prelude_case_lookup(upper ? __prelude_UPPER_RUNS : __prelude_LOWER_RUNS, cp);
      if (m !== -1) {
        if (!upper && cp === 0x3A3 && __prelude_final_sigma(s, i, n)) m = 0x3C2;
        rep = __prelude_code_point_string(m);
      } else {
        var k = __prelude_special_lookup(upper ? __prelude_UPPER_SPECIAL_CODES : __prelude_LOWER_SPECIAL_CODES, cp);
        if (k !== -1) rep = upper ? __prelude_UPPER_SPECIAL_STRS[k] : __prelude_LOWER_SPECIAL_STRS[k];
      }
    }
    if (rep !== null) {
      if (parts === null) parts = __sy_new_array(0);
      if (segStart < i) __sy_array_push(parts, __sy_substring(s, segStart, i));
      __sy_array_push(parts, rep);
      segStart = i + width;
    }
    i += width;
  }
  if (parts === null) return s;
  if (segStart < n) __sy_array_push(parts, __sy_substring(s, segStart, n));
  return __sy_concat_all(parts);
}

__sy_define_hidden(__prelude_SP, "toUpperCase", function toUpperCase() {
  return __prelude_change_case(__prelude_this_string(this, "toUpperCase"), true);
});

__sy_define_hidden(__prelude_SP, "toLowerCase", function toLowerCase() {
  return __prelude_change_case(__prelude_this_string(this, "toLowerCase"), false);
});

__sy_define_hidden(__prelude_SP, "toLocaleUpperCase", function toLocaleUpperCase() {
  return __prelude_change_case(__prelude_this_string(this, "toLocaleUpperCase"), true);
});

__sy_define_hidden(__prelude_SP, "toLocaleLowerCase", function toLocaleLowerCase() {
  return __prelude_change_case(__prelude_this_string(this, "toLocaleLowerCase"), false);
});

// ---- localeCompare -----------------------------------------------------------------
//
// The ICU root collation (what Node's default locale uses) restricted to
// ASCII: control characters are ignorable, punctuation and symbols sort
// before digits, letters compare case-insensitively first, then lowercase
// before uppercase. Strings with non-ASCII units fall back to: primary
// comparison of ASCII as above with every non-ASCII unit after all ASCII,
// ordered by code unit (so accents and scripts other than Latin do not
// collate like ICU).

// ICU primary order of the non-ignorable ASCII characters.
var __prelude_COLLATION_ORDER = [
  9, 10, 11, 12, 13, 32, 95, 45, 44, 59, 58, 33, 63, 46, 39, 34, 40, 41, 91, 93, 123, 125, 64, 42, 47, 92,
  38, 35, 37, 96, 94, 43, 60, 61, 62, 124, 126, 36, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57
];
var __prelude_COLLATION_RANK = null;

function __prelude_collation_rank() {
  if (__prelude_COLLATION_RANK !== null) return __prelude_COLLATION_RANK;
  var rank = __sy_new_array(128);
  var i;
  for (i = 0; i < 128; i++) __sy_array_push(rank, 0);
  var n = __sy_array_len(__prelude_COLLATION_ORDER);
  for (i = 0; i < n; i++) rank[__prelude_COLLATION_ORDER[i]] = i + 1;
  for (i = 0; i < 26; i++) {
    rank[97 + i] = n + 1 + i;
    rank[65 + i] = n + 1 + i;
  }
  __prelude_COLLATION_RANK = rank;
  return rank;
}

// Next non-ignorable index >= i in s, or n.
function __prelude_collation_skip(s, i, n) {
  while (i < n) {
    var c = __sy_char_code_at(s, i);
    if (c >= 128 || __prelude_COLLATION_RANK[c] !== 0) return i;
    i++;
  }
  return n;
}

function __prelude_locale_compare(a, b) {
  var rank = __prelude_collation_rank();
  var na = __sy_str_len(a);
  var nb = __sy_str_len(b);
  var i = __prelude_collation_skip(a, 0, na);
  var j = __prelude_collation_skip(b, 0, nb);
  var tertiary = 0;
  while (i < na && j < nb) {
    var x = __sy_char_code_at(a, i);
    var y = __sy_char_code_at(b, j);
    var px = x < 128 ? rank[x] : 1000 + x;
    var py = y < 128 ? rank[y] : 1000 + y;
    if (px !== py) return px < py ? -1 : 1;
    if (tertiary === 0 && x !== y) {
      // same primary, different case: lowercase first
      tertiary = (x >= 97 && x <= 122) ? -1 : 1;
    }
    i = __prelude_collation_skip(a, i + 1, na);
    j = __prelude_collation_skip(b, j + 1, nb);
  }
  if (i < na) return 1;
  if (j < nb) return -1;
  return tertiary;
}

__sy_define_hidden(__prelude_SP, "localeCompare", function localeCompare(that) {
  var s = __prelude_this_string(this, "localeCompare");
  return __prelude_locale_compare(s, __prelude_str(that));
});

// Without normalization tables, normalize() only validates its argument and
// returns the string unchanged (correct for text already in the form asked).
__sy_define_hidden(__prelude_SP, "normalize", function normalize() {
  var form = __sy_arg(0);
  var s = __prelude_this_string(this, "normalize");
  var f = form === undefined ? "NFC" : __prelude_str(form);
  if (f !== "NFC" && f !== "NFD" && f !== "NFKC" && f !== "NFKD") {
    __sy_throw_range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD.");
  }
  return s;
});

// String.prototype[Symbol.iterator]: a string iterator (by code point).
__sy_define_hidden(__prelude_SP, "Symbol(Symbol.iterator)", function (/* [Symbol.iterator] */) {
  return __sy_array_iterator(__prelude_this_string(this, "[Symbol.iterator]"), 3);
});
