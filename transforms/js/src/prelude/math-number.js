// switchyard prelude: math-number.js
//
// Number (constructor, statics, prototype formatting methods), the global
// numeric functions (parseInt, parseFloat, isNaN, isFinite) and Math.
//
// Number formatting (toFixed, toPrecision, toExponential) is exact: it works
// on the exact decimal expansion of the double (big-integer arithmetic in
// base 10^7 limbs), rounding half up as the specification (and V8) does.
// toString(radix) is a port of V8's DoubleToRadixCString.

function Number(value) {
  if (__sy_argc() === 0) return 0;
  return __prelude_to_number(value);
}

var __prelude_NP = __sy_proto("Number");
__sy_define_hidden(Number, "prototype", __prelude_NP);
__sy_define_hidden(__prelude_NP, "constructor", Number);

__sy_define_hidden(Number, "MAX_SAFE_INTEGER", 9007199254740991);
__sy_define_hidden(Number, "MIN_SAFE_INTEGER", -9007199254740991);
__sy_define_hidden(Number, "EPSILON", 2.220446049250313e-16);
__sy_define_hidden(Number, "MAX_VALUE", 1.7976931348623157e308);
__sy_define_hidden(Number, "MIN_VALUE", 5e-324);
__sy_define_hidden(Number, "POSITIVE_INFINITY", 1 / 0);
__sy_define_hidden(Number, "NEGATIVE_INFINITY", -1 / 0);
__sy_define_hidden(Number, "NaN", 0 / 0);

function __prelude_is_finite_number(v) {
  return __sy_is_number(v) && v === v && v !== 1 / 0 && v !== -1 / 0;
}

__sy_define_hidden(Number, "isFinite", function isFinite(v) {
  return __prelude_is_finite_number(v);
});

__sy_define_hidden(Number, "isNaN", function isNaN(v) {
  return __sy_is_number(v) && v !== v;
});

__sy_define_hidden(Number, "isInteger", function isInteger(v) {
  return __prelude_is_finite_number(v) && __sy_trunc(v) === v;
});

__sy_define_hidden(Number, "isSafeInteger", function isSafeInteger(v) {
  return __prelude_is_finite_number(v) && __sy_trunc(v) === v && __sy_abs(v) <= 9007199254740991;
});

// ---- global functions --------------------------------------------------------------

function parseInt(string, radix) {
  return __sy_parse_int(__prelude_to_string(string), __sy_to_int32(__prelude_to_number(radix)));
}

function parseFloat(string) {
  return __sy_parse_float(__prelude_to_string(string));
}

function isNaN(value) {
  var n = __prelude_to_number(value);
  return n !== n;
}

function isFinite(value) {
  var n = __prelude_to_number(value);
  return n === n && n !== 1 / 0 && n !== -1 / 0;
}

// As in Node, Number.parseInt/parseFloat are the global functions.
__sy_define_hidden(Number, "parseInt", parseInt);
__sy_define_hidden(Number, "parseFloat", parseFloat);

// ---- exact decimal expansion ------------------------------------------------------------
//
// Big naturals are little-endian arrays of base-10^7 limbs.

function __prelude_big_from(m) {
  // 0 <= m < 2^53, an integer
  var r = __sy_new_array(3);
  if (m === 0) {
    __sy_array_push(r, 0);
    return r;
  }
  while (m > 0) {
    var d = m % 10000000;
    __sy_array_push(r, d);
    m = (m - d) / 10000000;
  }
  return r;
}

// big *= f in place (1 <= f <= 2^21).
function __prelude_big_mul(big, f) {
  var n = __sy_array_len(big);
  var carry = 0;
  for (var i = 0; i < n; i++) {
    var t = big[i] * f + carry;
    var d = t % 10000000;
    big[i] = d;
    carry = (t - d) / 10000000;
  }
  while (carry > 0) {
    var e = carry % 10000000;
    __sy_array_push(big, e);
    carry = (carry - e) / 10000000;
  }
}

function __prelude_big_digits(big) {
  var n = __sy_array_len(big);
  var parts = __sy_new_array(n);
  __sy_array_push(parts, __sy_to_string(big[n - 1]));
  for (var i = n - 2; i >= 0; i--) {
    var s = __sy_to_string(big[i]);
    var l = __sy_str_len(s);
    if (l < 7) s = __sy_str_concat(__sy_substring("000000", 0, 7 - l), s);
    __sy_array_push(parts, s);
  }
  return __sy_concat_all(parts);
}

// For a finite x > 0: [digits, point] with x = 0.digits * 10^point exactly,
// digits without leading or trailing zeros.
function __prelude_exact_decimal(x) {
  var m = x;
  var k = 0;
  var j = 0;
  if (m >= 9007199254740992) {
    while (m >= 9007199254740992) {
      m = m / 2;
      j++;
    }
  } else {
    while (m !== __sy_floor(m)) {
      m = m * 2;
      k++;
    }
  }
  var big = __prelude_big_from(m);
  while (j >= 20) {
    __prelude_big_mul(big, 1048576);
    j -= 20;
  }
  if (j > 0) __prelude_big_mul(big, __sy_pow(2, j));
  var k0 = k;
  while (k >= 9) {
    __prelude_big_mul(big, 1953125);
    k -= 9;
  }
  if (k > 0) __prelude_big_mul(big, __sy_pow(5, k));
  var d = __prelude_big_digits(big);
  var n = __sy_str_len(d);
  var point = n - k0;
  var end = n;
  while (end > 1 && __sy_char_code_at(d, end - 1) === 48) end--;
  if (end < n) d = __sy_substring(d, 0, end);
  var r = __sy_new_array(2);
  __sy_array_push(r, d);
  __sy_array_push(r, point);
  return r;
}

// For a finite x > 0: [digits, point] of the shortest round-trip decimal
// (the digits Number.prototype.toString prints).
function __prelude_shortest_decimal(x) {
  var s = __sy_to_string(x);
  var n = __sy_str_len(s);
  var e = __prelude_index_of(s, "e", 0);
  var exp = 0;
  if (e !== -1) {
    exp = __sy_string_to_number(__sy_substring(s, e + 1, n));
    n = e;
  }
  var dot = __prelude_index_of(s, ".", 0);
  var intLen = n;
  var d = __sy_substring(s, 0, n);
  if (dot !== -1 && dot < n) {
    intLen = dot;
    d = __sy_str_concat(__sy_substring(s, 0, dot), __sy_substring(s, dot + 1, n));
  }
  var len = __sy_str_len(d);
  var lz = 0;
  while (lz < len - 1 && __sy_char_code_at(d, lz) === 48) lz++;
  var end = len;
  while (end > lz + 1 && __sy_char_code_at(d, end - 1) === 48) end--;
  var r = __sy_new_array(2);
  __sy_array_push(r, __sy_substring(d, lz, end));
  __sy_array_push(r, intLen - lz + exp);
  return r;
}

function __prelude_zeros(n) {
  if (n <= 0) return "";
  return __prelude_repeat("0", n);
}

// The first `keep` digits of d rounded half up on the digit after them
// (padded with zeros when d is shorter). May return keep + 1 digits when
// the rounding carries out ("999" -> "1000").
function __prelude_round_digits(d, keep) {
  var n = __sy_str_len(d);
  if (keep >= n) return __sy_str_concat(d, __prelude_zeros(keep - n));
  if (keep < 0) return "";
  var head = __sy_substring(d, 0, keep);
  if (__sy_char_code_at(d, keep) < 53) return head;
  // increment head
  var i = keep - 1;
  while (i >= 0 && __sy_char_code_at(head, i) === 57) i--;
  if (i < 0) return __sy_str_concat("1", __prelude_zeros(keep));
  return __sy_str_concat(__sy_str_concat(__sy_substring(head, 0, i), __sy_from_char_code(__sy_char_code_at(head, i) + 1)),
    __prelude_zeros(keep - i - 1));
}

function __prelude_this_number(v, name) {
  if (!__sy_is_number(v)) __sy_throw_type_error("Number.prototype." + name + " requires that 'this' be a Number");
  return v;
}

// ---- Number.prototype -------------------------------------------------------------------

__sy_define_hidden(__prelude_NP, "valueOf", function valueOf() {
  return __prelude_this_number(this, "valueOf");
});

__sy_define_hidden(__prelude_NP, "toFixed", function toFixed(fractionDigits) {
  var x = __prelude_this_number(this, "toFixed");
  var f = __prelude_to_integer(fractionDigits);
  if (f < 0 || f > 100) __sy_throw_range_error("toFixed() digits argument must be between 0 and 100");
  if (x !== x) return "NaN";
  var sign = "";
  if (x < 0) {
    sign = "-";
    x = -x;
  }
  if (x >= 1e21) return __sy_str_concat(sign, __sy_to_string(x));
  var n;
  if (x === 0) {
    n = "0";
  } else {
    var dec = __prelude_exact_decimal(x);
    n = __prelude_round_digits(dec[0], dec[1] + f);
    if (n === "") n = "0";
  }
  if (f !== 0) {
    var k = __sy_str_len(n);
    if (k <= f) {
      n = __sy_str_concat(__prelude_zeros(f + 1 - k), n);
      k = f + 1;
    }
    n = __sy_str_concat(__sy_str_concat(__sy_substring(n, 0, k - f), "."), __sy_substring(n, k - f, k));
  }
  return __sy_str_concat(sign, n);
});

function __prelude_exponent_suffix(e) {
  return e < 0 ? __sy_str_concat("e-", __sy_to_string(-e)) : __sy_str_concat("e+", __sy_to_string(e));
}

__sy_define_hidden(__prelude_NP, "toExponential", function toExponential(fractionDigits) {
  var x = __prelude_this_number(this, "toExponential");
  var f = __prelude_to_integer(fractionDigits);
  if (x !== x) return "NaN";
  if (x === 1 / 0) return "Infinity";
  if (x === -1 / 0) return "-Infinity";
  if (f < 0 || f > 100) __sy_throw_range_error("toExponential() argument must be between 0 and 100");
  var sign = "";
  if (x < 0) {
    sign = "-";
    x = -x;
  }
  var n;
  var e;
  if (x === 0) {
    n = __sy_str_concat("0", __prelude_zeros(f));
    e = 0;
  } else {
    var dec;
    if (fractionDigits === undefined) {
      dec = __prelude_shortest_decimal(x);
      n = dec[0];
      f = __sy_str_len(n) - 1;
    } else {
      dec = __prelude_exact_decimal(x);
      n = __prelude_round_digits(dec[0], f + 1);
    }
    e = dec[1] - 1;
    if (__sy_str_len(n) > f + 1) {
      n = __sy_substring(n, 0, f + 1);
      e++;
    }
  }
  var m = __sy_substring(n, 0, 1);
  if (f !== 0) m = __sy_str_concat(__sy_str_concat(m, "."), __sy_substring(n, 1, f + 1));
  return __sy_str_concat(__sy_str_concat(sign, m), __prelude_exponent_suffix(e));
});

__sy_define_hidden(__prelude_NP, "toPrecision", function toPrecision(precision) {
  var x = __prelude_this_number(this, "toPrecision");
  if (precision === undefined) return __sy_to_string(x);
  var p = __prelude_to_integer(precision);
  if (x !== x) return "NaN";
  if (x === 1 / 0) return "Infinity";
  if (x === -1 / 0) return "-Infinity";
  if (p < 1 || p > 100) __sy_throw_range_error("toPrecision() argument must be between 1 and 100");
  var sign = "";
  if (x < 0) {
    sign = "-";
    x = -x;
  }
  var n;
  var e;
  if (x === 0) {
    n = __prelude_zeros(p);
    e = 0;
  } else {
    var dec = __prelude_exact_decimal(x);
    n = __prelude_round_digits(dec[0], p);
    e = dec[1] - 1;
    if (__sy_str_len(n) > p) {
      n = __sy_substring(n, 0, p);
      e++;
    }
    if (e < -6 || e >= p) {
      var m = __sy_substring(n, 0, 1);
      if (p !== 1) m = __sy_str_concat(__sy_str_concat(m, "."), __sy_substring(n, 1, p));
      return __sy_str_concat(__sy_str_concat(sign, m), __prelude_exponent_suffix(e));
    }
  }
  if (e === p - 1) return __sy_str_concat(sign, n);
  if (e >= 0) {
    return __sy_str_concat(sign, __sy_str_concat(__sy_str_concat(__sy_substring(n, 0, e + 1), "."), __sy_substring(n, e + 1, p)));
  }
  return __sy_str_concat(sign, __sy_str_concat(__sy_str_concat("0.", __prelude_zeros(-(e + 1))), n));
});

var __prelude_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

// The distance from x (finite, > 0) to the next larger double.
function __prelude_ulp(x) {
  if (x < 2.2250738585072014e-308) return 5e-324;
  var p = 1;
  if (x >= 1) {
    while (p * 2 <= x) p = p * 2;
  } else {
    while (p > x) p = p / 2;
  }
  return p * 2.220446049250313e-16;
}

// V8's DoubleToRadixCString (src/numbers/conversions.cc) for finite x != 0.
function __prelude_radix_string(value, radix) {
  var negative = value < 0;
  if (negative) value = -value;
  var integer = __sy_floor(value);
  var fraction = value - integer;
  var delta = 0.5 * __prelude_ulp(value);
  if (delta < 5e-324) delta = 5e-324;
  var frac = __sy_new_array(0);
  var digit;
  if (fraction >= delta) {
    do {
      fraction = fraction * radix;
      delta = delta * radix;
      digit = __sy_trunc(fraction);
      __sy_array_push(frac, digit);
      fraction = fraction - digit;
      if (fraction > 0.5 || (fraction === 0.5 && (digit % 2) === 1)) {
        if (fraction + delta > 1) {
          // round up, propagating the carry through written digits
          while (true) {
            var len = __sy_array_len(frac);
            if (len === 0) {
              integer = integer + 1;
              break;
            }
            var last = frac[len - 1];
            __sy_array_set_len(frac, len - 1);
            if (last + 1 < radix) {
              __sy_array_push(frac, last + 1);
              break;
            }
          }
          break;
        }
      }
    } while (fraction >= delta);
  }
  var ints = __sy_new_array(0);
  while (integer / radix >= 9007199254740992) {
    integer = integer / radix;
    __sy_array_push(ints, "0");
  }
  do {
    var rem = integer % radix;
    __sy_array_push(ints, __sy_from_char_code(__sy_char_code_at(__prelude_DIGITS, __sy_trunc(rem))));
    integer = (integer - rem) / radix;
  } while (integer > 0);
  var n = __sy_array_len(ints);
  var nf = __sy_array_len(frac);
  var parts = __sy_new_array(n + nf + 2);
  if (negative) __sy_array_push(parts, "-");
  for (var i = n - 1; i >= 0; i--) __sy_array_push(parts, ints[i]);
  if (nf > 0) {
    __sy_array_push(parts, ".");
    for (var j = 0; j < nf; j++) __sy_array_push(parts, __sy_from_char_code(__sy_char_code_at(__prelude_DIGITS, frac[j])));
  }
  return __sy_concat_all(parts);
}

__sy_define_hidden(__prelude_NP, "toString", function toString(radix) {
  var x = __prelude_this_number(this, "toString");
  var r = radix === undefined ? 10 : __prelude_to_integer(radix);
  if (r < 2 || r > 36) __sy_throw_range_error("toString() radix argument must be between 2 and 36");
  if (r === 10 || x !== x || x === 0 || x === 1 / 0 || x === -1 / 0) return __sy_to_string(x);
  return __prelude_radix_string(x, r);
});

// en-US formatting as Node's default ICU does it: grouping commas and at
// most three fraction digits (rounded half away from zero on the shortest
// decimal representation, as ICU does). Only the options minimumFractionDigits and
// maximumFractionDigits are honoured; the locale argument is ignored.
__sy_define_hidden(__prelude_NP, "toLocaleString", function toLocaleString() {
  var locales = __sy_arg(0);
  var options = __sy_arg(1);
  var x = __prelude_this_number(this, "toLocaleString");
  var minF = 0;
  var maxF = 3;
  if (__sy_is_object(options)) {
    if (options.minimumFractionDigits !== undefined) {
      minF = __prelude_to_integer(options.minimumFractionDigits);
      if (maxF < minF) maxF = minF;
    }
    if (options.maximumFractionDigits !== undefined) {
      maxF = __prelude_to_integer(options.maximumFractionDigits);
      if (minF > maxF) minF = maxF;
    }
  }
  if (x !== x) return "NaN";
  var sign = x < 0 || (x === 0 && 1 / x < 0) ? "-" : "";
  if (x < 0) x = -x;
  if (x === 1 / 0) return __sy_str_concat(sign, "∞");
  var intPart = "0";
  var fracPart = "";
  if (x !== 0) {
    var dec = __prelude_shortest_decimal(x);
    var d = dec[0];
    var point = dec[1];
    var keep = point + maxF;
    var nd = __sy_str_len(d);
    var n;
    if (keep >= nd) {
      n = __sy_str_concat(d, __prelude_zeros(keep - nd));
    } else if (keep < 0) {
      n = "";
    } else {
      // ICU's default rounding (half away from zero) on the shortest digits
      n = __prelude_round_digits(d, keep);
    }
    if (__sy_str_len(n) === 0) n = "0";
    var k = __sy_str_len(n);
    if (k <= maxF) {
      n = __sy_str_concat(__prelude_zeros(maxF + 1 - k), n);
      k = maxF + 1;
    }
    intPart = __sy_substring(n, 0, k - maxF);
    fracPart = __sy_substring(n, k - maxF, k);
  }
  // trim fraction zeros down to minF
  var fl = __sy_str_len(fracPart);
  while (fl > minF && __sy_char_code_at(fracPart, fl - 1) === 48) fl--;
  fracPart = __sy_substring(fracPart, 0, fl);
  if (fl < minF) fracPart = __sy_str_concat(fracPart, __prelude_zeros(minF - fl));
  // group the integer digits
  var il = __sy_str_len(intPart);
  var groups = __sy_new_array(0);
  var first = il % 3;
  if (first === 0) first = 3;
  __sy_array_push(groups, __sy_substring(intPart, 0, first));
  for (var i = first; i < il; i += 3) {
    __sy_array_push(groups, ",");
    __sy_array_push(groups, __sy_substring(intPart, i, i + 3));
  }
  var body = __sy_concat_all(groups);
  if (__sy_str_len(fracPart) > 0) body = __sy_str_concat(__sy_str_concat(body, "."), fracPart);
  return __sy_str_concat(sign, body);
});

// ---- Math ------------------------------------------------------------------------
//
// Math.sin/cos/tan/asin/acos/atan/atan2/exp/expm1/log/log1p/log2/log10/
// sinh/cosh/tanh/asinh/acosh/atanh/fround are not provided: there are no
// intrinsics for them and pure-JS versions would not be bit-identical to
// V8's fdlibm ports. Math.random is a deterministic generator (fixed seed).

var Math = {};

__sy_define_hidden(Math, "PI", 3.141592653589793);
__sy_define_hidden(Math, "E", 2.718281828459045);
__sy_define_hidden(Math, "LN2", 0.6931471805599453);
__sy_define_hidden(Math, "LN10", 2.302585092994046);
__sy_define_hidden(Math, "LOG2E", 1.4426950408889634);
__sy_define_hidden(Math, "LOG10E", 0.4342944819032518);
__sy_define_hidden(Math, "SQRT2", 1.4142135623730951);
__sy_define_hidden(Math, "SQRT1_2", 0.7071067811865476);

function __prelude_num(v) {
  return __sy_is_number(v) ? v : __prelude_to_number(v);
}

__sy_define_hidden(Math, "abs", function abs(x) {
  return __sy_abs(__sy_is_number(x) ? x : __prelude_to_number(x));
});

__sy_define_hidden(Math, "floor", function floor(x) {
  return __sy_floor(__sy_is_number(x) ? x : __prelude_to_number(x));
});

__sy_define_hidden(Math, "ceil", function ceil(x) {
  return __sy_ceil(__sy_is_number(x) ? x : __prelude_to_number(x));
});

__sy_define_hidden(Math, "trunc", function trunc(x) {
  return __sy_trunc(__sy_is_number(x) ? x : __prelude_to_number(x));
});

__sy_define_hidden(Math, "sign", function sign(x) {
  var n = __prelude_num(x);
  if (n > 0) return 1;
  if (n < 0) return -1;
  return n;
});

// ECMAScript rounding: half-way cases go toward +Infinity; -0 for (-0.5, -0].
__sy_define_hidden(Math, "round", function round(x) {
  var n = __sy_is_number(x) ? x : __prelude_to_number(x);
  var r = __sy_floor(n);
  if (n - r >= 0.5) r = r + 1;
  if (r === 0 && (n < 0 || 1 / n < 0)) return -0;
  return r;
});

__sy_define_hidden(Math, "sqrt", function sqrt(x) {
  return __sy_sqrt(__sy_is_number(x) ? x : __prelude_to_number(x));
});

__sy_define_hidden(Math, "pow", function pow(x, y) {
  var a = __prelude_num(x);
  return __sy_pow(a, __prelude_num(y));
});

// ---- IEEE-754 words by arithmetic (for fdlibm ports) ----

// 2^k for an integer -1074 <= k <= 1023, exactly.
function __prelude_pow2(k) {
  var base = 2;
  if (k < 0) {
    base = 0.5;
    k = -k;
  }
  var r = 1;
  while (k > 0) {
    if (k % 2 === 1) r = r * base;
    k = __sy_floor(k / 2);
    if (k > 0) base = base * base;
  }
  return r;
}

// floor(log2(x)) for a normal x > 0.
function __prelude_exponent(x) {
  var e = 0;
  if (x >= 1) {
    while (x >= 4294967296) {
      x = x / 4294967296;
      e += 32;
    }
    while (x >= 2) {
      x = x / 2;
      e++;
    }
  } else {
    while (x < 2.3283064365386963e-10) {
      x = x * 4294967296;
      e -= 32;
    }
    while (x < 1) {
      x = x * 2;
      e--;
    }
  }
  return e;
}

// The high (sign cleared) and low 32-bit words of a finite x >= 0, as [hi, lo].
function __prelude_words(x) {
  var exp;
  var m;
  if (x < 2.2250738585072014e-308) {
    exp = 0;
    m = x / 5e-324;
  } else {
    var e = __prelude_exponent(x);
    exp = e + 1023;
    m = (x / __prelude_pow2(e) - 1) * 4503599627370496;
  }
  var lo = m % 4294967296;
  var r = __sy_new_array(2);
  __sy_array_push(r, exp * 1048576 + (m - lo) / 4294967296);
  __sy_array_push(r, lo);
  return r;
}

// The non-negative double with high word hi (sign bit clear) and low word lo.
function __prelude_from_words(hi, lo) {
  var mhi = hi % 1048576;
  var exp = (hi - mhi) / 1048576;
  var m = mhi * 4294967296 + lo;
  if (exp === 0) return m * 5e-324;
  return (1 + m / 4503599627370496) * __prelude_pow2(exp - 1023);
}

// Cube root: a port of fdlibm's s_cbrt.c (FreeBSD version, as in V8's
// base/ieee754.cc), with the word manipulations done arithmetically.
__sy_define_hidden(Math, "cbrt", function cbrt(x) {
  var n = __prelude_num(x);
  if (n !== n || n === 1 / 0 || n === -1 / 0) return n + n;
  if (n === 0) return n;
  var neg = n < 0;
  var ax = neg ? -n : n;
  var w = __prelude_words(ax);
  var hx = w[0];
  var t;
  if (hx < 0x00100000) {
    // subnormal: scale by 2^54 first
    var hw = __prelude_words(18014398509481984 * ax)[0];
    t = __prelude_from_words(__sy_floor(hw / 3) + 696219795, 0);
  } else {
    t = __prelude_from_words(__sy_floor(hx / 3) + 715094163, 0);
  }
  // new cbrt to 23 bits
  var r = (t * t) * (t / ax);
  t = t * ((1.87595182427177009643 + r * (-1.88497979543377169875 + r * 1.621429720105354466140)) +
    ((r * r) * r) * (-0.758397934778766047437 + r * 0.145996192886612446982));
  // round t away from zero to 23 bits: bits = (bits + 2^31) & ~(2^30 - 1)
  var tw = __prelude_words(t);
  var lo = tw[1] + 2147483648;
  var hi = tw[0];
  if (lo >= 4294967296) {
    lo = lo - 4294967296;
    hi = hi + 1;
  }
  lo = lo - lo % 1073741824;
  t = __prelude_from_words(hi, lo);
  // one Newton step to 53 bits
  var s = t * t;
  r = ax / s;
  var w2 = t + t;
  r = (r - t) / (w2 + r);
  t = t + t * r;
  return neg ? -t : t;
});

function __prelude_min_max(list, n, isMax) {
  var r = isMax ? -1 / 0 : 1 / 0;
  for (var i = 0; i < n; i++) {
    var v = __prelude_num(list[i]);
    r = isMax ? __sy_fmax(r, v) : __sy_fmin(r, v);
  }
  return r;
}

__sy_define_hidden(Math, "max", function max(value1, value2) {
  var n = __sy_argc();
  if (n === 2) {
    var a = __sy_is_number(value1) ? value1 : __prelude_to_number(value1);
    return __sy_fmax(a, __sy_is_number(value2) ? value2 : __prelude_to_number(value2));
  }
  var r = -1 / 0;
  for (var i = 0; i < n; i++) r = __sy_fmax(r, __prelude_num(__sy_arg(i)));
  return r;
});
__sy_define_hidden(Math.max, "__prelude_applyv", function (t, list) {
  return __prelude_min_max(list, __sy_array_len(list), true);
});

__sy_define_hidden(Math, "min", function min(value1, value2) {
  var n = __sy_argc();
  if (n === 2) {
    var a = __sy_is_number(value1) ? value1 : __prelude_to_number(value1);
    return __sy_fmin(a, __sy_is_number(value2) ? value2 : __prelude_to_number(value2));
  }
  var r = 1 / 0;
  for (var i = 0; i < n; i++) r = __sy_fmin(r, __prelude_num(__sy_arg(i)));
  return r;
});
__sy_define_hidden(Math.min, "__prelude_applyv", function (t, list) {
  return __prelude_min_max(list, __sy_array_len(list), false);
});

// V8's MathHypot: scale by the largest magnitude, Kahan-summed squares.
function __prelude_hypot(list, n) {
  if (n === 0) return 0;
  var abs = __sy_new_array(n);
  var oneNaN = false;
  var max = 0;
  for (var i = 0; i < n; i++) {
    var v = __prelude_num(list[i]);
    if (v !== v) {
      oneNaN = true;
      __sy_array_push(abs, 0);
    } else {
      var a = __sy_abs(v);
      __sy_array_push(abs, a);
      if (a > max) max = a;
    }
  }
  if (max === 1 / 0) return 1 / 0;
  if (oneNaN) return 0 / 0;
  if (max === 0) return 0;
  var sum = 0;
  var compensation = 0;
  for (var j = 0; j < n; j++) {
    var m = abs[j] / max;
    var summand = m * m - compensation;
    var preliminary = sum + summand;
    compensation = (preliminary - sum) - summand;
    sum = preliminary;
  }
  return __sy_sqrt(sum) * max;
}

__sy_define_hidden(Math, "hypot", function hypot(value1, value2) {
  var n = __sy_argc();
  var list = __sy_new_array(n);
  for (var i = 0; i < n; i++) __sy_array_push(list, __sy_arg(i));
  return __prelude_hypot(list, n);
});
__sy_define_hidden(Math.hypot, "__prelude_applyv", function (t, list) {
  return __prelude_hypot(list, __sy_array_len(list));
});

__sy_define_hidden(Math, "imul", function imul(a, b) {
  var x = __prelude_to_uint32(a);
  var y = __prelude_to_uint32(b);
  var xh = (x >>> 16) & 0xFFFF;
  var xl = x & 0xFFFF;
  var yh = (y >>> 16) & 0xFFFF;
  var yl = y & 0xFFFF;
  return ((xl * yl) + (((xh * yl + xl * yh) << 16) >>> 0)) | 0;
});

__sy_define_hidden(Math, "clz32", function clz32(x) {
  var n = __prelude_to_uint32(x);
  if (n === 0) return 32;
  var c = 0;
  while (n < 2147483648) {
    n = n * 2;
    c++;
  }
  return c;
});

// Deterministic: two 32-bit xorshift generators give 53 random bits.
var __prelude_rand_a = 0x2545F491;
var __prelude_rand_b = 0x9E3779B9 | 0;

function __prelude_xorshift(s) {
  s = s ^ (s << 13);
  s = s ^ (s >>> 17);
  s = s ^ (s << 5);
  return s | 0;
}

__sy_define_hidden(Math, "random", function random() {
  __prelude_rand_a = __prelude_xorshift(__prelude_rand_a);
  __prelude_rand_b = __prelude_xorshift(__prelude_rand_b);
  var hi = (__prelude_rand_a >>> 5) >>> 0;
  var lo = (__prelude_rand_b >>> 6) >>> 0;
  return (hi * 67108864 + lo) / 9007199254740992;
});
