//! Numeric operators, loads and stores. Each mirrors exactly one Wasm
//! instruction, so the backend's job is selection-free and the verifier can
//! type-check every operand from the tables below.

use crate::types::Type;
use std::fmt;

macro_rules! define_ops {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal : ($($arg:ident),*) -> $res:ident,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)*
        }

        impl $name {
            /// Every operator, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The Wasm text name (`i32.add`).
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// Operand types.
            pub fn operand_types(self) -> &'static [Type] {
                match self {
                    $($name::$variant => &[$(Type::$arg),*],)*
                }
            }

            /// Result type.
            pub fn result_type(self) -> Type {
                match self {
                    $($name::$variant => Type::$res,)*
                }
            }

            /// Looks an operator up by its Wasm text name.
            pub fn from_name(name: &str) -> Option<$name> {
                match name {
                    $($text => Some($name::$variant),)*
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

define_ops! {
    /// Unary numeric operators and conversions.
    UnOp {
        I32Eqz = "i32.eqz": (I32) -> I32,
        I32Clz = "i32.clz": (I32) -> I32,
        I32Ctz = "i32.ctz": (I32) -> I32,
        I32Popcnt = "i32.popcnt": (I32) -> I32,
        I64Eqz = "i64.eqz": (I64) -> I32,
        I64Clz = "i64.clz": (I64) -> I64,
        I64Ctz = "i64.ctz": (I64) -> I64,
        I64Popcnt = "i64.popcnt": (I64) -> I64,
        F32Abs = "f32.abs": (F32) -> F32,
        F32Neg = "f32.neg": (F32) -> F32,
        F32Sqrt = "f32.sqrt": (F32) -> F32,
        F32Ceil = "f32.ceil": (F32) -> F32,
        F32Floor = "f32.floor": (F32) -> F32,
        F32Trunc = "f32.trunc": (F32) -> F32,
        F32Nearest = "f32.nearest": (F32) -> F32,
        F64Abs = "f64.abs": (F64) -> F64,
        F64Neg = "f64.neg": (F64) -> F64,
        F64Sqrt = "f64.sqrt": (F64) -> F64,
        F64Ceil = "f64.ceil": (F64) -> F64,
        F64Floor = "f64.floor": (F64) -> F64,
        F64Trunc = "f64.trunc": (F64) -> F64,
        F64Nearest = "f64.nearest": (F64) -> F64,
        I32WrapI64 = "i32.wrap_i64": (I64) -> I32,
        I64ExtendI32S = "i64.extend_i32_s": (I32) -> I64,
        I64ExtendI32U = "i64.extend_i32_u": (I32) -> I64,
        I32TruncSatF64S = "i32.trunc_sat_f64_s": (F64) -> I32,
        I32TruncSatF64U = "i32.trunc_sat_f64_u": (F64) -> I32,
        I64TruncSatF64S = "i64.trunc_sat_f64_s": (F64) -> I64,
        I64TruncSatF64U = "i64.trunc_sat_f64_u": (F64) -> I64,
        F64ConvertI32S = "f64.convert_i32_s": (I32) -> F64,
        F64ConvertI32U = "f64.convert_i32_u": (I32) -> F64,
        F64ConvertI64S = "f64.convert_i64_s": (I64) -> F64,
        F64ConvertI64U = "f64.convert_i64_u": (I64) -> F64,
        F32DemoteF64 = "f32.demote_f64": (F64) -> F32,
        F64PromoteF32 = "f64.promote_f32": (F32) -> F64,
        I64ReinterpretF64 = "i64.reinterpret_f64": (F64) -> I64,
        F64ReinterpretI64 = "f64.reinterpret_i64": (I64) -> F64,
        I32ReinterpretF32 = "i32.reinterpret_f32": (F32) -> I32,
        F32ReinterpretI32 = "f32.reinterpret_i32": (I32) -> F32,
        I32Extend8S = "i32.extend8_s": (I32) -> I32,
        I32Extend16S = "i32.extend16_s": (I32) -> I32,
    }
}

define_ops! {
    /// Binary numeric operators. Comparisons produce an `i32` 0 or 1.
    BinOp {
        I32Add = "i32.add": (I32, I32) -> I32,
        I32Sub = "i32.sub": (I32, I32) -> I32,
        I32Mul = "i32.mul": (I32, I32) -> I32,
        I32DivS = "i32.div_s": (I32, I32) -> I32,
        I32DivU = "i32.div_u": (I32, I32) -> I32,
        I32RemS = "i32.rem_s": (I32, I32) -> I32,
        I32RemU = "i32.rem_u": (I32, I32) -> I32,
        I32And = "i32.and": (I32, I32) -> I32,
        I32Or = "i32.or": (I32, I32) -> I32,
        I32Xor = "i32.xor": (I32, I32) -> I32,
        I32Shl = "i32.shl": (I32, I32) -> I32,
        I32ShrS = "i32.shr_s": (I32, I32) -> I32,
        I32ShrU = "i32.shr_u": (I32, I32) -> I32,
        I32Rotl = "i32.rotl": (I32, I32) -> I32,
        I32Rotr = "i32.rotr": (I32, I32) -> I32,
        I32Eq = "i32.eq": (I32, I32) -> I32,
        I32Ne = "i32.ne": (I32, I32) -> I32,
        I32LtS = "i32.lt_s": (I32, I32) -> I32,
        I32LtU = "i32.lt_u": (I32, I32) -> I32,
        I32GtS = "i32.gt_s": (I32, I32) -> I32,
        I32GtU = "i32.gt_u": (I32, I32) -> I32,
        I32LeS = "i32.le_s": (I32, I32) -> I32,
        I32LeU = "i32.le_u": (I32, I32) -> I32,
        I32GeS = "i32.ge_s": (I32, I32) -> I32,
        I32GeU = "i32.ge_u": (I32, I32) -> I32,
        I64Add = "i64.add": (I64, I64) -> I64,
        I64Sub = "i64.sub": (I64, I64) -> I64,
        I64Mul = "i64.mul": (I64, I64) -> I64,
        I64DivS = "i64.div_s": (I64, I64) -> I64,
        I64DivU = "i64.div_u": (I64, I64) -> I64,
        I64RemS = "i64.rem_s": (I64, I64) -> I64,
        I64RemU = "i64.rem_u": (I64, I64) -> I64,
        I64And = "i64.and": (I64, I64) -> I64,
        I64Or = "i64.or": (I64, I64) -> I64,
        I64Xor = "i64.xor": (I64, I64) -> I64,
        I64Shl = "i64.shl": (I64, I64) -> I64,
        I64ShrS = "i64.shr_s": (I64, I64) -> I64,
        I64ShrU = "i64.shr_u": (I64, I64) -> I64,
        I64Rotl = "i64.rotl": (I64, I64) -> I64,
        I64Rotr = "i64.rotr": (I64, I64) -> I64,
        I64Eq = "i64.eq": (I64, I64) -> I32,
        I64Ne = "i64.ne": (I64, I64) -> I32,
        I64LtS = "i64.lt_s": (I64, I64) -> I32,
        I64LtU = "i64.lt_u": (I64, I64) -> I32,
        I64GtS = "i64.gt_s": (I64, I64) -> I32,
        I64GtU = "i64.gt_u": (I64, I64) -> I32,
        I64LeS = "i64.le_s": (I64, I64) -> I32,
        I64LeU = "i64.le_u": (I64, I64) -> I32,
        I64GeS = "i64.ge_s": (I64, I64) -> I32,
        I64GeU = "i64.ge_u": (I64, I64) -> I32,
        F32Add = "f32.add": (F32, F32) -> F32,
        F32Sub = "f32.sub": (F32, F32) -> F32,
        F32Mul = "f32.mul": (F32, F32) -> F32,
        F32Div = "f32.div": (F32, F32) -> F32,
        F32Min = "f32.min": (F32, F32) -> F32,
        F32Max = "f32.max": (F32, F32) -> F32,
        F32Copysign = "f32.copysign": (F32, F32) -> F32,
        F32Eq = "f32.eq": (F32, F32) -> I32,
        F32Ne = "f32.ne": (F32, F32) -> I32,
        F32Lt = "f32.lt": (F32, F32) -> I32,
        F32Gt = "f32.gt": (F32, F32) -> I32,
        F32Le = "f32.le": (F32, F32) -> I32,
        F32Ge = "f32.ge": (F32, F32) -> I32,
        F64Add = "f64.add": (F64, F64) -> F64,
        F64Sub = "f64.sub": (F64, F64) -> F64,
        F64Mul = "f64.mul": (F64, F64) -> F64,
        F64Div = "f64.div": (F64, F64) -> F64,
        F64Min = "f64.min": (F64, F64) -> F64,
        F64Max = "f64.max": (F64, F64) -> F64,
        F64Copysign = "f64.copysign": (F64, F64) -> F64,
        F64Eq = "f64.eq": (F64, F64) -> I32,
        F64Ne = "f64.ne": (F64, F64) -> I32,
        F64Lt = "f64.lt": (F64, F64) -> I32,
        F64Gt = "f64.gt": (F64, F64) -> I32,
        F64Le = "f64.le": (F64, F64) -> I32,
        F64Ge = "f64.ge": (F64, F64) -> I32,
    }
}

define_ops! {
    /// Memory loads. The address operand is always an `i32`.
    LoadKind {
        I32 = "i32.load": (I32) -> I32,
        I64 = "i64.load": (I32) -> I64,
        F32 = "f32.load": (I32) -> F32,
        F64 = "f64.load": (I32) -> F64,
        I32U8 = "i32.load8_u": (I32) -> I32,
        I32S8 = "i32.load8_s": (I32) -> I32,
        I32U16 = "i32.load16_u": (I32) -> I32,
        I32S16 = "i32.load16_s": (I32) -> I32,
        I64U32 = "i64.load32_u": (I32) -> I64,
    }
}

define_ops! {
    /// Memory stores: operands are (address `i32`, value); the "result" type
    /// in this table is the stored value's type.
    StoreKind {
        I32 = "i32.store": (I32, I32) -> I32,
        I64 = "i64.store": (I32, I64) -> I64,
        F32 = "f32.store": (I32, F32) -> F32,
        F64 = "f64.store": (I32, F64) -> F64,
        I32As8 = "i32.store8": (I32, I32) -> I32,
        I32As16 = "i32.store16": (I32, I32) -> I32,
        I64As32 = "i64.store32": (I32, I64) -> I64,
    }
}

impl LoadKind {
    /// Natural alignment, as a power of two, for the memarg.
    pub fn align_log2(self) -> u32 {
        match self {
            LoadKind::I32 | LoadKind::F32 => 2,
            LoadKind::I64 | LoadKind::F64 => 3,
            LoadKind::I32U8 | LoadKind::I32S8 => 0,
            LoadKind::I32U16 | LoadKind::I32S16 => 1,
            LoadKind::I64U32 => 2,
        }
    }
}

impl StoreKind {
    /// Natural alignment, as a power of two, for the memarg.
    pub fn align_log2(self) -> u32 {
        match self {
            StoreKind::I32 | StoreKind::F32 | StoreKind::I64As32 => 2,
            StoreKind::I64 | StoreKind::F64 => 3,
            StoreKind::I32As8 => 0,
            StoreKind::I32As16 => 1,
        }
    }

    /// The type of the stored value.
    pub fn value_type(self) -> Type {
        self.result_type()
    }

    /// The store that writes a full value of type `ty`.
    pub fn for_type(ty: Type) -> StoreKind {
        match ty {
            Type::I32 => StoreKind::I32,
            Type::I64 => StoreKind::I64,
            Type::F32 => StoreKind::F32,
            Type::F64 => StoreKind::F64,
        }
    }
}

impl LoadKind {
    /// The load that reads a full value of type `ty`.
    pub fn for_type(ty: Type) -> LoadKind {
        match ty {
            Type::I32 => LoadKind::I32,
            Type::I64 => LoadKind::I64,
            Type::F32 => LoadKind::F32,
            Type::F64 => LoadKind::F64,
        }
    }
}
