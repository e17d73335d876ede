//! Whole-module analyses shared by the strategy transforms.

pub mod call_graph;
pub mod liveness;
pub mod may_suspend;

pub use call_graph::CallGraph;
pub use liveness::{Liveness, LocalSet};
pub use may_suspend::may_suspend;
