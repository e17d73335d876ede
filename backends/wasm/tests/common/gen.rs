//! A random generator of reducible CFGs: functions built from randomly
//! nested structured constructs (if/else, loops with counters, switches with
//! C-style fall-through and duplicate targets, labelled blocks) plus random
//! extra edges that keep the CFG reducible (break/continue to any enclosing
//! loop, goto the end of any enclosing labelled block, early returns and
//! tail calls, unconditional jumps that leave dead code behind). Every new
//! block folds a unique constant into an accumulator, so the result encodes
//! the path taken. Loops are bounded by counters, so everything terminates.
//! Block ids are shuffled at the end so the entry is not always block 0.

use switchyard_ir::*;

/// SplitMix64.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn i32(&mut self) -> i32 {
        match self.below(6) {
            0 => 0,
            1 => -1,
            2 => i32::MIN,
            3 => self.below(10) as i32,
            _ => self.next_u64() as i32,
        }
    }
}

/// Callees a generated function may use.
#[derive(Clone, Copy)]
pub struct Callees {
    /// import env.log: (i32, i32) -> i32
    pub log: FuncId,
    /// defined: (i32, i32) -> i32
    pub mix: FuncId,
    /// import env.pair: (i32) -> (i32, i64)
    pub pair: FuncId,
    /// defined: (i32, i32) -> (i32, i32)
    pub twice: FuncId,
    pub global: GlobalId,
}

pub struct Gen<'r> {
    pub rng: &'r mut Rng,
    vars: Vec<Local>,
    acc: Local,
    wide: Local,
    flt: Local,
    c31: Local,
    one: Local,
    zero: Local,
    loops: Vec<LoopTargets>,
    labelled: Vec<BlockId>,
    budget: usize,
    max_depth: usize,
    next_trace: i32,
    callees: Option<Callees>,
}

/// `(i32, i32) -> i32`
pub fn main_sig() -> Signature {
    Signature::new([Type::I32, Type::I32], [Type::I32])
}

impl<'r> Gen<'r> {
    /// Generates the body of `func` (which must have signature
    /// `(i32, i32) -> i32`).
    pub fn function(
        rng: &'r mut Rng,
        m: &mut Module,
        func: FuncId,
        budget: usize,
        max_depth: usize,
        callees: Option<Callees>,
    ) {
        let mut b = FunctionBuilder::new(m, func);
        let (p0, p1) = (b.param(0), b.param(1));
        let acc = b.named_local(Type::I32, "acc");
        let wide = b.named_local(Type::I64, "wide");
        let flt = b.local(Type::F64);
        let c31 = b.i32_const(31);
        let one = b.i32_const(1);
        let zero = b.i32_const(0);
        b.set_const(acc, Const::I32(17));
        let mut vars = vec![p0, p1];
        for _ in 0..3 {
            let v = b.local(Type::I32);
            let x = b.bin(BinOp::I32Xor, p0, p1);
            let k = b.i32_const(rng.i32());
            b.binary_into(v, BinOp::I32Add, x, k);
            vars.push(v);
        }
        let w = b.un(UnOp::I64ExtendI32S, p0);
        b.copy(wide, w);
        let mut g = Gen {
            rng,
            vars,
            acc,
            wide,
            flt,
            c31,
            one,
            zero,
            loops: vec![],
            labelled: vec![],
            budget,
            max_depth,
            next_trace: 1,
            callees,
        };
        while g.budget > 0 {
            g.stmts(&mut b, 0);
        }
        let v = g.var();
        let r = b.bin(BinOp::I32Add, acc, v);
        b.ret(&[r]);
        b.finish();
        if let Some(body) = m.funcs[func.index()].body_mut() {
            shuffle_blocks(body, g.rng);
        }
    }

    fn var(&mut self) -> Local {
        self.vars[self.rng.below(self.vars.len())]
    }

    fn trace(&mut self, b: &mut FunctionBuilder) {
        let k = b.i32_const(self.next_trace);
        self.next_trace += 1;
        b.binary_into(self.acc, BinOp::I32Mul, self.acc, self.c31);
        b.binary_into(self.acc, BinOp::I32Add, self.acc, k);
    }

    fn enter(&mut self, b: &mut FunctionBuilder, block: BlockId) {
        b.switch_to(block);
        self.trace(b);
    }

    fn cond(&mut self, b: &mut FunctionBuilder) -> Local {
        let (x, y) = (self.var(), self.var());
        match self.rng.below(5) {
            0 => b.bin(BinOp::I32LtS, x, y),
            1 => b.bin(BinOp::I32And, x, self.one),
            2 => {
                let k = b.i32_const(3);
                let t = b.bin(BinOp::I32And, x, k);
                b.un(UnOp::I32Eqz, t)
            }
            3 => {
                let k = b.i32_const(3);
                let t = b.bin(BinOp::I32ShrU, self.acc, k);
                b.bin(BinOp::I32And, t, self.one)
            }
            _ => b.bin(BinOp::I32GtU, x, y),
        }
    }

    fn stmts(&mut self, b: &mut FunctionBuilder, depth: usize) {
        let n = 1 + self.rng.below(4);
        for _ in 0..n {
            if self.budget == 0 {
                return;
            }
            self.budget -= 1;
            self.stmt(b, depth);
        }
    }

    /// Jumps to `target`, conditionally (continuing in a fresh block) or not.
    fn maybe_jump(&mut self, b: &mut FunctionBuilder, target: BlockId) {
        if self.rng.chance(65) {
            let c = self.cond(b);
            let cont = b.new_block();
            if self.rng.chance(50) {
                b.branch(c, target, cont);
            } else {
                b.branch(c, cont, target);
            }
            self.enter(b, cont);
        } else {
            b.jump(target);
        }
    }

    fn stmt(&mut self, b: &mut FunctionBuilder, depth: usize) {
        let nested = depth < self.max_depth;
        match self.rng.below(100) {
            0..=21 => self.assign(b),
            22..=33 if nested => self.if_else(b, depth),
            34..=43 if nested => self.loop_(b, depth),
            44..=51 if !self.loops.is_empty() => {
                let t = self.loops[self.rng.below(self.loops.len())];
                let target = if self.rng.chance(50) {
                    t.break_to
                } else {
                    t.continue_to
                };
                self.maybe_jump(b, target);
            }
            52..=56 => self.early_exit(b),
            57..=63 if nested => self.switch(b, depth),
            64..=69 if nested => {
                let end = b.new_block();
                self.labelled.push(end);
                self.stmts(b, depth + 1);
                self.labelled.pop();
                b.jump(end);
                self.enter(b, end);
            }
            70..=75 if !self.labelled.is_empty() => {
                let end = self.labelled[self.rng.below(self.labelled.len())];
                self.maybe_jump(b, end);
            }
            76..=83 if self.callees.is_some() => self.call(b),
            84..=89 => self.memory(b),
            90..=95 => self.wide_math(b),
            96..=99 if self.callees.is_some() => {
                let g = self.callees.unwrap().global;
                let t = b.global_get(g);
                let v = self.var();
                let s = b.bin(BinOp::I32Add, t, v);
                b.global_set(g, s);
                let d = self.var();
                b.global_get_into(d, g);
            }
            _ => self.assign(b),
        }
    }

    fn assign(&mut self, b: &mut FunctionBuilder) {
        const OPS: &[BinOp] = &[
            BinOp::I32Add,
            BinOp::I32Sub,
            BinOp::I32Mul,
            BinOp::I32And,
            BinOp::I32Or,
            BinOp::I32Xor,
            BinOp::I32Shl,
            BinOp::I32ShrS,
            BinOp::I32ShrU,
            BinOp::I32Rotl,
            BinOp::I32Rotr,
            BinOp::I32Eq,
            BinOp::I32LtS,
            BinOp::I32GeU,
            BinOp::I32DivS,
            BinOp::I32RemU,
        ];
        let (x, y, d) = (self.var(), self.var(), self.var());
        match self.rng.below(10) {
            0 => {
                let op = [
                    UnOp::I32Clz,
                    UnOp::I32Popcnt,
                    UnOp::I32Extend8S,
                    UnOp::I32Eqz,
                ][self.rng.below(4)];
                b.unary_into(d, op, x);
            }
            1 => {
                let c = self.cond(b);
                let s = b.select(c, x, y);
                b.copy(d, s);
            }
            2 => b.set_const(d, Const::I32(self.rng.i32())),
            _ => {
                let mut op = OPS[self.rng.below(OPS.len())];
                // Division is rare (it can trap, which both sides must agree on).
                if matches!(op, BinOp::I32DivS | BinOp::I32RemU) && !self.rng.chance(20) {
                    op = BinOp::I32Sub;
                }
                b.binary_into(d, op, x, y);
            }
        }
    }

    fn if_else(&mut self, b: &mut FunctionBuilder, depth: usize) {
        let c = self.cond(b);
        let then_b = b.new_block();
        let join = b.new_block();
        match self.rng.below(10) {
            0 => {
                // Both targets the same block.
                b.branch(c, join, join);
                b.switch_to(then_b);
                b.unreachable();
            }
            1..=3 => {
                b.branch(c, then_b, join);
                self.enter(b, then_b);
                self.stmts(b, depth + 1);
                b.jump(join);
            }
            _ => {
                let else_b = b.new_block();
                b.branch(c, then_b, else_b);
                self.enter(b, then_b);
                self.stmts(b, depth + 1);
                b.jump(join);
                self.enter(b, else_b);
                self.stmts(b, depth + 1);
                b.jump(join);
            }
        }
        self.enter(b, join);
    }

    fn loop_(&mut self, b: &mut FunctionBuilder, depth: usize) {
        let counter = b.local(Type::I32);
        b.set_const(counter, Const::I32(1 + self.rng.below(3) as i32));
        let header = b.new_block();
        let exit = b.new_block();
        b.jump(header);
        self.enter(b, header);
        b.binary_into(counter, BinOp::I32Sub, counter, self.one);
        if self.rng.chance(15) {
            // A self-loop.
            let more = b.bin(BinOp::I32GtS, counter, self.zero);
            let v = self.var();
            b.binary_into(v, BinOp::I32Add, v, counter);
            b.branch(more, header, exit);
            self.enter(b, exit);
            return;
        }
        let done = b.bin(BinOp::I32LtS, counter, self.zero);
        let body = b.new_block();
        b.branch(done, exit, body);
        self.loops.push(LoopTargets {
            continue_to: header,
            break_to: exit,
        });
        self.enter(b, body);
        self.stmts(b, depth + 1);
        if self.rng.chance(30) {
            // do-while style latch
            let c = self.cond(b);
            b.branch(c, header, exit);
        } else {
            b.jump(header);
        }
        self.loops.pop();
        self.enter(b, exit);
    }

    fn early_exit(&mut self, b: &mut FunctionBuilder) {
        let conditional = self.rng.chance(80);
        let cont = b.new_block();
        if conditional {
            let c = self.cond(b);
            let out = b.new_block();
            b.branch(c, out, cont);
            self.enter(b, out);
        }
        let v = self.var();
        match self.rng.below(10) {
            0..=5 => {
                let r = b.bin(BinOp::I32Xor, self.acc, v);
                b.ret(&[r]);
            }
            6..=8 if self.callees.is_some() => {
                let mix = self.callees.unwrap().mix;
                b.tail_call(mix, &[self.acc, v]);
            }
            6..=8 => b.ret(&[v]),
            _ => b.unreachable(),
        }
        self.enter(b, cont);
    }

    fn switch(&mut self, b: &mut FunctionBuilder, depth: usize) {
        let v = self.var();
        let index = if self.rng.chance(75) {
            let k = b.i32_const(7);
            b.bin(BinOp::I32And, v, k)
        } else {
            v
        };
        let ncases = 1 + self.rng.below(4);
        let cases: Vec<BlockId> = (0..ncases).map(|_| b.new_block()).collect();
        let join = b.new_block();
        let pick = |g: &mut Self| -> BlockId {
            let r = g.rng.below(10);
            if r < 6 {
                cases[g.rng.below(ncases)]
            } else if r < 8 || g.loops.is_empty() {
                join
            } else {
                let t = g.loops[g.rng.below(g.loops.len())];
                if g.rng.chance(50) {
                    t.break_to
                } else {
                    t.continue_to
                }
            }
        };
        let ntargets = self.rng.below(7);
        let targets: Vec<BlockId> = (0..ntargets).map(|_| pick(self)).collect();
        let default = pick(self);
        b.switch(index, targets, default);
        for i in 0..ncases {
            self.enter(b, cases[i]);
            self.stmts(b, depth + 1);
            if i + 1 < ncases && self.rng.chance(40) {
                b.jump(cases[i + 1]); // C-style fall-through
            } else {
                b.jump(join);
            }
        }
        self.enter(b, join);
    }

    fn call(&mut self, b: &mut FunctionBuilder) {
        let c = self.callees.unwrap();
        let (x, y, d, e) = (self.var(), self.var(), self.var(), self.var());
        match self.rng.below(6) {
            0 => b.call_into(&[d], c.log, &[x, y]),
            1 => b.call_into(&[d], c.mix, &[x, y]),
            2 => b.call_into(&[d, self.wide], c.pair, &[x]),
            3 => {
                // Two results need two distinct locals (the verifier rejects
                // a call that names one twice).
                let e = if e == d { b.local(b.local_type(d)) } else { e };
                b.call_into(&[d, e], c.twice, &[x, y])
            }
            4 => {
                let slot = b.func_addr(c.mix);
                let r = b.call_indirect(&main_sig(), slot, &[x, y]);
                b.copy(d, r[0]);
            }
            _ => {
                // Possibly a bad slot or a signature mismatch: both trap.
                let k = b.i32_const(3);
                let slot = b.bin(BinOp::I32And, y, k);
                let slot = if self.rng.chance(70) {
                    let z = b.i32_const(0);
                    b.select(slot, z, z)
                } else {
                    slot
                };
                let r = b.call_indirect(&main_sig(), slot, &[x, y]);
                b.copy(d, r[0]);
            }
        }
    }

    fn memory(&mut self, b: &mut FunctionBuilder) {
        let (x, v, d) = (self.var(), self.var(), self.var());
        let mask = b.i32_const(0xff);
        let a = b.bin(BinOp::I32And, x, mask);
        let two = b.i32_const(2);
        let addr = b.bin(BinOp::I32Shl, a, two);
        let offset = [0u32, 4, 8, 13][self.rng.below(4)];
        match self.rng.below(7) {
            0 => b.store(StoreKind::I32, addr, offset, v),
            1 => b.store(StoreKind::I32As8, addr, offset, v),
            2 => b.store(StoreKind::I64, addr, offset, self.wide),
            3 => {
                let kind = [
                    LoadKind::I32,
                    LoadKind::I32U8,
                    LoadKind::I32S8,
                    LoadKind::I32U16,
                    LoadKind::I32S16,
                ][self.rng.below(5)];
                b.load_into(d, kind, addr, offset);
            }
            4 => b.load_into(self.wide, LoadKind::I64U32, addr, offset),
            5 => {
                let len = b.i32_const(self.rng.below(16) as i32);
                if self.rng.chance(50) {
                    b.memory_fill(addr, v, len);
                } else {
                    b.memory_copy(addr, a, len);
                }
            }
            _ => {
                let s = b.memory_size();
                b.binary_into(d, BinOp::I32Add, d, s);
            }
        }
    }

    fn wide_math(&mut self, b: &mut FunctionBuilder) {
        let (x, d) = (self.var(), self.var());
        match self.rng.below(3) {
            0 => {
                let e = b.un(UnOp::I64ExtendI32S, x);
                let k = b.i64_const(0x9e37_79b9);
                let t = b.bin(BinOp::I64Mul, self.wide, e);
                b.binary_into(self.wide, BinOp::I64Add, t, k);
                let s = b.i64_const(17);
                let sh = b.bin(BinOp::I64ShrU, self.wide, s);
                let m = b.bin(BinOp::I64Xor, self.wide, sh);
                b.unary_into(d, UnOp::I32WrapI64, m);
            }
            1 => {
                let e = b.un(UnOp::I64ExtendI32U, x);
                b.binary_into(d, BinOp::I64LtU, self.wide, e);
            }
            _ => {
                let f = b.un(UnOp::F64ConvertI32S, x);
                let k = b.f64_const(1.5);
                let p = b.bin(BinOp::F64Mul, f, k);
                let a = b.un(UnOp::F64Abs, p);
                b.unary_into(self.flt, UnOp::F64Sqrt, a);
                b.unary_into(d, UnOp::I32TruncSatF64S, self.flt);
            }
        }
    }
}

/// Renumbers the blocks of `body` randomly.
pub fn shuffle_blocks(body: &mut Body, rng: &mut Rng) {
    let n = body.blocks.len();
    let mut perm: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        perm.swap(i, rng.below(i + 1));
    }
    // perm[old] = new
    let map = |b: BlockId| BlockId(perm[b.index()] as u32);
    let mut blocks = vec![Block::default(); n];
    for (old, mut block) in std::mem::take(&mut body.blocks).into_iter().enumerate() {
        block.term = block.term.map(|t| match t {
            Terminator::Jump(b) => Terminator::Jump(map(b)),
            Terminator::Branch {
                cond,
                then_block,
                else_block,
            } => Terminator::Branch {
                cond,
                then_block: map(then_block),
                else_block: map(else_block),
            },
            Terminator::Switch {
                index,
                targets,
                default,
            } => Terminator::Switch {
                index,
                targets: targets.into_iter().map(map).collect(),
                default: map(default),
            },
            t => t,
        });
        blocks[perm[old]] = block;
    }
    body.blocks = blocks;
    body.entry = map(body.entry);
}

/// A random module: imports interleaved with definitions, a table, a
/// global, memory with a data segment, and a random exported `main`.
pub fn random_module(seed: u64, budget: usize, max_depth: usize) -> Module {
    let mut rng = Rng(seed);
    let mut m = Module::new();
    let log = m.import_func("env", "log", main_sig());
    let mix = m.declare_func("mix", main_sig());
    let pair = m.import_func(
        "env",
        "pair",
        Signature::new([Type::I32], [Type::I32, Type::I64]),
    );
    let twice = m.declare_func(
        "twice",
        Signature::new([Type::I32, Type::I32], [Type::I32, Type::I32]),
    );
    let main = m.declare_func("main", main_sig());
    m.export_func(main, "main");
    let global = m.add_global("g", Type::I32, true, Const::I32(5));
    m.add_data(16, vec![1, 2, 3, 4, 250, 251, 252, 253]);
    m.table_slot(mix);
    m.table_slot(twice);

    Gen::function(&mut rng, &mut m, mix, 12, 3, None);
    {
        let mut b = FunctionBuilder::new(&mut m, twice);
        let (x, y) = (b.param(0), b.param(1));
        let s = b.bin(BinOp::I32Add, x, y);
        let t = b.bin(BinOp::I32Xor, x, y);
        b.ret(&[s, t]);
        b.finish();
    }
    let callees = Callees {
        log,
        mix,
        pair,
        twice,
        global,
    };
    Gen::function(&mut rng, &mut m, main, budget, max_depth, Some(callees));
    m
}
