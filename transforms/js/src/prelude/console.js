// switchyard prelude: console.js
//
// console.log/info/debug write to stdout and console.error/warn to stderr,
// formatting their arguments exactly as Node's util.format/inspect does (the
// host does the formatting: the intrinsics forward the calling function's
// own arguments). console.assert follows Node. Other console methods
// (table, group, time, dir, trace, count) are not provided.

// Forwards exactly the arguments it was called with to stderr.
function __prelude_console_error_fwd() {
  __sy_console_error();
}

// console.error with the elements of the array `a` as arguments.
function __prelude_console_error_list(a) {
  __prelude_apply(__prelude_console_error_fwd, undefined, a);
}

var console = {
  log: function log() {
    __sy_console_log();
  },
  info: function info() {
    __sy_console_log();
  },
  debug: function debug() {
    __sy_console_log();
  },
  error: function error() {
    __sy_console_error();
  },
  warn: function warn() {
    __sy_console_error();
  },
  assert: function assert(value) {
    if (value) return;
    var n = __sy_argc();
    var args = __sy_new_array(n);
    if (n < 2) {
      __sy_array_push(args, "Assertion failed");
    } else {
      __sy_array_push(args, __sy_str_concat("Assertion failed: ", __prelude_to_string(__sy_arg(1))));
      for (var i = 2; i < n; i++) __sy_array_push(args, __sy_arg(i));
    }
    __prelude_console_error_list(args);
  }
};
