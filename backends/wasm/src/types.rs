//! Value types and the type section.
//!
//! Wasm functions refer to their signature by index into the type section.
//! Many IR functions share a signature, so [`TypeTable`] interns each
//! distinct [`Signature`] once, in first-use order (function signatures are
//! interned in Wasm function index order, then `call_indirect` signatures as
//! the bodies are lowered).

use std::collections::HashMap;
use switchyard_ir::{Signature, Type};
use wasm_encoder::{TypeSection, ValType};

/// The Wasm value type of an IR type.
pub fn val_type(t: Type) -> ValType {
    match t {
        Type::I32 => ValType::I32,
        Type::I64 => ValType::I64,
        Type::F32 => ValType::F32,
        Type::F64 => ValType::F64,
    }
}

/// Deduplicated function types.
#[derive(Clone, Debug, Default)]
pub struct TypeTable {
    index: HashMap<Signature, u32>,
    sigs: Vec<Signature>,
}

impl TypeTable {
    pub fn new() -> Self {
        Self::default()
    }

    /// The type index of `sig`, adding it if new.
    pub fn intern(&mut self, sig: &Signature) -> u32 {
        if let Some(&i) = self.index.get(sig) {
            return i;
        }
        let i = self.sigs.len() as u32;
        self.sigs.push(sig.clone());
        self.index.insert(sig.clone(), i);
        i
    }

    /// Number of distinct signatures.
    pub fn len(&self) -> usize {
        self.sigs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sigs.is_empty()
    }

    /// The type section.
    pub fn section(&self) -> TypeSection {
        let mut s = TypeSection::new();
        for sig in &self.sigs {
            s.ty().function(
                sig.params.iter().map(|&t| val_type(t)),
                sig.results.iter().map(|&t| val_type(t)),
            );
        }
        s
    }
}
