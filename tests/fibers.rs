//! The `Fiber` built-in (non-standard stackful coroutines, issue #5) end to
//! end: every program under `tests/fibers/*.js` must print, under `switchyard
//! run` and every strategy, exactly its hand-written `NAME.out` (node has no
//! `Fiber`, so there is no node reference: each program checks
//! hand-computed expectations and prints `ok ...` / `FAIL ...` lines, plus a
//! few values printed with console.log, all verified by hand).
//!
//! The programs live in `tests/fibers/`, not `tests/corpus/`, because every
//! corpus program must also run under node (`corpus.rs`'s
//! `expected_outputs_are_current` and `regen-expected.sh`).
//!
//! A program whose header has `// expect-exit: N` (and `expect-stderr`
//! lines, as in `tests/negative/`) must fail that way; its `.out` is the
//! output printed before. Environment variables as for `corpus.rs`:
//! `SWITCHYARD_STRATEGIES`, `SWITCHYARD_FILTER`, `SWITCHYARD_TEST_JOBS`,
//! `SWITCHYARD_TEST_TIMEOUT`, `SWITCHYARD_SKIP_NODE` (for the cps-on-node
//! test).

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fibers_dir() -> PathBuf {
    tests_dir().join("fibers")
}

fn programs() -> Vec<PathBuf> {
    let files = collect_files(&fibers_dir(), "js");
    assert!(
        !files.is_empty(),
        "no programs found under {}",
        fibers_dir().display()
    );
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

/// The program's expectations: its header if it declares an exit code,
/// else "exit 0".
fn expectations(source: &str) -> Result<Expectations, String> {
    if source
        .lines()
        .take_while(|l| l.trim().starts_with("//") || l.trim().is_empty())
        .any(|l| l.trim().starts_with("// expect-exit:"))
    {
        parse_expectations(source)
    } else {
        Ok(Expectations {
            exit: 0,
            stderr_contains: Vec::new(),
            stdout: None,
        })
    }
}

fn stderr_block(out: &RunOutput) -> String {
    let err = out.stderr_str();
    if err.trim().is_empty() {
        "stderr: (empty)\n".to_string()
    } else {
        format!("stderr:\n{}", indent(&truncate(&err, 3000), "  | "))
    }
}

/// Checks one run against the header and the `.out` file.
fn check_run(rel: &str, js: &Path, out: &RunOutput) -> Result<(), (String, String)> {
    let source =
        std::fs::read_to_string(js).map_err(|e| (format!("{rel} (unreadable)"), e.to_string()))?;
    let exp = expectations(&source).map_err(|e| (format!("{rel} (bad header)"), e))?;
    let expected = std::fs::read(expected_path(js))
        .map_err(|e| (format!("{rel} (no .out file)"), e.to_string()))?;
    let mut problems = check_expectations(&exp, out);
    if out.stdout != expected {
        problems.push(format!(
            "stdout differs from the .out file (-expected, +actual):\n{}",
            indent(&diff_report(&expected, &out.stdout), "  ")
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err((
            format!("{rel} ({})", out.status_text),
            format!("{}\n{}", problems.join("\n"), stderr_block(out)),
        ))
    }
}

#[test]
fn fiber_programs_match_their_expected_output() {
    let base = tests_dir();
    let programs = programs();
    let strategies = strategies();
    let jobs: Vec<(PathBuf, String)> = programs
        .iter()
        .flat_map(|p| strategies.iter().map(move |s| (p.clone(), s.clone())))
        .collect();
    let results = parallel_map(&jobs, common::jobs(), |(js, strategy)| {
        let rel = rel_path(js, &base);
        let out = run_switchyard(&rel, strategy);
        (strategy.clone(), check_run(&rel, js, &out))
    });
    let mut tally = Tally::new("fibers", &strategies);
    for (strategy, r) in results {
        match r {
            Ok(()) => tally.pass(&strategy),
            Err((headline, detail)) => tally.fail(&strategy, headline, detail),
        }
    }
    tally.finish();
}

/// The expected outputs themselves: present, free of `FAIL` lines, and
/// (for programs that finish) ending with the program's own `all ok`.
#[test]
fn fiber_expected_outputs_are_well_formed() {
    let base = tests_dir();
    let mut problems = Vec::new();
    for js in collect_files(&fibers_dir(), "js") {
        let rel = rel_path(&js, &base);
        let source = std::fs::read_to_string(&js).unwrap();
        let exp = match expectations(&source) {
            Ok(e) => e,
            Err(e) => {
                problems.push(format!("{rel}: bad header: {e}"));
                continue;
            }
        };
        let Ok(out) = std::fs::read_to_string(expected_path(&js)) else {
            problems.push(format!("{rel}: no .out file"));
            continue;
        };
        if out.lines().any(|l| l.starts_with("FAIL")) {
            problems.push(format!("{rel}: the .out file contains FAIL lines"));
        }
        if exp.exit == 0 && out.lines().last() != Some("all ok") {
            problems.push(format!("{rel}: the .out file does not end with `all ok`"));
        }
    }
    for out in collect_files(&fibers_dir(), "out") {
        if !out.with_extension("js").is_file() {
            problems.push(format!("{}: no program", rel_path(&out, &base)));
        }
    }
    assert!(programs().len() >= 15 || std::env::var("SWITCHYARD_FILTER").is_ok());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Tree-shaking keeps the fiber runtime out of programs that do not name
/// `Fiber`: no fiber functions or globals, so nothing becomes suspendable
/// (a program without generators has no coroutine instructions at all and
/// compiles to the same Wasm under every strategy). A program that names
/// `Fiber` gets the runtime.
#[test]
fn programs_without_fibers_do_not_get_the_fiber_runtime() {
    let has_fiber_runtime = |m: &switchyard::ir::Module| {
        m.funcs.iter().any(|f| f.name.starts_with("rt_fiber_"))
            || m.globals.iter().any(|g| g.name.starts_with("fiber_"))
    };
    let sync = "function f(x) { return x + 1; }\nconsole.log(f(1));\n";
    let gens = "function* g() { yield 1; yield 2; }\nconsole.log([...g()]);\n";
    let fiber = "const f = new Fiber((x) => Fiber.yield(x) + 1);\nconsole.log(f.resume(1));\n";
    for (name, src, want) in [
        ("sync", sync, false),
        ("gens", gens, false),
        ("fiber", fiber, true),
    ] {
        let m = switchyard_js::compile_js(src, "t.js").unwrap();
        assert_eq!(has_fiber_runtime(&m), want, "{name}");
        assert_eq!(m.uses_coroutines(), name != "sync", "{name}");
    }
    // Same Wasm under every strategy for the program without suspension.
    let wasm: Vec<Vec<u8>> = ["cps", "asyncify", "wasmfx"]
        .iter()
        .map(|s| {
            let opts = switchyard::Options {
                strategy: s.parse().unwrap(),
                names: false,
            };
            switchyard::compile(sync, "t.js", &opts).unwrap().wasm
        })
        .collect();
    assert!(wasm.windows(2).all(|w| w[0] == w[1]));
}

/// The cps output of every fiber program also runs under node, with the JS
/// host shim (`node_host/run.mjs`), and prints the same.
#[test]
fn cps_fiber_programs_run_under_node() {
    if skip_node() {
        println!("SKIPPED cps_fiber_programs_run_under_node: SWITCHYARD_SKIP_NODE=1");
        return;
    }
    match node_major_version() {
        Ok((major, _)) if major >= 20 => {}
        Ok((_, text)) => {
            panic!("node {text} is too old (need v20+), or set SWITCHYARD_SKIP_NODE=1")
        }
        Err(why) => panic!("{why} (set SWITCHYARD_SKIP_NODE=1 to skip)"),
    }
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fibers_on_node");
    std::fs::create_dir_all(&work).unwrap();
    let base = tests_dir();
    let programs = programs();
    let results = parallel_map(&programs, common::jobs(), |js| {
        let rel = rel_path(js, &base);
        let wasm = work.join(format!("{}.wasm", rel.replace('/', "__")));
        let _ = std::fs::remove_file(&wasm);
        let mut cmd = Command::new(switchyard_bin());
        cmd.args(["compile", &rel, "--async-strategy=cps", "-o"])
            .arg(&wasm)
            .current_dir(tests_dir());
        let compiled = run_with_timeout(&mut cmd, timeout());
        match compiled {
            Ok(o) if o.code == Some(0) && wasm.is_file() => {}
            Ok(o) => return Err((format!("{rel} (compile failed)"), stderr_block(&o))),
            Err(e) => return Err((format!("{rel} (compile did not start)"), e.to_string())),
        }
        let mut cmd = Command::new("node");
        cmd.arg(tests_dir().join("node_host").join("run.mjs"))
            .arg(&wasm)
            .arg("--name")
            .arg(&rel)
            .current_dir(tests_dir());
        match run_with_timeout(&mut cmd, timeout()) {
            Ok(out) => check_run(&rel, js, &out),
            Err(e) => Err((format!("{rel} (node did not start)"), e.to_string())),
        }
    });
    let mut tally = Tally::new("fibers cps-on-node", &["cps-on-node".to_string()]);
    for r in results {
        match r {
            Ok(()) => tally.pass("cps-on-node"),
            Err((headline, detail)) => tally.fail("cps-on-node", headline, detail),
        }
    }
    tally.finish();
}
