//! Frame layouts: where each value live across a split point sits in the
//! frame pushed on the coroutine's explicit stack.
//!
//! A frame is `[8-byte values][4-byte values][pad][continuation slot]`:
//! 8-byte values first so that all of them are naturally aligned (frames
//! start 8-aligned and their sizes are multiples of 8), the table slot of
//! the continuation piece in the last four bytes, where a returning callee
//! or a resume finds it at `sp - 4` without knowing the frame's size.
//! Each split point has its own layout, holding exactly the locals live
//! across it (and not defined by it).

use switchyard_fibers::cps::SLOT_BYTES;
use switchyard_ir::{Body, Local};

/// The layout of one split point's frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameLayout {
    /// Each saved local and its byte offset from the frame's base.
    pub slots: Vec<(Local, u32)>,
    /// Total bytes, continuation slot included (a multiple of 8).
    pub size: u32,
}

impl FrameLayout {
    pub fn new(body: &Body, saved: &[Local]) -> FrameLayout {
        let mut locals = saved.to_vec();
        let size_of = |l: &Local| body.locals[l.index()].ty.byte_size();
        // Larger first; stable, so locals keep their index order within a size.
        locals.sort_by_key(|l| std::cmp::Reverse(size_of(l)));
        let mut off = 0;
        let mut slots = Vec::with_capacity(locals.len());
        for l in locals {
            slots.push((l, off));
            off += size_of(&l);
        }
        let size = (off + SLOT_BYTES).div_ceil(8) * 8;
        FrameLayout { slots, size }
    }

    /// Offset of the continuation slot.
    pub fn slot_offset(&self) -> u32 {
        self.size - SLOT_BYTES
    }
}
