//! Shared machinery for writing the runtime in IR: the [`Cx`] every builder
//! receives (public runtime ids, private helper ids, interned strings), the
//! [`Ext`] shorthand methods on [`FunctionBuilder`], and small emitters used
//! by several modules (tag dispatch, key comparison, exception checks).

use super::Runtime;

use crate::layout::*;
use crate::statics::StaticData;
use switchyard_ir::BinOp::*;
use switchyard_ir::UnOp::*;
use switchyard_ir::{
    BinOp, BlockId, Const, FuncId, FunctionBuilder, LoadKind, Local, Module, StoreKind, Terminator,
    Type,
};

/// Everything a builder needs: the public ids, the private helpers and the
/// interned strings.
pub(crate) struct Cx {
    pub rt: Runtime,
    pub h: Helpers,
    pub k: Strs,
    pub features: super::Features,
}

/// Private runtime functions (not part of the front end's contract).
pub(crate) struct Helpers {
    /// `new_bytes(size: I) -> P`: a KIND_BYTES block with `size` payload bytes.
    pub new_bytes: FuncId,
    /// `find_prop(obj: P, key: P) -> I`: address of the own entry, or 0.
    pub find_prop: FuncId,
    /// `lookup(obj: P, key: P) -> I`: entry address along the prototype chain from obj (0 = none).
    pub lookup: FuncId,
    /// `add_prop(obj: P, key: P, v: V, flags: I)`: appends an entry (growing the table).
    pub add_prop: FuncId,
    /// `set_own(obj: P, key: P, v: V, flags: I)`: overwrites or appends; when
    /// flags is PROP_HIDDEN, an existing entry becomes hidden too.
    pub set_own: FuncId,
    /// `array_index(key: P) -> i64`: the canonical array index the key spells, or -1.
    pub array_index: FuncId,
    /// `array_reserve(arr: P, need: I)`: capacity ≥ need (fatal out of memory past 2^28).
    pub array_reserve: FuncId,
    /// `array_set_elem(arr: P, idx: I, v: V)`: writes, growing with holes.
    pub array_set_elem: FuncId,
    /// `fn_prototype(f: P) -> V`: `f.prototype`, created on first use.
    pub fn_prototype: FuncId,
    /// `concat3(a: P, b: P, c: P) -> P`
    pub concat3: FuncId,
    /// `describe(v: V) -> P`: short text of a value for error messages.
    pub describe: FuncId,
    /// `object_to_string(v: V) -> V`: ToString of an object/array/function.
    pub object_to_string: FuncId,
    /// `to_primitive(v: V) -> V`: objects → their string form, others unchanged.
    pub to_primitive: FuncId,
    /// `ascii_to_string(buf: I, len: I) -> P`: a string from ASCII bytes.
    pub ascii_to_string: FuncId,
    /// `new_iter(kind: I, target: V) -> V`
    pub new_iter: FuncId,
    /// `iter_result_check(r: V) -> V` **throws**: `r` unchanged if it is an
    /// object, else TypeError `Iterator result <r> is not an object`.
    pub iter_result_check: FuncId,
    /// `call1_method(f: V, this: V, arg: V) -> V` **throws**: `f.call(this, arg)`.
    pub call1_method: FuncId,
    /// `throw_type_with(a: P, b: P, c: P)`: TypeError with message `a + b + c`.
    pub throw_type_with: FuncId,
    /// %GeneratorPrototype%.next / .return / .throw (JS calling convention).
    pub gen_proto_next: FuncId,
    pub gen_proto_return: FuncId,
    pub gen_proto_throw: FuncId,
    /// %IteratorPrototype%[Symbol.iterator]: returns `this`.
    pub iterator_proto_iterator: FuncId,
    /// %ArrayIteratorPrototype%.next and %StringIteratorPrototype%.next.
    pub array_iter_proto_next: FuncId,
    /// `array_iter_step(p: P) -> V`: the next value of the array/string
    /// iterator object `p`, or DONE.
    pub array_iter_step: FuncId,
}

/// An interned static string: its address and length in UTF-16 units.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Str {
    pub addr: u32,
    pub len: u32,
}

macro_rules! strs {
    ($($field:ident = $text:expr,)*) => {
        /// Every string the runtime itself needs, interned in the static data.
        pub(crate) struct Strs {
            $(pub $field: Str,)*
            /// Error names indexed by `ERR_*`.
            pub error_names: [Str; 6],
            /// Address of a table of 128 u32 pointers to the one-unit strings U+0000..U+007F.
            pub chars: u32,
        }

        impl Strs {
            pub(crate) fn intern(s: &mut StaticData) -> Strs {
                let mut one = |text: &str| Str {
                    addr: s.string(text),
                    len: text.encode_utf16().count() as u32,
                };
                $(let $field = one($text);)*
                let error_names = ERROR_NAMES.map(&mut one);
                let mut units = [0u32; 128];
                for (u, slot) in units.iter_mut().enumerate() {
                    *slot = s.string_utf16(&[u as u16]);
                }
                let chars = s.reserve(128 * 4);
                for (u, addr) in units.iter().enumerate() {
                    s.write_u32(chars + 4 * u as u32, *addr);
                }
                Strs { $($field,)* error_names, chars }
            }
        }
    };
}

strs! {
    empty = "",
    undefined = "undefined",
    null = "null",
    true_ = "true",
    false_ = "false",
    object = "object",
    boolean = "boolean",
    number = "number",
    string = "string",
    function = "function",
    symbol = "symbol",
    length = "length",
    name = "name",
    message = "message",
    prototype = "prototype",
    constructor = "constructor",
    comma = ",",
    colon_space = ": ",
    quote = "\"",
    object_object = "[object Object]",
    function_prefix = "function ",
    native_code = "() { [native code] }",
    sym_iterator = "Symbol(Symbol.iterator)",
    sym_async_iterator = "Symbol(Symbol.asyncIterator)",
    sym_to_string_tag = "Symbol(Symbol.toStringTag)",
    next = "next",
    return_ = "return",
    throw_ = "throw",
    value = "value",
    done = "done",
    generator = "Generator",
    generator_function = "GeneratorFunction",
    sym_iterator_name = "[Symbol.iterator]",
    already_running = "Generator is already running",
    gen_incompatible_pre = "Method [Generator].prototype.",
    gen_incompatible_post = " called on incompatible receiver ",
    iter_result_pre = "Iterator result ",
    not_an_object = " is not an object",
    symbol_iterator_not_object = "Result of the Symbol.iterator method is not an object",
    no_throw_method = "The iterator does not provide a 'throw' method.",
    spread_requires = "Spread syntax requires ...iterable[Symbol.iterator] to be a function",
    not_iterable_undefined = " is not iterable (cannot read property undefined)",
    destructure_pre = "Cannot destructure property '",
    destructure_of = "' of '",
    destructure_as = "' as it is ",
    destructure_whole = "Cannot destructure '",
    period = ".",
    object_null = "object null",
    number_sp = "number ",
    boolean_sp = "boolean ",
    symbol_sp = "symbol ",
    function_sp = "function ",
    object_receiver = "#<Object>",
    open_bracket = "[",
    array_iterator = "Array Iterator",
    string_iterator = "String Iterator",
    array_iterator_next_pre = "Method Array Iterator.prototype.next called on incompatible receiver ",
    close_bracket = "]",
    cannot_read = "Cannot read properties of ",
    reading = " (reading '",
    cannot_set = "Cannot set properties of ",
    setting = " (setting '",
    quote_paren = "')",
    cannot_convert = "Cannot convert undefined or null to object",
    not_a_function = " is not a function",
    not_a_constructor = " is not a constructor",
    not_defined = " is not defined",
    not_iterable = " is not iterable",
    not_iterable_nullish = " is not iterable (cannot read property Symbol(Symbol.iterator))",
    instanceof_not_callable = "Right-hand side of 'instanceof' is not callable",
    instanceof_not_object = "Right-hand side of 'instanceof' is not an object",
    instanceof_bad_proto = "Function has non-object prototype '",
    instanceof_bad_proto_end = "' in instanceof check",
    in_prefix = "Cannot use 'in' operator to search for '",
    in_middle = "' in ",
    invalid_array_length = "Invalid array length",
}

/// What a function returns when it bails out because an exception is pending.
#[derive(Clone, Copy)]
pub(crate) enum Ret {
    I64(u64),
    F64(f64),
}

impl Ret {
    pub const UNDEF: Ret = Ret::I64(UNDEFINED);
}

/// The blocks of a dispatch on a value's type (see [`Ext::tag_switch`]).
pub(crate) struct TagBlocks {
    pub number: BlockId,
    pub undefined: BlockId,
    pub null: BlockId,
    pub boolean: BlockId,
    pub string: BlockId,
    pub object: BlockId,
    pub function: BlockId,
    pub symbol: BlockId,
}

/// Shorthands over [`FunctionBuilder`] for the patterns the runtime uses
/// all the time. `tag` values are `i32`s (`0xFFF9..=0xFFFF`, smaller for
/// numbers).
pub(crate) trait Ext {
    fn ic(&mut self, v: i32) -> Local;
    fn uc(&mut self, v: u32) -> Local;
    fn lc(&mut self, v: u64) -> Local;
    fn fc(&mut self, v: f64) -> Local;
    fn opi(&mut self, op: BinOp, a: Local, k: i32) -> Local;
    fn opl(&mut self, op: BinOp, a: Local, k: u64) -> Local;
    fn opf(&mut self, op: BinOp, a: Local, k: f64) -> Local;
    fn seti(&mut self, dst: Local, k: i32);
    /// `dst = dst op k` for an i32 local.
    fn inc(&mut self, dst: Local, k: i32);
    fn ld(&mut self, addr: Local, off: u32) -> Local;
    fn ld64(&mut self, addr: Local, off: u32) -> Local;
    fn ld16(&mut self, addr: Local, off: u32) -> Local;
    fn st(&mut self, addr: Local, off: u32, v: Local);
    fn sti(&mut self, addr: Local, off: u32, k: i32);
    fn st64(&mut self, addr: Local, off: u32, v: Local);
    fn stl(&mut self, addr: Local, off: u32, k: u64);
    fn st16(&mut self, addr: Local, off: u32, v: Local);
    /// The value's tag as an i32 (`v >> 48`).
    fn tag(&mut self, v: Local) -> Local;
    /// 1 if `v` is a number.
    fn is_num(&mut self, v: Local) -> Local;
    /// 1 if `v` has tag `tag`.
    fn has_tag(&mut self, v: Local, tag: u64) -> Local;
    /// 1 if `v` is an object or a function (tags OBJECT, FUNCTION).
    fn is_objlike(&mut self, v: Local) -> Local;
    /// 1 if `v` is a KIND_OBJECT object of class `class` (a generator, a
    /// fiber, a timer, ...).
    fn is_class(&mut self, v: Local, class: u32) -> Local;
    /// 1 if `v` is undefined or null (or an internal sentinel).
    fn is_nullish(&mut self, v: Local) -> Local;
    /// The low 32 bits (pointer / payload).
    fn payload(&mut self, v: Local) -> Local;
    /// `tag << 48 | p`
    fn boxed(&mut self, tag: u64, p: Local) -> Local;
    /// A static string as a value.
    fn str_val(&mut self, s: Str) -> Local;
    /// A static string's address.
    fn str_ptr(&mut self, s: Str) -> Local;
    /// The kind byte of block `p`.
    fn kind(&mut self, p: Local) -> Local;
    /// The double inside a number value.
    fn to_f64(&mut self, v: Local) -> Local;
    /// The value of a double (bits unchanged: the caller knows it is canonical).
    fn f64_val(&mut self, x: Local) -> Local;
    /// The number value of an unsigned i32.
    fn num_u32(&mut self, x: Local) -> Local;
    fn not(&mut self, c: Local) -> Local;
    fn ret1(&mut self, v: Local);
    fn ret_i32(&mut self, k: i32);
    fn ret_val(&mut self, k: u64);
    fn ret_default(&mut self, r: Ret);
    /// Ends the current block with a dispatch on the type of `v`; the caller
    /// fills (and terminates) every returned block.
    fn tag_switch(&mut self, v: Local) -> TagBlocks;
    /// `call1` for a function returning one value.
    fn c1(&mut self, f: FuncId, args: &[Local]) -> Local;
    /// `fatal(code)` then `unreachable`.
    fn fatal(&mut self, cx: &Cx, code: i32);
}

impl Ext for FunctionBuilder<'_> {
    fn ic(&mut self, v: i32) -> Local {
        self.i32_const(v)
    }
    fn uc(&mut self, v: u32) -> Local {
        self.i32_const(v as i32)
    }
    fn lc(&mut self, v: u64) -> Local {
        self.i64_const(v as i64)
    }
    fn fc(&mut self, v: f64) -> Local {
        self.f64_const(v)
    }
    fn opi(&mut self, op: BinOp, a: Local, k: i32) -> Local {
        let kl = self.ic(k);
        self.bin(op, a, kl)
    }
    fn opl(&mut self, op: BinOp, a: Local, k: u64) -> Local {
        let kl = self.lc(k);
        self.bin(op, a, kl)
    }
    fn opf(&mut self, op: BinOp, a: Local, k: f64) -> Local {
        let kl = self.fc(k);
        self.bin(op, a, kl)
    }
    fn seti(&mut self, dst: Local, k: i32) {
        self.set_const(dst, Const::I32(k));
    }
    fn inc(&mut self, dst: Local, k: i32) {
        let kl = self.ic(k);
        self.binary_into(dst, I32Add, dst, kl);
    }
    fn ld(&mut self, addr: Local, off: u32) -> Local {
        self.load(LoadKind::I32, addr, off)
    }
    fn ld64(&mut self, addr: Local, off: u32) -> Local {
        self.load(LoadKind::I64, addr, off)
    }
    fn ld16(&mut self, addr: Local, off: u32) -> Local {
        self.load(LoadKind::I32U16, addr, off)
    }
    fn st(&mut self, addr: Local, off: u32, v: Local) {
        self.store(StoreKind::I32, addr, off, v);
    }
    fn sti(&mut self, addr: Local, off: u32, k: i32) {
        let kl = self.ic(k);
        self.store(StoreKind::I32, addr, off, kl);
    }
    fn st64(&mut self, addr: Local, off: u32, v: Local) {
        self.store(StoreKind::I64, addr, off, v);
    }
    fn stl(&mut self, addr: Local, off: u32, k: u64) {
        let kl = self.lc(k);
        self.store(StoreKind::I64, addr, off, kl);
    }
    fn st16(&mut self, addr: Local, off: u32, v: Local) {
        self.store(StoreKind::I32As16, addr, off, v);
    }
    fn tag(&mut self, v: Local) -> Local {
        let t = self.opl(I64ShrU, v, TAG_SHIFT as u64);
        self.un(I32WrapI64, t)
    }
    fn is_num(&mut self, v: Local) -> Local {
        self.opl(I64LtU, v, TAG_MIN)
    }
    fn has_tag(&mut self, v: Local, tag: u64) -> Local {
        let t = self.tag(v);
        self.opi(I32Eq, t, tag as i32)
    }
    fn is_objlike(&mut self, v: Local) -> Local {
        let t = self.tag(v);
        let d = self.opi(I32Sub, t, TAG_OBJECT as i32);
        self.opi(I32LtU, d, 2)
    }
    fn is_class(&mut self, v: Local, class: u32) -> Local {
        let r = self.local(Type::I32);
        self.seti(r, 0);
        let is_obj = self.has_tag(v, TAG_OBJECT);
        self.if_then(is_obj, |b| {
            let p = b.payload(v);
            let kind = b.kind(p);
            let cls = b.ld(p, OBJ_CLASS);
            let o = b.opi(I32Eq, kind, KIND_OBJECT as i32);
            let c = b.opi(I32Eq, cls, class as i32);
            let both = b.bin(I32And, o, c);
            b.copy(r, both);
        });
        r
    }
    fn is_nullish(&mut self, v: Local) -> Local {
        let t = self.tag(v);
        let d = self.opi(I32Sub, t, TAG_UNDEFINED as i32);
        self.opi(I32LtU, d, 2)
    }
    fn payload(&mut self, v: Local) -> Local {
        self.un(I32WrapI64, v)
    }
    fn boxed(&mut self, tag: u64, p: Local) -> Local {
        let x = self.un(I64ExtendI32U, p);
        self.opl(I64Or, x, tag << TAG_SHIFT)
    }
    fn str_val(&mut self, s: Str) -> Local {
        self.lc(boxed(TAG_STRING, s.addr))
    }
    fn str_ptr(&mut self, s: Str) -> Local {
        self.uc(s.addr)
    }
    fn kind(&mut self, p: Local) -> Local {
        let h = self.ld(p, HEADER);
        self.opi(I32And, h, KIND_MASK as i32)
    }
    fn to_f64(&mut self, v: Local) -> Local {
        self.un(F64ReinterpretI64, v)
    }
    fn f64_val(&mut self, x: Local) -> Local {
        self.un(I64ReinterpretF64, x)
    }
    fn num_u32(&mut self, x: Local) -> Local {
        let f = self.un(F64ConvertI32U, x);
        self.f64_val(f)
    }
    fn not(&mut self, c: Local) -> Local {
        self.un(I32Eqz, c)
    }
    fn ret1(&mut self, v: Local) {
        self.ret(&[v]);
    }
    fn ret_i32(&mut self, k: i32) {
        let l = self.ic(k);
        self.ret(&[l]);
    }
    fn ret_val(&mut self, k: u64) {
        let l = self.lc(k);
        self.ret(&[l]);
    }
    fn ret_default(&mut self, r: Ret) {
        match r {
            Ret::I64(k) => self.ret_val(k),
            Ret::F64(k) => {
                let l = self.fc(k);
                self.ret(&[l]);
            }
        }
    }
    fn tag_switch(&mut self, v: Local) -> TagBlocks {
        let tb = TagBlocks {
            number: self.new_labeled_block("number"),
            undefined: self.new_labeled_block("undefined"),
            null: self.new_labeled_block("null"),
            boolean: self.new_labeled_block("boolean"),
            string: self.new_labeled_block("string"),
            object: self.new_labeled_block("object"),
            function: self.new_labeled_block("function"),
            symbol: self.new_labeled_block("symbol"),
        };
        let tagged = self.new_block();
        let n = self.is_num(v);
        self.branch(n, tb.number, tagged);
        self.switch_to(tagged);
        let t = self.tag(v);
        let idx = self.opi(I32Sub, t, TAG_UNDEFINED as i32);
        self.switch(
            idx,
            vec![
                tb.undefined,
                tb.null,
                tb.boolean,
                tb.string,
                tb.object,
                tb.function,
                tb.symbol,
            ],
            tb.undefined,
        );
        tb
    }
    fn c1(&mut self, f: FuncId, args: &[Local]) -> Local {
        self.call1(f, args)
    }
    fn fatal(&mut self, cx: &Cx, code: i32) {
        let c = self.ic(code);
        self.call(cx.rt.host.fatal, &[c]);
        self.unreachable();
    }
}

/// Returns `r` from the current function if an exception is pending.
pub(crate) fn ret_if_exc(b: &mut FunctionBuilder, cx: &Cx, r: Ret) {
    let p = b.global_get(cx.rt.exc_pending);
    b.if_then(p, |b| b.ret_default(r));
}

/// 1 if string `key` (a pointer) equals the static string `s`: pointer
/// compare, then length, then content.
pub(crate) fn key_is(b: &mut FunctionBuilder, cx: &Cx, key: Local, s: Str) -> Local {
    let sp = b.str_ptr(s);
    let r = b.local(Type::I32);
    b.binary_into(r, I32Eq, key, sp);
    let miss = b.not(r);
    b.if_then(miss, |b| {
        let len = b.ld(key, STR_LEN);
        let same = b.opi(I32Eq, len, s.len as i32);
        b.if_then(same, |b| {
            b.call_into(&[r], cx.rt.string_equals, &[key, sp]);
        });
    });
    r
}

/// Emits `for (i = from; i < to; i++) body(i)` with unsigned compare.
pub(crate) fn for_range(
    b: &mut FunctionBuilder,
    from: Local,
    to: Local,
    body: impl FnOnce(&mut FunctionBuilder, Local),
) {
    let i = b.local(Type::I32);
    b.copy(i, from);
    b.while_(
        |b| b.bin(I32LtU, i, to),
        |b, _| {
            body(b, i);
            b.inc(i, 1);
        },
    );
}

/// Address of element `i` of the KIND_BYTES payload at `elems` with
/// `shift`-sized entries: `elems + BYTES_DATA + (i << shift)`.
pub(crate) fn elem_addr(b: &mut FunctionBuilder, elems: Local, i: Local, shift: i32) -> Local {
    let off = b.opi(I32Shl, i, shift);
    let a = b.bin(I32Add, elems, off);
    b.opi(I32Add, a, BYTES_DATA as i32)
}

/// Terminates the blocks of `f` that are unreachable and unterminated (left
/// behind by structured helpers after a branch returned), so that the
/// verifier accepts the body while real mistakes still show.
pub(crate) fn seal(m: &mut Module, f: FuncId) {
    let Some(body) = m.funcs[f.index()].body_mut() else {
        return;
    };
    let mut reachable = vec![false; body.blocks.len()];
    let mut stack = vec![body.entry];
    while let Some(bb) = stack.pop() {
        if std::mem::replace(&mut reachable[bb.index()], true) {
            continue;
        }
        if let Some(t) = &body.blocks[bb.index()].term {
            stack.extend(t.successors());
        }
    }
    for (i, block) in body.blocks.iter_mut().enumerate() {
        if !reachable[i] && block.term.is_none() {
            block.term = Some(Terminator::Unreachable);
        }
    }
}

/// Defines function `f` with `body`, then seals its leftovers.
pub(crate) fn define(m: &mut Module, f: FuncId, body: impl FnOnce(&mut FunctionBuilder)) {
    let mut b = FunctionBuilder::new(m, f);
    body(&mut b);
    b.finish();
    seal(m, f);
}
