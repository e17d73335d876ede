//! `switchyard-bench`: switchyard's benchmark runner. Benchmarks print
//! numbers; nothing here asserts a speed.
//!
//! ```sh
//! # the generator programs of bench-suite/programs/: every strategy and node
//! cargo run --release -p switchyard-bench-suite -- [--runs N] [--strategies cps,asyncify] [FILE.js ...]
//! # the fiber benchmarks of bench-suite/programs/fiber/: a Markdown report
//! # with SVG charts next to it (--quick: smaller sizes, fewer runs)
//! cargo run --release -p switchyard-bench-suite -- --report papers/fiber-microbench.md [--quick]
//! ```
//!
//! `--exec FILE.wasm --name NAME --timing OUT` is the child process the
//! report measures each run in (see `measure`).

use std::path::PathBuf;
use std::time::Duration;
use switchyard_bench_suite::{compare, measure, programs::Size, report, USAGE};

fn fail(msg: &str) -> ! {
    eprintln!("{msg}");
    std::process::exit(2);
}

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.first().map(String::as_str) == Some("--exec") {
        let (mut wasm, mut name, mut timing) = (None, String::from("program.js"), None);
        let mut it = argv.into_iter().skip(1);
        wasm = it.next().map(PathBuf::from).or(wasm);
        while let Some(a) = it.next() {
            match a.as_str() {
                "--name" => name = it.next().unwrap_or_else(|| fail(USAGE)),
                "--timing" => timing = it.next().map(PathBuf::from),
                _ => fail(USAGE),
            }
        }
        let (Some(wasm), Some(timing)) = (wasm, timing) else {
            fail(USAGE)
        };
        std::process::exit(measure::exec_child(&wasm, &name, &timing));
    }
    if argv.iter().any(|a| a == "--report") {
        let mut out = None;
        let mut size = Size::Full;
        let mut runs = None;
        let mut only = Vec::new();
        let mut timeout = Duration::from_secs(600);
        let mut from_data = None;
        let mut no_micro = false;
        let mut it = argv.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--report" => out = it.next().map(PathBuf::from),
                "--quick" => size = Size::Quick,
                "--no-micro" => no_micro = true,
                "--from-data" => from_data = it.next().map(PathBuf::from),
                "--runs" => {
                    runs = Some(
                        it.next()
                            .and_then(|n| n.parse().ok())
                            .filter(|n: &usize| *n > 0)
                            .unwrap_or_else(|| fail("--runs takes a positive number")),
                    )
                }
                "--only" => {
                    only = it
                        .next()
                        .unwrap_or_else(|| fail("--only takes a list of benchmark names"))
                        .split(',')
                        .map(|s| s.trim().to_string())
                        .collect()
                }
                "--timeout" => {
                    timeout = Duration::from_secs(
                        it.next()
                            .and_then(|n| n.parse().ok())
                            .unwrap_or_else(|| fail("--timeout takes seconds")),
                    )
                }
                _ => fail(USAGE),
            }
        }
        let Some(out) = out else { fail(USAGE) };
        let args = report::ReportArgs {
            out,
            from_data,
            no_micro,
            size,
            runs: runs.unwrap_or(3),
            only,
            timeout,
        };
        if let Err(e) = report::run(&args) {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
        return;
    }
    let args = match compare::parse_args(argv) {
        Ok(a) => a,
        Err(e) => fail(&e),
    };
    if !compare::run(&args) {
        std::process::exit(1);
    }
}
