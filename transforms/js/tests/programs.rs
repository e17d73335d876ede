//! End-to-end checks of the front end's programs in `tests/programs/`
//! (generators, the iterator protocol, destructuring, spread): each
//! `NAME.js` is compiled and run through the facade (`switchyard::compile`
//! + `run_compiled`) under every strategy, and its stdout must be the
//! `NAME.out` node v20 printed (regenerate with `node NAME.js > NAME.out`
//! from that directory).
//!
//! Environment: `SY_STRATEGIES=cps,wasmfx` (default: all three);
//! `SY_PROGRAMS_DIR=DIR` runs another directory of programs (e.g. the
//! generator corpus); `SY_FILTER=text` only the programs whose name
//! contains it.
//!
//! Development aid: `SY_RUN=/abs/path/file.js cargo test --release -p
//! switchyard-js --test programs run_one -- --nocapture --ignored` prints
//! one program's output (`SY_STRATEGY=cps`, default wasmfx); with
//! `SY_TIME=1` it times three runs without compilation.

use std::path::{Path, PathBuf};
use switchyard::{Options, Outcome, RunOptions, Strategy};
use switchyard_host::SharedBuffer;

/// `tests/programs`, or `SY_PROGRAMS_DIR`.
fn programs_dir() -> PathBuf {
    match std::env::var_os("SY_PROGRAMS_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs"),
    }
}

fn strategies() -> Vec<Strategy> {
    match std::env::var("SY_STRATEGIES") {
        Ok(list) => list
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.trim().parse().expect("strategy name"))
            .collect(),
        Err(_) => Strategy::ALL.to_vec(),
    }
}

/// Compiles and runs `source`; returns (stdout, stderr, outcome text).
fn run_source(
    source: &str,
    name: &str,
    strategy: Strategy,
) -> Result<(String, String, String), String> {
    let opts = Options {
        strategy,
        names: true,
    };
    let compiled = switchyard::compile(source, name, &opts).map_err(|e| e.to_string())?;
    let out = SharedBuffer::new();
    let err = SharedBuffer::new();
    let run_opts = RunOptions::new(name)
        .with_stdout(out.clone())
        .with_stderr(err.clone());
    let outcome = switchyard::run_compiled(&compiled, run_opts).map_err(|e| e.to_string())?;
    let outcome = match outcome {
        Outcome::Finished => "finished".to_string(),
        Outcome::UncaughtException { message } => format!("uncaught: {message}"),
        Outcome::Trap { kind, message } => format!("trap {kind:?}: {message}"),
    };
    Ok((out.text(), err.text(), outcome))
}

#[test]
#[ignore]
fn run_one() {
    let path = std::env::var("SY_RUN").expect("SY_RUN=/abs/path/file.js");
    let strategy: Strategy = std::env::var("SY_STRATEGY")
        .map(|s| s.parse().expect("strategy name"))
        .unwrap_or(Strategy::Wasmfx);
    let src = std::fs::read_to_string(&path).unwrap();
    if std::env::var_os("SY_TIME").is_some() {
        let opts = Options {
            strategy,
            names: true,
        };
        let compiled = switchyard::compile(&src, &path, &opts).unwrap();
        let engine = switchyard_host::EngineSettings::default();
        let prepared = switchyard_host::run::prepare(&compiled.wasm, &engine).unwrap();
        for _ in 0..3 {
            let t = std::time::Instant::now();
            let out = SharedBuffer::new();
            let o = switchyard_host::run::run_prepared(
                &prepared,
                RunOptions::new(&path).with_stdout(out.clone()),
            )
            .unwrap();
            eprintln!(
                "[run {:.3}s] {:?} {}",
                t.elapsed().as_secs_f64(),
                o,
                out.text().trim()
            );
        }
        return;
    }
    match run_source(&src, &path, strategy) {
        Ok((out, err, outcome)) => {
            print!("{out}");
            eprint!("{err}");
            eprintln!("[{outcome}]");
        }
        Err(e) => eprintln!("error: {e}"),
    }
}

#[test]
fn programs_match_node() {
    let mut failures = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(programs_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        .collect();
    names.sort();
    let strategies = strategies();
    let mut runs = 0;
    for path in &names {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if std::env::var("SY_FILTER").is_ok_and(|f| !name.contains(&f)) {
            continue;
        }
        let src = std::fs::read_to_string(path).unwrap();
        let expected = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
        for &strategy in &strategies {
            runs += 1;
            match run_source(&src, &name, strategy) {
                Ok((out, err, outcome)) => {
                    if out != expected || outcome != "finished" {
                        failures.push(format!(
                            "[{strategy}] {name}: {outcome}\n--- stderr\n{err}\n--- got\n{out}\n--- expected\n{expected}"
                        ));
                    }
                }
                Err(e) => failures.push(format!("[{strategy}] {name}: {e}")),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} runs failed:\n{}",
        failures.len(),
        runs,
        failures.join("\n\n")
    );
}
