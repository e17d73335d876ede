//! The raw measurements of a report run, saved next to the report as
//! tab-separated lines (`STEM.data.tsv`), so that the Markdown and the
//! charts can be rendered again without measuring again
//! (`switchyard-bench --report FILE.md --from-data FILE.data.tsv`).
//!
//! ```text
//! meta    size    full
//! meta    runs    3
//! meta    took_ns 123
//! env     KEY     VALUE
//! bench   NAME    EXPECTED  SAME_WASM(0|1)  BINARYEN_SIZE(-1: none)
//! cell    NAME    VARIANT   ENGINE  WASM_SIZE(-1)  COMPILE_NS(-1)  ERROR(empty)
//! sample  NAME    VARIANT   ENGINE  EXEC_NS  WALL_NS  JIT_NS(-1)  MAX_RSS_KIB
//! micro   NAME    STRATEGY  NS_PER_OP(or an error)
//! ```

use crate::measure::Sample;
use crate::programs::{Size, Variant};
use crate::report::{BenchResult, Cell, Column, Environment, MicroResult, StrategyKey};
use std::fmt::Write as _;
use std::time::Duration;

pub struct Data {
    pub size: Size,
    pub runs: usize,
    pub took: Duration,
    pub env: Environment,
    pub results: Vec<BenchResult>,
    pub micro: Vec<MicroResult>,
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn engine_name(col: &Column) -> &'static str {
    col.strategy.map(|s| s.name()).unwrap_or("node")
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "-1".into())
}

pub fn save(d: &Data) -> String {
    let mut out =
        String::from("# switchyard fiber benchmark measurements (see bench-suite/src/data.rs)\n");
    let _ = writeln!(out, "meta\tsize\t{}", d.size.name());
    let _ = writeln!(out, "meta\truns\t{}", d.runs);
    let _ = writeln!(out, "meta\ttook_ns\t{}", d.took.as_nanos());
    let e = &d.env;
    for (k, v) in [
        ("date", e.date.clone()),
        ("cpu", e.cpu.clone()),
        ("cores", e.cores.to_string()),
        ("memory", e.memory.clone()),
        ("kernel", e.kernel.clone()),
        ("node", e.node.clone()),
        ("rustc", e.rustc.clone()),
        ("node_startup_ns", e.node_startup.as_nanos().to_string()),
        ("node_startup_rss_kib", e.node_startup_rss_kib.to_string()),
        ("load", e.load.clone()),
    ] {
        let _ = writeln!(out, "env\t{k}\t{}", clean(&v));
    }
    for r in &d.results {
        let _ = writeln!(
            out,
            "bench\t{}\t{}\t{}\t{}",
            r.name,
            r.expected,
            r.bespoke_same_wasm as u8,
            opt(r.bespoke_binaryen_size)
        );
        for (col, cell) in &r.cells {
            let (v, en) = (col.variant.name(), engine_name(col));
            let _ = writeln!(
                out,
                "cell\t{}\t{v}\t{en}\t{}\t{}\t{}",
                r.name,
                opt(cell.wasm_size),
                opt(cell.compile.map(|c| c.as_nanos())),
                clean(cell.error.as_deref().unwrap_or(""))
            );
            for s in &cell.samples {
                let _ = writeln!(
                    out,
                    "sample\t{}\t{v}\t{en}\t{}\t{}\t{}\t{}",
                    r.name,
                    s.exec.as_nanos(),
                    s.wall.as_nanos(),
                    opt(s.jit.map(|j| j.as_nanos())),
                    s.max_rss_kib
                );
            }
        }
    }
    for m in &d.micro {
        let v = match &m.result {
            Ok(ns) => format!("{ns}"),
            Err(e) => clean(e),
        };
        let _ = writeln!(out, "micro\t{}\t{}\t{v}", m.name, m.strategy.name());
    }
    out
}

fn variant(s: &str) -> Result<Variant, String> {
    Variant::ALL
        .into_iter()
        .find(|v| v.name() == s)
        .ok_or_else(|| format!("unknown variant {s}"))
}

fn strategy(s: &str) -> Result<StrategyKey, String> {
    StrategyKey::ALL
        .into_iter()
        .find(|k| k.name() == s)
        .ok_or_else(|| format!("unknown strategy {s}"))
}

fn column(v: &str, e: &str) -> Result<Column, String> {
    Ok(Column {
        variant: variant(v)?,
        strategy: if e == "node" {
            None
        } else {
            Some(strategy(e)?)
        },
    })
}

fn num<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("not a number: {s:?}"))
}

fn opt_num(s: &str) -> Result<Option<u64>, String> {
    let v: i128 = num(s)?;
    Ok(if v < 0 { None } else { Some(v as u64) })
}

pub fn load(text: &str) -> Result<Data, String> {
    let mut d = Data {
        size: Size::Full,
        runs: 0,
        took: Duration::ZERO,
        env: Environment {
            date: String::new(),
            cpu: String::new(),
            cores: 0,
            memory: String::new(),
            kernel: String::new(),
            node: String::new(),
            rustc: String::new(),
            node_startup: Duration::ZERO,
            node_startup_rss_kib: 0,
            load: String::new(),
        },
        results: Vec::new(),
        micro: Vec::new(),
    };
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = || format!("line {}: malformed: {line:?}", i + 1);
        let get = |k: usize| f.get(k).copied().ok_or_else(bad);
        match f[0] {
            "meta" => match get(1)? {
                "size" => {
                    d.size = match get(2)? {
                        "quick" => Size::Quick,
                        "test" => Size::Test,
                        _ => Size::Full,
                    }
                }
                "runs" => d.runs = num(get(2)?)?,
                "took_ns" => d.took = Duration::from_nanos(num(get(2)?)?),
                _ => {}
            },
            "env" => {
                let v = get(2)?.to_string();
                let e = &mut d.env;
                match get(1)? {
                    "date" => e.date = v,
                    "cpu" => e.cpu = v,
                    "cores" => e.cores = num(&v)?,
                    "memory" => e.memory = v,
                    "kernel" => e.kernel = v,
                    "node" => e.node = v,
                    "rustc" => e.rustc = v,
                    "node_startup_ns" => e.node_startup = Duration::from_nanos(num(&v)?),
                    "node_startup_rss_kib" => e.node_startup_rss_kib = num(&v)?,
                    "load" => e.load = v,
                    _ => {}
                }
            }
            "bench" => d.results.push(BenchResult {
                name: get(1)?.to_string(),
                expected: get(2)?.to_string(),
                bespoke_same_wasm: get(3)? == "1",
                bespoke_binaryen_size: opt_num(get(4)?)?.map(|s| s as usize),
                ..Default::default()
            }),
            "cell" | "sample" => {
                let name = get(1)?;
                let col = column(get(2)?, get(3)?)?;
                let res = d
                    .results
                    .iter_mut()
                    .find(|r| r.name == name)
                    .ok_or_else(bad)?;
                let cell = res.cells.entry(col).or_insert_with(Cell::default);
                if f[0] == "cell" {
                    cell.wasm_size = opt_num(get(4)?)?.map(|s| s as usize);
                    cell.compile = opt_num(get(5)?)?.map(Duration::from_nanos);
                    let e = f.get(6).copied().unwrap_or("");
                    cell.error = (!e.is_empty()).then(|| e.to_string());
                } else {
                    cell.samples.push(Sample {
                        exec: Duration::from_nanos(num(get(4)?)?),
                        wall: Duration::from_nanos(num(get(5)?)?),
                        jit: opt_num(get(6)?)?.map(Duration::from_nanos),
                        max_rss_kib: num(get(7)?)?,
                    });
                }
            }
            "micro" => d.micro.push(MicroResult {
                name: get(1)?.to_string(),
                strategy: strategy(get(2)?)?,
                result: get(3)?
                    .parse::<f64>()
                    .map_err(|_| get(3).unwrap_or("").to_string()),
            }),
            _ => return Err(bad()),
        }
    }
    Ok(d)
}
