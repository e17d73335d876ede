//! The cps strategy emits plain Wasm (tail calls, no stack switching, no Asyncify runtime),
//! so its output must also run under node, with the host imports implemented in JS by
//! `tests/node_host/run.mjs`. Every corpus program is compiled with
//! `switchyard compile --async-strategy=cps -o <tmp>.wasm` and run as
//! `node tests/node_host/run.mjs <tmp>.wasm --name corpus/<group>/NAME.js`; stdout must be
//! identical to `NAME.out` and the exit code 0. The negative programs that compile
//! (exceptions and traps at run time) must fail under node as their headers say, as they
//! do under `switchyard run`.
//!
//! This checks the compiled module against a second, independent host: the JS shim decodes
//! values with its own reading of `transforms/js-runtime/src/layout.rs` and formats them
//! with node's own `util.inspect`, so a value the runtime lays out wrongly, or a Wasmtime-
//! only construct in the output, shows up here.
//!
//! Environment variables (see `tests/common/mod.rs`): `SWITCHYARD_FILTER`,
//! `SWITCHYARD_TEST_JOBS`, `SWITCHYARD_TEST_TIMEOUT`, `SWITCHYARD_MAX_REPORTS`, and
//! `SWITCHYARD_SKIP_NODE=1`, which skips these tests. `SWITCHYARD_STRATEGIES` is ignored:
//! only cps output is meant to run under node.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn shim() -> PathBuf {
    tests_dir().join("node_host").join("run.mjs")
}

fn work_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cps_on_node");
    std::fs::create_dir_all(&dir).expect("create the work directory");
    dir
}

fn filtered(files: Vec<PathBuf>) -> Vec<PathBuf> {
    match std::env::var("SWITCHYARD_FILTER") {
        Ok(f) if !f.is_empty() => {
            let base = tests_dir();
            files
                .into_iter()
                .filter(|p| rel_path(p, &base).contains(&f))
                .collect()
        }
        _ => files,
    }
}

/// The group of a corpus program: `corpus/<group>/NAME.js` -> `group`.
fn group_of(rel: &str) -> String {
    rel.split('/').nth(1).unwrap_or("corpus").to_string()
}

/// Skips (returning true) unless node v20+ is there; panics if it is missing and not skipped.
fn skip_without_node(test: &str) -> bool {
    if skip_node() {
        println!("SKIPPED {test}: SWITCHYARD_SKIP_NODE=1");
        eprintln!("SKIPPED {test}: SWITCHYARD_SKIP_NODE=1");
        return true;
    }
    match node_major_version() {
        Ok((major, _)) if major >= 20 => false,
        Ok((_, text)) => {
            panic!("node {text} is too old (need v20+), or set SWITCHYARD_SKIP_NODE=1")
        }
        Err(why) => panic!("{why} (set SWITCHYARD_SKIP_NODE=1 to skip)"),
    }
}

/// `switchyard compile REL --async-strategy=cps -o <work>/<flat name>.wasm`, from `tests/`.
fn compile_cps(rel: &str) -> Result<PathBuf, RunOutput> {
    let wasm = work_dir().join(format!("{}.wasm", rel.replace(['/', '\\'], "__")));
    let _ = std::fs::remove_file(&wasm);
    let mut cmd = Command::new(switchyard_bin());
    cmd.arg("compile")
        .arg(rel)
        .arg("--async-strategy=cps")
        .arg("-o")
        .arg(&wasm)
        .current_dir(tests_dir());
    let out = run_with_timeout(&mut cmd, timeout()).unwrap_or_else(|e| RunOutput {
        code: None,
        stdout: Vec::new(),
        stderr: format!("cannot start {}: {e}", switchyard_bin().display()).into_bytes(),
        timed_out: false,
        elapsed: std::time::Duration::ZERO,
        status_text: "failed to start".into(),
    });
    if out.code == Some(0) && wasm.is_file() {
        Ok(wasm)
    } else {
        Err(out)
    }
}

/// `node tests/node_host/run.mjs WASM --name REL --virtual-time`, from
/// `tests/` (timers on the virtual clock, as in the corpus test).
fn run_on_node(wasm: &Path, rel: &str) -> RunOutput {
    let mut cmd = Command::new("node");
    cmd.arg(shim())
        .arg(wasm)
        .arg("--name")
        .arg(rel)
        .arg("--virtual-time")
        .current_dir(tests_dir());
    run_with_timeout(&mut cmd, timeout()).unwrap_or_else(|e| RunOutput {
        code: None,
        stdout: Vec::new(),
        stderr: format!("cannot start node: {e}").into_bytes(),
        timed_out: false,
        elapsed: std::time::Duration::ZERO,
        status_text: "failed to start".into(),
    })
}

fn stderr_block(out: &RunOutput) -> String {
    let err = out.stderr_str();
    if err.trim().is_empty() {
        "stderr: (empty)\n".to_string()
    } else {
        format!("stderr:\n{}", indent(&truncate(&err, 3000), "  | "))
    }
}

#[test]
fn cps_corpus_runs_under_node() {
    if skip_without_node("cps_corpus_runs_under_node") {
        return;
    }
    let base = tests_dir();
    let programs = filtered(collect_files(&base.join("corpus"), "js"));
    assert!(!programs.is_empty(), "no corpus programs found");
    let mut groups: Vec<String> = programs
        .iter()
        .map(|p| group_of(&rel_path(p, &base)))
        .collect();
    groups.dedup();
    println!(
        "compiling {} corpus programs with --async-strategy=cps and running them under node",
        programs.len()
    );
    // A program may declare that the JS host shim (not switchyard) cannot
    // reproduce node's printing of what it prints, with a header line
    // `// node-shim-limit: why`. It still runs under every strategy in the
    // corpus harness; here it is listed as skipped, never silently.
    let (programs, shim_limited): (Vec<_>, Vec<_>) = programs.into_iter().partition(|js| {
        !std::fs::read_to_string(js)
            .unwrap_or_default()
            .lines()
            .any(|l| l.trim().starts_with("// node-shim-limit:"))
    });
    for js in &shim_limited {
        println!(
            "SKIPPED under the node shim (declared node-shim-limit): {}",
            rel_path(js, &base)
        );
        eprintln!(
            "SKIPPED under the node shim (declared node-shim-limit): {}",
            rel_path(js, &base)
        );
    }
    let results = parallel_map(&programs, jobs(), |js| {
        let rel = rel_path(js, &base);
        let group = group_of(&rel);
        let expected = match std::fs::read(expected_path(js)) {
            Ok(e) => e,
            Err(e) => {
                return (
                    group,
                    Err((
                        format!("{rel} (no expected output)"),
                        format!("{e}; run tests/regen-expected.sh\n"),
                    )),
                )
            }
        };
        let wasm = match compile_cps(&rel) {
            Ok(w) => w,
            Err(out) => {
                let first = out.stderr_str().lines().next().unwrap_or("").to_string();
                return (
                    group,
                    Err((
                        format!("{rel} (does not compile: {first})"),
                        format!(
                            "command: (cd tests && switchyard compile {rel} --async-strategy=cps -o X.wasm)\nstatus: {}\n{}",
                            out.status_text,
                            stderr_block(&out)
                        ),
                    )),
                );
            }
        };
        let out = run_on_node(&wasm, &rel);
        let _ = std::fs::remove_file(&wasm);
        let stdout_ok = out.stdout == expected;
        let exit_ok = !out.timed_out && out.code == Some(0);
        if stdout_ok && exit_ok {
            return (group, Ok(()));
        }
        let mut reasons = Vec::new();
        if !exit_ok {
            reasons.push(out.status_text.clone());
        }
        if !stdout_ok {
            reasons.push("stdout differs".to_string());
        }
        let mut detail = format!(
            "command: (cd tests && switchyard compile {rel} --async-strategy=cps -o X.wasm && node node_host/run.mjs X.wasm --name {rel} --virtual-time)\nstatus: {} in {:.2}s\n",
            out.status_text,
            out.elapsed.as_secs_f64()
        );
        if !stdout_ok {
            detail.push_str("diff (-expected from node, +cps Wasm under node):\n");
            detail.push_str(&indent(&diff_report(&expected, &out.stdout), "  "));
        }
        detail.push_str(&stderr_block(&out));
        (
            group,
            Err((format!("{rel} ({})", reasons.join(", ")), detail)),
        )
    });
    let mut tally = Tally::new("cps-on-node", &groups);
    for (group, r) in results {
        match r {
            Ok(()) => tally.pass(&group),
            Err((headline, detail)) => tally.fail(&group, headline, detail),
        }
    }
    tally.finish();
}

#[test]
fn cps_negative_programs_fail_under_node_as_expected() {
    if skip_without_node("cps_negative_programs_fail_under_node_as_expected") {
        return;
    }
    let base = tests_dir();
    let programs = filtered(collect_files(&base.join("negative"), "js"));
    // Compile errors (exit 2) never reach the host; the rest fail at run time.
    let mut runtime_failures = Vec::new();
    for js in programs {
        let rel = rel_path(&js, &base);
        let source = std::fs::read_to_string(&js).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let exp = parse_expectations(&source).unwrap_or_else(|e| panic!("{rel}: {e}"));
        if exp.exit != 2 {
            runtime_failures.push((rel, exp));
        }
    }
    let results = parallel_map(&runtime_failures, jobs(), |(rel, exp)| {
        let wasm = match compile_cps(rel) {
            Ok(w) => w,
            Err(out) => {
                return Err((
                    format!("{rel} (does not compile)"),
                    format!("status: {}\n{}", out.status_text, stderr_block(&out)),
                ))
            }
        };
        let out = run_on_node(&wasm, rel);
        let _ = std::fs::remove_file(&wasm);
        let problems = check_expectations(exp, &out);
        if problems.is_empty() {
            return Ok(());
        }
        let mut detail = format!(
            "command: (cd tests && switchyard compile {rel} --async-strategy=cps -o X.wasm && node node_host/run.mjs X.wasm --name {rel} --virtual-time)\nstatus: {}\n",
            out.status_text
        );
        for p in &problems {
            detail.push_str(&indent(p, "  * "));
        }
        detail.push_str(&format!(
            "stdout:\n{}",
            indent(&truncate(&out.stdout_str(), 2000), "  | ")
        ));
        detail.push_str(&stderr_block(&out));
        Err((
            format!("{rel} ({})", problems[0].lines().next().unwrap_or("")),
            detail,
        ))
    });
    let mut tally = Tally::new("cps-on-node-negative", &["negative".to_string()]);
    for r in results {
        match r {
            Ok(()) => tally.pass("negative"),
            Err((headline, detail)) => tally.fail("negative", headline, detail),
        }
    }
    tally.finish();
}
