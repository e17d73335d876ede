//! Value types and the type section.
//!
//! Wasm functions refer to their signature by index into the type section.
//! Many IR functions share a signature, so [`TypeTable`] interns each
//! distinct [`Signature`] once, in first-use order (function signatures are
//! interned in Wasm function index order, then `call_indirect` signatures as
//! the bodies are lowered). The stack-switching runtime
//! ([`crate::stack_switching`]) adds types the IR cannot express (function
//! types with reference-typed values, and a continuation type) with
//! [`TypeTable::intern_raw`] and [`TypeTable::add_cont`].

use std::collections::HashMap;
use switchyard_ir::{Signature, Type};
use wasm_encoder::{ContType, TypeSection, ValType};

/// The Wasm value type of an IR type.
pub fn val_type(t: Type) -> ValType {
    match t {
        Type::I32 => ValType::I32,
        Type::I64 => ValType::I64,
        Type::F32 => ValType::F32,
        Type::F64 => ValType::F64,
    }
}

/// The IR type of a numeric Wasm value type.
fn ir_type(t: ValType) -> Option<Type> {
    match t {
        ValType::I32 => Some(Type::I32),
        ValType::I64 => Some(Type::I64),
        ValType::F32 => Some(Type::F32),
        ValType::F64 => Some(Type::F64),
        _ => None,
    }
}

/// One entry of the type section.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum TypeEntry {
    /// The function type of an IR signature.
    Sig(Signature),
    /// A function type over arbitrary Wasm value types.
    Raw {
        params: Vec<ValType>,
        results: Vec<ValType>,
    },
    /// `(cont $func_type)`.
    Cont(u32),
}

/// Deduplicated function types.
#[derive(Clone, Debug, Default)]
pub struct TypeTable {
    index: HashMap<TypeEntry, u32>,
    entries: Vec<TypeEntry>,
}

impl TypeTable {
    pub fn new() -> Self {
        Self::default()
    }

    /// The type index of `sig`, adding it if new.
    pub fn intern(&mut self, sig: &Signature) -> u32 {
        self.intern_entry(TypeEntry::Sig(sig.clone()))
    }

    /// The type index of the function type `params -> results` (which may
    /// use reference types), adding it if new.
    pub fn intern_raw(&mut self, params: &[ValType], results: &[ValType]) -> u32 {
        // A type over numbers only is an IR signature: share its entry.
        let ir = |ts: &[ValType]| ts.iter().map(|&t| ir_type(t)).collect::<Option<Vec<_>>>();
        if let (Some(p), Some(r)) = (ir(params), ir(results)) {
            return self.intern(&Signature::new(p, r));
        }
        self.intern_entry(TypeEntry::Raw {
            params: params.to_vec(),
            results: results.to_vec(),
        })
    }

    /// The type index of `(cont $func_type)`, adding it if new. `func_type`
    /// must be an index this table already returned (a type may only refer
    /// to earlier ones).
    pub fn add_cont(&mut self, func_type: u32) -> u32 {
        self.intern_entry(TypeEntry::Cont(func_type))
    }

    fn intern_entry(&mut self, entry: TypeEntry) -> u32 {
        if let Some(&i) = self.index.get(&entry) {
            return i;
        }
        let i = self.entries.len() as u32;
        self.entries.push(entry.clone());
        self.index.insert(entry, i);
        i
    }

    /// Number of distinct types.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The type section.
    pub fn section(&self) -> TypeSection {
        let mut s = TypeSection::new();
        for entry in &self.entries {
            match entry {
                TypeEntry::Sig(sig) => s.ty().function(
                    sig.params.iter().map(|&t| val_type(t)),
                    sig.results.iter().map(|&t| val_type(t)),
                ),
                TypeEntry::Raw { params, results } => s
                    .ty()
                    .function(params.iter().copied(), results.iter().copied()),
                TypeEntry::Cont(f) => s.ty().cont(&ContType(*f)),
            }
        }
        s
    }
}
