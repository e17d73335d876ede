//! Every fiber benchmark program (`bench-suite/programs/fiber/`) at its
//! `test` size under every strategy, and the generator and bespoke variants
//! under node: each must print the checksum its `// bench-expect:` header
//! declares, so all variants and engines agree. Nothing is timed.
//!
//! Fiber variants need the `Fiber` builtin: a tiny preflight program checks
//! that it exists; if it does not, the fiber variants are reported as
//! skipped (with the reason) instead of failing. Node runs are skipped with
//! `SWITCHYARD_SKIP_NODE=1` or when node is not installed.

use std::process::Command;
use switchyard::{Options, Outcome, RunOptions, Strategy};
use switchyard_bench_suite::programs::{self, Size, Variant};
use switchyard_host::SharedBuffer;

/// Compiles and runs `source` in-process; Ok(stdout) if it finished.
fn run_switchyard(source: &str, name: &str, strategy: Strategy) -> Result<String, String> {
    let opts = Options {
        strategy,
        names: false,
    };
    let compiled =
        switchyard::compile(source, name, &opts).map_err(|e| format!("compile error: {e}"))?;
    let out = SharedBuffer::new();
    let err = SharedBuffer::new();
    let outcome = switchyard::run_compiled(
        &compiled,
        RunOptions::new(name)
            .with_stdout(out.clone())
            .with_stderr(err.clone()),
    )
    .map_err(|e| format!("host error: {e}"))?;
    match outcome {
        Outcome::Finished => Ok(out.text()),
        other => Err(format!(
            "{other:?}; stdout: {:?}; stderr: {:?}",
            out.text(),
            err.text()
        )),
    }
}

/// Why fiber variants cannot run yet, if they cannot.
fn fiber_unavailable() -> Option<String> {
    let probe = "const f = new Fiber(function (x) { return Fiber.yield(x + 1) * 2; });\n\
                 const a = f.resume(1);\nconst b = f.resume(5);\n\
                 console.log(a.value, a.done, b.value, b.done);\n";
    match run_switchyard(probe, "fiber-probe.js", Strategy::ALL[0]) {
        Ok(out) if out == "2 false 10 true\n" => None,
        Ok(out) => Some(format!("the Fiber probe printed {out:?}")),
        Err(e) => Some(e.lines().next().unwrap_or("").to_string()),
    }
}

fn node_available() -> Option<String> {
    if std::env::var("SWITCHYARD_SKIP_NODE").is_ok_and(|v| v == "1") {
        return Some("SWITCHYARD_SKIP_NODE=1".into());
    }
    match Command::new("node").arg("--version").output() {
        Ok(o) if o.status.success() => None,
        _ => Some("node is not installed".into()),
    }
}

fn run_node(source: &str, name: &str) -> Result<String, String> {
    let dir = std::env::temp_dir().join(format!("switchyard-bench-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join(name);
    std::fs::write(&path, source).map_err(|e| e.to_string())?;
    let out = Command::new("node")
        .arg(&path)
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    let _ = std::fs::remove_file(&path);
    if !out.status.success() {
        return Err(format!(
            "node failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn every_benchmark_program_prints_its_checksum() {
    let mut benches = programs::load(&programs::fiber_dir()).expect("the programs load");
    benches.extend(programs::load(&programs::async_dir()).expect("the async programs load"));
    let names: Vec<&str> = benches.iter().map(|b| b.name.as_str()).collect();
    for required in [
        "c10m",
        "skynet",
        "itersum",
        "sieve",
        "treesum",
        "state",
        "await-seq",
        "ping-pong",
        "tasks",
    ] {
        assert!(names.contains(&required), "missing benchmark {required}");
    }
    let no_fiber = fiber_unavailable();
    let no_node = node_available();
    if let Some(why) = &no_fiber {
        eprintln!("SKIPPED: fiber variants (the Fiber builtin is not available yet: {why})");
    }
    if let Some(why) = &no_node {
        eprintln!("SKIPPED: node runs ({why})");
    }

    // (label, job) pairs, run on a few threads.
    type Job = Box<dyn FnOnce() -> Result<String, String> + Send>;
    let mut jobs: Vec<(String, String, Job)> = Vec::new();
    let mut skipped = 0;
    for b in &benches {
        // Every variant exists, and declares the same checksums.
        // Fiber benchmarks have fiber, generator (where generators can
        // express them) and bespoke variants; async ones async and bespoke.
        let async_bench = b.variant(Variant::Async).is_some();
        for v in Variant::ALL {
            if v == Variant::Generator && b.variant(v).is_none() {
                continue; // generators cannot express every benchmark
            }
            if async_bench != (v == Variant::Async) && v != Variant::Bespoke {
                continue;
            }
            assert!(
                b.variant(v).is_some(),
                "{} has no {} variant",
                b.name,
                v.name()
            );
        }
        for size in [Size::Full, Size::Quick, Size::Test] {
            let sums: Vec<String> = b
                .programs
                .iter()
                .map(|p| p.expected(size).expect("bench-expect"))
                .collect();
            assert!(
                sums.windows(2).all(|w| w[0] == w[1]),
                "{}: variants declare different {} checksums: {sums:?}",
                b.name,
                size.name()
            );
        }
        for p in &b.programs {
            let source = p.source_at(Size::Test).expect("sizes substitute");
            let expected = format!("{}\n", p.expected(Size::Test).unwrap());
            let file = p.file_name();
            for &s in Strategy::ALL.iter() {
                let label = format!("{file} [{}]", s.name());
                if p.variant == Variant::Fiber && no_fiber.is_some() {
                    skipped += 1;
                    continue;
                }
                let (src, f) = (source.clone(), file.clone());
                jobs.push((
                    label,
                    expected.clone(),
                    Box::new(move || run_switchyard(&src, &f, s)),
                ));
            }
            if p.variant.runs_on_node() {
                let label = format!("{file} [node]");
                if no_node.is_some() {
                    skipped += 1;
                    continue;
                }
                let (src, f) = (source.clone(), file.clone());
                jobs.push((
                    label,
                    expected.clone(),
                    Box::new(move || run_node(&src, &f)),
                ));
            }
        }
    }

    let total = jobs.len();
    let queue = std::sync::Mutex::new(jobs.into_iter());
    let failures = std::sync::Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(2, 4);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let next = queue.lock().unwrap().next();
                let Some((label, expected, job)) = next else {
                    break;
                };
                let result = job();
                let problem = match result {
                    Ok(out) if out == expected => None,
                    Ok(out) => Some(format!(
                        "printed {:?}, expected {:?}",
                        out.trim_end(),
                        expected.trim_end()
                    )),
                    Err(e) => Some(e),
                };
                if let Some(p) = problem {
                    failures.lock().unwrap().push(format!("{label}: {p}"));
                }
            });
        }
    });
    let _ = std::fs::remove_dir_all(
        std::env::temp_dir().join(format!("switchyard-bench-test-{}", std::process::id())),
    );
    let failures = failures.into_inner().unwrap();
    for f in &failures {
        eprintln!("FAILED {f}");
    }
    eprintln!(
        "bench programs: {} passed, {} failed, {skipped} skipped",
        total - failures.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} benchmark runs failed",
        failures.len()
    );
}
