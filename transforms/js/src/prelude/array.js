// switchyard prelude: array.js
//
// `Array(...)`, Array.isArray/of/from and the Array.prototype methods.
//
// Holes (elements never written) are told apart from `undefined` with the
// `in` operator (`i in a` is false for a hole); methods skip or keep them
// exactly where the specification does. Methods require a real array as
// `this` (array-like receivers are not supported). `sort` is a faithful port
// of V8's TimSort (third_party/v8/builtins/array-sort.tq), so even
// inconsistent comparators see the same calls in the same order as in Node.

function Array(len) {
  var n = __sy_argc();
  if (n === 1 && __sy_is_number(len)) {
    if (len !== __prelude_to_uint32(len)) __sy_throw_range_error("Invalid array length");
    var a = __sy_new_array(len <= 1048576 ? len : 0);
    __sy_array_set_len(a, len);
    return a;
  }
  var r = __sy_new_array(n);
  for (var i = 0; i < n; i++) __sy_array_push(r, __sy_arg(i));
  return r;
}

var __prelude_AP = __sy_proto("Array");
__sy_define_hidden(Array, "prototype", __prelude_AP);
__sy_define_hidden(__prelude_AP, "constructor", Array);

__sy_define_hidden(Array, "isArray", function isArray(v) {
  return __sy_is_array(v);
});

__sy_define_hidden(Array, "of", function of() {
  var n = __sy_argc();
  var r = __sy_new_array(n);
  for (var i = 0; i < n; i++) __sy_array_push(r, __sy_arg(i));
  return r;
});
__sy_define_hidden(Array.of, "__prelude_applyv", function (t, list) {
  return __prelude_iterable_to_list(list);
});

__sy_define_hidden(Array, "from", function from(items) {
  var mapFn = __sy_arg(1);
  var thisArg = __sy_arg(2);
  if (mapFn !== undefined) __prelude_require_callable(mapFn);
  var list;
  if (__sy_is_array(items) || __sy_is_string(items) || items === undefined || items === null ||
      __sy_is_function(items[__sy_symbol(1)])) {
    list = __prelude_iterable_to_list(items);
  } else {
    // array-like
    var len = __prelude_to_length(items.length);
    list = __sy_new_array(len);
    for (var i = 0; i < len; i++) __sy_array_push(list, items[i]);
  }
  if (mapFn === undefined) return list;
  var n = __sy_array_len(list);
  var r = __sy_new_array(n);
  for (var k = 0; k < n; k++) __sy_array_push(r, __prelude_call2(mapFn, thisArg, list[k], k));
  return r;
});

// ---- helpers -------------------------------------------------------------------

// a[to] = a[from], or a hole at `to` when `from` is a hole.
function __prelude_move(a, from, to) {
  var v = a[from];
  if (v === undefined && !(from in a)) delete a[to];
  else a[to] = v;
}

// Appends element i of `src` to `r`, keeping a hole a hole.
function __prelude_append_element(r, src, i) {
  var v = src[i];
  if (v === undefined && !(i in src)) __sy_array_set_len(r, __sy_array_len(r) + 1);
  else __sy_array_push(r, v);
}

// Calls fn(v, k, a) with this = thisArg.
function __prelude_callback(fn, thisArg, v, k, a) {
  if (thisArg === undefined) return fn(v, k, a);
  return __prelude_call3(fn, thisArg, v, k, a);
}

// ---- mutators --------------------------------------------------------------------

__sy_define_hidden(__prelude_AP, "push", function push(item) {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("push");
  var n = __sy_argc();
  if (n === 1) {
    __sy_array_push(a, item);
  } else {
    for (var i = 0; i < n; i++) __sy_array_push(a, __sy_arg(i));
  }
  return __sy_array_len(a);
});
__sy_define_hidden(__prelude_AP.push, "__prelude_applyv", function (a, list) {
  if (!__sy_is_array(a)) __prelude_not_array("push");
  var n = __sy_array_len(list);
  for (var i = 0; i < n; i++) __sy_array_push(a, list[i]);
  return __sy_array_len(a);
});

__sy_define_hidden(__prelude_AP, "pop", function pop() {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("pop");
  var len = __sy_array_len(a);
  if (len === 0) return undefined;
  var v = a[len - 1];
  __sy_array_set_len(a, len - 1);
  return v;
});

__sy_define_hidden(__prelude_AP, "shift", function shift() {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("shift");
  var len = __sy_array_len(a);
  if (len === 0) return undefined;
  var first = a[0];
  for (var k = 1; k < len; k++) __prelude_move(a, k, k - 1);
  __sy_array_set_len(a, len - 1);
  return first;
});

function __prelude_unshift(a, list, n) {
  var len = __sy_array_len(a);
  if (n > 0) {
    __sy_array_set_len(a, len + n);
    for (var k = len - 1; k >= 0; k--) __prelude_move(a, k, k + n);
    for (var j = 0; j < n; j++) a[j] = list[j];
  }
  return len + n;
}

__sy_define_hidden(__prelude_AP, "unshift", function unshift(item) {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("unshift");
  var n = __sy_argc();
  var list = __sy_new_array(n);
  for (var i = 0; i < n; i++) __sy_array_push(list, __sy_arg(i));
  return __prelude_unshift(a, list, n);
});
__sy_define_hidden(__prelude_AP.unshift, "__prelude_applyv", function (a, list) {
  if (!__sy_is_array(a)) __prelude_not_array("unshift");
  return __prelude_unshift(a, list, __sy_array_len(list));
});

// splice with the items in `items` (argc = the call's argument count).
function __prelude_splice(a, start, deleteCount, items, argc) {
  var len = __sy_array_len(a);
  var actualStart = __prelude_rel_index(start, len, 0);
  var dc;
  if (argc === 0) dc = 0;
  else if (argc === 1) dc = len - actualStart;
  else {
    dc = __prelude_to_integer(deleteCount);
    if (dc < 0) dc = 0;
    if (dc > len - actualStart) dc = len - actualStart;
  }
  var removed = __sy_new_array(dc);
  for (var i = 0; i < dc; i++) __prelude_append_element(removed, a, actualStart + i);
  var itemCount = __sy_array_len(items);
  var newLen = len - dc + itemCount;
  var k;
  if (itemCount < dc) {
    for (k = actualStart; k < len - dc; k++) __prelude_move(a, k + dc, k + itemCount);
    __sy_array_set_len(a, newLen);
  } else if (itemCount > dc) {
    __sy_array_set_len(a, newLen);
    for (k = len - dc; k > actualStart; k--) __prelude_move(a, k + dc - 1, k + itemCount - 1);
  }
  for (var j = 0; j < itemCount; j++) a[actualStart + j] = items[j];
  return removed;
}

__sy_define_hidden(__prelude_AP, "splice", function splice(start, deleteCount) {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("splice");
  var argc = __sy_argc();
  var items = __sy_new_array(argc > 2 ? argc - 2 : 0);
  for (var i = 2; i < argc; i++) __sy_array_push(items, __sy_arg(i));
  return __prelude_splice(a, start, deleteCount, items, argc);
});

__sy_define_hidden(__prelude_AP, "fill", function fill(value) {
  var start = __sy_arg(1);
  var end = __sy_arg(2);
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("fill");
  var len = __sy_array_len(a);
  var k = __prelude_rel_index(start, len, 0);
  var fin = __prelude_rel_index(end, len, len);
  for (; k < fin; k++) a[k] = value;
  return a;
});

__sy_define_hidden(__prelude_AP, "copyWithin", function copyWithin(target, start) {
  var end = __sy_arg(2);
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("copyWithin");
  var len = __sy_array_len(a);
  var to = __prelude_rel_index(target, len, 0);
  var from = __prelude_rel_index(start, len, 0);
  var fin = __prelude_rel_index(end, len, len);
  var count = fin - from;
  if (len - to < count) count = len - to;
  if (count <= 0) return a;
  if (from < to && to < from + count) {
    for (var i = count - 1; i >= 0; i--) __prelude_move(a, from + i, to + i);
  } else {
    for (var j = 0; j < count; j++) __prelude_move(a, from + j, to + j);
  }
  return a;
});

__sy_define_hidden(__prelude_AP, "reverse", function reverse() {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("reverse");
  var lower = 0;
  var upper = __sy_array_len(a) - 1;
  while (lower < upper) {
    var lv = a[lower];
    var uv = a[upper];
    var lowerExists = lv !== undefined || lower in a;
    var upperExists = uv !== undefined || upper in a;
    if (lowerExists && upperExists) {
      a[lower] = uv;
      a[upper] = lv;
    } else if (upperExists) {
      a[lower] = uv;
      delete a[upper];
    } else if (lowerExists) {
      delete a[lower];
      a[upper] = lv;
    }
    lower++;
    upper--;
  }
  return a;
});

// ---- accessors -----------------------------------------------------------------------

__sy_define_hidden(__prelude_AP, "slice", function slice(start, end) {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("slice");
  var len = __sy_array_len(a);
  var k = __prelude_rel_index(start, len, 0);
  var fin = __prelude_rel_index(end, len, len);
  var r = __sy_new_array(fin > k ? fin - k : 0);
  for (; k < fin; k++) __prelude_append_element(r, a, k);
  return r;
});

function __prelude_concat_into(r, e) {
  if (__sy_is_array(e)) {
    var n = __sy_array_len(e);
    for (var i = 0; i < n; i++) __prelude_append_element(r, e, i);
  } else {
    __sy_array_push(r, e);
  }
}

__sy_define_hidden(__prelude_AP, "concat", function concat(value) {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("concat");
  var argc = __sy_argc();
  var r = __sy_new_array(__sy_array_len(a) + argc);
  __prelude_concat_into(r, a);
  for (var i = 0; i < argc; i++) __prelude_concat_into(r, __sy_arg(i));
  return r;
});
__sy_define_hidden(__prelude_AP.concat, "__prelude_applyv", function (a, list) {
  if (!__sy_is_array(a)) __prelude_not_array("concat");
  var r = __sy_new_array(0);
  __prelude_concat_into(r, a);
  var n = __sy_array_len(list);
  for (var i = 0; i < n; i++) __prelude_concat_into(r, list[i]);
  return r;
});

// Arrays being joined right now: a cyclic reference joins as "" (as in V8).
var __prelude_join_stack = __sy_new_array(0);

function __prelude_join(a, sep) {
  var len = __sy_array_len(a);
  if (len === 0) return "";
  var depth = __sy_array_len(__prelude_join_stack);
  for (var d = 0; d < depth; d++) {
    if (__prelude_join_stack[d] === a) return "";
  }
  var withSep = __sy_str_len(sep) > 0;
  var parts = __sy_new_array(withSep ? 2 * len - 1 : len);
  var guarded = false;
  try {
    for (var i = 0; i < len; i++) {
      if (withSep && i > 0) __sy_array_push(parts, sep);
      var v = a[i];
      var s;
      if (v === undefined || v === null) s = "";
      else if (__sy_is_string(v)) s = v;
      else if (!__sy_is_object(v)) s = __sy_to_string(v);
      else {
        if (!guarded) {
          __sy_array_push(__prelude_join_stack, a);
          guarded = true;
        }
        s = __prelude_to_string(v);
      }
      __sy_array_push(parts, s);
    }
  } finally {
    if (guarded) __sy_array_set_len(__prelude_join_stack, depth);
  }
  return __sy_concat_all(parts);
}

__sy_define_hidden(__prelude_AP, "join", function join(separator) {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("join");
  return __prelude_join(a, separator === undefined ? "," : __prelude_str(separator));
});

__sy_define_hidden(__prelude_AP, "toString", function toString() {
  var a = this;
  if (!__sy_is_array(a)) return __prelude_object_to_string(a);
  return __prelude_join(a, ",");
});

__sy_define_hidden(__prelude_AP, "toLocaleString", function toLocaleString() {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("toLocaleString");
  var len = __sy_array_len(a);
  var parts = __sy_new_array(len);
  for (var i = 0; i < len; i++) {
    var v = a[i];
    __sy_array_push(parts, v === undefined || v === null ? "" : __prelude_to_string(v.toLocaleString()));
  }
  return __prelude_join(parts, ",");
});

__sy_define_hidden(__prelude_AP, "at", function at(index) {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("at");
  var len = __sy_array_len(a);
  var k = __prelude_to_integer(index);
  if (k < 0) k = len + k;
  if (k < 0 || k >= len) return undefined;
  return a[k];
});

__sy_define_hidden(__prelude_AP, "indexOf", function indexOf(searchElement) {
  var fromIndex = __sy_arg(1);
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("indexOf");
  var len = __sy_array_len(a);
  if (len === 0) return -1;
  var n = fromIndex === undefined ? 0 : __prelude_to_integer(fromIndex);
  if (n >= len) return -1;
  var k = n;
  if (n < 0) {
    k = len + n;
    if (k < 0) k = 0;
  }
  if (searchElement === undefined) {
    for (; k < len; k++) if (a[k] === undefined && k in a) return k;
    return -1;
  }
  for (; k < len; k++) if (a[k] === searchElement) return k;
  return -1;
});

__sy_define_hidden(__prelude_AP, "lastIndexOf", function lastIndexOf(searchElement) {
  var fromIndex = __sy_arg(1);
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("lastIndexOf");
  var len = __sy_array_len(a);
  if (len === 0) return -1;
  var n = __sy_argc() > 1 ? __prelude_to_integer(fromIndex) : len - 1;
  var k = n >= 0 ? (n < len - 1 ? n : len - 1) : len + n;
  for (; k >= 0; k--) {
    var v = a[k];
    if (v === searchElement && (v !== undefined || k in a)) return k;
  }
  return -1;
});

__sy_define_hidden(__prelude_AP, "includes", function includes(searchElement) {
  var fromIndex = __sy_arg(1);
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("includes");
  var len = __sy_array_len(a);
  if (len === 0) return false;
  var n = fromIndex === undefined ? 0 : __prelude_to_integer(fromIndex);
  var k = n;
  if (n < 0) {
    k = len + n;
    if (k < 0) k = 0;
  }
  if (searchElement !== searchElement) {
    for (; k < len; k++) {
      var v = a[k];
      if (v !== v) return true;
    }
    return false;
  }
  for (; k < len; k++) if (a[k] === searchElement) return true;
  return false;
});

__sy_define_hidden(__prelude_AP, "keys", function keys() {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("keys");
  return __sy_array_iterator(a, 1);
});

__sy_define_hidden(__prelude_AP, "values", function values() {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("values");
  return __sy_array_iterator(a, 0);
});

__sy_define_hidden(__prelude_AP, "entries", function entries() {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("entries");
  return __sy_array_iterator(a, 2);
});

// Array.prototype[Symbol.iterator] is Array.prototype.values.
__sy_define_hidden(__prelude_AP, "Symbol(Symbol.iterator)", __prelude_AP.values);

// ---- iteration ---------------------------------------------------------------------

__sy_define_hidden(__prelude_AP, "forEach", function forEach(callbackfn) {
  var thisArg = __sy_arg(1);
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("forEach");
  __prelude_require_callable(callbackfn);
  var len = __sy_array_len(a);
  for (var k = 0; k < len; k++) {
    var v = a[k];
    if (v === undefined && !(k in a)) continue;
    if (thisArg === undefined) callbackfn(v, k, a);
    else __prelude_call3(callbackfn, thisArg, v, k, a);
  }
  return undefined;
});

__sy_define_hidden(__prelude_AP, "map", function map(callbackfn) {
  var thisArg = __sy_arg(1);
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("map");
  __prelude_require_callable(callbackfn);
  var len = __sy_array_len(a);
  var r = __sy_new_array(len);
  for (var k = 0; k < len; k++) {
    var v = a[k];
    if (v === undefined && !(k in a)) {
      __sy_array_set_len(r, k + 1);
      continue;
    }
    var m = thisArg === undefined ? callbackfn(v, k, a) : __prelude_call3(callbackfn, thisArg, v, k, a);
    __sy_array_push(r, m);
  }
  return r;
});

__sy_define_hidden(__prelude_AP, "filter", function filter(callbackfn) {
  var thisArg = __sy_arg(1);
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("filter");
  __prelude_require_callable(callbackfn);
  var len = __sy_array_len(a);
  var r = __sy_new_array(0);
  for (var k = 0; k < len; k++) {
    var v = a[k];
    if (v === undefined && !(k in a)) continue;
    if (thisArg === undefined ? callbackfn(v, k, a) : __prelude_call3(callbackfn, thisArg, v, k, a)) __sy_array_push(r, v);
  }
  return r;
});

__sy_define_hidden(__prelude_AP, "some", function some(callbackfn) {
  var thisArg = __sy_arg(1);
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("some");
  __prelude_require_callable(callbackfn);
  var len = __sy_array_len(a);
  for (var k = 0; k < len; k++) {
    var v = a[k];
    if (v === undefined && !(k in a)) continue;
    if (thisArg === undefined ? callbackfn(v, k, a) : __prelude_call3(callbackfn, thisArg, v, k, a)) return true;
  }
  return false;
});

__sy_define_hidden(__prelude_AP, "every", function every(callbackfn) {
  var thisArg = __sy_arg(1);
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("every");
  __prelude_require_callable(callbackfn);
  var len = __sy_array_len(a);
  for (var k = 0; k < len; k++) {
    var v = a[k];
    if (v === undefined && !(k in a)) continue;
    if (!(thisArg === undefined ? callbackfn(v, k, a) : __prelude_call3(callbackfn, thisArg, v, k, a))) return false;
  }
  return true;
});

// find/findIndex/findLast/findLastIndex visit holes (as undefined).
function __prelude_find(a, predicate, thisArg, fromEnd, wantIndex) {
  __prelude_require_callable(predicate);
  var len = __sy_array_len(a);
  for (var i = 0; i < len; i++) {
    var k = fromEnd ? len - 1 - i : i;
    var v = a[k];
    if (__prelude_callback(predicate, thisArg, v, k, a)) return wantIndex ? k : v;
  }
  return wantIndex ? -1 : undefined;
}

__sy_define_hidden(__prelude_AP, "find", function find(predicate) {
  var thisArg = __sy_arg(1);
  if (!__sy_is_array(this)) __prelude_not_array("find");
  return __prelude_find(this, predicate, thisArg, false, false);
});

__sy_define_hidden(__prelude_AP, "findIndex", function findIndex(predicate) {
  var thisArg = __sy_arg(1);
  if (!__sy_is_array(this)) __prelude_not_array("findIndex");
  return __prelude_find(this, predicate, thisArg, false, true);
});

__sy_define_hidden(__prelude_AP, "findLast", function findLast(predicate) {
  var thisArg = __sy_arg(1);
  if (!__sy_is_array(this)) __prelude_not_array("findLast");
  return __prelude_find(this, predicate, thisArg, true, false);
});

__sy_define_hidden(__prelude_AP, "findLastIndex", function findLastIndex(predicate) {
  var thisArg = __sy_arg(1);
  if (!__sy_is_array(this)) __prelude_not_array("findLastIndex");
  return __prelude_find(this, predicate, thisArg, true, true);
});

function __prelude_reduce(a, callbackfn, initialValue, hasInitial, fromEnd) {
  __prelude_require_callable(callbackfn);
  var len = __sy_array_len(a);
  var k = 0;
  var acc = initialValue;
  var v;
  var idx;
  if (!hasInitial) {
    var found = false;
    for (; k < len; k++) {
      idx = fromEnd ? len - 1 - k : k;
      v = a[idx];
      if (v !== undefined || idx in a) {
        acc = v;
        found = true;
        k++;
        break;
      }
    }
    if (!found) __sy_throw_type_error("Reduce of empty array with no initial value");
  }
  for (; k < len; k++) {
    idx = fromEnd ? len - 1 - k : k;
    v = a[idx];
    if (v === undefined && !(idx in a)) continue;
    acc = callbackfn(acc, v, idx, a);
  }
  return acc;
}

__sy_define_hidden(__prelude_AP, "reduce", function reduce(callbackfn) {
  if (!__sy_is_array(this)) __prelude_not_array("reduce");
  return __prelude_reduce(this, callbackfn, __sy_arg(1), __sy_argc() >= 2, false);
});

__sy_define_hidden(__prelude_AP, "reduceRight", function reduceRight(callbackfn) {
  if (!__sy_is_array(this)) __prelude_not_array("reduceRight");
  return __prelude_reduce(this, callbackfn, __sy_arg(1), __sy_argc() >= 2, true);
});

function __prelude_flatten_into(target, source, depth) {
  var n = __sy_array_len(source);
  for (var i = 0; i < n; i++) {
    var v = source[i];
    if (v === undefined && !(i in source)) continue;
    if (depth > 0 && __sy_is_array(v)) __prelude_flatten_into(target, v, depth - 1);
    else __sy_array_push(target, v);
  }
}

__sy_define_hidden(__prelude_AP, "flat", function flat() {
  var depth = __sy_arg(0);
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("flat");
  var d = depth === undefined ? 1 : __prelude_to_integer(depth);
  var r = __sy_new_array(0);
  __prelude_flatten_into(r, a, d);
  return r;
});

__sy_define_hidden(__prelude_AP, "flatMap", function flatMap(callbackfn) {
  var thisArg = __sy_arg(1);
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("flatMap");
  if (!__sy_is_function(callbackfn)) __sy_throw_type_error("flatMap mapper function is not callable");
  var len = __sy_array_len(a);
  var r = __sy_new_array(len);
  for (var k = 0; k < len; k++) {
    var v = a[k];
    if (v === undefined && !(k in a)) continue;
    var m = __prelude_callback(callbackfn, thisArg, v, k, a);
    if (__sy_is_array(m)) __prelude_flatten_into(r, m, 0);
    else __sy_array_push(r, m);
  }
  return r;
});

// ---- ES2023 copying methods ---------------------------------------------------------

__sy_define_hidden(__prelude_AP, "toReversed", function toReversed() {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("toReversed");
  var len = __sy_array_len(a);
  var r = __sy_new_array(len);
  for (var k = len - 1; k >= 0; k--) __sy_array_push(r, a[k]);
  return r;
});

__sy_define_hidden(__prelude_AP, "toSorted", function toSorted(comparefn) {
  var a = this;
  if (comparefn !== undefined && !__sy_is_function(comparefn)) {
    __sy_throw_type_error("The comparison function must be either a function or undefined");
  }
  if (!__sy_is_array(a)) __prelude_not_array("toSorted");
  var r = __prelude_iterable_to_list(a);
  __prelude_sort(r, comparefn);
  return r;
});

__sy_define_hidden(__prelude_AP, "toSpliced", function toSpliced(start, skipCount) {
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("toSpliced");
  var argc = __sy_argc();
  var items = __sy_new_array(argc > 2 ? argc - 2 : 0);
  for (var i = 2; i < argc; i++) __sy_array_push(items, __sy_arg(i));
  var r = __prelude_iterable_to_list(a);
  __prelude_splice(r, start, skipCount, items, argc);
  return r;
});

// `with` is a reserved word: the function gets its name from the property
// key of an object literal (NamedEvaluation), as Node's is named "with".
var __prelude_with_holder = {
  with: function (index, value) {
    var a = this;
    if (!__sy_is_array(a)) __prelude_not_array("with");
    var len = __sy_array_len(a);
    var rel = __prelude_to_integer(index);
    var k = rel >= 0 ? rel : len + rel;
    if (k >= len || k < 0) __sy_throw_range_error("Invalid index : " + __sy_to_string(rel));
    var r = __prelude_iterable_to_list(a);
    r[k] = value;
    return r;
  }
};
__sy_define_hidden(__prelude_AP, "with", __prelude_with_holder.with);

// ---- sort: V8's TimSort -----------------------------------------------------------------

__sy_define_hidden(__prelude_AP, "sort", function sort(comparefn) {
  if (comparefn !== undefined && !__sy_is_function(comparefn)) {
    __sy_throw_type_error("The comparison function must be either a function or undefined");
  }
  var a = this;
  if (!__sy_is_array(a)) __prelude_not_array("sort");
  __prelude_sort(a, comparefn);
  return a;
});

function __prelude_sort(a, comparefn) {
  var len = __sy_array_len(a);
  if (len < 2) return;
  // Compact: non-undefined values first, then the undefineds, then holes.
  var work = __sy_new_array(len);
  var numberOfUndefined = 0;
  for (var i = 0; i < len; i++) {
    var v = a[i];
    if (v === undefined) {
      if (i in a) numberOfUndefined++;
    } else {
      __sy_array_push(work, v);
    }
  }
  var n = __sy_array_len(work);
  var j;
  if (comparefn === undefined) {
    // Default order: by ToString of the values, compared by UTF-16 units.
    // The strings are computed once; the sort permutes indices.
    var keys = __sy_new_array(n);
    var idx = __sy_new_array(n);
    for (j = 0; j < n; j++) {
      var w = work[j];
      __sy_array_push(keys, __sy_is_string(w) ? w : __prelude_to_string(w));
      __sy_array_push(idx, j);
    }
    __prelude_timsort(idx, n, function (x, y) {
      var kx = keys[x];
      var ky = keys[y];
      if (kx < ky) return -1;
      if (ky < kx) return 1;
      return 0;
    });
    for (j = 0; j < n; j++) a[j] = work[idx[j]];
  } else {
    __prelude_timsort(work, n, function (x, y) {
      var r = comparefn(x, y);
      if (!__sy_is_number(r)) r = __prelude_to_number(r);
      return r !== r ? 0 : r;
    });
    for (j = 0; j < n; j++) a[j] = work[j];
  }
  var end = n + numberOfUndefined;
  for (j = n; j < end; j++) a[j] = undefined;
  if (end < len) {
    // the holes go last
    __sy_array_set_len(a, end);
    __sy_array_set_len(a, len);
  }
}

// Sorts work[0, n) with the comparison function cmp (a number: < 0, 0, > 0).
function __prelude_timsort(work, n, cmp) {
  if (n < 2) return;
  var st = {
    work: work,
    cmp: cmp,
    minGallop: 7,
    runBase: __sy_new_array(0),
    runLen: __sy_new_array(0),
    tmp: __sy_new_array(0)
  };
  var remaining = n;
  var low = 0;
  var minRun = __prelude_ts_min_run(n);
  while (remaining !== 0) {
    var cur = __prelude_ts_count_run(st, low, low + remaining);
    if (cur < minRun) {
      var forced = minRun < remaining ? minRun : remaining;
      __prelude_ts_binary_insertion(st, low, low + cur, low + forced);
      cur = forced;
    }
    __sy_array_push(st.runBase, low);
    __sy_array_push(st.runLen, cur);
    __prelude_ts_merge_collapse(st);
    low += cur;
    remaining -= cur;
  }
  __prelude_ts_merge_force_collapse(st);
}

function __prelude_ts_min_run(n) {
  var r = 0;
  while (n >= 64) {
    r = r | (n & 1);
    n = n >> 1;
  }
  return n + r;
}

function __prelude_ts_binary_insertion(st, low, startArg, high) {
  var work = st.work;
  var cmp = st.cmp;
  var start = low === startArg ? startArg + 1 : startArg;
  for (; start < high; ++start) {
    var left = low;
    var right = start;
    var pivot = work[right];
    while (left < right) {
      var mid = left + ((right - left) >> 1);
      var order = cmp(pivot, work[mid]);
      if (order < 0) right = mid;
      else left = mid + 1;
    }
    for (var p = start; p > left; --p) work[p] = work[p - 1];
    work[left] = pivot;
  }
}

function __prelude_ts_count_run(st, lowArg, high) {
  var work = st.work;
  var cmp = st.cmp;
  var low = lowArg + 1;
  if (low === high) return 1;
  var runLength = 2;
  var elementLow = work[low];
  var elementLowPred = work[low - 1];
  var order = cmp(elementLow, elementLowPred);
  var isDescending = order < 0;
  var previousElement = elementLow;
  for (var idx = low + 1; idx < high; ++idx) {
    var currentElement = work[idx];
    order = cmp(currentElement, previousElement);
    if (isDescending) {
      if (order >= 0) break;
    } else {
      if (order < 0) break;
    }
    previousElement = currentElement;
    ++runLength;
  }
  if (isDescending) {
    var lo = lowArg;
    var hi = lowArg + runLength - 1;
    while (lo < hi) {
      var t = work[lo];
      work[lo] = work[hi];
      work[hi] = t;
      lo++;
      hi--;
    }
  }
  return runLength;
}

function __prelude_ts_copy(source, srcPos, target, dstPos, length) {
  var srcIdx;
  var dstIdx;
  if (srcPos < dstPos) {
    srcIdx = srcPos + length - 1;
    dstIdx = dstPos + length - 1;
    while (srcIdx >= srcPos) {
      target[dstIdx] = source[srcIdx];
      dstIdx--;
      srcIdx--;
    }
  } else {
    srcIdx = srcPos;
    dstIdx = dstPos;
    var to = srcPos + length;
    while (srcIdx < to) {
      target[dstIdx] = source[srcIdx];
      dstIdx++;
      srcIdx++;
    }
  }
}

function __prelude_ts_temp(st, requestedSize) {
  var tmp = st.tmp;
  var minSize = requestedSize > 32 ? requestedSize : 32;
  if (__sy_array_len(tmp) < minSize) __sy_array_set_len(tmp, minSize);
  return tmp;
}

function __prelude_ts_merge_collapse(st) {
  var runLen = st.runLen;
  while (__sy_array_len(runLen) > 1) {
    var n = __sy_array_len(runLen) - 2;
    if ((n + 1 >= 2 && runLen[n - 1] <= runLen[n] + runLen[n + 1]) ||
        (n >= 2 && runLen[n - 2] <= runLen[n - 1] + runLen[n])) {
      if (runLen[n - 1] < runLen[n + 1]) --n;
      __prelude_ts_merge_at(st, n);
    } else if (runLen[n] <= runLen[n + 1]) {
      __prelude_ts_merge_at(st, n);
    } else {
      break;
    }
  }
}

function __prelude_ts_merge_force_collapse(st) {
  var runLen = st.runLen;
  while (__sy_array_len(runLen) > 1) {
    var n = __sy_array_len(runLen) - 2;
    if (n > 0 && runLen[n - 1] < runLen[n + 1]) --n;
    __prelude_ts_merge_at(st, n);
  }
}

function __prelude_ts_merge_at(st, i) {
  var work = st.work;
  var runBase = st.runBase;
  var runLen = st.runLen;
  var stackSize = __sy_array_len(runLen);
  var baseA = runBase[i];
  var lengthA = runLen[i];
  var baseB = runBase[i + 1];
  var lengthB = runLen[i + 1];
  runLen[i] = lengthA + lengthB;
  if (i === stackSize - 3) {
    runBase[i + 1] = runBase[i + 2];
    runLen[i + 1] = runLen[i + 2];
  }
  __sy_array_set_len(runBase, stackSize - 1);
  __sy_array_set_len(runLen, stackSize - 1);

  var keyRight = work[baseB];
  var k = __prelude_ts_gallop_right(st, work, keyRight, baseA, lengthA, 0);
  baseA = baseA + k;
  lengthA = lengthA - k;
  if (lengthA === 0) return;

  var keyLeft = work[baseA + lengthA - 1];
  lengthB = __prelude_ts_gallop_left(st, work, keyLeft, baseB, lengthB, lengthB - 1);
  if (lengthB === 0) return;

  if (lengthA <= lengthB) __prelude_ts_merge_low(st, baseA, lengthA, baseB, lengthB);
  else __prelude_ts_merge_high(st, baseA, lengthA, baseB, lengthB);
}

function __prelude_ts_gallop_left(st, array, key, base, length, hint) {
  var cmp = st.cmp;
  var lastOfs = 0;
  var offset = 1;
  var maxOfs;
  var order = cmp(array[base + hint], key);
  if (order < 0) {
    maxOfs = length - hint;
    while (offset < maxOfs) {
      order = cmp(array[base + hint + offset], key);
      if (order >= 0) break;
      lastOfs = offset;
      offset = (offset << 1) + 1;
      if (offset <= 0) offset = maxOfs;
    }
    if (offset > maxOfs) offset = maxOfs;
    lastOfs = lastOfs + hint;
    offset = offset + hint;
  } else {
    maxOfs = hint + 1;
    while (offset < maxOfs) {
      order = cmp(array[base + hint - offset], key);
      if (order < 0) break;
      lastOfs = offset;
      offset = (offset << 1) + 1;
      if (offset <= 0) offset = maxOfs;
    }
    if (offset > maxOfs) offset = maxOfs;
    var tmp = lastOfs;
    lastOfs = hint - offset;
    offset = hint - tmp;
  }
  lastOfs++;
  while (lastOfs < offset) {
    var m = lastOfs + ((offset - lastOfs) >> 1);
    order = cmp(array[base + m], key);
    if (order < 0) lastOfs = m + 1;
    else offset = m;
  }
  return offset;
}

function __prelude_ts_gallop_right(st, array, key, base, length, hint) {
  var cmp = st.cmp;
  var lastOfs = 0;
  var offset = 1;
  var maxOfs;
  var order = cmp(key, array[base + hint]);
  if (order < 0) {
    maxOfs = hint + 1;
    while (offset < maxOfs) {
      order = cmp(key, array[base + hint - offset]);
      if (order >= 0) break;
      lastOfs = offset;
      offset = (offset << 1) + 1;
      if (offset <= 0) offset = maxOfs;
    }
    if (offset > maxOfs) offset = maxOfs;
    var tmp = lastOfs;
    lastOfs = hint - offset;
    offset = hint - tmp;
  } else {
    maxOfs = length - hint;
    while (offset < maxOfs) {
      order = cmp(key, array[base + hint + offset]);
      if (order < 0) break;
      lastOfs = offset;
      offset = (offset << 1) + 1;
      if (offset <= 0) offset = maxOfs;
    }
    if (offset > maxOfs) offset = maxOfs;
    lastOfs = lastOfs + hint;
    offset = offset + hint;
  }
  lastOfs++;
  while (lastOfs < offset) {
    var m = lastOfs + ((offset - lastOfs) >> 1);
    order = cmp(key, array[base + m]);
    if (order < 0) offset = m;
    else lastOfs = m + 1;
  }
  return offset;
}

function __prelude_ts_merge_low(st, baseA, lengthAArg, baseB, lengthBArg) {
  var cmp = st.cmp;
  var lengthA = lengthAArg;
  var lengthB = lengthBArg;
  var work = st.work;
  var tempArray = __prelude_ts_temp(st, lengthA);
  __prelude_ts_copy(work, baseA, tempArray, 0, lengthA);

  var dest = baseA;
  var cursorTemp = 0;
  var cursorB = baseB;

  work[dest++] = work[cursorB++];

  // outcome: 0 = Succeed, 1 = CopyB
  var outcome = -1;
  if (--lengthB === 0) outcome = 0;
  else if (lengthA === 1) outcome = 1;

  var minGallop = st.minGallop;
  while (outcome === -1) {
    var nofWinsA = 0;
    var nofWinsB = 0;
    while (true) {
      var order = cmp(work[cursorB], tempArray[cursorTemp]);
      if (order < 0) {
        work[dest++] = work[cursorB++];
        ++nofWinsB;
        --lengthB;
        nofWinsA = 0;
        if (lengthB === 0) {
          outcome = 0;
          break;
        }
        if (nofWinsB >= minGallop) break;
      } else {
        work[dest++] = tempArray[cursorTemp++];
        ++nofWinsA;
        --lengthA;
        nofWinsB = 0;
        if (lengthA === 1) {
          outcome = 1;
          break;
        }
        if (nofWinsA >= minGallop) break;
      }
    }
    if (outcome !== -1) break;

    ++minGallop;
    var firstIteration = true;
    while (nofWinsA >= 7 || nofWinsB >= 7 || firstIteration) {
      firstIteration = false;
      minGallop = minGallop - 1 > 1 ? minGallop - 1 : 1;
      st.minGallop = minGallop;

      nofWinsA = __prelude_ts_gallop_right(st, tempArray, work[cursorB], cursorTemp, lengthA, 0);
      if (nofWinsA > 0) {
        __prelude_ts_copy(tempArray, cursorTemp, work, dest, nofWinsA);
        dest = dest + nofWinsA;
        cursorTemp = cursorTemp + nofWinsA;
        lengthA = lengthA - nofWinsA;
        if (lengthA === 1) {
          outcome = 1;
          break;
        }
        if (lengthA === 0) {
          outcome = 0;
          break;
        }
      }
      work[dest++] = work[cursorB++];
      if (--lengthB === 0) {
        outcome = 0;
        break;
      }

      nofWinsB = __prelude_ts_gallop_left(st, work, tempArray[cursorTemp], cursorB, lengthB, 0);
      if (nofWinsB > 0) {
        __prelude_ts_copy(work, cursorB, work, dest, nofWinsB);
        dest = dest + nofWinsB;
        cursorB = cursorB + nofWinsB;
        lengthB = lengthB - nofWinsB;
        if (lengthB === 0) {
          outcome = 0;
          break;
        }
      }
      work[dest++] = tempArray[cursorTemp++];
      if (--lengthA === 1) {
        outcome = 1;
        break;
      }
    }
    if (outcome !== -1) break;
    ++minGallop;
    st.minGallop = minGallop;
  }

  if (outcome === 0) {
    if (lengthA > 0) __prelude_ts_copy(tempArray, cursorTemp, work, dest, lengthA);
  } else {
    __prelude_ts_copy(work, cursorB, work, dest, lengthB);
    work[dest + lengthB] = tempArray[cursorTemp];
  }
}

function __prelude_ts_merge_high(st, baseA, lengthAArg, baseB, lengthBArg) {
  var cmp = st.cmp;
  var lengthA = lengthAArg;
  var lengthB = lengthBArg;
  var work = st.work;
  var tempArray = __prelude_ts_temp(st, lengthB);
  __prelude_ts_copy(work, baseB, tempArray, 0, lengthB);

  var dest = baseB + lengthB - 1;
  var cursorTemp = lengthB - 1;
  var cursorA = baseA + lengthA - 1;

  work[dest--] = work[cursorA--];

  // outcome: 0 = Succeed, 1 = CopyA
  var outcome = -1;
  if (--lengthA === 0) outcome = 0;
  else if (lengthB === 1) outcome = 1;

  var minGallop = st.minGallop;
  while (outcome === -1) {
    var nofWinsA = 0;
    var nofWinsB = 0;
    while (true) {
      var order = cmp(tempArray[cursorTemp], work[cursorA]);
      if (order < 0) {
        work[dest--] = work[cursorA--];
        ++nofWinsA;
        --lengthA;
        nofWinsB = 0;
        if (lengthA === 0) {
          outcome = 0;
          break;
        }
        if (nofWinsA >= minGallop) break;
      } else {
        work[dest--] = tempArray[cursorTemp--];
        ++nofWinsB;
        --lengthB;
        nofWinsA = 0;
        if (lengthB === 1) {
          outcome = 1;
          break;
        }
        if (nofWinsB >= minGallop) break;
      }
    }
    if (outcome !== -1) break;

    ++minGallop;
    var firstIteration = true;
    while (nofWinsA >= 7 || nofWinsB >= 7 || firstIteration) {
      firstIteration = false;
      minGallop = minGallop - 1 > 1 ? minGallop - 1 : 1;
      st.minGallop = minGallop;

      var k = __prelude_ts_gallop_right(st, work, tempArray[cursorTemp], baseA, lengthA, lengthA - 1);
      nofWinsA = lengthA - k;
      if (nofWinsA > 0) {
        dest = dest - nofWinsA;
        cursorA = cursorA - nofWinsA;
        __prelude_ts_copy(work, cursorA + 1, work, dest + 1, nofWinsA);
        lengthA = lengthA - nofWinsA;
        if (lengthA === 0) {
          outcome = 0;
          break;
        }
      }
      work[dest--] = tempArray[cursorTemp--];
      if (--lengthB === 1) {
        outcome = 1;
        break;
      }

      k = __prelude_ts_gallop_left(st, tempArray, work[cursorA], 0, lengthB, lengthB - 1);
      nofWinsB = lengthB - k;
      if (nofWinsB > 0) {
        dest = dest - nofWinsB;
        cursorTemp = cursorTemp - nofWinsB;
        __prelude_ts_copy(tempArray, cursorTemp + 1, work, dest + 1, nofWinsB);
        lengthB = lengthB - nofWinsB;
        if (lengthB === 1) {
          outcome = 1;
          break;
        }
        if (lengthB === 0) {
          outcome = 0;
          break;
        }
      }
      work[dest--] = work[cursorA--];
      if (--lengthA === 0) {
        outcome = 0;
        break;
      }
    }
    if (outcome !== -1) break;
    ++minGallop;
    st.minGallop = minGallop;
  }

  if (outcome === 0) {
    if (lengthB > 0) __prelude_ts_copy(tempArray, 0, work, dest - (lengthB - 1), lengthB);
  } else {
    dest = dest - lengthA;
    cursorA = cursorA - lengthA;
    __prelude_ts_copy(work, cursorA + 1, work, dest + 1, lengthA);
    work[dest] = tempArray[cursorTemp];
  }
}
