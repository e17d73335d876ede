//! Builds JS heaps in a `Vec<u8>` exactly as `layout` describes them, for
//! tests: synthetic memories for `inspect`, data segments for hand-written
//! Wasm modules. Not used when running programs.

use switchyard_js_runtime::layout::*;

/// The NaN-boxed value of a number (NaN is canonicalized).
pub fn num(x: f64) -> u64 {
    if x.is_nan() {
        CANONICAL_NAN
    } else {
        x.to_bits()
    }
}

/// The NaN-boxed value of an object or array block.
pub fn obj(ptr: u32) -> u64 {
    boxed(TAG_OBJECT, ptr)
}

/// The NaN-boxed value of a function block.
pub fn func(ptr: u32) -> u64 {
    boxed(TAG_FUNCTION, ptr)
}

/// The NaN-boxed value of a string block.
pub fn str_val(ptr: u32) -> u64 {
    boxed(TAG_STRING, ptr)
}

pub fn boolean(b: bool) -> u64 {
    if b {
        TRUE
    } else {
        FALSE
    }
}

/// A linear memory under construction. Addresses are real addresses: the
/// vector starts at address 0 and blocks are allocated from
/// [`STATIC_BASE`] upwards.
pub struct HeapBuilder {
    mem: Vec<u8>,
    /// `Object.prototype`.
    pub object_proto: u32,
    /// `Array.prototype`.
    pub array_proto: u32,
    /// `Function.prototype`.
    pub function_proto: u32,
    /// `Error.prototype`, `TypeError.prototype`, … indexed by `ERR_*`.
    pub error_protos: Vec<u32>,
}

impl Default for HeapBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl HeapBuilder {
    /// A heap with the built-in prototypes, like the runtime's `init` makes
    /// them: error prototypes carry hidden `name` and `message` properties;
    /// no prototype has a `constructor` property (see
    /// [`Self::with_constructors`]).
    pub fn new() -> Self {
        let mut b = HeapBuilder {
            mem: vec![0; STATIC_BASE as usize],
            object_proto: 0,
            array_proto: 0,
            function_proto: 0,
            error_protos: Vec::new(),
        };
        b.object_proto = b.object(0, &[]);
        b.array_proto = b.object(b.object_proto, &[]);
        b.function_proto = b.object(b.object_proto, &[]);
        let error = b.object(b.object_proto, &[]);
        let name = b.string_value("Error");
        b.set_prop(error, "name", PROP_HIDDEN, name);
        let empty = b.string_value("");
        b.set_prop(error, "message", PROP_HIDDEN, empty);
        b.error_protos.push(error);
        for n in &ERROR_NAMES[1..] {
            let p = b.object(error, &[]);
            let name = b.string_value(n);
            b.set_prop(p, "name", PROP_HIDDEN, name);
            b.error_protos.push(p);
        }
        b
    }

    /// Like [`Self::new`], plus hidden `constructor` properties on the
    /// built-in prototypes pointing at functions `Object`, `Array`,
    /// `Function`, `Error`, `TypeError`, … (as in a real JS engine).
    pub fn with_constructors() -> Self {
        let mut b = Self::new();
        let pairs: Vec<(u32, &str)> = [
            (b.object_proto, "Object"),
            (b.array_proto, "Array"),
            (b.function_proto, "Function"),
        ]
        .into_iter()
        .chain(b.error_protos.clone().into_iter().zip(ERROR_NAMES))
        .collect();
        for (proto, name) in pairs {
            let f = b.function(name, 1);
            b.set_prop(proto, "constructor", PROP_HIDDEN, func(f));
        }
        b
    }

    /// The memory built so far (starting at address 0).
    pub fn bytes(&self) -> &[u8] {
        &self.mem
    }

    /// The bytes from [`STATIC_BASE`] on, to place in a data segment there.
    pub fn data_segment(&self) -> &[u8] {
        &self.mem[STATIC_BASE as usize..]
    }

    /// The address of the next block.
    pub fn end(&self) -> u32 {
        self.mem.len() as u32
    }

    /// A zeroed, 8-aligned block of `size` bytes.
    pub fn alloc(&mut self, size: u32) -> u32 {
        let addr = self.end();
        self.mem
            .resize(self.mem.len() + align8(size.max(8)) as usize, 0);
        addr
    }

    pub fn write_u32(&mut self, addr: u32, v: u32) {
        self.mem[addr as usize..addr as usize + 4].copy_from_slice(&v.to_le_bytes());
    }

    pub fn write_u64(&mut self, addr: u32, v: u64) {
        self.mem[addr as usize..addr as usize + 8].copy_from_slice(&v.to_le_bytes());
    }

    pub fn read_u32(&self, addr: u32) -> u32 {
        u32::from_le_bytes(
            self.mem[addr as usize..addr as usize + 4]
                .try_into()
                .unwrap(),
        )
    }

    /// A KIND_STRING block.
    pub fn string(&mut self, s: &str) -> u32 {
        let units: Vec<u16> = s.encode_utf16().collect();
        self.string_utf16(&units)
    }

    /// A KIND_STRING block from raw UTF-16 (lone surrogates allowed).
    pub fn string_utf16(&mut self, units: &[u16]) -> u32 {
        let p = self.alloc(string_block_size(units.len() as u32));
        self.write_u32(p + HEADER, KIND_STRING);
        self.write_u32(p + STR_LEN, units.len() as u32);
        for (i, u) in units.iter().enumerate() {
            let a = (p + STR_DATA) as usize + 2 * i;
            self.mem[a..a + 2].copy_from_slice(&u.to_le_bytes());
        }
        p
    }

    /// The value of a fresh string block.
    pub fn string_value(&mut self, s: &str) -> u64 {
        str_val(self.string(s))
    }

    fn bytes_block(&mut self, payload: u32) -> u32 {
        let p = self.alloc(BYTES_DATA + payload);
        self.write_u32(p + HEADER, KIND_BYTES);
        self.write_u32(p + BYTES_SIZE, payload);
        p
    }

    fn init_object_prefix(&mut self, p: u32, kind: u32, proto: u32, class: u32) {
        self.write_u32(p + HEADER, kind);
        self.write_u32(p + OBJ_PROTO, proto);
        self.write_u32(p + OBJ_CLASS, class);
    }

    /// A plain object with prototype `proto` (0 = null) and enumerable
    /// properties `props`.
    pub fn object(&mut self, proto: u32, props: &[(&str, u64)]) -> u32 {
        let p = self.alloc(OBJ_SIZE);
        self.init_object_prefix(p, KIND_OBJECT, proto, CLASS_PLAIN);
        for &(k, v) in props {
            self.set_prop(p, k, 0, v);
        }
        p
    }

    /// A plain object inheriting from `Object.prototype`.
    pub fn plain(&mut self, props: &[(&str, u64)]) -> u32 {
        let proto = self.object_proto;
        self.object(proto, props)
    }

    /// The flags of an own property, if it exists.
    pub fn prop_flags(&self, obj: u32, key: &str) -> Option<u32> {
        let key_units: Vec<u16> = key.encode_utf16().collect();
        let len = self.read_u32(obj + OBJ_PROPS_LEN);
        let table = self.read_u32(obj + OBJ_PROPS);
        (0..len).find_map(|i| {
            let e = table + BYTES_DATA + i * PROP_ENTRY_SIZE;
            (self.string_units(self.read_u32(e + PROP_KEY)) == key_units)
                .then(|| self.read_u32(e + PROP_FLAGS))
        })
    }

    /// JS assignment `obj[key] = value`: keeps the flags of an existing
    /// own property, else adds an enumerable one.
    pub fn assign(&mut self, obj: u32, key: &str, value: u64) {
        let flags = self.prop_flags(obj, key).unwrap_or(0);
        self.set_prop(obj, key, flags, value);
    }

    fn string_units(&self, p: u32) -> Vec<u16> {
        let len = self.read_u32(p + STR_LEN) as usize;
        (0..len)
            .map(|j| {
                let a = (p + STR_DATA) as usize + 2 * j;
                u16::from_le_bytes([self.mem[a], self.mem[a + 1]])
            })
            .collect()
    }

    /// Sets (adds or overwrites) a property.
    pub fn set_prop(&mut self, obj: u32, key: &str, flags: u32, value: u64) {
        let key_units: Vec<u16> = key.encode_utf16().collect();
        let len = self.read_u32(obj + OBJ_PROPS_LEN);
        let cap = self.read_u32(obj + OBJ_PROPS_CAP);
        let table = self.read_u32(obj + OBJ_PROPS);
        // Overwrite an existing key.
        for i in 0..len {
            let e = table + BYTES_DATA + i * PROP_ENTRY_SIZE;
            if self.string_units(self.read_u32(e + PROP_KEY)) == key_units {
                self.write_u32(e + PROP_FLAGS, flags);
                self.write_u64(e + PROP_VALUE, value);
                return;
            }
        }
        let mut table = table;
        if len == cap {
            let new_cap = (cap * 2).max(4);
            let new_table = self.bytes_block(new_cap * PROP_ENTRY_SIZE);
            if table != 0 {
                let from = (table + BYTES_DATA) as usize;
                let to = (new_table + BYTES_DATA) as usize;
                let n = (len * PROP_ENTRY_SIZE) as usize;
                let old = self.mem[from..from + n].to_vec();
                self.mem[to..to + n].copy_from_slice(&old);
            }
            table = new_table;
            self.write_u32(obj + OBJ_PROPS, table);
            self.write_u32(obj + OBJ_PROPS_CAP, new_cap);
        }
        let kp = self.string_utf16(&key_units);
        let e = table + BYTES_DATA + len * PROP_ENTRY_SIZE;
        self.write_u32(e + PROP_KEY, kp);
        self.write_u32(e + PROP_FLAGS, flags);
        self.write_u64(e + PROP_VALUE, value);
        self.write_u32(obj + OBJ_PROPS_LEN, len + 1);
    }

    /// An array inheriting from `Array.prototype` ([`HOLE`] elements are holes).
    pub fn array(&mut self, elems: &[u64]) -> u32 {
        let proto = self.array_proto;
        self.array_with_proto(proto, elems)
    }

    /// An array with an explicit prototype.
    pub fn array_with_proto(&mut self, proto: u32, elems: &[u64]) -> u32 {
        let p = self.alloc(ARR_SIZE);
        self.init_object_prefix(p, KIND_ARRAY, proto, CLASS_PLAIN);
        let cap = elems.len() as u32;
        self.write_u32(p + ARR_LEN, cap);
        self.write_u32(p + ARR_CAP, cap);
        if cap > 0 {
            let store = self.bytes_block(8 * cap);
            for (i, &v) in elems.iter().enumerate() {
                self.write_u64(store + BYTES_DATA + 8 * i as u32, v);
            }
            self.write_u32(p + ARR_ELEMS, store);
        }
        p
    }

    /// Overwrites element `i` of an array built by [`Self::array`].
    pub fn set_elem(&mut self, arr: u32, i: u32, v: u64) {
        let store = self.read_u32(arr + ARR_ELEMS);
        assert!(i < self.read_u32(arr + ARR_CAP));
        self.write_u64(store + BYTES_DATA + 8 * i, v);
    }

    /// `arr[i] = v` for any index: grows the element storage (new slots
    /// are holes) and the length as needed.
    pub fn array_store(&mut self, arr: u32, i: u32, v: u64) {
        let len = self.read_u32(arr + ARR_LEN);
        let cap = self.read_u32(arr + ARR_CAP);
        if i >= cap {
            let new_cap = (i + 1).max(cap * 2);
            let store = self.bytes_block(8 * new_cap);
            let old = self.read_u32(arr + ARR_ELEMS);
            for j in 0..new_cap {
                let e = if j < cap && j < len && old != 0 {
                    u64::from_le_bytes(
                        self.mem[(old + BYTES_DATA + 8 * j) as usize
                            ..(old + BYTES_DATA + 8 * j) as usize + 8]
                            .try_into()
                            .unwrap(),
                    )
                } else {
                    HOLE
                };
                self.write_u64(store + BYTES_DATA + 8 * j, e);
            }
            self.write_u32(arr + ARR_ELEMS, store);
            self.write_u32(arr + ARR_CAP, new_cap);
        }
        self.set_elem(arr, i, v);
        if i >= len {
            self.write_u32(arr + ARR_LEN, i + 1);
        }
    }

    /// Sets the JS length of an array without storage for the new elements
    /// (they read as holes).
    pub fn set_array_len(&mut self, arr: u32, len: u32) {
        self.write_u32(arr + ARR_LEN, len);
    }

    /// A function inheriting from `Function.prototype` (code slot 0, no
    /// environment).
    pub fn function(&mut self, name: &str, arity: u32) -> u32 {
        let name_ptr = self.string(name);
        let p = self.alloc(FN_SIZE);
        let proto = self.function_proto;
        self.init_object_prefix(p, KIND_FUNCTION, proto, CLASS_PLAIN);
        self.write_u32(p + FN_NAME, name_ptr);
        self.write_u32(p + FN_ARITY, arity);
        p
    }

    /// An error object of kind `ERR_*` with a hidden own `message`.
    pub fn error(&mut self, kind: i32, message: &str) -> u32 {
        let proto = self.error_protos[kind as usize];
        let p = self.alloc(OBJ_SIZE);
        self.init_object_prefix(p, KIND_OBJECT, proto, CLASS_ERROR);
        let m = self.string_value(message);
        self.set_prop(p, "message", PROP_HIDDEN, m);
        p
    }

    /// An internal iterator block over `target`.
    pub fn iterator(&mut self, kind: u32, target: u64) -> u32 {
        let p = self.alloc(ITER_SIZE);
        self.write_u32(p + HEADER, KIND_ITER);
        self.write_u32(p + ITER_KIND, kind);
        self.write_u64(p + ITER_TARGET, target);
        p
    }
}
