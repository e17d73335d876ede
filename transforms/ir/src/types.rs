//! Value types, signatures and constants.
//!
//! The IR deliberately has only Wasm's four numeric value types. It does not
//! know how a source language represents its values: the JS front end, for
//! example, NaN-boxes every JS value into an `i64`, but another compiler may
//! use `i32` pointers. Reference types are left out on purpose: Binaryen's
//! Asyncify cannot save reference-typed locals, and Wasmtime's stack switching
//! does not yet work with GC references, so every strategy needs plain numbers.

use std::fmt;

/// A Wasm numeric value type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Type {
    I32,
    I64,
    F32,
    F64,
}

impl Type {
    /// The Wasm text name of the type (`i32`, `i64`, `f32`, `f64`).
    pub fn name(self) -> &'static str {
        match self {
            Type::I32 => "i32",
            Type::I64 => "i64",
            Type::F32 => "f32",
            Type::F64 => "f64",
        }
    }

    /// Size of the type in bytes when stored to memory.
    pub fn byte_size(self) -> u32 {
        match self {
            Type::I32 | Type::F32 => 4,
            Type::I64 | Type::F64 => 8,
        }
    }

    /// The zero constant of this type.
    pub fn zero(self) -> Const {
        match self {
            Type::I32 => Const::I32(0),
            Type::I64 => Const::I64(0),
            Type::F32 => Const::F32(0),
            Type::F64 => Const::F64(0),
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A function signature: parameter and result types (multi-value allowed).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Signature {
    pub params: Vec<Type>,
    pub results: Vec<Type>,
}

impl Signature {
    pub fn new(params: impl Into<Vec<Type>>, results: impl Into<Vec<Type>>) -> Self {
        Signature {
            params: params.into(),
            results: results.into(),
        }
    }
}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "(")?;
        for (i, p) in self.params.iter().enumerate() {
            if i > 0 {
                write!(f, ", ")?;
            }
            write!(f, "{p}")?;
        }
        write!(f, ") -> (")?;
        for (i, r) in self.results.iter().enumerate() {
            if i > 0 {
                write!(f, ", ")?;
            }
            write!(f, "{r}")?;
        }
        write!(f, ")")
    }
}

/// A constant. Floats are stored as their bit patterns so that NaN payloads
/// survive and `Const` can be `Eq`/`Hash`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Const {
    I32(i32),
    I64(i64),
    F32(u32),
    F64(u64),
}

impl Const {
    pub fn f64(v: f64) -> Const {
        Const::F64(v.to_bits())
    }

    pub fn f32(v: f32) -> Const {
        Const::F32(v.to_bits())
    }

    pub fn ty(self) -> Type {
        match self {
            Const::I32(_) => Type::I32,
            Const::I64(_) => Type::I64,
            Const::F32(_) => Type::F32,
            Const::F64(_) => Type::F64,
        }
    }
}

impl fmt::Display for Const {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Const::I32(v) => write!(f, "i32.const {v}"),
            Const::I64(v) => write!(f, "i64.const {v}"),
            Const::F32(bits) => write!(f, "f32.const {:?}", f32::from_bits(bits)),
            Const::F64(bits) => {
                let v = f64::from_bits(bits);
                if v.is_nan() {
                    write!(f, "f64.const nan:0x{:x}", bits & ((1u64 << 52) - 1))
                } else {
                    write!(f, "f64.const {v:?}")
                }
            }
        }
    }
}
