//! `switchyard-bench --report FILE.md [--quick] [--runs N]`: every fiber
//! benchmark, every variant, under every strategy and node; a Markdown
//! report in the form of the WasmFX paper's tables (ratios against the
//! bespoke baseline, absolute values in parentheses) and SVG charts next
//! to it.

use crate::data::Data;
use crate::measure::{self, Built, Sample, Stats};
use crate::micro::Micro;
use crate::programs::{self, Benchmark, Size, Variant};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use switchyard::Strategy;

pub struct ReportArgs {
    pub out: PathBuf,
    /// Render from saved measurements instead of measuring.
    pub from_data: Option<PathBuf>,
    /// Skip the in-process micro-benchmarks.
    pub no_micro: bool,
    pub size: Size,
    pub runs: usize,
    pub only: Vec<String>,
    pub timeout: Duration,
}

/// One (benchmark, variant, engine) measured.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    pub samples: Vec<Sample>,
    pub wasm_size: Option<usize>,
    /// JS -> Wasm (switchyard only).
    pub compile: Option<Duration>,
    /// Why it did not complete, if it did not.
    pub error: Option<String>,
}

impl Cell {
    pub fn ok(&self) -> bool {
        self.error.is_none() && !self.samples.is_empty()
    }
    pub fn exec(&self) -> Option<Stats<Duration>> {
        if !self.ok() {
            return None;
        }
        measure::stats(self.samples.iter().map(|s| s.exec).collect())
    }
    pub fn rss(&self) -> Option<Stats<u64>> {
        if !self.ok() {
            return None;
        }
        measure::stats(self.samples.iter().map(|s| s.max_rss_kib).collect())
    }
    pub fn jit(&self) -> Option<Duration> {
        measure::stats(self.samples.iter().filter_map(|s| s.jit).collect()).map(|s| s.median)
    }
}

/// One micro-benchmark under one strategy: nanoseconds per operation.
#[derive(Clone, Debug)]
pub struct MicroResult {
    pub name: String,
    pub strategy: StrategyKey,
    pub result: Result<f64, String>,
}

/// Which column of the tables a cell is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Column {
    pub variant: Variant,
    /// `None` for node.
    pub strategy: Option<StrategyKey>,
}

/// `Strategy` in a fixed order (it has no `Ord`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StrategyKey {
    Cps,
    Asyncify,
    Wasmfx,
}

impl StrategyKey {
    pub fn of(s: Strategy) -> StrategyKey {
        match s.name() {
            "cps" => StrategyKey::Cps,
            "asyncify" => StrategyKey::Asyncify,
            _ => StrategyKey::Wasmfx,
        }
    }
    pub fn strategy(self) -> Strategy {
        let name = match self {
            StrategyKey::Cps => "cps",
            StrategyKey::Asyncify => "asyncify",
            StrategyKey::Wasmfx => "wasmfx",
        };
        name.parse().expect("a known strategy")
    }
    pub fn name(self) -> &'static str {
        match self {
            StrategyKey::Cps => "cps",
            StrategyKey::Asyncify => "asyncify",
            StrategyKey::Wasmfx => "wasmfx",
        }
    }
    pub const ALL: [StrategyKey; 3] =
        [StrategyKey::Cps, StrategyKey::Asyncify, StrategyKey::Wasmfx];
}

impl Column {
    pub fn label(&self) -> String {
        match self.strategy {
            Some(s) => format!("{} {}", self.variant.name(), s.name()),
            None => format!("node {}", self.variant.name()),
        }
    }
}

/// Everything measured for one benchmark.
#[derive(Clone, Debug, Default)]
pub struct BenchResult {
    pub name: String,
    /// The expected checksum.
    pub expected: String,
    pub cells: BTreeMap<Column, Cell>,
    /// The bespoke baseline put through the same Binaryen pipeline as the
    /// asyncify output (the size asyncify is compared with).
    pub bespoke_binaryen_size: Option<usize>,
    /// Whether the bespoke module is byte-identical under all strategies
    /// (then it is measured once, as cps).
    pub bespoke_same_wasm: bool,
}

impl BenchResult {
    pub fn cell(&self, variant: Variant, strategy: Option<StrategyKey>) -> Option<&Cell> {
        self.cells.get(&Column { variant, strategy })
    }
    /// The baseline everything is compared with: the bespoke program
    /// compiled by switchyard.
    pub fn baseline(&self) -> Option<&Cell> {
        self.cell(Variant::Bespoke, Some(StrategyKey::Cps))
            .filter(|c| c.ok())
    }
}

pub struct Environment {
    pub date: String,
    pub cpu: String,
    pub cores: usize,
    pub memory: String,
    pub kernel: String,
    pub node: String,
    pub rustc: String,
    pub node_startup: Duration,
    pub node_startup_rss_kib: u64,
    /// The 1-, 5- and 15-minute load averages when the run started and
    /// ended (other work on the machine disturbs the times).
    pub load: String,
}

/// `/proc/loadavg`'s three load averages.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "unknown".into())
}

fn command_line(cmd: &str, args: &[&str]) -> String {
    std::process::Command::new(cmd)
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown".into())
}

fn environment(node_startup: Duration, node_startup_rss_kib: u64) -> Environment {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_else(|| "unknown".into());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|l| l.split_whitespace().next()?.parse::<f64>().ok())
        .map(|kib| format!("{:.1} GiB", kib / 1024.0 / 1024.0))
        .unwrap_or_else(|| "unknown".into());
    Environment {
        date: command_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
        cpu,
        cores: std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        memory,
        kernel: command_line("uname", &["-sr"]),
        node: command_line("node", &["--version"]),
        rustc: command_line("rustc", &["--version"]),
        node_startup,
        node_startup_rss_kib,
        load: format!("at start {}", load_average()),
    }
}

/// What a report run will measure, in order: (benchmark, column).
fn plan(benches: &[Benchmark]) -> Vec<(usize, Column)> {
    let mut jobs = Vec::new();
    for (i, b) in benches.iter().enumerate() {
        for p in &b.programs {
            for s in StrategyKey::ALL {
                // The bespoke module is the same under every strategy (no
                // suspension): measured once; checked in `run_bench`.
                if p.variant == Variant::Bespoke && s != StrategyKey::Cps {
                    continue;
                }
                jobs.push((
                    i,
                    Column {
                        variant: p.variant,
                        strategy: Some(s),
                    },
                ));
            }
            if p.variant.runs_on_node() {
                jobs.push((
                    i,
                    Column {
                        variant: p.variant,
                        strategy: None,
                    },
                ));
            }
        }
    }
    jobs
}

/// Where the raw measurements of a report go: `STEM.data.tsv` next to it.
pub fn data_path(report: &Path) -> PathBuf {
    let stem = report
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    report.with_file_name(format!("{stem}.data.tsv"))
}

fn write_outputs(d: &Data, out: &Path) -> Result<(), String> {
    let markdown = render(d, out);
    crate::measure::write_file(out, markdown.as_bytes())?;
    let charts = crate::charts::write_all(&d.results, out)?;
    println!("wrote {}", out.display());
    for c in charts {
        println!("wrote {}", c.display());
    }
    Ok(())
}

pub fn run(args: &ReportArgs) -> Result<(), String> {
    if let Some(path) = &args.from_data {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let d = crate::data::load(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        return write_outputs(&d, &args.out);
    }
    let mut benches = programs::load(&programs::fiber_dir())?;
    benches.extend(programs::load(&programs::async_dir())?);
    if !args.only.is_empty() {
        benches.retain(|b| args.only.contains(&b.name));
    }
    let scratch = std::env::temp_dir().join(format!("switchyard-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let (startup, startup_rss) = measure::node_startup(args.runs, &scratch)?;
    let env = environment(startup, startup_rss);
    let jobs = plan(&benches);
    let bar = ProgressBar::new((jobs.len() * args.runs) as u64);
    bar.set_style(
        ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} runs  {msg}")
            .map_err(|e| e.to_string())?
            .progress_chars("=> "),
    );
    let started = Instant::now();
    let mut results: Vec<BenchResult> = benches
        .iter()
        .map(|b| BenchResult {
            name: b.name.clone(),
            ..Default::default()
        })
        .collect();
    for (i, b) in benches.iter().enumerate() {
        let res = &mut results[i];
        res.expected = b
            .programs
            .first()
            .map(|p| p.expected(args.size))
            .transpose()?
            .unwrap_or_default();
        for p in &b.programs {
            if p.expected(args.size)? != res.expected {
                return Err(format!(
                    "{}: declares a different checksum from the other variants of {}",
                    p.path.display(),
                    b.name
                ));
            }
        }
        let dir = scratch.join(&b.name);
        for (_, col) in jobs.iter().filter(|(j, _)| *j == i) {
            let program = b.variant(col.variant).expect("planned from the programs");
            let label = format!("{} {}", b.name, col.label());
            bar.set_message(label.clone());
            let cell = measure_cell(program, *col, args, &dir, &bar, res);
            let line = match (&cell.error, cell.exec(), cell.rss()) {
                (Some(e), _, _) => format!("{label}: {e}"),
                (None, Some(t), Some(r)) => format!(
                    "{label}: median {} (min {}, max {}), peak RSS {}",
                    fmt_ms(t.median),
                    fmt_ms(t.min),
                    fmt_ms(t.max),
                    fmt_mib(r.median)
                ),
                _ => format!("{label}: no samples"),
            };
            // Without a terminal the bar is hidden: log each cell instead.
            if bar.is_hidden() {
                eprintln!("{line}");
            } else if cell.error.is_some() {
                bar.println(line);
            }
            res.cells.insert(*col, cell);
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    let micro = if args.no_micro {
        Vec::new()
    } else {
        measure_micro(&bar, args.size)
    };
    bar.finish_with_message(format!("done in {:.0} s", started.elapsed().as_secs_f64()));
    let mut env = env;
    env.load = format!("{}, at end {}", env.load, load_average());
    let d = Data {
        size: args.size,
        runs: args.runs,
        took: started.elapsed(),
        env,
        results,
        micro,
    };
    let data = data_path(&args.out);
    crate::measure::write_file(&data, crate::data::save(&d).as_bytes())?;
    println!("wrote {}", data.display());
    write_outputs(&d, &args.out)
}

/// The fiber API micro-benchmarks (`crate::micro`), in this process: the
/// best of five calls of `n` operations each.
fn measure_micro(bar: &ProgressBar, size: Size) -> Vec<MicroResult> {
    let mut out = Vec::new();
    let scale = if size == Size::Full { 1 } else { 10 };
    for micro in Micro::ALL {
        let n = match micro {
            Micro::Depth(d) if d >= 100 => 200_000,
            _ => 2_000_000,
        } / scale;
        for s in StrategyKey::ALL {
            bar.set_message(format!("micro: {} {}", micro.name(), s.name()));
            let result = crate::micro::ns_per_op(micro, s.strategy(), n, 5);
            if bar.is_hidden() {
                eprintln!("micro {} {}: {result:?}", micro.name(), s.name());
            }
            out.push(MicroResult {
                name: micro.name(),
                strategy: s,
                result,
            });
        }
    }
    out
}

/// Compiles and runs one cell `args.runs` times, checking the checksum.
fn measure_cell(
    program: &programs::Program,
    col: Column,
    args: &ReportArgs,
    dir: &Path,
    bar: &ProgressBar,
    res: &mut BenchResult,
) -> Cell {
    let mut cell = Cell::default();
    let fail = |mut cell: Cell, e: String| {
        cell.error = Some(e);
        cell
    };
    let source = match program.source_at(args.size) {
        Ok(s) => s,
        Err(e) => return fail(cell, e),
    };
    let expected = format!("{}\n", res.expected);
    let file = program.file_name();
    let stem = file.trim_end_matches(".js");
    match col.strategy {
        Some(key) => {
            let strategy = key.strategy();
            let wasm = dir.join(format!("{stem}.{}.wasm", key.name()));
            let built = match measure::build(&source, &file, strategy, &wasm) {
                Ok(b) => b,
                Err(e) => {
                    bar.inc(args.runs as u64);
                    return fail(cell, format!("compile error: {e}"));
                }
            };
            if col.variant == Variant::Bespoke {
                bespoke_checks(&source, &file, &built, res);
            }
            cell.wasm_size = Some(built.wasm_size);
            cell.compile = Some(built.compile);
            run_samples(
                cell,
                args,
                bar,
                &expected,
                |scratch| measure::run_wasm_once(&built, &file, scratch, args.timeout),
                &dir.join("run"),
            )
        }
        None => {
            let js = dir.join(&file);
            if let Err(e) = measure::write_file(&js, source.as_bytes()) {
                bar.inc(args.runs as u64);
                return fail(cell, e);
            }
            run_samples(
                cell,
                args,
                bar,
                &expected,
                |scratch| measure::run_node_once(&js, scratch, args.timeout),
                &dir.join("run"),
            )
        }
    }
}

fn run_samples(
    mut cell: Cell,
    args: &ReportArgs,
    bar: &ProgressBar,
    expected: &str,
    mut once: impl FnMut(&Path) -> Result<(Sample, String), String>,
    scratch: &Path,
) -> Cell {
    for i in 0..args.runs {
        match once(scratch) {
            Ok((sample, out)) if out == expected => {
                cell.samples.push(sample);
                bar.inc(1);
            }
            Ok((_, out)) => {
                cell.error = Some(format!(
                    "wrong checksum: printed {:?}, expected {:?}",
                    out.trim_end(),
                    expected.trim_end()
                ));
                bar.inc((args.runs - i) as u64);
                return cell;
            }
            Err(e) => {
                cell.error = Some(e);
                bar.inc((args.runs - i) as u64);
                return cell;
            }
        }
    }
    cell
}

/// The bespoke module: is it the same under every strategy, and how big is
/// it after the Binaryen pipeline the asyncify output goes through.
fn bespoke_checks(source: &str, file: &str, built: &Built, res: &mut BenchResult) {
    let cps = std::fs::read(&built.wasm_path).unwrap_or_default();
    res.bespoke_same_wasm = Strategy::ALL.iter().all(|&s| {
        switchyard::compile(
            source,
            file,
            &switchyard::Options {
                strategy: s,
                names: false,
            },
        )
        .map(|c| c.wasm == cps)
        .unwrap_or(false)
    });
    res.bespoke_binaryen_size = switchyard_asyncify::optimize(&cps, &Default::default())
        .ok()
        .map(|w| w.len());
}

// ---------------------------------------------------------------------------
// Rendering

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn fmt_ms(d: Duration) -> String {
    let v = ms(d);
    if v >= 100.0 {
        format!("{v:.0} ms")
    } else if v >= 10.0 {
        format!("{v:.1} ms")
    } else {
        format!("{v:.2} ms")
    }
}

fn fmt_mib(kib: u64) -> String {
    let v = kib as f64 / 1024.0;
    if v >= 100.0 {
        format!("{v:.0} MiB")
    } else {
        format!("{v:.1} MiB")
    }
}

fn fmt_bytes(b: usize) -> String {
    if b >= 10 * 1024 {
        format!("{:.0} KiB", b as f64 / 1024.0)
    } else {
        format!("{:.1} KiB", b as f64 / 1024.0)
    }
}

fn ratio(x: f64, base: f64) -> String {
    let r = x / base;
    if r >= 10.0 {
        format!("{r:.1}×")
    } else {
        format!("{r:.2}×")
    }
}

/// Whether a result is one of the async benchmarks (reported in their own
/// section, with async columns instead of fiber and generator ones).
pub fn is_async(res: &BenchResult) -> bool {
    res.cells.keys().any(|c| c.variant == Variant::Async)
}

/// The columns of the main tables, in order.
pub fn columns() -> Vec<Column> {
    columns_of(&[Variant::Fiber, Variant::Generator])
}

/// The columns of the async tables.
pub fn async_columns() -> Vec<Column> {
    columns_of(&[Variant::Async])
}

fn columns_of(variants: &[Variant]) -> Vec<Column> {
    let mut cols = Vec::new();
    for &v in variants {
        for s in StrategyKey::ALL {
            cols.push(Column {
                variant: v,
                strategy: Some(s),
            });
        }
        if v.runs_on_node() {
            cols.push(Column {
                variant: v,
                strategy: None,
            });
        }
    }
    cols.push(Column {
        variant: Variant::Bespoke,
        strategy: None,
    });
    cols
}

/// Which of the three metrics a table shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Time,
    Memory,
    Size,
}

/// A cell's value for `metric` and the baseline's, as numbers (seconds,
/// KiB, bytes).
pub fn value(res: &BenchResult, col: Column, metric: Metric) -> Option<f64> {
    let cell = res.cells.get(&col)?;
    match metric {
        // node's time is its wall time minus its start-up: below a
        // millisecond that difference is start-up noise, not a time.
        Metric::Time if col.strategy.is_none() => cell
            .exec()
            .map(|s| s.median.as_secs_f64())
            .filter(|&t| t >= NODE_NOISE),
        Metric::Time => cell.exec().map(|s| s.median.as_secs_f64()),
        Metric::Memory => cell.rss().map(|s| s.median as f64),
        Metric::Size => cell.wasm_size.filter(|_| cell.ok()).map(|s| s as f64),
    }
}

/// The baseline for `col`: the bespoke program compiled by switchyard (for
/// asyncify's binary size: after the same Binaryen pipeline).
pub fn baseline_value(res: &BenchResult, col: Column, metric: Metric) -> Option<f64> {
    if metric == Metric::Size && col.strategy == Some(StrategyKey::Asyncify) {
        return res.bespoke_binaryen_size.map(|s| s as f64);
    }
    value(
        res,
        Column {
            variant: Variant::Bespoke,
            strategy: Some(StrategyKey::Cps),
        },
        metric,
    )
}

fn fmt_value(v: f64, metric: Metric) -> String {
    match metric {
        Metric::Time => fmt_ms(Duration::from_secs_f64(v)),
        Metric::Memory => fmt_mib(v as u64),
        Metric::Size => fmt_bytes(v as usize),
    }
}

fn table(out: &mut String, results: &[&BenchResult], metric: Metric, all_cols: Vec<Column>) {
    let cols: Vec<Column> = all_cols
        .into_iter()
        .filter(|c| !(metric == Metric::Size && c.strategy.is_none()))
        .collect();
    let _ = write!(out, "| benchmark | bespoke |");
    for c in &cols {
        let _ = write!(out, " {} |", c.label());
    }
    out.push('\n');
    out.push_str("|---|---:|");
    for _ in &cols {
        out.push_str("---:|");
    }
    out.push('\n');
    for res in results {
        let base_col = Column {
            variant: Variant::Bespoke,
            strategy: Some(StrategyKey::Cps),
        };
        let base = value(res, base_col, metric);
        let _ = write!(
            out,
            "| {} | {} |",
            res.name,
            match (base, metric) {
                (Some(b), Metric::Size) => format!(
                    "{}{}",
                    fmt_value(b, metric),
                    res.bespoke_binaryen_size
                        .map(|s| format!(" ({} after Binaryen)", fmt_bytes(s)))
                        .unwrap_or_default()
                ),
                (Some(b), _) => fmt_value(b, metric),
                (None, _) => failure(res.cells.get(&base_col)),
            }
        );
        for c in &cols {
            let text = match (value(res, *c, metric), baseline_value(res, *c, metric)) {
                (Some(v), Some(b)) => format!("{} ({})", ratio(v, b), fmt_value(v, metric)),
                (Some(v), None) => format!("({})", fmt_value(v, metric)),
                (None, _) => failure(res.cells.get(c)),
            };
            let _ = write!(out, " {text} |");
        }
        out.push('\n');
    }
}

/// node times below this (seconds) are reported as start-up noise.
const NODE_NOISE: f64 = 0.001;

fn failure(cell: Option<&Cell>) -> String {
    match cell {
        None => "–".into(),
        Some(c) if c.ok() => "(< 1 ms)".into(),
        Some(c) => match &c.error {
            Some(e) => {
                // The gist: what the program or the compiler said first.
                let gist = e
                    .split_once(": ")
                    .filter(|(head, _)| head.starts_with("exit"))
                    .map(|(_, rest)| rest)
                    .unwrap_or(e);
                let gist = gist.split(" / ").next().unwrap_or(gist);
                let short: String = gist.chars().take(48).collect();
                format!("fails ({})", short.replace('|', "/").trim())
            }
            None => "–".into(),
        },
    }
}

/// Every cell in full: median/min/max time, RSS, size, compile times.
fn details(out: &mut String, results: &[BenchResult], startup: Duration) {
    out.push_str("| benchmark | variant | engine | exec median | min | max | process wall median | peak RSS median (min–max) | .wasm | JS→Wasm | Wasmtime compile |\n");
    out.push_str("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for res in results {
        for (col, cell) in &res.cells {
            let engine = col.strategy.map(|s| s.name()).unwrap_or("node");
            let _ = write!(
                out,
                "| {} | {} | {} |",
                res.name,
                col.variant.name(),
                engine
            );
            let wall = measure::stats(cell.samples.iter().map(|s| s.wall).collect())
                .map(|w| match col.strategy {
                    Some(_) => fmt_ms(w.median),
                    None => format!(
                        "{} (− start-up: {})",
                        fmt_ms(w.median),
                        fmt_ms(w.median.saturating_sub(startup))
                    ),
                })
                .unwrap_or_default();
            match (cell.exec(), cell.rss()) {
                (Some(t), Some(r)) => {
                    let _ = write!(
                        out,
                        " {} | {} | {} | {wall} | {} ({}–{}) |",
                        fmt_ms(t.median),
                        fmt_ms(t.min),
                        fmt_ms(t.max),
                        fmt_mib(r.median),
                        fmt_mib(r.min),
                        fmt_mib(r.max)
                    );
                }
                _ => {
                    let _ = write!(out, " {} | | | | |", failure(Some(cell)));
                }
            }
            let _ = writeln!(
                out,
                " {} | {} | {} |",
                cell.wasm_size.map(fmt_bytes).unwrap_or_else(|| "–".into()),
                cell.compile.map(fmt_ms).unwrap_or_else(|| "–".into()),
                cell.jit().map(fmt_ms).unwrap_or_else(|| "–".into()),
            );
        }
    }
}

fn best_generator(res: &BenchResult) -> Option<(StrategyKey, f64)> {
    StrategyKey::ALL
        .iter()
        .filter_map(|&s| {
            value(
                res,
                Column {
                    variant: Variant::Generator,
                    strategy: Some(s),
                },
                Metric::Time,
            )
            .map(|v| (s, v))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

fn micro_table(out: &mut String, micro: &[MicroResult]) {
    out.push_str("| operation |");
    for s in StrategyKey::ALL {
        let _ = write!(out, " {} |", s.name());
    }
    out.push_str("\n|---|");
    for _ in StrategyKey::ALL {
        out.push_str("---:|");
    }
    out.push('\n');
    let mut names: Vec<&str> = Vec::new();
    for m in micro {
        if !names.contains(&m.name.as_str()) {
            names.push(&m.name);
        }
    }
    for name in names {
        let _ = write!(out, "| {name} |");
        for s in StrategyKey::ALL {
            let text = match micro.iter().find(|m| m.name == name && m.strategy == s) {
                Some(MicroResult { result: Ok(ns), .. }) => format!("{ns:.1} ns"),
                Some(MicroResult { result: Err(e), .. }) => {
                    format!(
                        "fails ({})",
                        e.chars().take(40).collect::<String>().replace('|', "/")
                    )
                }
                None => "–".into(),
            };
            let _ = write!(out, " {text} |");
        }
        out.push('\n');
    }
}

fn micro_ns(micro: &[MicroResult], name: &str, s: StrategyKey) -> Option<f64> {
    micro
        .iter()
        .find(|m| m.name == name && m.strategy == s)
        .and_then(|m| m.result.as_ref().ok().copied())
}

fn targets(out: &mut String, results: &[BenchResult], micro: &[MicroResult]) {
    out.push_str("| target | result |\n|---|---|\n");
    let pair = Micro::Depth(1).name();
    let create = Micro::Create.name();
    for (name, what, limit) in [
        (&pair, "one suspend/resume pair", 15.0),
        (&create, "fiber creation + completion", 100.0),
    ] {
        if let Some(ns) = micro_ns(micro, name, StrategyKey::Wasmfx) {
            let _ = writeln!(
                out,
                "| wasmfx: {what} ≤ {limit:.0} ns | {} ({ns:.1} ns) |",
                if ns <= limit { "met" } else { "**not met**" }
            );
        }
    }
    let pairs: Vec<(StrategyKey, f64)> = StrategyKey::ALL
        .iter()
        .filter_map(|&s| micro_ns(micro, &pair, s).map(|v| (s, v)))
        .collect();
    if let Some(&(best, ns)) = pairs.iter().min_by(|a, b| a.1.total_cmp(&b.1)) {
        let all: Vec<String> = pairs
            .iter()
            .map(|(s, v)| format!("{} {v:.1} ns", s.name()))
            .collect();
        let _ = writeln!(
            out,
            "| cps: the cheapest suspend/resume of the three on shallow stacks (depth 1) | {} (cheapest: {} at {ns:.1} ns; {}) |",
            if best == StrategyKey::Cps { "met" } else { "**not met**" },
            best.name(),
            all.join(", ")
        );
    }
    for name in ["c10m", "skynet"] {
        if let Some(res) = results.iter().find(|r| r.name == name) {
            let per: Vec<String> = StrategyKey::ALL
                .iter()
                .map(|&s| {
                    let ok = res.cell(Variant::Fiber, Some(s)).is_some_and(|c| c.ok());
                    format!("{} {}", s.name(), if ok { "yes" } else { "**no**" })
                })
                .collect();
            let _ = writeln!(
                out,
                "| `{name}` (fiber variant) completes under all three strategies | {} |",
                per.join(", ")
            );
        }
    }
    for s in [StrategyKey::Asyncify, StrategyKey::Cps] {
        let col = Column {
            variant: Variant::Fiber,
            strategy: Some(s),
        };
        let mut worst: Option<(f64, &str)> = None;
        let mut parts = Vec::new();
        for res in results {
            if let (Some(v), Some(b)) = (
                value(res, col, Metric::Size),
                baseline_value(res, col, Metric::Size),
            ) {
                let r = v / b;
                parts.push(format!("{} {:.2}×", res.name, r));
                if worst.is_none_or(|(w, _)| r > w) {
                    worst = Some((r, &res.name));
                }
            }
        }
        let verdict = match worst {
            Some((w, n)) if w <= 1.3 => format!("met (largest: {n}, {w:.2}×)"),
            Some((w, n)) => format!("**not met** (largest: {n}, {w:.2}×)"),
            None => "not measured (no fiber variant ran)".into(),
        };
        let _ = writeln!(
            out,
            "| {}: fiber program's code size ≤ 1.3× the bespoke program's | {verdict}; {} |",
            s.name(),
            parts.join(", ")
        );
    }
    for res in results {
        let node = value(
            res,
            Column {
                variant: Variant::Generator,
                strategy: None,
            },
            Metric::Time,
        );
        let node_ran = res.cell(Variant::Generator, None).is_some_and(|c| c.ok());
        if node.is_none() && node_ran {
            let _ = writeln!(
                out,
                "| `{}` generator variant: best strategy beats node | **no** (node's run is within its start-up noise, < 1 ms) |",
                res.name
            );
        }
        if let (Some((s, best)), Some(node)) = (best_generator(res), node) {
            let _ = writeln!(
                out,
                "| `{}` generator variant: best strategy beats node | {} ({}: {} vs node {}, {:.2}×) |",
                res.name,
                if best < node { "yes" } else { "**no**" },
                s.name(),
                fmt_ms(Duration::from_secs_f64(best)),
                fmt_ms(Duration::from_secs_f64(node)),
                best / node
            );
        }
    }
}

pub fn render(d: &Data, report: &Path) -> String {
    let (results, env, took) = (&d.results[..], &d.env, d.took);
    let mut out = String::new();
    let stem = report
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let quick = if d.size == Size::Quick {
        " --quick"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "# Fiber microbenchmarks: cps, asyncify and wasmfx against a bespoke baseline\n"
    );
    let _ = writeln!(
        out,
        "Generated by `cargo run --release -p switchyard-bench-suite -- --report {}{quick}` \
         (problem size: **{}**, {} runs per configuration, {:.0} s in all). \
         Do not edit: rerun the command. `papers/README.md` compares these numbers \
         with the WasmFX paper's.\n",
        report.display(),
        d.size.name(),
        d.runs,
        took.as_secs_f64()
    );
    out.push_str("## Machine\n\n");
    let _ = writeln!(out, "- date: {}", env.date);
    let _ = writeln!(
        out,
        "- CPU: {} ({} cores available), memory {}",
        env.cpu, env.cores, env.memory
    );
    let _ = writeln!(out, "- OS: {}", env.kernel);
    let _ = writeln!(
        out,
        "- load average (1, 5, 15 min; the machine has {} cores): {}",
        env.cores, env.load
    );
    let _ = writeln!(
        out,
        "- switchyard {} (Wasmtime 48 with Cranelift, Binaryen 116 for asyncify), built with {}",
        env!("CARGO_PKG_VERSION"),
        env.rustc
    );
    let _ = writeln!(
        out,
        "- node {} (`node -e \"\"`: wall time {}, peak RSS {}; node's times below exclude its start-up, its memory includes it)\n",
        env.node,
        fmt_ms(env.node_startup),
        fmt_mib(env.node_startup_rss_kib)
    );
    out.push_str(
        "## How to read the tables\n\n\
         Each benchmark exists as a **fiber** program (the `Fiber` builtin), a **generator** \
         program (JS generators: the same file runs under node) and a **bespoke** program \
         without suspension (an explicit state machine, callbacks or plain calls), all in \
         `bench-suite/programs/fiber/`, all compiled by the same front end, runtime and \
         settings; only the lowering of suspension differs between the strategy columns. \
         Every cell is a ratio against the bespoke program compiled by switchyard, with the \
         absolute value in parentheses (like the WasmFX paper's tables). Lower is better. \
         The node columns run the generator and bespoke files under node.\n\n\
         - **run time**: median execution time of the runs — for switchyard, instantiation \
         plus `main` (compilation excluded; see the details); for node, the time from loading \
         the program to the process's exit, taken inside node by a small wrapper \
         (`process.hrtime`; node's own start-up excluded, the program's parsing and JIT \
         included). The details list every process's wall time too, and for node that wall \
         time minus the start-up of `node -e \"\"`, which is what the generator runner \
         reports but which the start-up's spread swamps on a busy machine;\n\
         - **memory**: median peak resident set (`ru_maxrss`) of the whole process running \
         the program (each run is a child process of its own): Wasmtime and its compiled code, \
         or node with V8, plus what the program touches;\n\
         - **binary size**: the `.wasm` file (no name section). asyncify's ratio is against the \
         bespoke module put through the same Binaryen pipeline (`-O` after the Asyncify pass), \
         whose size is the second figure in the bespoke column.\n\n",
    );
    let fiber: Vec<&BenchResult> = results.iter().filter(|r| !is_async(r)).collect();
    let asyncs: Vec<&BenchResult> = results.iter().filter(|r| is_async(r)).collect();
    out.push_str("## Run time\n\n");
    table(&mut out, &fiber, Metric::Time, columns());
    let _ = writeln!(out, "\n![run time]({stem}-time.svg)\n");
    out.push_str("## Memory footprint (peak RSS)\n\n");
    table(&mut out, &fiber, Metric::Memory, columns());
    let _ = writeln!(out, "\n![memory]({stem}-memory.svg)\n");
    out.push_str("## Binary size\n\n");
    table(&mut out, &fiber, Metric::Size, columns());
    let _ = writeln!(out, "\n![binary size]({stem}-size.svg)\n");
    if !asyncs.is_empty() {
        out.push_str(
            "## Async benchmarks\n\n\
             async/await programs (`bench-suite/programs/async/`): `await-seq` is one async \
             function awaiting 1,000,000 times in a row, `ping-pong` two async functions \
             handing a counter back and forth through promises (1,000,000 messages), `tasks` \
             10,000 concurrent async tasks each awaiting 100 times, joined with \
             `Promise.all`. The bespoke programs compute the same without promises or \
             suspension (plain calls, an explicit state machine, round-robin loops); the \
             node column runs the async program under node. Each await is a suspension of \
             the async function's coroutine (see the strategy modules' headers) plus the \
             promise machinery of `transforms/js/src/prelude/promise.js`.\n\n",
        );
        out.push_str("### Run time\n\n");
        table(&mut out, &asyncs, Metric::Time, async_columns());
        out.push_str("\n### Memory footprint (peak RSS)\n\n");
        table(&mut out, &asyncs, Metric::Memory, async_columns());
        out.push_str("\n### Binary size\n\n");
        table(&mut out, &asyncs, Metric::Size, async_columns());
        out.push('\n');
    }
    if !d.micro.is_empty() {
        out.push_str("## Fiber API micro-benchmarks\n\n");
        out.push_str(
            "The fiber API (`fiber_new`/`fiber_resume`/`fiber_yield`/`fiber_free`) in IR \
             modules of `bench-suite/src/micro.rs`, run in this process: the best of five calls \
             of `bench(n)`, divided by `n`. A pair is one `fiber_resume` plus the `fiber_yield` \
             that returns to it; at depth *d* the fiber has *d* frames suspended (its entry \
             included) each time it is resumed; create + complete is `fiber_new`, a \
             `fiber_resume` whose entry returns at once, and `fiber_free`. The same modules \
             run under criterion: `cargo bench -p switchyard-bench-suite --bench fibers`.\n\n",
        );
        micro_table(&mut out, &d.micro);
        out.push('\n');
    }
    out.push_str("## Targets of issue #5\n\n");
    targets(&mut out, results, &d.micro);
    out.push('\n');
    out.push_str("## Every measurement\n\n");
    details(&mut out, results, env.node_startup);
    out.push('\n');
    let failures: Vec<String> = results
        .iter()
        .flat_map(|res| {
            res.cells.iter().filter_map(move |(col, cell)| {
                cell.error
                    .as_ref()
                    .map(|e| format!("- `{}` {}: {}", res.name, col.label(), e.replace('\n', " ")))
            })
        })
        .collect();
    if !failures.is_empty() {
        out.push_str("## What did not run\n\n");
        for f in failures {
            out.push_str(&f);
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str("## Asymmetries that remain\n\n");
    for res in results {
        if res.baseline().is_some() && !res.bespoke_same_wasm {
            let _ = writeln!(
                out,
                "- `{}`: the bespoke module differs between strategies; the table uses the cps one.",
                res.name
            );
        }
    }
    out.push_str(ASYMMETRIES);
    out
}

const ASYMMETRIES: &str = "\
- **Binaryen for asyncify only.** The asyncify output goes through Binaryen's \
optimiser after the Asyncify pass; cps and wasmfx output does not (Cranelift \
optimises all three the same way). The bespoke baseline is run as switchyard \
emits it; for asyncify's binary-size ratio it is put through the same Binaryen \
pipeline so that size is compared like with like.
- **One bespoke baseline.** A program without suspension compiles to the same \
module under every strategy, so the bespoke program is measured once (the cps \
build) and every strategy is compared with it.
- **Stack switching is enabled in the engine for every run**, including cps, \
asyncify and bespoke modules, so the Wasmtime configuration is identical; only \
wasmfx modules use it.
- **No garbage collector.** switchyard allocates with a bump pointer: every \
`{ value, done }` result of `resume`/`next` and every `Fiber` or generator \
object stays allocated until the process exits, so memory grows with the \
number of resumes and fibers (c10m keeps its 10 million small `Fiber` objects). \
A finished fiber's frames (cps), saved stack (asyncify) or continuation \
(wasmfx) are reused. node collects garbage; its footprint includes V8 and its \
heap reserve.
- **c10m's local state.** Each connection works on a 4 KB buffer that belongs \
to its window slot rather than to the fiber (JS has no stack-allocated arrays, \
and without a collector 10 million fresh buffers would need 40 GB); the values \
the fiber keeps across its suspension are its own locals.
- **Stackful vs stackless.** Fibers suspend from any call depth; generators \
only from their own body, so the generator variant of treesum forwards every \
value through one `yield*` per tree level, while the fiber variant yields from \
the recursion directly. The ratio of the two is part of what is measured.
- **node runs JS, switchyard runs Wasm.** node's numbers are a JIT on the same \
source, for orientation; node has no `Fiber`, so fiber variants have no node \
column.
- **Times are execution only.** switchyard's JS→Wasm compile (plus Binaryen \
for asyncify) and Wasmtime's compilation are listed separately in the \
details; node's parse and JIT time is inside its run time.
";
