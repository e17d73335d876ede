//! Values and operator semantics shared by the test interpreters (the IR
//! interpreter, the structured-tree interpreter and the Wasm interpreter).
//! Sharing them means the interpreters can only disagree about control
//! flow, locals, calls, memory and instruction *selection*, which is exactly
//! what the backend is responsible for.

use switchyard_ir::{BinOp, Const, LoadKind, StoreKind, Type, UnOp};

/// A runtime value. Floats are kept as bits so that `==` is exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Val {
    I32(i32),
    I64(i64),
    F32(u32),
    F64(u64),
}

pub type Trap = String;

impl Val {
    pub fn zero(t: Type) -> Val {
        Val::from_const(t.zero())
    }

    pub fn from_const(c: Const) -> Val {
        match c {
            Const::I32(v) => Val::I32(v),
            Const::I64(v) => Val::I64(v),
            Const::F32(b) => Val::F32(b),
            Const::F64(b) => Val::F64(b),
        }
    }

    pub fn ty(self) -> Type {
        match self {
            Val::I32(_) => Type::I32,
            Val::I64(_) => Type::I64,
            Val::F32(_) => Type::F32,
            Val::F64(_) => Type::F64,
        }
    }

    pub fn i32(self) -> Result<i32, Trap> {
        match self {
            Val::I32(v) => Ok(v),
            v => Err(format!("type confusion: expected i32, got {v:?}")),
        }
    }

    pub fn i64(self) -> Result<i64, Trap> {
        match self {
            Val::I64(v) => Ok(v),
            v => Err(format!("type confusion: expected i64, got {v:?}")),
        }
    }

    pub fn f32(self) -> Result<f32, Trap> {
        match self {
            Val::F32(v) => Ok(f32::from_bits(v)),
            v => Err(format!("type confusion: expected f32, got {v:?}")),
        }
    }

    pub fn f64(self) -> Result<f64, Trap> {
        match self {
            Val::F64(v) => Ok(f64::from_bits(v)),
            v => Err(format!("type confusion: expected f64, got {v:?}")),
        }
    }

    /// A deterministic hash, used by the fake host.
    pub fn bits(self) -> u64 {
        match self {
            Val::I32(v) => v as u32 as u64,
            Val::I64(v) => v as u64,
            Val::F32(v) => v as u64,
            Val::F64(v) => v,
        }
    }
}

fn f32v(x: f32) -> Val {
    Val::F32(x.to_bits())
}

fn f64v(x: f64) -> Val {
    Val::F64(x.to_bits())
}

fn b(x: bool) -> Val {
    Val::I32(x as i32)
}

pub fn eval_unop(op: UnOp, a: Val) -> Result<Val, Trap> {
    use UnOp::*;
    Ok(match op {
        I32Eqz => b(a.i32()? == 0),
        I32Clz => Val::I32(a.i32()?.leading_zeros() as i32),
        I32Ctz => Val::I32(a.i32()?.trailing_zeros() as i32),
        I32Popcnt => Val::I32(a.i32()?.count_ones() as i32),
        I64Eqz => b(a.i64()? == 0),
        I64Clz => Val::I64(a.i64()?.leading_zeros() as i64),
        I64Ctz => Val::I64(a.i64()?.trailing_zeros() as i64),
        I64Popcnt => Val::I64(a.i64()?.count_ones() as i64),
        F32Abs => f32v(a.f32()?.abs()),
        F32Neg => f32v(-a.f32()?),
        F32Sqrt => f32v(a.f32()?.sqrt()),
        F32Ceil => f32v(a.f32()?.ceil()),
        F32Floor => f32v(a.f32()?.floor()),
        F32Trunc => f32v(a.f32()?.trunc()),
        F32Nearest => f32v(a.f32()?.round_ties_even()),
        F64Abs => f64v(a.f64()?.abs()),
        F64Neg => f64v(-a.f64()?),
        F64Sqrt => f64v(a.f64()?.sqrt()),
        F64Ceil => f64v(a.f64()?.ceil()),
        F64Floor => f64v(a.f64()?.floor()),
        F64Trunc => f64v(a.f64()?.trunc()),
        F64Nearest => f64v(a.f64()?.round_ties_even()),
        I32WrapI64 => Val::I32(a.i64()? as i32),
        I64ExtendI32S => Val::I64(a.i32()? as i64),
        I64ExtendI32U => Val::I64(a.i32()? as u32 as i64),
        I32TruncSatF64S => Val::I32(a.f64()? as i32),
        I32TruncSatF64U => Val::I32(a.f64()? as u32 as i32),
        I64TruncSatF64S => Val::I64(a.f64()? as i64),
        I64TruncSatF64U => Val::I64(a.f64()? as u64 as i64),
        F64ConvertI32S => f64v(a.i32()? as f64),
        F64ConvertI32U => f64v(a.i32()? as u32 as f64),
        F64ConvertI64S => f64v(a.i64()? as f64),
        F64ConvertI64U => f64v(a.i64()? as u64 as f64),
        F32DemoteF64 => f32v(a.f64()? as f32),
        F64PromoteF32 => f64v(a.f32()? as f64),
        I64ReinterpretF64 => Val::I64(a.f64()?.to_bits() as i64),
        F64ReinterpretI64 => Val::F64(a.i64()? as u64),
        I32ReinterpretF32 => Val::I32(a.f32()?.to_bits() as i32),
        F32ReinterpretI32 => Val::F32(a.i32()? as u32),
        I32Extend8S => Val::I32(a.i32()? as i8 as i32),
        I32Extend16S => Val::I32(a.i32()? as i16 as i32),
    })
}

pub fn eval_binop(op: BinOp, x: Val, y: Val) -> Result<Val, Trap> {
    use BinOp::*;
    let div0 = || "integer divide by zero".to_string();
    let ovf = || "integer overflow".to_string();
    Ok(match op {
        I32Add => Val::I32(x.i32()?.wrapping_add(y.i32()?)),
        I32Sub => Val::I32(x.i32()?.wrapping_sub(y.i32()?)),
        I32Mul => Val::I32(x.i32()?.wrapping_mul(y.i32()?)),
        I32DivS => {
            let (a, c) = (x.i32()?, y.i32()?);
            if c == 0 {
                return Err(div0());
            }
            Val::I32(a.checked_div(c).ok_or_else(ovf)?)
        }
        I32DivU => {
            let (a, c) = (x.i32()? as u32, y.i32()? as u32);
            Val::I32(a.checked_div(c).ok_or_else(div0)? as i32)
        }
        I32RemS => {
            let (a, c) = (x.i32()?, y.i32()?);
            if c == 0 {
                return Err(div0());
            }
            Val::I32(a.wrapping_rem(c))
        }
        I32RemU => {
            let (a, c) = (x.i32()? as u32, y.i32()? as u32);
            Val::I32(a.checked_rem(c).ok_or_else(div0)? as i32)
        }
        I32And => Val::I32(x.i32()? & y.i32()?),
        I32Or => Val::I32(x.i32()? | y.i32()?),
        I32Xor => Val::I32(x.i32()? ^ y.i32()?),
        I32Shl => Val::I32(x.i32()?.wrapping_shl(y.i32()? as u32)),
        I32ShrS => Val::I32(x.i32()?.wrapping_shr(y.i32()? as u32)),
        I32ShrU => Val::I32((x.i32()? as u32).wrapping_shr(y.i32()? as u32) as i32),
        I32Rotl => Val::I32(x.i32()?.rotate_left(y.i32()? as u32 % 32)),
        I32Rotr => Val::I32(x.i32()?.rotate_right(y.i32()? as u32 % 32)),
        I32Eq => b(x.i32()? == y.i32()?),
        I32Ne => b(x.i32()? != y.i32()?),
        I32LtS => b(x.i32()? < y.i32()?),
        I32LtU => b((x.i32()? as u32) < y.i32()? as u32),
        I32GtS => b(x.i32()? > y.i32()?),
        I32GtU => b(x.i32()? as u32 > y.i32()? as u32),
        I32LeS => b(x.i32()? <= y.i32()?),
        I32LeU => b(x.i32()? as u32 <= y.i32()? as u32),
        I32GeS => b(x.i32()? >= y.i32()?),
        I32GeU => b(x.i32()? as u32 >= y.i32()? as u32),
        I64Add => Val::I64(x.i64()?.wrapping_add(y.i64()?)),
        I64Sub => Val::I64(x.i64()?.wrapping_sub(y.i64()?)),
        I64Mul => Val::I64(x.i64()?.wrapping_mul(y.i64()?)),
        I64DivS => {
            let (a, c) = (x.i64()?, y.i64()?);
            if c == 0 {
                return Err(div0());
            }
            Val::I64(a.checked_div(c).ok_or_else(ovf)?)
        }
        I64DivU => {
            let (a, c) = (x.i64()? as u64, y.i64()? as u64);
            Val::I64(a.checked_div(c).ok_or_else(div0)? as i64)
        }
        I64RemS => {
            let (a, c) = (x.i64()?, y.i64()?);
            if c == 0 {
                return Err(div0());
            }
            Val::I64(a.wrapping_rem(c))
        }
        I64RemU => {
            let (a, c) = (x.i64()? as u64, y.i64()? as u64);
            Val::I64(a.checked_rem(c).ok_or_else(div0)? as i64)
        }
        I64And => Val::I64(x.i64()? & y.i64()?),
        I64Or => Val::I64(x.i64()? | y.i64()?),
        I64Xor => Val::I64(x.i64()? ^ y.i64()?),
        I64Shl => Val::I64(x.i64()?.wrapping_shl(y.i64()? as u32)),
        I64ShrS => Val::I64(x.i64()?.wrapping_shr(y.i64()? as u32)),
        I64ShrU => Val::I64((x.i64()? as u64).wrapping_shr(y.i64()? as u32) as i64),
        I64Rotl => Val::I64(x.i64()?.rotate_left((y.i64()? as u64 % 64) as u32)),
        I64Rotr => Val::I64(x.i64()?.rotate_right((y.i64()? as u64 % 64) as u32)),
        I64Eq => b(x.i64()? == y.i64()?),
        I64Ne => b(x.i64()? != y.i64()?),
        I64LtS => b(x.i64()? < y.i64()?),
        I64LtU => b((x.i64()? as u64) < y.i64()? as u64),
        I64GtS => b(x.i64()? > y.i64()?),
        I64GtU => b(x.i64()? as u64 > y.i64()? as u64),
        I64LeS => b(x.i64()? <= y.i64()?),
        I64LeU => b(x.i64()? as u64 <= y.i64()? as u64),
        I64GeS => b(x.i64()? >= y.i64()?),
        I64GeU => b(x.i64()? as u64 >= y.i64()? as u64),
        F32Add => f32v(x.f32()? + y.f32()?),
        F32Sub => f32v(x.f32()? - y.f32()?),
        F32Mul => f32v(x.f32()? * y.f32()?),
        F32Div => f32v(x.f32()? / y.f32()?),
        F32Min => f32v(x.f32()?.min(y.f32()?)),
        F32Max => f32v(x.f32()?.max(y.f32()?)),
        F32Copysign => f32v(x.f32()?.copysign(y.f32()?)),
        F32Eq => b(x.f32()? == y.f32()?),
        F32Ne => b(x.f32()? != y.f32()?),
        F32Lt => b(x.f32()? < y.f32()?),
        F32Gt => b(x.f32()? > y.f32()?),
        F32Le => b(x.f32()? <= y.f32()?),
        F32Ge => b(x.f32()? >= y.f32()?),
        F64Add => f64v(x.f64()? + y.f64()?),
        F64Sub => f64v(x.f64()? - y.f64()?),
        F64Mul => f64v(x.f64()? * y.f64()?),
        F64Div => f64v(x.f64()? / y.f64()?),
        F64Min => f64v(x.f64()?.min(y.f64()?)),
        F64Max => f64v(x.f64()?.max(y.f64()?)),
        F64Copysign => f64v(x.f64()?.copysign(y.f64()?)),
        F64Eq => b(x.f64()? == y.f64()?),
        F64Ne => b(x.f64()? != y.f64()?),
        F64Lt => b(x.f64()? < y.f64()?),
        F64Gt => b(x.f64()? > y.f64()?),
        F64Le => b(x.f64()? <= y.f64()?),
        F64Ge => b(x.f64()? >= y.f64()?),
    })
}

/// A linear memory shared by the interpreters' semantics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Memory {
    pub bytes: Vec<u8>,
    pub max_pages: Option<u32>,
}

pub const PAGE: usize = 65536;

impl Memory {
    pub fn new(min_pages: u32, max_pages: Option<u32>) -> Memory {
        Memory {
            bytes: vec![0; min_pages as usize * PAGE],
            max_pages,
        }
    }

    pub fn pages(&self) -> u32 {
        (self.bytes.len() / PAGE) as u32
    }

    pub fn grow(&mut self, delta: i32) -> i32 {
        let old = self.pages();
        let new = old as u64 + delta as u32 as u64;
        let max = self.max_pages.unwrap_or(65536).min(1024) as u64; // keep tests small
        if new > max {
            return -1;
        }
        self.bytes.resize(new as usize * PAGE, 0);
        old as i32
    }

    fn range(&self, addr: i32, offset: u32, len: usize) -> Result<std::ops::Range<usize>, Trap> {
        let start = addr as u32 as u64 + offset as u64;
        let end = start + len as u64;
        if end > self.bytes.len() as u64 {
            return Err("out of bounds memory access".into());
        }
        Ok(start as usize..end as usize)
    }

    fn read<const N: usize>(&self, addr: i32, offset: u32) -> Result<[u8; N], Trap> {
        let r = self.range(addr, offset, N)?;
        let mut out = [0u8; N];
        out.copy_from_slice(&self.bytes[r]);
        Ok(out)
    }

    pub fn load(&self, kind: LoadKind, addr: i32, offset: u32) -> Result<Val, Trap> {
        Ok(match kind {
            LoadKind::I32 => Val::I32(i32::from_le_bytes(self.read(addr, offset)?)),
            LoadKind::I64 => Val::I64(i64::from_le_bytes(self.read(addr, offset)?)),
            LoadKind::F32 => Val::F32(u32::from_le_bytes(self.read(addr, offset)?)),
            LoadKind::F64 => Val::F64(u64::from_le_bytes(self.read(addr, offset)?)),
            LoadKind::I32U8 => Val::I32(self.read::<1>(addr, offset)?[0] as i32),
            LoadKind::I32S8 => Val::I32(self.read::<1>(addr, offset)?[0] as i8 as i32),
            LoadKind::I32U16 => Val::I32(u16::from_le_bytes(self.read(addr, offset)?) as i32),
            LoadKind::I32S16 => Val::I32(i16::from_le_bytes(self.read(addr, offset)?) as i32),
            LoadKind::I64U32 => Val::I64(u32::from_le_bytes(self.read(addr, offset)?) as i64),
        })
    }

    pub fn store(&mut self, kind: StoreKind, addr: i32, offset: u32, v: Val) -> Result<(), Trap> {
        let bytes: Vec<u8> = match kind {
            StoreKind::I32 => v.i32()?.to_le_bytes().to_vec(),
            StoreKind::I64 => v.i64()?.to_le_bytes().to_vec(),
            StoreKind::F32 => v.f32()?.to_bits().to_le_bytes().to_vec(),
            StoreKind::F64 => v.f64()?.to_bits().to_le_bytes().to_vec(),
            StoreKind::I32As8 => vec![v.i32()? as u8],
            StoreKind::I32As16 => (v.i32()? as u16).to_le_bytes().to_vec(),
            StoreKind::I64As32 => (v.i64()? as u32).to_le_bytes().to_vec(),
        };
        let r = self.range(addr, offset, bytes.len())?;
        self.bytes[r].copy_from_slice(&bytes);
        Ok(())
    }

    pub fn copy(&mut self, dst: i32, src: i32, len: i32) -> Result<(), Trap> {
        let s = self.range(src, 0, len as u32 as usize)?;
        let d = self.range(dst, 0, len as u32 as usize)?;
        self.bytes.copy_within(s, d.start);
        Ok(())
    }

    pub fn fill(&mut self, addr: i32, byte: i32, len: i32) -> Result<(), Trap> {
        let r = self.range(addr, 0, len as u32 as usize)?;
        self.bytes[r].fill(byte as u8);
        Ok(())
    }
}

/// The fake host behind every imported function: logs each call and
/// returns values derived from the arguments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Host {
    pub log: Vec<(String, String, Vec<Val>)>,
}

impl Host {
    pub fn call(&mut self, module: &str, name: &str, args: &[Val], results: &[Type]) -> Vec<Val> {
        self.log
            .push((module.to_string(), name.to_string(), args.to_vec()));
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for a in args {
            h = (h ^ a.bits()).wrapping_mul(0x0100_0000_01b3);
        }
        results
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let x = h.rotate_left(i as u32 * 17) ^ (self.log.len() as u64);
                match t {
                    Type::I32 => Val::I32(x as i32 & 0xffff),
                    Type::I64 => Val::I64(x as i64),
                    Type::F32 => Val::F32(((x % 1000) as f32).to_bits()),
                    Type::F64 => Val::F64(((x % 100_000) as f64).to_bits()),
                }
            })
            .collect()
    }
}

/// Maximum call depth, identical in every interpreter.
pub const MAX_CALL_DEPTH: usize = 200;
