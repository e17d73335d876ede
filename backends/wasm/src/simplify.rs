//! Clean-ups on the structured (linearised) tree produced by
//! [`crate::structure::translate`].
//!
//! Ramsey's translation makes every forward branch an explicit `br` and every
//! two-way branch an `if`/`else`. A few linear passes shrink that without
//! changing behaviour:
//!
//! 0. **Empty code.** `run` nodes of IR blocks without instructions are
//!    dropped (their terminators are already represented by the tree), so
//!    they do not stand in the way of the passes below.
//! 1. **Fall-through branches.** A `br $L` (or `br_if`) whose target is where
//!    control would go anyway by falling through the following `end`s and
//!    `else`s is deleted. Computed right to left: `ft[i]` is the first node
//!    control reaches from node `i` by falling through, so `br $L` at `i` is
//!    redundant iff `ft[i + 1] == ft[end_of(L) + 1]`.
//! 2. **Ifs.** `if c (br $L) else X end` becomes `br_if c $L; X`; the mirror
//!    image becomes `br_if (not c) $L; X`; an empty `else` is dropped, an
//!    empty `then` flips the condition, and an `if` with two empty arms
//!    disappears (reading a local has no effect).
//! 3. **Unused labels.** A `block` or `loop` nobody branches to is replaced
//!    by its contents.
//!
//! Pass 1 runs again after pass 2, because new `br_if`s may be redundant.
//! None of the passes recurses.

use crate::structure::{Label, Node, Structured};
use std::collections::{HashMap, HashSet};
use switchyard_ir::Body;

/// Runs all clean-ups.
pub fn simplify(s: Structured, body: &Body) -> Structured {
    let s = remove_empty_code(s, body);
    let s = remove_fallthrough_branches(s, body);
    let s = simplify_ifs(s);
    let s = remove_fallthrough_branches(s, body);
    remove_unused_labels(s)
}

/// Pass 0: drops `run` nodes of blocks without instructions.
pub fn remove_empty_code(s: Structured, body: &Body) -> Structured {
    Structured {
        nodes: s
            .nodes
            .into_iter()
            .filter(|n| match n {
                Node::Code(b) => body
                    .blocks
                    .get(b.index())
                    .is_some_and(|b| !b.insts.is_empty()),
                _ => true,
            })
            .collect(),
    }
}

/// Pass 1: deletes branches to where control falls through anyway.
pub fn remove_fallthrough_branches(s: Structured, body: &Body) -> Structured {
    let m = s.matching();
    let nodes = s.nodes;
    let n = nodes.len();
    let mut block_end: HashMap<Label, usize> = HashMap::new();
    for (i, node) in nodes.iter().enumerate() {
        if let Some(l @ Label::Block(_)) = node.label() {
            if m[i] != usize::MAX {
                block_end.insert(l, m[i]);
            }
        }
    }
    let empty_code = |node: &Node| match node {
        Node::Code(b) => body
            .blocks
            .get(b.index())
            .is_none_or(|b| b.insts.is_empty()),
        _ => false,
    };
    let mut ft = vec![0usize; n + 1];
    ft[n] = n;
    let mut keep = vec![true; n];
    for i in (0..n).rev() {
        ft[i] = match &nodes[i] {
            Node::End => ft[i + 1],
            Node::Else if m[i] != usize::MAX && m[i] > i => ft[m[i] + 1],
            node if empty_code(node) => ft[i + 1],
            Node::Br(l) | Node::BrIf { target: l, .. } => match block_end.get(l) {
                Some(&e) if e > i && ft[e + 1] == ft[i + 1] => {
                    keep[i] = false;
                    ft[i + 1]
                }
                _ => i,
            },
            _ => i,
        };
    }
    Structured {
        nodes: nodes
            .into_iter()
            .zip(keep)
            .filter_map(|(node, k)| k.then_some(node))
            .collect(),
    }
}

/// Pass 2: turns `if`s with trivial arms into `br_if`s (or nothing).
pub fn simplify_ifs(s: Structured) -> Structured {
    let m = s.matching();
    let mut nodes = s.nodes;
    let n = nodes.len();
    let mut else_of = vec![usize::MAX; n];
    for (i, node) in nodes.iter().enumerate() {
        if *node == Node::Else && m[i] != usize::MAX {
            let opener = m[m[i]];
            if opener != usize::MAX {
                else_of[opener] = i;
            }
        }
    }
    let mut keep = vec![true; n];
    for i in 0..n {
        let Node::If { cond, negate } = nodes[i] else {
            continue;
        };
        let end = m[i];
        if end == usize::MAX {
            continue;
        }
        let els = else_of[i];
        let then_end = if els == usize::MAX { end } else { els };
        let then_len = then_end - i - 1;
        let else_len = if els == usize::MAX { 0 } else { end - els - 1 };
        let single_br = |j: usize| match &nodes[j] {
            Node::Br(l) => Some(*l),
            _ => None,
        };
        if then_len == 0 && else_len == 0 {
            keep[i] = false;
            keep[end] = false;
            if els != usize::MAX {
                keep[els] = false;
            }
        } else if let Some(target) = (then_len == 1).then(|| single_br(i + 1)).flatten() {
            // if c (br L) [else X] end  =>  br_if c L; X
            nodes[i] = Node::BrIf {
                cond,
                negate,
                target,
            };
            keep[i + 1] = false;
            keep[end] = false;
            if els != usize::MAX {
                keep[els] = false;
            }
        } else if let Some(target) = (else_len == 1).then(|| single_br(els + 1)).flatten() {
            // if c X else (br L) end  =>  br_if (not c) L; X
            nodes[i] = Node::BrIf {
                cond,
                negate: !negate,
                target,
            };
            keep[els] = false;
            keep[els + 1] = false;
            keep[end] = false;
        } else if then_len == 0 {
            // if c else X end  =>  if (not c) X end
            nodes[i] = Node::If {
                cond,
                negate: !negate,
            };
            keep[els] = false;
        } else if else_len == 0 && els != usize::MAX {
            keep[els] = false;
        }
    }
    Structured {
        nodes: nodes
            .into_iter()
            .zip(keep)
            .filter_map(|(node, k)| k.then_some(node))
            .collect(),
    }
}

/// Pass 3: unwraps `block`s and `loop`s that no branch targets.
pub fn remove_unused_labels(s: Structured) -> Structured {
    let m = s.matching();
    let mut targeted = HashSet::new();
    for node in &s.nodes {
        node.for_each_target(|l| {
            targeted.insert(l);
        });
    }
    let mut keep = vec![true; s.nodes.len()];
    for (i, node) in s.nodes.iter().enumerate() {
        if let Some(l) = node.label() {
            if !targeted.contains(&l) && m[i] != usize::MAX {
                keep[i] = false;
                keep[m[i]] = false;
            }
        }
    }
    Structured {
        nodes: s
            .nodes
            .into_iter()
            .zip(keep)
            .filter_map(|(node, k)| k.then_some(node))
            .collect(),
    }
}
