//! The generator runner: each program in `bench-suite/programs/` under
//! every strategy and under node, checking that they print the same thing,
//! with medians and ratios (`switchyard-bench [--runs N] [FILE.js ...]`).
//!
//! A program may declare what one unit of work is, in a comment line
//! `// bench-units: 10000000 yields`; the runner then also prints the time
//! per unit. A program `X.js` may have a bespoke baseline `X.baseline.js`
//! that computes the same thing without suspension; the runner prints each
//! strategy's `.wasm` size relative to the baseline compiled the same way.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use switchyard::{Options, Outcome, RunOptions, Strategy};
use switchyard_host::SharedBuffer;

pub struct Args {
    runs: usize,
    strategies: Vec<Strategy>,
    files: Vec<PathBuf>,
}

pub fn parse_args(argv: Vec<String>) -> Result<Args, String> {
    let mut runs = 5;
    let mut strategies = Strategy::ALL.to_vec();
    let mut files = Vec::new();
    let mut it = argv.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--runs" => {
                runs = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n: &usize| *n > 0)
                    .ok_or("--runs takes a positive number")?;
            }
            "--strategies" => {
                let list = it.next().ok_or("--strategies takes a list")?;
                strategies = list
                    .split(',')
                    .map(|s| s.trim().parse())
                    .collect::<Result<_, _>>()?;
            }
            "-h" | "--help" => return Err(crate::USAGE.into()),
            f => files.push(PathBuf::from(f)),
        }
    }
    if files.is_empty() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs");
        let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "js"))
            .filter(|p| !p.to_string_lossy().ends_with(".baseline.js"))
            .collect();
        found.sort();
        files = found;
    }
    Ok(Args {
        runs,
        strategies,
        files,
    })
}

/// Median, minimum and maximum of a set of durations.
#[derive(Clone, Copy)]
struct Stats {
    median: Duration,
    min: Duration,
    max: Duration,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort();
    Stats {
        median: samples[samples.len() / 2],
        min: samples[0],
        max: samples[samples.len() - 1],
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn time_node(args: &[&str], runs: usize) -> Result<(Stats, String), String> {
    let mut samples = Vec::new();
    let mut output = String::new();
    for _ in 0..runs {
        let start = Instant::now();
        let out = Command::new("node")
            .args(args)
            .output()
            .map_err(|e| format!("cannot run node: {e}"))?;
        samples.push(start.elapsed());
        if !out.status.success() {
            return Err(format!(
                "node {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        output = String::from_utf8_lossy(&out.stdout).into_owned();
    }
    Ok((stats(samples), output))
}

/// The `// bench-units: N what` declaration of a program, if any.
fn units(source: &str) -> Option<(f64, String)> {
    let line = source
        .lines()
        .find_map(|l| l.trim().strip_prefix("// bench-units:"))?;
    let mut parts = line.split_whitespace();
    let n: f64 = parts.next()?.parse().ok()?;
    let what = parts
        .next()
        .unwrap_or("units")
        .trim_end_matches('s')
        .to_string();
    Some((n, what))
}

fn bench_file(file: &Path, args: &Args, node_startup: Stats) -> Result<(), String> {
    let name = file.display().to_string();
    let source = std::fs::read_to_string(file).map_err(|e| format!("{name}: {e}"))?;
    let units = units(&source);
    let baseline_path = file.with_extension("baseline.js");
    let baseline = std::fs::read_to_string(&baseline_path).ok();
    let per_unit = |d: Duration| match &units {
        Some((n, what)) => format!("{:.1} ns/{what}", d.as_secs_f64() * 1e9 / n),
        None => String::new(),
    };
    let (node, expected) = time_node(&[&name], args.runs)?;
    let node_run = node.median.saturating_sub(node_startup.median);
    println!("\n{name}");
    println!(
        "  {:<10} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "engine", "compile", "median", "min", "max", "vs node"
    );
    println!(
        "  {:<10} {:>10} {:>10.1} {:>10.1} {:>10.1} {:>10}   (process wall time; {:.1} ms without node's start-up) {}",
        "node",
        "-",
        ms(node.median),
        ms(node.min),
        ms(node.max),
        "1.00",
        ms(node_run),
        per_unit(node_run)
    );
    for &strategy in &args.strategies {
        let opts = Options {
            strategy,
            names: false,
        };
        let start = Instant::now();
        let compiled = switchyard::compile(&source, &name, &opts).map_err(|e| e.to_string())?;
        let compile_time = start.elapsed();
        let start = Instant::now();
        let prepared = switchyard_host::prepare(&compiled.wasm, &Default::default())
            .map_err(|e| e.to_string())?;
        let jit_time = start.elapsed();
        let mut samples = Vec::new();
        for _ in 0..args.runs {
            let out = SharedBuffer::new();
            let start = Instant::now();
            let outcome = switchyard_host::run_prepared(
                &prepared,
                RunOptions::new(&name).with_stdout(out.clone()),
            )
            .map_err(|e| e.to_string())?;
            samples.push(start.elapsed());
            if outcome != Outcome::Finished {
                return Err(format!("{name} [{strategy}]: {outcome:?}"));
            }
            let printed = out.text();
            if printed != expected {
                return Err(format!(
                    "{name} [{strategy}]: output differs from node's\n--- node\n{expected}--- switchyard\n{printed}"
                ));
            }
        }
        let s = stats(samples);
        let size_note = match &baseline {
            Some(base) => {
                match switchyard::compile(base, &baseline_path.display().to_string(), &opts) {
                    Ok(b) => {
                        // The asyncify strategy's output went through
                        // Binaryen's optimiser; a baseline without
                        // suspension needs no post-pass, so optimise it the
                        // same way to compare like with like.
                        let base_wasm = if strategy == Strategy::Asyncify {
                            switchyard_asyncify::optimize(&b.wasm, &Default::default())
                                .map_err(|e| e.to_string())?
                        } else {
                            b.wasm
                        };
                        format!(
                            "; {:.2}x the baseline's {} bytes",
                            compiled.wasm.len() as f64 / base_wasm.len() as f64,
                            base_wasm.len()
                        )
                    }
                    Err(e) => format!("; baseline failed to compile: {e}"),
                }
            }
            None => String::new(),
        };
        println!(
            "  {:<10} {:>10} {:>10.1} {:>10.1} {:>10.1} {:>9.2}x   {} (JS->Wasm {:.1} ms, Wasmtime {:.1} ms; {} bytes of Wasm{size_note})",
            strategy.name(),
            format!("{:.1}ms", ms(compile_time + jit_time)),
            ms(s.median),
            ms(s.min),
            ms(s.max),
            ms(s.median) / ms(node_run).max(0.001),
            per_unit(s.median),
            ms(compile_time),
            ms(jit_time),
            compiled.wasm.len()
        );
    }
    Ok(())
}

/// Runs the comparison; returns false if any program failed.
pub fn run(args: &Args) -> bool {
    let node_startup = match time_node(&["-e", ""], args.runs) {
        Ok((s, _)) => s,
        Err(e) => {
            eprintln!("{e}");
            return false;
        }
    };
    println!(
        "switchyard benchmarks: {} runs each, times in ms; node start-up {:.1} ms.\nswitchyard rows time execution only (instantiate + main); compile = JS->Wasm + Wasmtime compilation, once.\nratio = switchyard execution / (node wall time - node start-up)",
        args.runs,
        ms(node_startup.median)
    );
    let mut ok = true;
    for file in &args.files {
        if let Err(e) = bench_file(file, args, node_startup) {
            eprintln!("error: {e}");
            ok = false;
        }
    }
    ok
}
