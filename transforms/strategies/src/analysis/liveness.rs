//! Live locals: which locals of a function body hold a value that may still
//! be read.
//!
//! The IR is not SSA, so this is the classic backward may-analysis over the
//! CFG with one bit per local: a local is live at a point if some path from
//! that point reads it before writing it. `live_in[b]` is the set live on
//! entry to block `b`, `live_out[b]` the union of its successors' `live_in`.
//! A local read before any write on some path from the entry is live on
//! entry to the function; its value there is the parameter or, for other
//! locals, Wasm's zero, so passing it on is always well defined.
//!
//! The cps strategy uses it to decide exactly which locals travel across a
//! suspension point (saved in the coroutine's frame) or into another piece
//! (passed as tail-call arguments).

use switchyard_ir::{Body, Local};

/// A fixed-size set of locals (one bit each).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LocalSet {
    words: Vec<u64>,
}

impl LocalSet {
    /// An empty set able to hold locals `0..n`.
    pub fn new(n: usize) -> Self {
        LocalSet {
            words: vec![0; n.div_ceil(64)],
        }
    }

    pub fn insert(&mut self, l: Local) -> bool {
        let (w, bit) = (l.index() / 64, 1u64 << (l.index() % 64));
        let was = self.words[w] & bit != 0;
        self.words[w] |= bit;
        !was
    }

    pub fn remove(&mut self, l: Local) {
        let (w, bit) = (l.index() / 64, 1u64 << (l.index() % 64));
        self.words[w] &= !bit;
    }

    pub fn contains(&self, l: Local) -> bool {
        let (w, bit) = (l.index() / 64, 1u64 << (l.index() % 64));
        self.words.get(w).is_some_and(|x| x & bit != 0)
    }

    /// `self |= other`; returns whether `self` changed.
    pub fn union_with(&mut self, other: &LocalSet) -> bool {
        let mut changed = false;
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            let n = *a | *b;
            changed |= n != *a;
            *a = n;
        }
        changed
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The members in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = Local> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros();
                w &= w - 1;
                Some(Local(i as u32 * 64 + bit))
            })
        })
    }

    pub fn to_vec(&self) -> Vec<Local> {
        self.iter().collect()
    }
}

/// Liveness of every block of one body.
#[derive(Clone, Debug)]
pub struct Liveness {
    pub live_in: Vec<LocalSet>,
    pub live_out: Vec<LocalSet>,
}

impl Liveness {
    /// Computes liveness for `body` (blocks without a terminator are
    /// treated as having no successors).
    pub fn compute(body: &Body) -> Liveness {
        let n_locals = body.locals.len();
        let n = body.blocks.len();
        // Per block: `gen` (read before written) and `kill` (written).
        let mut gen = vec![LocalSet::new(n_locals); n];
        let mut kill = vec![LocalSet::new(n_locals); n];
        let mut succs = vec![Vec::new(); n];
        for (i, block) in body.blocks.iter().enumerate() {
            let (g, k) = (&mut gen[i], &mut kill[i]);
            for inst in &block.insts {
                for u in inst.uses() {
                    if !k.contains(u) {
                        g.insert(u);
                    }
                }
                for d in inst.defs() {
                    k.insert(d);
                }
            }
            if let Some(t) = &block.term {
                for u in t.uses() {
                    if !k.contains(u) {
                        g.insert(u);
                    }
                }
                succs[i] = t.successors().iter().map(|b| b.index()).collect();
            }
        }
        let mut live_in = gen.clone();
        let mut live_out = vec![LocalSet::new(n_locals); n];
        // Iterate to a fixed point, visiting blocks in reverse index order
        // (a good approximation of post-order for builder-made bodies).
        let mut changed = true;
        while changed {
            changed = false;
            for i in (0..n).rev() {
                let mut out = LocalSet::new(n_locals);
                for &s in &succs[i] {
                    if s < n {
                        out.union_with(&live_in[s]);
                    }
                }
                // in = gen ∪ (out − kill)
                let mut inn = out.clone();
                for (w, kw) in inn.words.iter_mut().zip(&kill[i].words) {
                    *w &= !kw;
                }
                inn.union_with(&gen[i]);
                if inn != live_in[i] {
                    live_in[i] = inn;
                    changed = true;
                }
                live_out[i] = out;
            }
        }
        Liveness { live_in, live_out }
    }

    /// The locals live just after instruction `inst` of `block` (that is,
    /// before instruction `inst + 1`, or before the terminator).
    pub fn live_after(&self, body: &Body, block: usize, inst: usize) -> LocalSet {
        let b = &body.blocks[block];
        let mut live = self.live_out[block].clone();
        if let Some(t) = &b.term {
            for u in t.uses() {
                live.insert(u);
            }
        }
        for i in b.insts[inst + 1..].iter().rev() {
            for d in i.defs() {
                live.remove(d);
            }
            for u in i.uses() {
                live.insert(u);
            }
        }
        live
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchyard_ir::*;

    #[test]
    fn loop_counter_is_live_around_the_loop() {
        let mut m = Module::new();
        let f = m.declare_func("sum", Signature::new([Type::I32], [Type::I32]));
        let mut b = FunctionBuilder::new(&mut m, f);
        let n = b.param(0);
        let i = b.local(Type::I32);
        let acc = b.local(Type::I32);
        let dead = b.local(Type::I32);
        let one = b.i32_const(1);
        b.set_const(dead, Const::I32(7));
        b.while_(
            |b| b.bin(BinOp::I32LtS, i, n),
            |b, _| {
                b.binary_into(acc, BinOp::I32Add, acc, i);
                b.binary_into(i, BinOp::I32Add, i, one);
            },
        );
        b.ret(&[acc]);
        b.finish();
        let body = m.funcs[f.index()].body().unwrap();
        let live = Liveness::compute(body);
        let entry = &live.live_in[body.entry.index()];
        // `i` and `acc` are read before written (Wasm zero-initialises them).
        assert!(entry.contains(n) && entry.contains(i) && entry.contains(acc));
        assert!(!entry.contains(dead) && !entry.contains(one));
        // The loop header (block 1) needs the counter, the bound, the step.
        let header = &live.live_in[1];
        assert!(header.contains(i) && header.contains(n) && header.contains(one));
        assert!(header.contains(acc));
        assert!(!header.contains(dead));
        assert_eq!(header.len(), 4);
    }
}
