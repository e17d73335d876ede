//! Hand-described CFG shapes. Each block folds its id into an accumulator
//! and steps a linear congruential generator `x`; branches and switches
//! test bits of `x`, so loops exit after a few (input-dependent) iterations
//! and the returned accumulator encodes the path taken.

use switchyard_ir::*;

/// How a shape block ends.
#[derive(Clone, Debug)]
pub enum Succ {
    Ret,
    Jump(u32),
    Br(u32, u32),
    Sw(Vec<u32>, u32),
    Trap,
}

/// Builds `f(x: i32) -> i32` (exported as "f") with one IR block per entry
/// of `shape`; block 0 is the entry unless `entry` says otherwise.
pub fn shape_module(shape: &[Succ], entry: u32) -> Module {
    let mut m = Module::new();
    let f = m.declare_func("f", Signature::new([Type::I32], [Type::I32]));
    m.export_func(f, "f");
    let mut b = FunctionBuilder::new(&mut m, f);
    let x = b.param(0);
    b.set_local_name(x, "x");
    let acc = b.named_local(Type::I32, "acc");
    let mul = b.named_local(Type::I32, "mul");
    let inc = b.named_local(Type::I32, "inc");
    let sixteen = b.named_local(Type::I32, "sixteen");
    let seven = b.named_local(Type::I32, "seven");
    let one = b.named_local(Type::I32, "one");
    let c31 = b.named_local(Type::I32, "c31");
    let t = b.named_local(Type::I32, "t");
    let cond = b.named_local(Type::I32, "cond");
    let k = b.named_local(Type::I32, "k");
    // Block 0 of the builder is a prologue that initialises the constants.
    let blocks: Vec<BlockId> = shape.iter().map(|_| b.new_block()).collect();
    b.set_const(mul, Const::I32(1_103_515_245));
    b.set_const(inc, Const::I32(12345));
    b.set_const(sixteen, Const::I32(16));
    b.set_const(seven, Const::I32(7));
    b.set_const(one, Const::I32(1));
    b.set_const(c31, Const::I32(31));
    b.set_const(acc, Const::I32(7));
    b.jump(blocks[entry as usize]);
    for (i, succ) in shape.iter().enumerate() {
        b.switch_to(blocks[i]);
        b.set_const(k, Const::I32(i as i32 + 1));
        b.binary_into(acc, BinOp::I32Mul, acc, c31);
        b.binary_into(acc, BinOp::I32Add, acc, k);
        b.binary_into(x, BinOp::I32Mul, x, mul);
        b.binary_into(x, BinOp::I32Add, x, inc);
        b.binary_into(t, BinOp::I32ShrU, x, sixteen);
        match succ {
            Succ::Ret => b.ret(&[acc]),
            Succ::Trap => b.unreachable(),
            Succ::Jump(j) => b.jump(blocks[*j as usize]),
            Succ::Br(p, q) => {
                b.binary_into(cond, BinOp::I32And, t, one);
                b.branch(cond, blocks[*p as usize], blocks[*q as usize]);
            }
            Succ::Sw(ts, d) => {
                b.binary_into(cond, BinOp::I32And, t, seven);
                let ts = ts.iter().map(|j| blocks[*j as usize]).collect();
                b.switch(cond, ts, blocks[*d as usize]);
            }
        }
    }
    b.finish();
    m
}

/// The structured form of shape block `i` is IR block `i + 1` (block 0 is
/// the prologue). Renders the structured body with shape numbering
/// (`s0`, `s1`, ...) so that snapshots read like the shape description.
pub fn render(m: &Module) -> String {
    let f = m.func_by_name("f").unwrap();
    let body = m.funcs[f.index()].body().unwrap();
    let s = switchyard_wasm::structure("f", body).unwrap();
    let mut text = s.to_string();
    // Rename bbN (N >= 1) to sN-1, longest first so bb12 is not hit by bb1.
    let n = body.blocks.len();
    for i in (1..n).rev() {
        text = text.replace(&format!("bb{i}"), &format!("s{}", i - 1));
    }
    text.replace("bb0", "pro")
}
