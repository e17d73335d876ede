//! switchyard's benchmarks: the generator runner (`compare`), the fiber
//! benchmark programs (`programs`), measuring them in child processes
//! (`measure`), the Markdown report (`report`) and its SVG charts
//! (`charts`), and the IR micro-benchmarks shared by the criterion benches
//! and the report (`micro`).

pub mod charts;
pub mod compare;
pub mod data;
pub mod measure;
pub mod micro;
pub mod programs;
pub mod report;

pub const USAGE: &str = "\
usage: switchyard-bench [--runs N] [--strategies cps,asyncify,wasmfx] [FILE.js ...]
       switchyard-bench --report FILE.md [--quick] [--runs N] [--only NAME,...] [--timeout SECS] [--no-micro]
       switchyard-bench --report FILE.md --from-data FILE.data.tsv";
