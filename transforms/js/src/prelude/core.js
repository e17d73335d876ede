// switchyard prelude: core.js
//
// Internal helpers shared by every other prelude file (conversions, calling
// a function with an explicit `this`, error messages), then the global value
// properties, `Object`, `Function`, `Boolean` and the Error constructors.
//
// Rules for all prelude files (see mod.rs): only the JS subset the front end
// compiles; internal helpers are named `__prelude_*`; built-in methods are
// installed with `__sy_define_hidden` so that for-in, Object.keys and
// console.log do not see them; the prelude never calls a method that user
// code could replace (it uses intrinsics and `__prelude_*` helpers), so a
// program that assigns `Array.prototype.push = ...` cannot break the
// built-ins.

var NaN = 0 / 0;
var Infinity = 1 / 0;

// ---- conversions (ECMAScript abstract operations) --------------------------

// OrdinaryToPrimitive for an object `v` (hint "string" or "number"): calls
// the object's own toString/valueOf, as Node does.
function __prelude_to_primitive(v, hint) {
  var r;
  if (hint === "string") {
    if (__sy_is_function(v.toString)) {
      r = v.toString();
      if (!__sy_is_object(r)) return r;
    }
    if (__sy_is_function(v.valueOf)) {
      r = v.valueOf();
      if (!__sy_is_object(r)) return r;
    }
  } else {
    if (__sy_is_function(v.valueOf)) {
      r = v.valueOf();
      if (!__sy_is_object(r)) return r;
    }
    if (__sy_is_function(v.toString)) {
      r = v.toString();
      if (!__sy_is_object(r)) return r;
    }
  }
  __sy_throw_type_error("Cannot convert object to primitive value");
}

// ToString, honouring user toString/valueOf methods on objects.
function __prelude_to_string(v) {
  if (__sy_is_string(v)) return v;
  if (__sy_is_object(v)) v = __prelude_to_primitive(v, "string");
  return __sy_to_string(v);
}

// ToNumber, honouring user valueOf/toString methods on objects.
function __prelude_to_number(v) {
  if (__sy_is_number(v)) return v;
  if (__sy_is_object(v)) v = __prelude_to_primitive(v, "number");
  return __sy_to_number(v);
}

// ToIntegerOrInfinity (NaN -> 0, -0 -> 0, truncation toward zero).
function __prelude_to_integer(v) {
  var n = __sy_is_number(v) ? v : __prelude_to_number(v);
  if (n !== n || n === 0) return 0;
  return __sy_trunc(n);
}

// ToLength: ToIntegerOrInfinity clamped to [0, 2^53 - 1].
function __prelude_to_length(v) {
  var n = __prelude_to_integer(v);
  if (n <= 0) return 0;
  if (n > 9007199254740991) return 9007199254740991;
  return n;
}

// ToUint32.
function __prelude_to_uint32(v) {
  var n = __sy_is_number(v) ? v : __prelude_to_number(v);
  return __sy_to_int32(n) >>> 0;
}

// A relative index (as in slice/splice/fill/at start arguments): negative
// values count from `len`, the result is clamped to [0, len]; `dflt` when v
// is undefined.
function __prelude_rel_index(v, len, dflt) {
  if (v === undefined) return dflt;
  var n = __prelude_to_integer(v);
  if (n < 0) {
    n = len + n;
    return n < 0 ? 0 : n;
  }
  return n > len ? len : n;
}

// The canonical numeric index of a property key string ("0", "17"), or -1.
function __prelude_array_index(k) {
  var n = __sy_str_len(k);
  if (n === 0 || n > 10) return -1;
  var c = __sy_char_code_at(k, 0);
  if (c === 48) return n === 1 ? 0 : -1;
  var v = 0;
  for (var i = 0; i < n; i++) {
    c = __sy_char_code_at(k, i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v < 4294967295 ? v : -1;
}

// SameValueZero (Array.prototype.includes).
function __prelude_same_value_zero(a, b) {
  return a === b || (a !== a && b !== b);
}

// ---- error-message helpers -------------------------------------------------

// The name V8 prints for an object in messages: the `name` of its
// prototype's `constructor`, or "Object".
function __prelude_constructor_name(o) {
  var p = __sy_get_proto(o);
  if (p !== null) {
    var c = p.constructor;
    if (__sy_is_function(c)) {
      var n = __sy_function_name(c);
      if (__sy_str_len(n) > 0) return n;
    }
  }
  return "Object";
}

// How V8 renders a value in "... is not a function" messages of built-ins.
function __prelude_describe(v) {
  if (__sy_is_string(v)) return v;
  if (__sy_is_array(v)) return "[object Array]";
  if (__sy_is_function(v)) return __sy_to_string(v);
  if (__sy_is_object(v)) {
    if (__sy_get_proto(v) === null) return "[object Object]";
    return "#<" + __prelude_constructor_name(v) + ">";
  }
  return __sy_to_string(v);
}

function __prelude_require_callable(f) {
  if (!__sy_is_function(f)) __sy_throw_type_error(__prelude_describe(f) + " is not a function");
}

function __prelude_require_object_coercible(v) {
  if (v === undefined || v === null) __sy_throw_type_error("Cannot convert undefined or null to object");
}

function __prelude_not_array(method) {
  __sy_throw_type_error("Array.prototype." + method + " called on a non-array (switchyard supports array receivers only)");
}

// ---- calling with an explicit `this` -----------------------------------------
//
// The subset has no spread and there is no "call with this" intrinsic, so
// `f.call(t, ...)`, `f.apply(t, list)` and callbacks with a thisArg are
// implemented by temporarily installing `f` as the hidden property
// `__prelude_callee` on `t` (on the String/Number/Boolean prototype for a
// primitive `t`) and making a method call with an exact argument count
// (switch over 0..16). Up to 16 arguments are supported; more throw a
// RangeError, except for the built-ins with an array form
// (`__prelude_applyv`: Math.max/min/hypot, push, unshift, concat,
// String.fromCharCode/fromCodePoint, Array.of).

function __prelude_call_plain(f, a, n) {
  switch (n) {
    case 0: return f();
    case 1: return f(a[0]);
    case 2: return f(a[0], a[1]);
    case 3: return f(a[0], a[1], a[2]);
    case 4: return f(a[0], a[1], a[2], a[3]);
    case 5: return f(a[0], a[1], a[2], a[3], a[4]);
    case 6: return f(a[0], a[1], a[2], a[3], a[4], a[5]);
    case 7: return f(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    case 8: return f(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    case 9: return f(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
    case 10: return f(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
    case 11: return f(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10]);
    case 12: return f(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11]);
    case 13: return f(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12]);
    case 14: return f(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13]);
    case 15: return f(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14]);
    case 16: return f(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15]);
  }
}

function __prelude_call_method(t, a, n) {
  switch (n) {
    case 0: return t.__prelude_callee();
    case 1: return t.__prelude_callee(a[0]);
    case 2: return t.__prelude_callee(a[0], a[1]);
    case 3: return t.__prelude_callee(a[0], a[1], a[2]);
    case 4: return t.__prelude_callee(a[0], a[1], a[2], a[3]);
    case 5: return t.__prelude_callee(a[0], a[1], a[2], a[3], a[4]);
    case 6: return t.__prelude_callee(a[0], a[1], a[2], a[3], a[4], a[5]);
    case 7: return t.__prelude_callee(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    case 8: return t.__prelude_callee(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    case 9: return t.__prelude_callee(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
    case 10: return t.__prelude_callee(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
    case 11: return t.__prelude_callee(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10]);
    case 12: return t.__prelude_callee(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11]);
    case 13: return t.__prelude_callee(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12]);
    case 14: return t.__prelude_callee(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13]);
    case 15: return t.__prelude_callee(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14]);
    case 16: return t.__prelude_callee(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15]);
  }
}

// Calls f with this = t and the elements of the array `a` as arguments.
function __prelude_apply(f, t, a) {
  __prelude_require_callable(f);
  var n = __sy_array_len(a);
  if (n > 16) {
    var v = f.__prelude_applyv;
    if (v !== undefined) return v(t, a);
    __sy_throw_range_error("switchyard: Function.prototype.call/apply support at most 16 arguments");
  }
  if (t === undefined || t === null) {
    // a plain call passes `this` = undefined; built-ins that tell null
    // apart (Object.prototype.toString) take the array form
    if (t === null) {
      var av = f.__prelude_applyv;
      if (av !== undefined) return av(t, a);
    }
    return __prelude_call_plain(f, a, n);
  }
  if (t === __sy_symbol(1) || t === __sy_symbol(2) || t === __sy_symbol(3)) {
    // Symbols have no prototype object to hold the callee.
    var sv = f.__prelude_applyv;
    if (sv !== undefined) return sv(t, a);
    return __prelude_call_plain(f, a, n);
  }
  var holder = t;
  if (!__sy_is_object(t)) {
    if (__sy_is_string(t)) holder = __sy_proto("String");
    else if (__sy_is_number(t)) holder = __sy_proto("Number");
    else holder = __sy_proto("Boolean");
  }
  __sy_define_hidden(holder, "__prelude_callee", f);
  try {
    return __prelude_call_method(t, a, n);
  } finally {
    delete holder.__prelude_callee;
  }
}

// f.call(t, x, y, z) for the common callback shapes (no array allocation
// when t is undefined).
function __prelude_call3(f, t, x, y, z) {
  if (t === undefined || t === null) return f(x, y, z);
  var a = __sy_new_array(3);
  __sy_array_push(a, x);
  __sy_array_push(a, y);
  __sy_array_push(a, z);
  return __prelude_apply(f, t, a);
}

function __prelude_call2(f, t, x, y) {
  if (t === undefined || t === null) return f(x, y);
  var a = __sy_new_array(2);
  __sy_array_push(a, x);
  __sy_array_push(a, y);
  return __prelude_apply(f, t, a);
}

// The arguments of an array-like for Function.prototype.apply.
function __prelude_list_from_array_like(v) {
  if (v === undefined || v === null) return __sy_new_array(0);
  if (__sy_is_array(v)) return v;
  if (!__sy_is_object(v)) __sy_throw_type_error("CreateListFromArrayLike called on non-object");
  var n = __prelude_to_length(v.length);
  var r = __sy_new_array(n);
  for (var i = 0; i < n; i++) __sy_array_push(r, v[i]);
  return r;
}

// ---- Object ------------------------------------------------------------------

function Object(value) {
  if (value === undefined || value === null) return {};
  // Primitive wrapper objects do not exist in switchyard: Object("s")
  // returns the primitive itself.
  return value;
}

__sy_define_hidden(Object, "prototype", __sy_proto("Object"));
__sy_define_hidden(__sy_proto("Object"), "constructor", Object);

// Own enumerable keys of ToObject(o).
function __prelude_keys(o) {
  __prelude_require_object_coercible(o);
  if (__sy_is_object(o) || __sy_is_string(o)) return __sy_own_keys(o);
  return __sy_new_array(0);
}

__sy_define_hidden(Object, "keys", function keys(o) {
  return __prelude_keys(o);
});

__sy_define_hidden(Object, "values", function values(o) {
  var ks = __prelude_keys(o);
  var n = __sy_array_len(ks);
  var r = __sy_new_array(n);
  for (var i = 0; i < n; i++) __sy_array_push(r, o[ks[i]]);
  return r;
});

__sy_define_hidden(Object, "entries", function entries(o) {
  var ks = __prelude_keys(o);
  var n = __sy_array_len(ks);
  var r = __sy_new_array(n);
  for (var i = 0; i < n; i++) {
    var k = ks[i];
    var e = __sy_new_array(2);
    __sy_array_push(e, k);
    __sy_array_push(e, o[k]);
    __sy_array_push(r, e);
  }
  return r;
});

__sy_define_hidden(Object, "assign", function assign(target, source) {
  __prelude_require_object_coercible(target);
  var argc = __sy_argc();
  for (var s = 1; s < argc; s++) {
    var src = __sy_arg(s);
    if (src === undefined || src === null) continue;
    if (!__sy_is_object(src) && !__sy_is_string(src)) continue;
    var ks = __sy_own_keys(src);
    var n = __sy_array_len(ks);
    for (var i = 0; i < n; i++) {
      var k = ks[i];
      target[k] = src[k];
    }
  }
  return target;
});

__sy_define_hidden(Object, "fromEntries", function fromEntries(iterable) {
  if (iterable === undefined || iterable === null) __sy_throw_type_error(__sy_to_string(iterable) + " is not iterable");
  var r = {};
  var list = __prelude_iterable_to_list(iterable);
  var n = __sy_array_len(list);
  for (var i = 0; i < n; i++) {
    var e = list[i];
    if (!__sy_is_object(e)) __sy_throw_type_error("Iterator value " + __prelude_describe(e) + " is not an entry object");
    r[__sy_to_property_key(e[0])] = e[1];
  }
  return r;
});

function __prelude_check_proto(p) {
  if (p !== null && !__sy_is_object(p)) {
    __sy_throw_type_error("Object prototype may only be an Object or null: " + __prelude_describe(p));
  }
}

__sy_define_hidden(Object, "create", function create(proto, properties) {
  __prelude_check_proto(proto);
  var o = {};
  __sy_set_proto(o, proto);
  if (properties !== undefined) __prelude_define_properties(o, properties);
  return o;
});

// The prototype of ToObject(o).
function __prelude_get_proto_of(o) {
  __prelude_require_object_coercible(o);
  if (__sy_is_object(o)) return __sy_get_proto(o);
  if (__sy_is_string(o)) return __sy_proto("String");
  if (__sy_is_number(o)) return __sy_proto("Number");
  if (o === true || o === false) return __sy_proto("Boolean");
  return null;
}

__sy_define_hidden(Object, "getPrototypeOf", function getPrototypeOf(o) {
  return __prelude_get_proto_of(o);
});

__sy_define_hidden(Object, "setPrototypeOf", function setPrototypeOf(o, proto) {
  __prelude_require_object_coercible(o);
  __prelude_check_proto(proto);
  if (__sy_is_object(o)) __sy_set_proto(o, proto);
  return o;
});

// Property descriptors: only data properties; `enumerable: false` makes a
// hidden property. `writable`/`configurable` are not modelled.
function __prelude_define_property(o, key, desc) {
  if (!__sy_is_object(desc)) __sy_throw_type_error("Property description must be an object: " + __prelude_describe(desc));
  if (desc.get !== undefined || desc.set !== undefined) {
    __sy_throw_type_error("switchyard: accessor properties (get/set) are not supported");
  }
  var k = __sy_to_property_key(key);
  if (desc.enumerable) {
    o[k] = desc.value;
  } else {
    __sy_define_hidden(o, k, desc.value);
  }
}

function __prelude_define_properties(o, props) {
  __prelude_require_object_coercible(props);
  var ks = __prelude_keys(props);
  var n = __sy_array_len(ks);
  for (var i = 0; i < n; i++) __prelude_define_property(o, ks[i], props[ks[i]]);
}

__sy_define_hidden(Object, "defineProperty", function defineProperty(o, key, desc) {
  if (!__sy_is_object(o)) __sy_throw_type_error("Object.defineProperty called on non-object");
  __prelude_define_property(o, key, desc);
  return o;
});

__sy_define_hidden(Object, "defineProperties", function defineProperties(o, props) {
  if (!__sy_is_object(o)) __sy_throw_type_error("Object.defineProperties called on non-object");
  __prelude_define_properties(o, props);
  return o;
});

// Objects cannot be made immutable in switchyard: freeze/seal/preventExtensions
// return their argument unchanged (writes still succeed).
__sy_define_hidden(Object, "freeze", function freeze(o) {
  return o;
});
__sy_define_hidden(Object, "seal", function seal(o) {
  return o;
});
__sy_define_hidden(Object, "preventExtensions", function preventExtensions(o) {
  return o;
});

__sy_define_hidden(Object, "is", function is(a, b) {
  if (a === b) return a !== 0 || 1 / a === 1 / b;
  return a !== a && b !== b;
});

// Own-property test: with the prototype temporarily cut off, `in` sees
// exactly the own properties (hidden ones included).
function __prelude_has_own(o, key) {
  __prelude_require_object_coercible(o);
  var k = __sy_to_property_key(key);
  if (__sy_is_string(o)) {
    if (k === "length") return true;
    var idx = __prelude_array_index(k);
    return idx >= 0 && idx < __sy_str_len(o);
  }
  if (!__sy_is_object(o)) return false;
  var p = __sy_get_proto(o);
  if (p === null) return k in o;
  __sy_set_proto(o, null);
  var r = k in o;
  __sy_set_proto(o, p);
  return r;
}

__sy_define_hidden(Object, "hasOwn", function hasOwn(o, key) {
  return __prelude_has_own(o, key);
});

var __prelude_OP = __sy_proto("Object");

__sy_define_hidden(__prelude_OP, "hasOwnProperty", function hasOwnProperty(key) {
  return __prelude_has_own(this, key);
});

__sy_define_hidden(__prelude_OP, "propertyIsEnumerable", function propertyIsEnumerable(key) {
  var k = __sy_to_property_key(key);
  var ks = __prelude_keys(this);
  var n = __sy_array_len(ks);
  for (var i = 0; i < n; i++) if (ks[i] === k) return true;
  return false;
});

__sy_define_hidden(__prelude_OP, "isPrototypeOf", function isPrototypeOf(v) {
  if (!__sy_is_object(v)) return false;
  var p = __sy_get_proto(v);
  while (p !== null) {
    if (p === this) return true;
    p = __sy_get_proto(p);
  }
  return false;
});

function __prelude_is_error(o) {
  var ep = __sy_proto("Error");
  var p = __sy_get_proto(o);
  while (p !== null) {
    if (p === ep) return true;
    p = __sy_get_proto(p);
  }
  return false;
}

function __prelude_object_to_string(o) {
  if (o === undefined) return "[object Undefined]";
  if (o === null) return "[object Null]";
  if (__sy_is_object(o)) {
    // Symbol.toStringTag (generators, iterators) wins over the built-in tag.
    var tag = o[__sy_symbol(3)];
    if (__sy_is_string(tag)) return "[object " + tag + "]";
  }
  if (__sy_is_array(o)) return "[object Array]";
  if (__sy_is_function(o)) return "[object Function]";
  if (__sy_is_string(o)) return "[object String]";
  if (__sy_is_number(o)) return "[object Number]";
  if (o === true || o === false) return "[object Boolean]";
  if (o === __sy_symbol(1) || o === __sy_symbol(2) || o === __sy_symbol(3)) return "[object Symbol]";
  if (__sy_is_object(o) && __prelude_is_error(o)) return "[object Error]";
  return "[object Object]";
}

__sy_define_hidden(__prelude_OP, "toString", function toString() {
  return __prelude_object_to_string(this);
});
__sy_define_hidden(__prelude_OP.toString, "__prelude_applyv", function (t, list) {
  return __prelude_object_to_string(t);
});

__sy_define_hidden(__prelude_OP, "toLocaleString", function toLocaleString() {
  return this.toString();
});

__sy_define_hidden(__prelude_OP, "valueOf", function valueOf() {
  __prelude_require_object_coercible(this);
  return this;
});

// ---- Function ------------------------------------------------------------------

function Function(body) {
  __sy_throw_type_error("switchyard: the Function constructor (code from strings) is not supported");
}

var __prelude_FP = __sy_proto("Function");
__sy_define_hidden(Function, "prototype", __prelude_FP);
__sy_define_hidden(__prelude_FP, "constructor", Function);

__sy_define_hidden(__prelude_FP, "call", function call(thisArg) {
  var f = this;
  if (!__sy_is_function(f)) __sy_throw_type_error("Function.prototype.call called on a non-function");
  var n = __sy_argc();
  if (n <= 1 && thisArg === undefined) return f();
  var args = __sy_new_array(n);
  for (var i = 1; i < n; i++) __sy_array_push(args, __sy_arg(i));
  return __prelude_apply(f, thisArg, args);
});

__sy_define_hidden(__prelude_FP, "apply", function apply(thisArg, argArray) {
  var f = this;
  if (!__sy_is_function(f)) __sy_throw_type_error("Function.prototype.apply called on a non-function");
  return __prelude_apply(f, thisArg, __prelude_list_from_array_like(argArray));
});

// The bound function's name is "bound" (Node: "bound <name>"): a function's
// name cannot be set at run time.
__sy_define_hidden(__prelude_FP, "bind", function bind(thisArg) {
  var f = this;
  if (!__sy_is_function(f)) __sy_throw_type_error("Bind must be called on a function");
  var n = __sy_argc();
  var boundArgs = __sy_new_array(n);
  for (var i = 1; i < n; i++) __sy_array_push(boundArgs, __sy_arg(i));
  var nb = __sy_array_len(boundArgs);
  return function bound() {
    var m = __sy_argc();
    var args = __sy_new_array(nb + m);
    for (var j = 0; j < nb; j++) __sy_array_push(args, boundArgs[j]);
    for (var k = 0; k < m; k++) __sy_array_push(args, __sy_arg(k));
    return __prelude_apply(f, thisArg, args);
  };
});

// Node prints the source text of user functions; switchyard has no source
// at run time and renders every function like a native one.
__sy_define_hidden(__prelude_FP, "toString", function toString() {
  var f = this;
  if (!__sy_is_function(f)) __sy_throw_type_error("Function.prototype.toString requires that 'this' be a Function");
  return "function " + __sy_function_name(f) + "() { [native code] }";
});

// ---- Boolean ---------------------------------------------------------------------

function Boolean(value) {
  return !!value;
}

var __prelude_BP = __sy_proto("Boolean");
__sy_define_hidden(Boolean, "prototype", __prelude_BP);
__sy_define_hidden(__prelude_BP, "constructor", Boolean);

__sy_define_hidden(__prelude_BP, "toString", function toString() {
  var b = this;
  if (b !== true && b !== false) __sy_throw_type_error("Boolean.prototype.toString requires that 'this' be a Boolean");
  return b ? "true" : "false";
});

__sy_define_hidden(__prelude_BP, "valueOf", function valueOf() {
  var b = this;
  if (b !== true && b !== false) __sy_throw_type_error("Boolean.prototype.valueOf requires that 'this' be a Boolean");
  return b;
});

// ---- Errors ------------------------------------------------------------------------

// ES2022 `new Error(message, { cause })`.
function __prelude_error_cause(e, options) {
  if (__sy_is_object(options) && "cause" in options) __sy_define_hidden(e, "cause", options.cause);
  return e;
}

function Error(message) {
  var options = __sy_arg(1);
  return __prelude_error_cause(__sy_make_error(0, message), options);
}
function TypeError(message) {
  var options = __sy_arg(1);
  return __prelude_error_cause(__sy_make_error(1, message), options);
}
function RangeError(message) {
  var options = __sy_arg(1);
  return __prelude_error_cause(__sy_make_error(2, message), options);
}
function ReferenceError(message) {
  var options = __sy_arg(1);
  return __prelude_error_cause(__sy_make_error(3, message), options);
}
function SyntaxError(message) {
  var options = __sy_arg(1);
  return __prelude_error_cause(__sy_make_error(4, message), options);
}
function AggregateError(errors, message) {
  var options = __sy_arg(2);
  var list = __prelude_iterable_to_list(errors);
  var e = __prelude_error_cause(__sy_make_error(5, message), options);
  __sy_define_hidden(e, "errors", list);
  return e;
}

function __prelude_setup_error(ctor, proto, name) {
  __sy_define_hidden(ctor, "prototype", proto);
  __sy_define_hidden(proto, "constructor", ctor);
  __sy_define_hidden(proto, "name", name);
  __sy_define_hidden(proto, "message", "");
  if (ctor !== Error) __sy_set_proto(ctor, Error);
}

__prelude_setup_error(Error, __sy_proto("Error"), "Error");
__prelude_setup_error(TypeError, __sy_proto("TypeError"), "TypeError");
__prelude_setup_error(RangeError, __sy_proto("RangeError"), "RangeError");
__prelude_setup_error(ReferenceError, __sy_proto("ReferenceError"), "ReferenceError");
__prelude_setup_error(SyntaxError, __sy_proto("SyntaxError"), "SyntaxError");
__prelude_setup_error(AggregateError, __sy_proto("AggregateError"), "AggregateError");

__sy_define_hidden(__sy_proto("Error"), "toString", function toString() {
  var o = this;
  if (!__sy_is_object(o)) {
    __sy_throw_type_error("Method Error.prototype.toString called on incompatible receiver " + __prelude_describe(o));
  }
  var name = o.name;
  name = name === undefined ? "Error" : __prelude_to_string(name);
  var msg = o.message;
  msg = msg === undefined ? "" : __prelude_to_string(msg);
  if (name === "") return msg;
  if (msg === "") return name;
  return name + ": " + msg;
});

// Stack traces are the host's business: captureStackTrace does nothing.
__sy_define_hidden(Error, "captureStackTrace", function captureStackTrace(o, constructorOpt) {
  if (!__sy_is_object(o)) __sy_throw_type_error("Invalid argument");
});

// ---- iteration helper ------------------------------------------------------------

// The values an iterable produces, as an array: arrays (holes read as
// undefined) and strings (by code point) directly, anything else through
// the iteration protocol ([Symbol.iterator], generators).
function __prelude_iterable_to_list(v) {
  var r, n, i;
  if (__sy_is_array(v)) {
    n = __sy_array_len(v);
    r = __sy_new_array(n);
    for (i = 0; i < n; i++) __sy_array_push(r, v[i]);
    return r;
  }
  if (__sy_is_string(v)) return __prelude_string_code_points(v);
  return __sy_iterable_to_array(v);
}

// The code points of a string, as one- or two-unit strings.
function __prelude_string_code_points(s) {
  var n = __sy_str_len(s);
  var r = __sy_new_array(n);
  var i = 0;
  while (i < n) {
    var c = __sy_char_code_at(s, i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
      var d = __sy_char_code_at(s, i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        __sy_array_push(r, __sy_substring(s, i, i + 2));
        i += 2;
        continue;
      }
    }
    __sy_array_push(r, __sy_from_char_code(c));
    i++;
  }
  return r;
}
