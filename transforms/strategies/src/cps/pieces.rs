//! Step 2 of splitting a function: choose its pieces.
//!
//! A piece is a single-entry region of the prepared CFG that becomes one
//! Wasm function. Pieces start at *heads*:
//!
//! * the function's entry block ([`HeadKind::Entry`]);
//! * every continuation block after a split point ([`HeadKind::Resume`]):
//!   control comes back there from the resumer or from the callee's
//!   return, through the explicit stack;
//! * every block reachable from two or more heads without crossing another
//!   head or a split edge ([`HeadKind::Join`]): if-else joins after a
//!   suspension in one arm, and the headers of loops that contain a split
//!   point. Making them heads (rather than copying them into each piece
//!   that reaches them) keeps the code size linear.
//!
//! A piece owns the blocks its head reaches without crossing another head
//! or a split edge; every block has exactly one owner once the joins are
//! heads. Loops that contain no split point stay inside one piece as
//! ordinary Wasm loops. Join heads are added one at a time, earliest in
//! reverse post-order first, because once a join is a head the blocks
//! after it usually stop being shared.

use super::split::Prepared;
use switchyard_ir::BlockId;

/// Why a block starts a piece.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadKind {
    /// The function's entry.
    Entry,
    /// The continuation of split block `split`.
    Resume { split: BlockId },
    /// Reached from several pieces.
    Join,
}

/// The pieces of one function.
#[derive(Clone, Debug)]
pub struct Partition {
    /// Head block of each piece; piece 0 is the entry.
    pub heads: Vec<BlockId>,
    pub kinds: Vec<HeadKind>,
    /// `owner[b]`: the piece block `b` belongs to (`None`: unreachable).
    pub owner: Vec<Option<usize>>,
    /// `head_piece[b]`: the piece that block `b` is the head of.
    pub head_piece: Vec<Option<usize>>,
    /// The blocks of each piece, head first.
    pub blocks: Vec<Vec<BlockId>>,
}

/// Successors inside a piece: a split edge is never followed.
fn local_succs(p: &Prepared, b: usize) -> Vec<usize> {
    if p.cont_of[b].is_some() {
        return Vec::new();
    }
    all_succs(p, b)
}

fn all_succs(p: &Prepared, b: usize) -> Vec<usize> {
    p.body.blocks[b]
        .term
        .as_ref()
        .map(|t| t.successors().iter().map(|s| s.index()).collect())
        .unwrap_or_default()
}

/// Reverse post-order numbers of the blocks reachable from the entry.
fn rpo_numbers(p: &Prepared) -> Vec<Option<usize>> {
    let n = p.body.blocks.len();
    let mut post = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    let entry = p.body.entry.index();
    // Iterative DFS with explicit successor cursors.
    let mut stack: Vec<(usize, Vec<usize>, usize)> = vec![(entry, all_succs(p, entry), 0)];
    seen[entry] = true;
    while let Some((b, succs, i)) = stack.last_mut() {
        if *i < succs.len() {
            let s = succs[*i];
            *i += 1;
            if !seen[s] {
                seen[s] = true;
                let ss = all_succs(p, s);
                stack.push((s, ss, 0));
            }
        } else {
            post.push(*b);
            stack.pop();
        }
    }
    let mut rpo = vec![None; n];
    for (i, b) in post.iter().rev().enumerate() {
        rpo[*b] = Some(i);
    }
    rpo
}

pub fn partition(p: &Prepared) -> Partition {
    let n = p.body.blocks.len();
    let rpo = rpo_numbers(p);
    let mut heads = vec![p.body.entry];
    let mut kinds = vec![HeadKind::Entry];
    let mut head_piece: Vec<Option<usize>> = vec![None; n];
    head_piece[p.body.entry.index()] = Some(0);
    let mut by_rpo: Vec<usize> = (0..n).filter(|&b| rpo[b].is_some()).collect();
    by_rpo.sort_by_key(|&b| rpo[b]);
    for &b in &by_rpo {
        if let Some(c) = p.cont_of[b] {
            head_piece[c.index()] = Some(heads.len());
            heads.push(c);
            kinds.push(HeadKind::Resume {
                split: BlockId(b as u32),
            });
        }
    }
    loop {
        let mut owner: Vec<Option<usize>> = vec![None; n];
        let mut shared = vec![false; n];
        for (pi, h) in heads.iter().enumerate() {
            let mut seen = vec![false; n];
            let mut work = vec![h.index()];
            seen[h.index()] = true;
            while let Some(b) = work.pop() {
                match owner[b] {
                    None => owner[b] = Some(pi),
                    Some(o) if o != pi => shared[b] = true,
                    _ => {}
                }
                for s in local_succs(p, b) {
                    if !seen[s] && head_piece[s].is_none() {
                        seen[s] = true;
                        work.push(s);
                    }
                }
            }
        }
        let first_shared = by_rpo.iter().copied().find(|&b| shared[b]);
        match first_shared {
            Some(b) => {
                head_piece[b] = Some(heads.len());
                heads.push(BlockId(b as u32));
                kinds.push(HeadKind::Join);
            }
            None => {
                let mut blocks = vec![Vec::new(); heads.len()];
                for (pi, h) in heads.iter().enumerate() {
                    blocks[pi].push(*h);
                }
                for &b in &by_rpo {
                    if let Some(o) = owner[b] {
                        if head_piece[b].is_none() {
                            blocks[o].push(BlockId(b as u32));
                        }
                    }
                }
                return Partition {
                    heads,
                    kinds,
                    owner,
                    head_piece,
                    blocks,
                };
            }
        }
    }
}
