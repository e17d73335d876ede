//! A read-only view of a compiled module's linear memory that decodes JS
//! values and heap blocks as `switchyard_js_runtime::layout` lays them out.
//!
//! Every read is bounds- and kind-checked: a corrupt heap gives a
//! [`HeapError`] (reported as an internal error), never a host panic.

use std::fmt;
use switchyard_js_runtime::layout::*;

/// A malformed heap: out-of-bounds pointer, wrong block kind, cyclic
/// prototype chain, …
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeapError(pub String);

impl fmt::Display for HeapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "corrupt heap: {}", self.0)
    }
}

impl std::error::Error for HeapError {}

pub type HeapResult<T> = Result<T, HeapError>;

/// Longest prototype chain we follow before declaring it cyclic.
const MAX_PROTO_CHAIN: usize = 10_000;

/// One entry of an object's property table.
#[derive(Debug, Clone)]
pub struct Prop {
    /// The key, as UTF-16.
    pub key: Vec<u16>,
    pub flags: u32,
    pub value: u64,
}

impl Prop {
    /// Whether the property is enumerable (shown by `console.log`).
    pub fn enumerable(&self) -> bool {
        self.flags & PROP_HIDDEN == 0
    }

    /// Whether this is an enumerable symbol-keyed property (shown by
    /// `console.log` after the string keys).
    pub fn enumerable_symbol(&self) -> bool {
        self.flags & PROP_SYMBOL != 0
    }
}

/// Read-only, checked access to linear memory.
#[derive(Clone, Copy)]
pub struct Heap<'a> {
    mem: &'a [u8],
}

impl<'a> Heap<'a> {
    pub fn new(mem: &'a [u8]) -> Self {
        Heap { mem }
    }

    fn bytes(&self, addr: u32, len: usize) -> HeapResult<&'a [u8]> {
        let start = addr as usize;
        let end = start.checked_add(len).filter(|&e| e <= self.mem.len());
        match end {
            Some(end) if addr != 0 => Ok(&self.mem[start..end]),
            _ => Err(HeapError(format!(
                "access of {len} bytes at {addr:#x} is outside linear memory ({} bytes)",
                self.mem.len()
            ))),
        }
    }

    pub fn u32(&self, addr: u32) -> HeapResult<u32> {
        let b = self.bytes(addr, 4)?;
        Ok(u32::from_le_bytes(b.try_into().unwrap()))
    }

    pub fn u64(&self, addr: u32) -> HeapResult<u64> {
        let b = self.bytes(addr, 8)?;
        Ok(u64::from_le_bytes(b.try_into().unwrap()))
    }

    fn field(&self, ptr: u32, offset: u32) -> HeapResult<u32> {
        self.u32(
            ptr.checked_add(offset)
                .ok_or_else(|| HeapError(format!("pointer {ptr:#x} overflows")))?,
        )
    }

    /// The `KIND_*` of the block at `ptr`.
    pub fn kind(&self, ptr: u32) -> HeapResult<u32> {
        Ok(self.u32(ptr + HEADER)? & KIND_MASK)
    }

    fn expect_kind(&self, ptr: u32, kinds: &[u32], what: &str) -> HeapResult<u32> {
        let kind = self.kind(ptr)?;
        if kinds.contains(&kind) {
            Ok(kind)
        } else {
            Err(HeapError(format!(
                "expected {what} at {ptr:#x}, found block kind {kind}"
            )))
        }
    }

    /// The `argc` NaN-boxed values stored at `argv`.
    pub fn values(&self, argv: u32, argc: u32) -> HeapResult<Vec<u64>> {
        if argc == 0 {
            return Ok(Vec::new());
        }
        let b = self.bytes(argv, argc as usize * 8)?;
        Ok(b.chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
            .collect())
    }

    /// The UTF-16 units of the KIND_STRING block at `ptr`.
    pub fn string(&self, ptr: u32) -> HeapResult<Vec<u16>> {
        self.expect_kind(ptr, &[KIND_STRING], "a string")?;
        let len = self.u32(ptr + STR_LEN)?;
        let b = self.bytes(ptr + STR_DATA, len as usize * 2)?;
        Ok(b.chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect())
    }

    /// Checks that `ptr` is an object-like block (object, array, function)
    /// and returns its kind.
    pub fn object_kind(&self, ptr: u32) -> HeapResult<u32> {
        self.expect_kind(ptr, &[KIND_OBJECT, KIND_ARRAY, KIND_FUNCTION], "an object")
    }

    /// Prototype pointer (0 = null).
    pub fn proto(&self, ptr: u32) -> HeapResult<u32> {
        self.object_kind(ptr)?;
        self.field(ptr, OBJ_PROTO)
    }

    /// `OBJ_CLASS` of an object-like block.
    pub fn class(&self, ptr: u32) -> HeapResult<u32> {
        self.object_kind(ptr)?;
        self.field(ptr, OBJ_CLASS)
    }

    /// The property table, in insertion order.
    pub fn props(&self, ptr: u32) -> HeapResult<Vec<Prop>> {
        self.object_kind(ptr)?;
        let len = self.field(ptr, OBJ_PROPS_LEN)?;
        let cap = self.field(ptr, OBJ_PROPS_CAP)?;
        let table = self.field(ptr, OBJ_PROPS)?;
        if len == 0 {
            return Ok(Vec::new());
        }
        if len > cap || table == 0 {
            return Err(HeapError(format!(
                "object at {ptr:#x} has {len} properties but capacity {cap} / table {table:#x}"
            )));
        }
        self.expect_kind(table, &[KIND_BYTES], "a property table")?;
        let base = table + BYTES_DATA;
        // One bounds check for the whole table.
        self.bytes(base, len as usize * PROP_ENTRY_SIZE as usize)?;
        let mut props = Vec::with_capacity(len as usize);
        for i in 0..len {
            let e = base + i * PROP_ENTRY_SIZE;
            let key = self.string(self.u32(e + PROP_KEY)?)?;
            props.push(Prop {
                key,
                flags: self.u32(e + PROP_FLAGS)?,
                value: self.u64(e + PROP_VALUE)?,
            });
        }
        Ok(props)
    }

    /// The own property `key`, if any.
    pub fn get_own(&self, ptr: u32, key: &str) -> HeapResult<Option<Prop>> {
        let key: Vec<u16> = key.encode_utf16().collect();
        Ok(self.props(ptr)?.into_iter().find(|p| p.key == key))
    }

    /// `obj[key]` through the prototype chain (no getters exist), with the
    /// object that owns it.
    pub fn lookup(&self, ptr: u32, key: &str) -> HeapResult<Option<(u32, Prop)>> {
        let mut obj = ptr;
        for _ in 0..MAX_PROTO_CHAIN {
            if obj == 0 {
                return Ok(None);
            }
            if let Some(p) = self.get_own(obj, key)? {
                return Ok(Some((obj, p)));
            }
            obj = self.proto(obj)?;
        }
        Err(HeapError(format!("prototype chain of {ptr:#x} is cyclic")))
    }

    /// `obj[key]` through the prototype chain, or `undefined`.
    pub fn get(&self, ptr: u32, key: &str) -> HeapResult<u64> {
        Ok(self.lookup(ptr, key)?.map_or(UNDEFINED, |(_, p)| p.value))
    }

    /// The prototype chain of `ptr`, excluding `ptr` itself.
    pub fn proto_chain(&self, ptr: u32) -> HeapResult<Vec<u32>> {
        let mut chain = Vec::new();
        let mut obj = self.proto(ptr)?;
        while obj != 0 {
            if chain.len() >= MAX_PROTO_CHAIN {
                return Err(HeapError(format!("prototype chain of {ptr:#x} is cyclic")));
            }
            chain.push(obj);
            obj = self.proto(obj)?;
        }
        Ok(chain)
    }

    /// JS `length` of an array.
    pub fn array_len(&self, ptr: u32) -> HeapResult<u32> {
        self.expect_kind(ptr, &[KIND_ARRAY], "an array")?;
        self.field(ptr, ARR_LEN)
    }

    /// Element `i` of an array ([`HOLE`] if never written or beyond the
    /// storage capacity).
    pub fn array_elem(&self, ptr: u32, i: u32) -> HeapResult<u64> {
        self.expect_kind(ptr, &[KIND_ARRAY], "an array")?;
        let len = self.field(ptr, ARR_LEN)?;
        let cap = self.field(ptr, ARR_CAP)?;
        if i >= len || i >= cap {
            return Ok(HOLE);
        }
        let elems = self.field(ptr, ARR_ELEMS)?;
        if elems == 0 {
            return Ok(HOLE);
        }
        self.u64(elems + BYTES_DATA + 8 * i)
    }

    /// The name of a function (empty for anonymous functions).
    pub fn function_name(&self, ptr: u32) -> HeapResult<Vec<u16>> {
        self.expect_kind(ptr, &[KIND_FUNCTION], "a function")?;
        let name = self.field(ptr, FN_NAME)?;
        if name == 0 {
            Ok(Vec::new())
        } else {
            self.string(name)
        }
    }

    /// The declared parameter count of a function.
    pub fn function_arity(&self, ptr: u32) -> HeapResult<u32> {
        self.expect_kind(ptr, &[KIND_FUNCTION], "a function")?;
        self.field(ptr, FN_ARITY)
    }

    /// For an internal iterator block: what it iterates.
    pub fn iter_kind(&self, ptr: u32) -> HeapResult<u32> {
        self.expect_kind(ptr, &[KIND_ITER], "an iterator")?;
        self.field(ptr, ITER_KIND)
    }
}
