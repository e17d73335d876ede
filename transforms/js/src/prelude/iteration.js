// switchyard prelude: iteration.js
//
// The well-known symbols and the generator constructor. The iteration
// machinery itself is in the runtime: %IteratorPrototype% with its
// [Symbol.iterator], %GeneratorPrototype% with next/return/throw and
// [Symbol.toStringTag], %GeneratorFunction.prototype% (see the runtime's
// generators.rs); for-of, spread, destructuring and yield* use the
// runtime's iterator functions directly.

// Only the well-known symbols exist: `Symbol()` cannot create new ones.
function Symbol(description) {
  __sy_throw_type_error("switchyard: Symbol() is not supported (only the well-known symbols Symbol.iterator, Symbol.asyncIterator, Symbol.toStringTag)");
}
__sy_define_hidden(Symbol, "iterator", __sy_symbol(1));
__sy_define_hidden(Symbol, "asyncIterator", __sy_symbol(2));
__sy_define_hidden(Symbol, "toStringTag", __sy_symbol(3));

// %GeneratorFunction%: not a global in JS either; reachable as the
// `constructor` of a generator function's prototype. It gives generator
// functions their `[GeneratorFunction: g]` in console.log.
var __prelude_GeneratorFunction = function GeneratorFunction() {
  __sy_throw_type_error("switchyard: the GeneratorFunction constructor (code from strings) is not supported");
};
__sy_define_hidden(__prelude_GeneratorFunction, "prototype", __sy_proto("GeneratorFunction"));
__sy_set_proto(__prelude_GeneratorFunction, Function);
__sy_define_hidden(__sy_proto("GeneratorFunction"), "constructor", __prelude_GeneratorFunction);
