//! Differential tests: every program under `tests/corpus/**/*.js` must print, under
//! `switchyard run`, exactly what node printed into the `.out` file beside it, for each
//! async strategy; every program under `tests/negative/` must fail as its header says.
//!
//! Programs are found at run time (no list to maintain). The CLI is run from `tests/`
//! with the program's path relative to it (e.g. `corpus/sync/closures-counter.js`), so
//! paths in messages are stable.
//!
//! Environment variables (see `tests/common/mod.rs`):
//! - `SWITCHYARD_STRATEGIES=cps,wasmfx`  only these strategies (default: cps,asyncify,wasmfx)
//! - `SWITCHYARD_TEST_JOBS=N`            programs run at once (default 2..=4 by cores)
//! - `SWITCHYARD_TEST_TIMEOUT=SECS`      per-program time limit (default 60)
//! - `SWITCHYARD_MAX_REPORTS=N`          failures shown in full (default 40)
//! - `SWITCHYARD_SKIP_NODE=1`            skip `expected_outputs_are_current`
//! - `SWITCHYARD_FILTER=substr`          only programs whose path contains `substr`
//!
//! Expected outputs are regenerated with `tests/regen-expected.sh`.

mod common;

use common::*;
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    tests_dir().join("corpus")
}

fn negative_dir() -> PathBuf {
    tests_dir().join("negative")
}

/// `SWITCHYARD_FILTER`: keep only paths containing the given substring.
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

fn corpus_programs() -> Vec<PathBuf> {
    let files = collect_files(&corpus_dir(), "js");
    assert!(
        !files.is_empty(),
        "no programs found under {}",
        corpus_dir().display()
    );
    filtered(files)
}

fn negative_programs() -> Vec<PathBuf> {
    let files = collect_files(&negative_dir(), "js");
    assert!(
        !files.is_empty(),
        "no programs found under {}",
        negative_dir().display()
    );
    filtered(files)
}

fn stderr_block(out: &RunOutput) -> String {
    let err = out.stderr_str();
    if err.trim().is_empty() {
        "stderr: (empty)\n".to_string()
    } else {
        format!("stderr:\n{}", indent(&truncate(&err, 3000), "  | "))
    }
}

/// Compares one corpus run with the expected output; `Err` carries (headline, detail).
/// A documented limit of one strategy, declared in a corpus program's
/// header: `// strategy-limit: wasmfx exit=3 stderr=out of memory (why)`.
/// Under that strategy the program must fail exactly that way (exit code
/// and a stderr substring), with what it printed before failing being a
/// prefix of node's output; under every other strategy it must pass.
/// This keeps a known limit visible and checked instead of skipped.
struct StrategyLimit {
    exit: i32,
    stderr: String,
}

fn strategy_limit(source: &str, strategy: &str) -> Option<StrategyLimit> {
    source.lines().find_map(|line| {
        let rest = line.trim().strip_prefix("// strategy-limit:")?.trim();
        let rest = rest.strip_prefix(strategy)?.trim();
        let rest = rest.strip_prefix("exit=")?;
        let (code, rest) = rest.split_once(' ')?;
        let stderr = rest.trim().strip_prefix("stderr=")?;
        let stderr = stderr
            .split(" (")
            .next()
            .unwrap_or(stderr)
            .trim()
            .to_string();
        Some(StrategyLimit {
            exit: code.parse().ok()?,
            stderr,
        })
    })
}

fn check_known_limit(
    rel: &str,
    strategy: &str,
    expected: &[u8],
    out: &RunOutput,
    limit: &StrategyLimit,
) -> Result<(), (String, String)> {
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.code == Some(limit.exit)
        && stderr.contains(&limit.stderr)
        && expected.starts_with(&out.stdout)
    {
        return Ok(());
    }
    Err((
        format!(
            "{rel} (declared {strategy} limit not met: {})",
            out.status_text
        ),
        format!(
            "expected exit {} with stderr containing {:?} and stdout a prefix of node's\n{}",
            limit.exit,
            limit.stderr,
            stderr_block(out)
        ),
    ))
}

fn check_corpus_run(
    rel: &str,
    strategy: &str,
    expected: &[u8],
    out: &RunOutput,
) -> Result<(), (String, String)> {
    let stdout_ok = out.stdout == expected;
    let exit_ok = !out.timed_out && out.code == Some(0);
    if stdout_ok && exit_ok {
        return Ok(());
    }
    let mut reasons = Vec::new();
    if !exit_ok {
        reasons.push(out.status_text.clone());
    }
    if !stdout_ok {
        reasons.push("stdout differs".to_string());
    }
    let headline = format!("{rel} ({})", reasons.join(", "));
    let mut detail = format!(
        "command: (cd tests && switchyard run {rel} --async-strategy={strategy} --virtual-time)\nstatus: {} in {:.2}s\n",
        out.status_text,
        out.elapsed.as_secs_f64()
    );
    if !stdout_ok {
        detail.push_str("diff (-expected from node, +actual):\n");
        detail.push_str(&indent(&diff_report(expected, &out.stdout), "  "));
    }
    detail.push_str(&stderr_block(out));
    Err((headline, detail))
}

#[test]
fn corpus_programs_match_node() {
    let base = tests_dir();
    let programs = corpus_programs();
    let strategies = strategies();
    let jobs: Vec<(PathBuf, String)> = strategies
        .iter()
        .flat_map(|s| programs.iter().map(move |p| (p.clone(), s.clone())))
        .collect();
    println!(
        "running {} corpus programs x {} strategies ({}) on {} threads",
        programs.len(),
        strategies.len(),
        strategies.join(","),
        common::jobs()
    );
    let results = parallel_map(&jobs, common::jobs(), |(js, strategy)| {
        let rel = rel_path(js, &base);
        let expected = match std::fs::read(expected_path(js)) {
            Ok(e) => e,
            Err(e) => {
                return Err((
                    format!("{rel} (no expected output)"),
                    format!(
                        "cannot read {}: {e}\nrun tests/regen-expected.sh to create it\n",
                        rel_path(&expected_path(js), &base)
                    ),
                ))
            }
        };
        let out = run_switchyard(&rel, strategy);
        let source = std::fs::read_to_string(js).unwrap_or_default();
        match strategy_limit(&source, strategy) {
            Some(limit) => {
                eprintln!("note: {rel} [{strategy}]: checking a declared strategy limit");
                check_known_limit(&rel, strategy, &expected, &out, &limit)
            }
            None => check_corpus_run(&rel, strategy, &expected, &out),
        }
    });
    let mut tally = Tally::new("corpus", &strategies);
    for ((_, strategy), result) in jobs.iter().zip(results) {
        match result {
            Ok(()) => tally.pass(strategy),
            Err((headline, detail)) => tally.fail(strategy, headline, detail),
        }
    }
    tally.finish();
}

#[test]
fn expected_outputs_are_current() {
    if skip_node() {
        println!("SKIPPED expected_outputs_are_current: SWITCHYARD_SKIP_NODE=1 (node is not run)");
        eprintln!("SKIPPED expected_outputs_are_current: SWITCHYARD_SKIP_NODE=1 (node is not run)");
        return;
    }
    match node_major_version() {
        Ok((major, text)) if major >= 20 => println!("checking .out files against node {text}"),
        Ok((_, text)) => panic!(
            "node {text} is too old: the expected outputs are defined by node v20 or newer \
             (install node 20+, or set SWITCHYARD_SKIP_NODE=1 to skip this check)"
        ),
        Err(why) => panic!("{why} (set SWITCHYARD_SKIP_NODE=1 to skip this check)"),
    }
    let base = tests_dir();
    let programs = corpus_programs();
    let results = parallel_map(&programs, common::jobs(), |js| {
        let rel = rel_path(js, &base);
        let out = run_node(js);
        if out.timed_out || out.code != Some(0) || !out.stderr.is_empty() {
            return Err((
                format!("{rel} (node: {})", out.status_text),
                format!(
                    "corpus programs must run cleanly under node\n{}",
                    stderr_block(&out)
                ),
            ));
        }
        match std::fs::read(expected_path(js)) {
            Ok(expected) if expected == out.stdout => Ok(()),
            Ok(expected) => Err((
                format!("{rel} (.out is stale)"),
                format!(
                    "node's output today differs from the .out file; run tests/regen-expected.sh\n\
                     diff (-.out file, +node today):\n{}",
                    indent(&diff_report(&expected, &out.stdout), "  ")
                ),
            )),
            Err(e) => Err((
                format!("{rel} (no .out file)"),
                format!("{e}; run tests/regen-expected.sh\n"),
            )),
        }
    });
    let mut tally = Tally::new("expected-outputs", &["node".to_string()]);
    for result in results {
        match result {
            Ok(()) => tally.pass("node"),
            Err((headline, detail)) => tally.fail("node", headline, detail),
        }
    }
    tally.finish();
}

#[test]
fn negative_programs_fail_as_expected() {
    let base = tests_dir();
    let programs = negative_programs();
    let strategies = strategies();
    let mut tally = Tally::new("negative", &strategies);
    // Headers are checked before anything runs: a malformed header is one failure.
    let mut parsed = Vec::new();
    for js in &programs {
        let rel = rel_path(js, &base);
        let source =
            std::fs::read_to_string(js).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"));
        match parse_expectations(&source) {
            Ok(exp) => parsed.push((js.clone(), rel, exp)),
            Err(why) => tally.fail("headers", format!("{rel} (bad header)"), format!("{why}\n")),
        }
    }
    let jobs: Vec<(String, Expectations, String)> = strategies
        .iter()
        .flat_map(|s| {
            parsed
                .iter()
                .map(move |(_, rel, exp)| (rel.clone(), exp.clone(), s.clone()))
        })
        .collect();
    let results = parallel_map(&jobs, common::jobs(), |(rel, exp, strategy)| {
        let out = run_switchyard(rel, strategy);
        let problems = check_expectations(exp, &out);
        if problems.is_empty() {
            return Ok(());
        }
        let mut detail = format!(
            "command: (cd tests && switchyard run {rel} --async-strategy={strategy} --virtual-time)\nstatus: {} in {:.2}s\n",
            out.status_text,
            out.elapsed.as_secs_f64()
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
    for ((_, _, strategy), result) in jobs.iter().zip(results) {
        match result {
            Ok(()) => tally.pass(strategy),
            Err((headline, detail)) => tally.fail(strategy, headline, detail),
        }
    }
    tally.finish();
}

/// Checks that need no compiler: every corpus program has its `.out` (and no `.out` is
/// orphaned), every negative test has a well-formed header, and the helpers behave.
#[test]
fn harness_self_check() {
    let base = tests_dir();
    let mut problems = Vec::new();
    for js in collect_files(&corpus_dir(), "js") {
        if !expected_path(&js).is_file() {
            problems.push(format!(
                "{}: missing .out (run tests/regen-expected.sh)",
                rel_path(&js, &base)
            ));
        }
    }
    for out in collect_files(&corpus_dir(), "out") {
        if !out.with_extension("js").is_file() {
            problems.push(format!("{}: .out without a .js", rel_path(&out, &base)));
        }
    }
    for js in collect_files(&negative_dir(), "js") {
        let source = std::fs::read_to_string(&js).unwrap();
        if let Err(why) = parse_expectations(&source) {
            problems.push(format!("{}: {why}", rel_path(&js, &base)));
        }
    }
    assert!(
        problems.is_empty(),
        "harness self-check failed:\n{}",
        problems.join("\n")
    );

    // Header parsing.
    let exp = parse_expectations(
        "// expect-exit: 1\n// a note\n// expect-stderr: Error: boom\n// expect-stdout: a\n// expect-stdout: b\nthrow 1;\n// expect-exit: 9\n",
    )
    .unwrap();
    assert_eq!(
        exp,
        Expectations {
            exit: 1,
            stderr_contains: vec!["Error: boom".into()],
            stdout: Some("a\nb\n".into())
        }
    );
    assert_eq!(
        parse_expectations("// expect-exit: 2\n// expect-no-stdout\n")
            .unwrap()
            .stdout,
        Some(String::new())
    );
    assert!(parse_expectations("// expect-exti: 2\n").is_err());
    assert!(parse_expectations("console.log(1);\n// expect-exit: 2\n").is_err());

    // Diffing.
    assert_eq!(diff_report(b"a\nb\n", b"a\nb\n"), "");
    let d = diff_report(b"1\n2\n3\n4\n5\n", b"1\n2\nX\n4\n5\n");
    assert!(
        d.contains("line 3") && d.contains("-3\n") && d.contains("+X\n") && d.contains(" 4\n"),
        "{d}"
    );
    let d = diff_report(b"a\nb\nc\n", b"a\nc\n");
    assert!(d.contains("-b\n") && !d.contains("+c\n"), "{d}");
    let d = diff_report(b"a\n", b"a");
    assert!(d.contains("final newline"), "{d}");

    // Process running with a timeout, and parallel_map keeping order.
    let mut sh = std::process::Command::new("sh");
    sh.args(["-c", "echo out; echo err >&2; exit 3"]);
    let out = run_with_timeout(&mut sh, std::time::Duration::from_secs(30)).unwrap();
    assert_eq!(
        (out.code, out.stdout.as_slice(), out.stderr.as_slice()),
        (Some(3), &b"out\n"[..], &b"err\n"[..])
    );
    let mut slow = std::process::Command::new("sleep");
    slow.arg("30");
    let out = run_with_timeout(&mut slow, std::time::Duration::from_millis(200)).unwrap();
    assert!(
        out.timed_out && out.code.is_none() && out.elapsed.as_secs() < 20,
        "{out:?}"
    );
    let squares = parallel_map(&(0..50).collect::<Vec<u64>>(), 4, |x| x * x);
    assert_eq!(squares, (0..50).map(|x| x * x).collect::<Vec<u64>>());
}
