//! CFG → structured control flow ("stackifying"), after Norman Ramsey,
//! "Beyond Relooper: recursive translation of unstructured control flow to
//! structured control flow" (JFP 2022).
//!
//! The translation walks the dominator tree. For a block `x`:
//!
//! * `doTree(x)`: if `x` is a loop header, wrap everything below in a Wasm
//!   `loop` labelled by `x` (backward branches to `x` become `br` to it);
//! * `nodeWithin(x, ys)`: `ys` are the children of `x` in the dominator tree
//!   that need a label (merge nodes, and targets of a switch), highest RPO
//!   number first. Each `y` gets a Wasm `block` whose `end` is followed by
//!   `doTree(y)`; the innermost block holds `x`'s own code, so a forward
//!   branch to `y` is a `br` to the end of its block;
//! * the terminator of `x`: `Jump`, each arm of an `if`, becomes `doBranch`,
//!   which is a `br` for backward edges and for targets that need a label,
//!   and otherwise places the (unique-predecessor) target's `doTree` inline.
//!   A `Switch` becomes a `br_table` whose targets are all labels.
//!
//! Reducibility is what makes this work: every label a branch needs is in
//! scope when the branch is emitted. The result never falls through its end:
//! control leaves every path with a branch or a function exit.
//!
//! Nothing here recurses: long if/else chains give dominator trees (and
//! nestings) thousands deep, so the translation runs off an explicit work
//! stack, and the output tree is stored *linearised*, in Wasm order, with
//! explicit [`Node::End`] markers (exactly how a Wasm body stores it). Every
//! consumer (the simplifier, the encoder, tests' interpreters) is a loop
//! over a `Vec`, and dropping a deep tree costs no stack either.

use crate::cfg::{Cfg, Flow};
use crate::error::EmitError;
use std::collections::HashSet;
use std::fmt;
use switchyard_ir::{BlockId, Body, Local};

/// A branch target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// The end of the `block` that is followed by this IR block's code
    /// (a forward branch to the block).
    Block(BlockId),
    /// The start of the `loop` headed by this IR block (a backward branch).
    Loop(BlockId),
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Label::Block(b) => write!(f, "${b}"),
            Label::Loop(b) => write!(f, "$loop_{b}"),
        }
    }
}

/// One element of a linearised structured function body. Openers
/// ([`Node::Block`], [`Node::Loop`], [`Node::If`]) are closed by a matching
/// [`Node::End`]; an `If` may have one [`Node::Else`] in between. All
/// constructs have an empty block type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// `block` labelled [`Label::Block`]: its `end` is followed by the code of
    /// this IR block.
    Block(BlockId),
    /// `loop` labelled [`Label::Loop`], headed by this IR block.
    Loop(BlockId),
    /// `if` on `cond != 0` (`cond == 0` when `negate`).
    If {
        cond: Local,
        negate: bool,
    },
    Else,
    End,
    /// The straight-line instructions of an IR block (not its terminator).
    Code(BlockId),
    /// Unconditional branch.
    Br(Label),
    /// Branch if `cond != 0` (`cond == 0` when `negate`).
    BrIf {
        cond: Local,
        negate: bool,
        target: Label,
    },
    /// Indexed branch.
    BrTable {
        index: Local,
        targets: Vec<Label>,
        default: Label,
    },
    /// The terminator of this IR block, which leaves the function (return,
    /// tail call or unreachable).
    Exit(BlockId),
}

impl Node {
    /// Whether the node opens a construct closed by an [`Node::End`].
    pub fn is_opener(&self) -> bool {
        matches!(self, Node::Block(_) | Node::Loop(_) | Node::If { .. })
    }

    /// The label this node defines, if any.
    pub fn label(&self) -> Option<Label> {
        match self {
            Node::Block(b) => Some(Label::Block(*b)),
            Node::Loop(b) => Some(Label::Loop(*b)),
            _ => None,
        }
    }

    /// Calls `f` on every label this node branches to.
    pub fn for_each_target(&self, mut f: impl FnMut(Label)) {
        match self {
            Node::Br(l) => f(*l),
            Node::BrIf { target, .. } => f(*target),
            Node::BrTable {
                targets, default, ..
            } => {
                for t in targets {
                    f(*t);
                }
                f(*default);
            }
            _ => {}
        }
    }
}

/// A structured function body, linearised (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Structured {
    pub nodes: Vec<Node>,
}

impl Structured {
    /// For each opener, the index of its `End`; for each `Else`, the index
    /// of its `If`'s `End`; for each `End`, the index of its opener. Other
    /// entries are `usize::MAX`. Unbalanced input leaves entries unset.
    pub fn matching(&self) -> Vec<usize> {
        let mut m = vec![usize::MAX; self.nodes.len()];
        let mut open: Vec<usize> = Vec::new();
        let mut elses: Vec<Option<usize>> = Vec::new();
        for (i, n) in self.nodes.iter().enumerate() {
            match n {
                Node::Block(_) | Node::Loop(_) | Node::If { .. } => {
                    open.push(i);
                    elses.push(None);
                }
                Node::Else => {
                    if let Some(e) = elses.last_mut() {
                        *e = Some(i);
                    }
                }
                Node::End => {
                    if let (Some(o), Some(e)) = (open.pop(), elses.pop()) {
                        m[o] = i;
                        m[i] = o;
                        if let Some(e) = e {
                            m[e] = i;
                        }
                    }
                }
                _ => {}
            }
        }
        m
    }

    /// Whether control can reach the end of the body by falling off it (in
    /// which case the encoder must add an `unreachable`). Conservative: a
    /// `block` counts as exited normally if anything branches to it.
    pub fn falls_off_end(&self) -> bool {
        struct Frame {
            label: Option<Label>,
            is_if: bool,
            reachable_at_start: bool,
            then_end: Option<bool>,
        }
        // Labels are unique within a body, so a label branched to anywhere
        // is branched to from inside its construct.
        let mut targeted = HashSet::new();
        for n in &self.nodes {
            n.for_each_target(|l| {
                targeted.insert(l);
            });
        }
        let mut frames: Vec<Frame> = Vec::new();
        let mut reachable = true;
        for n in &self.nodes {
            match n {
                Node::Block(_) | Node::Loop(_) | Node::If { .. } => frames.push(Frame {
                    label: n.label(),
                    is_if: matches!(n, Node::If { .. }),
                    reachable_at_start: reachable,
                    then_end: None,
                }),
                Node::Else => {
                    if let Some(f) = frames.last_mut() {
                        f.then_end = Some(reachable);
                        reachable = f.reachable_at_start;
                    }
                }
                Node::End => {
                    if let Some(f) = frames.pop() {
                        reachable = match f.label {
                            Some(l @ Label::Block(_)) => reachable || targeted.contains(&l),
                            Some(Label::Loop(_)) => reachable,
                            None if f.is_if => match f.then_end {
                                Some(t) => reachable || t,
                                // No else: the condition may be false.
                                None => reachable || f.reachable_at_start,
                            },
                            None => true,
                        };
                    }
                }
                Node::Br(_) | Node::BrTable { .. } | Node::Exit(_) => reachable = false,
                Node::Code(_) | Node::BrIf { .. } => {}
            }
        }
        reachable
    }

    /// How many times each IR block's code appears (for tests: every
    /// reachable block exactly once, every unreachable block never).
    pub fn code_counts(&self, num_blocks: usize) -> Vec<u32> {
        let mut c = vec![0; num_blocks];
        for n in &self.nodes {
            if let Node::Code(b) = n {
                if let Some(x) = c.get_mut(b.index()) {
                    *x += 1;
                }
            }
        }
        c
    }

    /// The maximum nesting depth of constructs.
    pub fn max_depth(&self) -> usize {
        let (mut d, mut max) = (0usize, 0usize);
        for n in &self.nodes {
            if n.is_opener() {
                d += 1;
                max = max.max(d);
            } else if *n == Node::End {
                d = d.saturating_sub(1);
            }
        }
        max
    }
}

impl fmt::Display for Structured {
    /// An indented, WAT-like rendering, e.g.
    ///
    /// ```text
    /// block $bb3
    ///   run bb0
    ///   br_if %2 $bb3
    ///   exit bb1
    /// end
    /// run bb3
    /// exit bb3
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut depth = 0usize;
        for n in &self.nodes {
            if matches!(n, Node::End | Node::Else) {
                depth = depth.saturating_sub(1);
            }
            for _ in 0..depth {
                f.write_str("  ")?;
            }
            let not = |negate: bool| if negate { "not " } else { "" };
            match n {
                Node::Block(b) => writeln!(f, "block {}", Label::Block(*b))?,
                Node::Loop(b) => writeln!(f, "loop {}", Label::Loop(*b))?,
                Node::If { cond, negate } => writeln!(f, "if {}{cond}", not(*negate))?,
                Node::Else => writeln!(f, "else")?,
                Node::End => writeln!(f, "end")?,
                Node::Code(b) => writeln!(f, "run {b}")?,
                Node::Br(l) => writeln!(f, "br {l}")?,
                Node::BrIf {
                    cond,
                    negate,
                    target,
                } => writeln!(f, "br_if {}{cond} {target}", not(*negate))?,
                Node::BrTable {
                    index,
                    targets,
                    default,
                } => {
                    write!(f, "br_table {index} [")?;
                    for (i, t) in targets.iter().enumerate() {
                        if i > 0 {
                            f.write_str(" ")?;
                        }
                        write!(f, "{t}")?;
                    }
                    writeln!(f, "] {default}")?;
                }
                Node::Exit(b) => writeln!(f, "exit {b}")?,
            }
            if n.is_opener() || *n == Node::Else {
                depth += 1;
            }
        }
        Ok(())
    }
}

/// Structures `body` (of the function named `function`, for errors):
/// Ramsey's translation ([`translate`]) followed by the clean-ups of
/// [`crate::simplify`].
pub fn structure(function: &str, body: &Body) -> Result<Structured, EmitError> {
    let raw = translate(function, body)?;
    Ok(crate::simplify::simplify(raw, body))
}

/// Ramsey's translation alone, without clean-ups: every forward branch to a
/// label is an explicit `br` (even when it could fall through), and every
/// two-way branch is an `if`/`else`.
pub fn translate(function: &str, body: &Body) -> Result<Structured, EmitError> {
    let cfg = Cfg::new(function, body)?;
    Ok(Translator::new(&cfg, body).run())
}

/// Pending work for the iterative translation, popped from a stack.
enum Work {
    /// `doTree(x)`.
    Tree(BlockId),
    /// `nodeWithin(x, merge_children(x)[i..])`.
    Within(BlockId, usize),
    /// `doBranch(from, to)`.
    Branch(BlockId, BlockId),
    /// Append a node.
    Emit(Node),
}

struct Translator<'a> {
    cfg: &'a Cfg,
    body: &'a Body,
    /// For each block: its dominator-tree children that need a label,
    /// highest RPO number first (outermost `block` first).
    labelled_children: Vec<Vec<BlockId>>,
    nodes: Vec<Node>,
    work: Vec<Work>,
}

impl<'a> Translator<'a> {
    fn new(cfg: &'a Cfg, body: &'a Body) -> Self {
        let n = body.blocks.len();
        let mut labelled_children = vec![Vec::new(); n];
        for &x in &cfg.rpo {
            // dom_children are in RPO order; we want the reverse.
            let mut ys: Vec<BlockId> = cfg.dom_children[x.index()]
                .iter()
                .copied()
                .filter(|y| cfg.needs_block[y.index()])
                .collect();
            ys.reverse();
            labelled_children[x.index()] = ys;
        }
        Translator {
            cfg,
            body,
            labelled_children,
            nodes: Vec::with_capacity(n * 2),
            work: Vec::new(),
        }
    }

    fn run(mut self) -> Structured {
        self.work.push(Work::Tree(self.body.entry));
        while let Some(w) = self.work.pop() {
            match w {
                Work::Tree(x) => {
                    if self.cfg.loop_header[x.index()] {
                        self.nodes.push(Node::Loop(x));
                        self.work.push(Work::Emit(Node::End));
                    }
                    self.work.push(Work::Within(x, 0));
                }
                Work::Within(x, i) => self.node_within(x, i),
                Work::Branch(from, to) => {
                    if let Some(label) = self.branch_label(from, to) {
                        self.nodes.push(Node::Br(label));
                    } else {
                        self.work.push(Work::Tree(to));
                    }
                }
                Work::Emit(n) => self.nodes.push(n),
            }
        }
        Structured { nodes: self.nodes }
    }

    /// The label a branch `from -> to` must use, or `None` when `to` is to
    /// be placed inline (its only forward predecessor is `from`).
    fn branch_label(&self, from: BlockId, to: BlockId) -> Option<Label> {
        if self.cfg.is_backward(from, to) {
            Some(Label::Loop(to))
        } else if self.cfg.needs_block[to.index()] {
            Some(Label::Block(to))
        } else {
            None
        }
    }

    fn label_of(&self, from: BlockId, to: BlockId) -> Label {
        self.branch_label(from, to).unwrap_or(Label::Block(to))
    }

    fn node_within(&mut self, x: BlockId, i: usize) {
        if let Some(&y) = self.labelled_children[x.index()].get(i) {
            // block { nodeWithin(x, rest) } ; doTree(y)
            self.nodes.push(Node::Block(y));
            self.work.push(Work::Tree(y));
            self.work.push(Work::Emit(Node::End));
            self.work.push(Work::Within(x, i + 1));
            return;
        }
        self.nodes.push(Node::Code(x));
        let block = &self.body.blocks[x.index()];
        match Flow::of(block) {
            Flow::Jump(t) => self.work.push(Work::Branch(x, t)),
            Flow::Branch {
                cond,
                then_block,
                else_block,
            } => {
                self.nodes.push(Node::If {
                    cond,
                    negate: false,
                });
                self.work.push(Work::Emit(Node::End));
                self.work.push(Work::Branch(x, else_block));
                self.work.push(Work::Emit(Node::Else));
                self.work.push(Work::Branch(x, then_block));
            }
            Flow::Switch {
                index,
                targets,
                default,
            } => {
                // Every forward target of a switch needs a label (see cfg.rs).
                let targets = targets.iter().map(|&t| self.label_of(x, t)).collect();
                let default = self.label_of(x, default);
                self.nodes.push(Node::BrTable {
                    index,
                    targets,
                    default,
                });
            }
            Flow::Exit => self.nodes.push(Node::Exit(x)),
        }
    }
}
