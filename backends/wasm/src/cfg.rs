//! Control-flow-graph analysis for the structurer.
//!
//! Everything [`crate::structure`] needs to know about a function's CFG,
//! computed once and without recursion (functions can have many thousands of
//! blocks and dominator trees thousands deep):
//!
//! * a normalised view of each terminator ([`Flow`]): a `Branch` whose two
//!   targets coincide, or a `Switch` whose targets are all one block, is a
//!   plain jump, so that no block is ever reached twice from one predecessor;
//! * the reverse postorder (RPO) of the reachable blocks, by an iterative
//!   depth-first search (unreachable blocks are ignored from here on);
//! * the dominator tree, by the iterative algorithm of Cooper, Harvey and
//!   Kennedy ("A Simple, Fast Dominance Algorithm"), plus a pre/post
//!   numbering of the tree for constant-time dominance queries;
//! * loop headers: targets of back edges. An edge is *retreating* when it
//!   goes to a block no later in RPO; the CFG is reducible exactly when every
//!   retreating edge goes to a block that dominates its source (a back edge).
//!   Otherwise we report [`EmitError::Irreducible`];
//! * which blocks need a Wasm `block` to be branched to: merge nodes (two or
//!   more forward in-edges, as in Ramsey's paper) and targets of a `Switch`
//!   (a `br_table` can only name labels, so it cannot inline its targets).

use crate::error::EmitError;
use switchyard_ir::{Block, BlockId, Body, Local, Terminator};

/// A terminator, normalised for structuring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow<'a> {
    /// Go to a block.
    Jump(BlockId),
    /// Two-way branch with distinct targets.
    Branch {
        cond: Local,
        then_block: BlockId,
        else_block: BlockId,
    },
    /// Multi-way branch with at least two distinct targets.
    Switch {
        index: Local,
        targets: &'a [BlockId],
        default: BlockId,
    },
    /// Leaves the function (return, tail call, unreachable, or a missing
    /// terminator, which the verifier rejects and we encode as a trap).
    Exit,
}

impl<'a> Flow<'a> {
    /// The normalised control flow out of `block`.
    pub fn of(block: &'a Block) -> Flow<'a> {
        match &block.term {
            Some(Terminator::Jump(t)) => Flow::Jump(*t),
            Some(Terminator::Branch {
                cond,
                then_block,
                else_block,
            }) => {
                if then_block == else_block {
                    Flow::Jump(*then_block)
                } else {
                    Flow::Branch {
                        cond: *cond,
                        then_block: *then_block,
                        else_block: *else_block,
                    }
                }
            }
            Some(Terminator::Switch {
                index,
                targets,
                default,
            }) => {
                if targets.iter().all(|t| t == default) {
                    Flow::Jump(*default)
                } else {
                    Flow::Switch {
                        index: *index,
                        targets,
                        default: *default,
                    }
                }
            }
            Some(
                Terminator::Return(_)
                | Terminator::TailCall { .. }
                | Terminator::TailCallIndirect { .. }
                | Terminator::Unreachable,
            )
            | None => Flow::Exit,
        }
    }
}

/// Sentinel for "not reachable" in per-block numberings.
pub const UNREACHABLE: u32 = u32::MAX;

/// The analysed CFG of one function body.
#[derive(Clone, Debug)]
pub struct Cfg {
    /// Distinct successors of every block, in terminator order.
    pub succs: Vec<Vec<BlockId>>,
    /// Reachable blocks in reverse postorder; `rpo[0]` is the entry.
    pub rpo: Vec<BlockId>,
    /// Position of each block in `rpo`, or [`UNREACHABLE`].
    pub rpo_num: Vec<u32>,
    /// Immediate dominator of each reachable block (the entry is its own),
    /// [`UNREACHABLE`] for unreachable blocks.
    pub idom: Vec<u32>,
    /// Children of each block in the dominator tree, in RPO order.
    pub dom_children: Vec<Vec<BlockId>>,
    /// Preorder and postorder numbers in the dominator tree.
    dom_pre: Vec<u32>,
    dom_post: Vec<u32>,
    /// Target of at least one back edge.
    pub loop_header: Vec<bool>,
    /// Number of distinct forward (non-back-edge) predecessors.
    pub forward_preds: Vec<u32>,
    /// Forward branches to this block must use a `br` to a Wasm `block`
    /// whose end is followed by this block's code (merge nodes and switch
    /// targets), rather than placing the block's code inline.
    pub needs_block: Vec<bool>,
}

impl Cfg {
    /// Analyses `body`. `function` names the function in errors.
    pub fn new(function: &str, body: &Body) -> Result<Cfg, EmitError> {
        let n = body.blocks.len();
        let bad_target = |b: BlockId, t: BlockId| {
            EmitError::Verify(vec![switchyard_ir::VerifyError {
                function: function.to_string(),
                block: Some(b),
                message: format!("target block {t} does not exist"),
            }])
        };
        if body.entry.index() >= n {
            return Err(EmitError::Verify(vec![switchyard_ir::VerifyError {
                function: function.to_string(),
                block: None,
                message: format!("entry block {} does not exist", body.entry),
            }]));
        }

        // Distinct successors, deduplicated with a stamp array so a large
        // switch costs linear time.
        let mut stamp = vec![u32::MAX; n];
        let mut succs = Vec::with_capacity(n);
        for (i, block) in body.blocks.iter().enumerate() {
            let mut out = Vec::new();
            let mut push = |t: BlockId| -> Result<(), EmitError> {
                if t.index() >= n {
                    return Err(bad_target(BlockId(i as u32), t));
                }
                if stamp[t.index()] != i as u32 {
                    stamp[t.index()] = i as u32;
                    out.push(t);
                }
                Ok(())
            };
            match Flow::of(block) {
                Flow::Jump(t) => push(t)?,
                Flow::Branch {
                    then_block,
                    else_block,
                    ..
                } => {
                    push(then_block)?;
                    push(else_block)?;
                }
                Flow::Switch {
                    targets, default, ..
                } => {
                    for &t in targets {
                        push(t)?;
                    }
                    push(default)?;
                }
                Flow::Exit => {}
            }
            succs.push(out);
        }

        // Reverse postorder by an iterative DFS.
        let mut visited = vec![false; n];
        let mut post: Vec<BlockId> = Vec::with_capacity(n);
        let mut stack: Vec<(BlockId, usize)> = vec![(body.entry, 0)];
        visited[body.entry.index()] = true;
        while let Some(top) = stack.last_mut() {
            let (b, i) = *top;
            if let Some(&s) = succs[b.index()].get(i) {
                top.1 += 1;
                if !visited[s.index()] {
                    visited[s.index()] = true;
                    stack.push((s, 0));
                }
            } else {
                post.push(b);
                stack.pop();
            }
        }
        post.reverse();
        let rpo = post;
        let mut rpo_num = vec![UNREACHABLE; n];
        for (i, b) in rpo.iter().enumerate() {
            rpo_num[b.index()] = i as u32;
        }

        // Reachable predecessors.
        let mut preds: Vec<Vec<BlockId>> = vec![Vec::new(); n];
        for &b in &rpo {
            for &s in &succs[b.index()] {
                preds[s.index()].push(b);
            }
        }

        // Dominators (Cooper, Harvey, Kennedy), over RPO numbers.
        let m = rpo.len();
        let mut idom_r = vec![UNREACHABLE; m]; // indexed by RPO number
        idom_r[0] = 0;
        let mut changed = true;
        while changed {
            changed = false;
            for r in 1..m {
                let b = rpo[r];
                let mut new_idom = UNREACHABLE;
                for p in &preds[b.index()] {
                    let pr = rpo_num[p.index()];
                    if idom_r[pr as usize] == UNREACHABLE {
                        continue;
                    }
                    new_idom = if new_idom == UNREACHABLE {
                        pr
                    } else {
                        intersect(&idom_r, pr, new_idom)
                    };
                }
                if new_idom != idom_r[r] {
                    idom_r[r] = new_idom;
                    changed = true;
                }
            }
        }
        let mut idom = vec![UNREACHABLE; n];
        let mut dom_children: Vec<Vec<BlockId>> = vec![Vec::new(); n];
        for (r, &b) in rpo.iter().enumerate() {
            let d = rpo[idom_r[r] as usize];
            idom[b.index()] = d.0;
            if r > 0 {
                dom_children[d.index()].push(b);
            }
        }

        // Pre/post numbering of the dominator tree (iteratively).
        let mut dom_pre = vec![UNREACHABLE; n];
        let mut dom_post = vec![UNREACHABLE; n];
        let (mut pre_n, mut post_n) = (0u32, 0u32);
        let mut stack: Vec<(BlockId, usize)> = vec![(body.entry, 0)];
        dom_pre[body.entry.index()] = pre_n;
        pre_n += 1;
        while let Some(top) = stack.last_mut() {
            let (b, i) = *top;
            if let Some(&c) = dom_children[b.index()].get(i) {
                top.1 += 1;
                dom_pre[c.index()] = pre_n;
                pre_n += 1;
                stack.push((c, 0));
            } else {
                dom_post[b.index()] = post_n;
                post_n += 1;
                stack.pop();
            }
        }

        let mut cfg = Cfg {
            succs,
            rpo,
            rpo_num,
            idom,
            dom_children,
            dom_pre,
            dom_post,
            loop_header: vec![false; n],
            forward_preds: vec![0; n],
            needs_block: vec![false; n],
        };

        // Classify edges: back edges make loop headers, retreating edges to
        // non-dominators make the CFG irreducible.
        for &b in &cfg.rpo {
            let is_switch = matches!(Flow::of(&body.blocks[b.index()]), Flow::Switch { .. });
            for &s in &cfg.succs[b.index()] {
                if cfg.is_backward(b, s) {
                    if !cfg.dominates(s, b) {
                        return Err(EmitError::Irreducible {
                            function: function.to_string(),
                            block: s,
                        });
                    }
                    cfg.loop_header[s.index()] = true;
                } else {
                    cfg.forward_preds[s.index()] += 1;
                    if is_switch {
                        cfg.needs_block[s.index()] = true;
                    }
                }
            }
        }
        for i in 0..n {
            if cfg.forward_preds[i] >= 2 {
                cfg.needs_block[i] = true;
            }
        }
        Ok(cfg)
    }

    /// Whether `b` is reachable from the entry.
    pub fn reachable(&self, b: BlockId) -> bool {
        self.rpo_num[b.index()] != UNREACHABLE
    }

    /// Whether the edge `from -> to` is retreating (a back edge, in a
    /// reducible CFG): `to` comes no later than `from` in RPO.
    pub fn is_backward(&self, from: BlockId, to: BlockId) -> bool {
        self.rpo_num[to.index()] <= self.rpo_num[from.index()]
    }

    /// Whether `a` dominates `b` (both reachable). Every block dominates itself.
    pub fn dominates(&self, a: BlockId, b: BlockId) -> bool {
        self.dom_pre[a.index()] <= self.dom_pre[b.index()]
            && self.dom_post[b.index()] <= self.dom_post[a.index()]
    }

    /// Whether `b` has two or more forward in-edges (Ramsey's merge node).
    pub fn is_merge(&self, b: BlockId) -> bool {
        self.forward_preds[b.index()] >= 2
    }
}

/// The CHK "intersect": the nearest common dominator of two RPO numbers.
fn intersect(idom: &[u32], mut a: u32, mut b: u32) -> u32 {
    while a != b {
        while a > b {
            a = idom[a as usize];
        }
        while b > a {
            b = idom[b as usize];
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use switchyard_ir::Block;

    /// A body whose blocks end as given (conditions use local 0).
    fn body(terms: Vec<Terminator>) -> Body {
        Body {
            locals: vec![switchyard_ir::LocalDecl {
                ty: switchyard_ir::Type::I32,
                name: None,
                heap_ref: false,
            }],
            blocks: terms
                .into_iter()
                .map(|t| Block {
                    label: None,
                    insts: vec![],
                    term: Some(t),
                })
                .collect(),
            entry: BlockId(0),
        }
    }

    fn br(t: u32, e: u32) -> Terminator {
        Terminator::Branch {
            cond: Local(0),
            then_block: BlockId(t),
            else_block: BlockId(e),
        }
    }

    fn j(t: u32) -> Terminator {
        Terminator::Jump(BlockId(t))
    }

    #[test]
    fn dominators_loops_and_merges() {
        // 0 -> 1; 1 -> {2, 5}; 2 -> {3, 4}; 3 -> 1 (back edge); 4 -> 5; 5 ret
        // 6 is unreachable.
        let b = body(vec![
            j(1),
            br(2, 5),
            br(3, 4),
            j(1),
            j(5),
            Terminator::Return(vec![]),
            j(0),
        ]);
        let cfg = Cfg::new("f", &b).unwrap();
        assert_eq!(cfg.rpo[0], BlockId(0));
        assert_eq!(cfg.rpo.len(), 6);
        assert!(!cfg.reachable(BlockId(6)));
        let idom: Vec<u32> = (0..6).map(|i| cfg.idom[i]).collect();
        assert_eq!(idom, [0, 0, 1, 2, 2, 1]);
        assert!(cfg.dominates(BlockId(1), BlockId(4)));
        assert!(!cfg.dominates(BlockId(2), BlockId(5)));
        assert!(cfg.loop_header[1]);
        assert_eq!(cfg.loop_header.iter().filter(|h| **h).count(), 1);
        assert!(cfg.is_merge(BlockId(5)));
        assert!(!cfg.is_merge(BlockId(1))); // one forward edge, one back edge
        assert_eq!(cfg.dom_children[1], [BlockId(2), BlockId(5)]);
    }

    #[test]
    fn switch_targets_need_blocks_and_duplicates_count_once() {
        let b = body(vec![
            Terminator::Switch {
                index: Local(0),
                targets: vec![BlockId(1), BlockId(1), BlockId(2)],
                default: BlockId(1),
            },
            Terminator::Return(vec![]),
            Terminator::Return(vec![]),
        ]);
        let cfg = Cfg::new("f", &b).unwrap();
        assert_eq!(cfg.succs[0], [BlockId(1), BlockId(2)]);
        assert_eq!(cfg.forward_preds[1], 1);
        assert!(cfg.needs_block[1] && cfg.needs_block[2]);
        assert!(!cfg.is_merge(BlockId(1)));
    }

    #[test]
    fn irreducible_is_detected() {
        let b = body(vec![br(1, 2), j(2), j(1)]);
        match Cfg::new("g", &b) {
            Err(EmitError::Irreducible { function, block }) => {
                assert_eq!(function, "g");
                assert!(block == BlockId(1) || block == BlockId(2));
            }
            other => panic!("{other:?}"),
        }
    }
}
