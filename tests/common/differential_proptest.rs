//! The machinery the property tests share (`generators_proptest.rs`,
//! `async_proptest.rs`): random programs rendered to JS, node as the oracle,
//! one proptest runner per strategy in parallel threads (a mismatch is
//! shrunk for that strategy alone), a preflight program each strategy must
//! run first, and the usual tally. Each suite brings only its program
//! generator and renderer.
//!
//! Environment: `SWITCHYARD_PROPTEST_CASES` (default: the suite's),
//! `SWITCHYARD_PROPTEST_SEED` (a number or `random`), `SWITCHYARD_PROPTEST_SHRINK_SECS`,
//! `SWITCHYARD_PROPTEST_CPS_ON_NODE=1` (adds a runner that compiles with cps and runs the
//! module under node with `tests/node_host/run.mjs`), plus those of `super`.

use super::*;
use proptest::strategy::Strategy;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestError, TestRunner};
use std::collections::HashMap;
use std::fmt::Debug;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The pseudo-strategy of `SWITCHYARD_PROPTEST_CPS_ON_NODE=1`.
pub const CPS_ON_NODE: &str = "cps-on-node";

/// One property-test suite.
pub struct Suite {
    /// Its name: the work directory under the target's tmp dir, the tally's label.
    pub name: &'static str,
    /// What one case is, for messages ("random generator programs").
    pub what: &'static str,
    /// A small program every strategy must run before random ones are worth running.
    pub preflight: &'static str,
    /// The headline when the preflight fails ("cannot run generators yet").
    pub preflight_failed: &'static str,
    /// The headline of a mismatch ("a random program differs from node").
    pub mismatch: &'static str,
    /// Cases per strategy when `SWITCHYARD_PROPTEST_CASES` is not set.
    pub default_cases: u64,
    /// The seed when `SWITCHYARD_PROPTEST_SEED` is not set.
    pub default_seed: u64,
}

static FILE_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// node's output for each program text, so that shrinking and the
/// per-strategy runners don't run node again for a program already seen.
struct Expected<'s> {
    suite: &'s Suite,
    cache: Mutex<HashMap<String, Result<Vec<u8>, String>>>,
}

impl Expected<'_> {
    fn get(&self, js: &str) -> Result<Vec<u8>, String> {
        if let Some(hit) = self.cache.lock().unwrap().get(js) {
            return hit.clone();
        }
        let result = self.suite.run_node_on(js);
        self.cache
            .lock()
            .unwrap()
            .insert(js.to_string(), result.clone());
        result
    }
}

fn failed_to_start(what: &str, e: std::io::Error) -> RunOutput {
    RunOutput {
        code: None,
        stdout: Vec::new(),
        stderr: format!("cannot start {what}: {e}").into_bytes(),
        timed_out: false,
        elapsed: std::time::Duration::ZERO,
        status_text: "failed to start".into(),
    }
}

impl Suite {
    /// Whether a test that needs node should run: false (after saying so)
    /// under `SWITCHYARD_SKIP_NODE=1`; panics if node v20+ is missing.
    pub fn node_ready(&self, test: &str) -> bool {
        if skip_node() {
            println!("SKIPPED {test}: SWITCHYARD_SKIP_NODE=1");
            eprintln!("SKIPPED {test}: SWITCHYARD_SKIP_NODE=1");
            return false;
        }
        assert!(
            node_available(),
            "node v20+ is required (it defines the expected output); set SWITCHYARD_SKIP_NODE=1 to skip"
        );
        true
    }

    /// The runner of a suite's node-only sanity test: `cases` programs from
    /// the suite's seed, little shrinking.
    pub fn sample_runner(&self, cases: u32) -> TestRunner {
        TestRunner::new(Config {
            cases,
            rng_seed: RngSeed::Fixed(seed(self.default_seed)),
            failure_persistence: None,
            max_shrink_iters: 200,
            ..Config::default()
        })
    }

    pub fn work_dir(&self) -> PathBuf {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(self.name);
        std::fs::create_dir_all(&dir).expect("create the proptest work directory");
        dir
    }

    /// Writes `js` to a fresh file in the work directory; returns its name (relative to it).
    pub fn write_program(&self, js: &str, tag: &str) -> String {
        let n = FILE_COUNTER.fetch_add(1, Ordering::Relaxed);
        let name = format!("{tag}-{}-{n}.js", std::process::id());
        std::fs::write(self.work_dir().join(&name), js).expect("write a generated program");
        name
    }

    /// node's stdout for `js`, which must run cleanly.
    pub fn run_node_on(&self, js: &str) -> Result<Vec<u8>, String> {
        let name = self.write_program(js, "node");
        let path = self.work_dir().join(&name);
        let out = run_node(&path);
        let _ = std::fs::remove_file(&path);
        if out.timed_out || out.code != Some(0) || !out.stderr.is_empty() {
            return Err(format!(
                "node did not run the generated program cleanly ({}):\n{}",
                out.status_text,
                indent(&truncate(&out.stderr_str(), 3000), "  | ")
            ));
        }
        Ok(out.stdout)
    }

    /// `switchyard run --async-strategy=S --virtual-time` (or, for
    /// [`CPS_ON_NODE`], a cps compile run under node).
    pub fn run_switchyard_on(&self, js: &str, strategy: &str) -> RunOutput {
        if strategy == CPS_ON_NODE {
            return self.run_cps_on_node(js);
        }
        let name = self.write_program(js, strategy);
        let mut cmd = Command::new(switchyard_bin());
        cmd.arg("run")
            .arg(&name)
            .arg(format!("--async-strategy={strategy}"))
            .arg("--virtual-time")
            .current_dir(self.work_dir());
        let out = run_with_timeout(&mut cmd, timeout())
            .unwrap_or_else(|e| failed_to_start(&switchyard_bin().display().to_string(), e));
        let _ = std::fs::remove_file(self.work_dir().join(&name));
        out
    }

    /// `switchyard compile --async-strategy=cps` then `node tests/node_host/run.mjs`.
    fn run_cps_on_node(&self, js: &str) -> RunOutput {
        let name = self.write_program(js, CPS_ON_NODE);
        let wasm = format!("{name}.wasm");
        let mut cmd = Command::new(switchyard_bin());
        cmd.arg("compile")
            .arg(&name)
            .arg("--async-strategy=cps")
            .arg("-o")
            .arg(&wasm)
            .current_dir(self.work_dir());
        let compiled = run_with_timeout(&mut cmd, timeout())
            .unwrap_or_else(|e| failed_to_start(&switchyard_bin().display().to_string(), e));
        let out = if compiled.code != Some(0) {
            compiled
        } else {
            let mut node = Command::new("node");
            node.arg(tests_dir().join("node_host").join("run.mjs"))
                .arg(&wasm)
                .arg("--name")
                .arg(&name)
                .arg("--virtual-time")
                .current_dir(self.work_dir());
            run_with_timeout(&mut node, timeout()).unwrap_or_else(|e| failed_to_start("node", e))
        };
        let _ = std::fs::remove_file(self.work_dir().join(&name));
        let _ = std::fs::remove_file(self.work_dir().join(&wasm));
        out
    }

    /// One case: node's output and switchyard's must be identical.
    fn check(&self, expected: &Expected, js: &str, strategy: &str) -> Result<(), TestCaseError> {
        let want = expected.get(js).map_err(TestCaseError::fail)?;
        let out = self.run_switchyard_on(js, strategy);
        if out.code == Some(0) && !out.timed_out && out.stdout == want {
            return Ok(());
        }
        let mut msg = format!(
            "{}: {}",
            if strategy == CPS_ON_NODE {
                "switchyard compile --async-strategy=cps + node tests/node_host/run.mjs".to_string()
            } else {
                format!("switchyard run --async-strategy={strategy} --virtual-time")
            },
            out.status_text
        );
        if out.stdout != want {
            msg.push_str("\ndiff (-node, +switchyard):\n");
            msg.push_str(&indent(&diff_report(&want, &out.stdout), "  "));
        }
        let err = out.stderr_str();
        if !err.trim().is_empty() {
            msg.push_str(&format!(
                "\nstderr:\n{}",
                indent(&truncate(&err, 2000), "  | ")
            ));
        }
        Err(TestCaseError::fail(msg))
    }

    /// Runs `programs()` (a proptest strategy, made once per runner
    /// thread) rendered by `render` under every strategy against node, and
    /// reports through a tally: one line per strategy, the smallest failing
    /// program of each that fails.
    pub fn run_against_node<S, M, R>(&self, programs: M, render: R)
    where
        S: Strategy,
        S::Value: Debug,
        M: Fn() -> S + Sync,
        R: Fn(&S::Value) -> String + Sync,
    {
        let mut strategies = strategies();
        if env_u64("SWITCHYARD_PROPTEST_CPS_ON_NODE", 0) == 1 {
            strategies.push(CPS_ON_NODE.to_string());
        }
        let cases = env_u64("SWITCHYARD_PROPTEST_CASES", self.default_cases) as u32;
        let seed = seed(self.default_seed);
        println!(
            "{cases} {} per strategy ({}), seed {seed}",
            self.what,
            strategies.join(",")
        );
        let expected = Expected {
            suite: self,
            cache: Mutex::new(HashMap::new()),
        };
        let preflight_want = self
            .run_node_on(self.preflight)
            .expect("node runs the preflight program");

        type RunnerResult = (String, Result<(), (String, String)>);
        let results: Vec<RunnerResult> = std::thread::scope(|scope| {
            let handles: Vec<_> = strategies
                .iter()
                .map(|strategy| {
                    let (expected, preflight_want) = (&expected, &preflight_want);
                    let (programs, render) = (&programs, &render);
                    scope.spawn(move || {
                        let r = self.run_one(
                            strategy,
                            expected,
                            preflight_want,
                            cases,
                            seed,
                            programs(),
                            render,
                        );
                        (strategy.clone(), r)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a proptest thread panicked"))
                .collect()
        });
        let mut tally = Tally::new(self.name, &strategies);
        for (strategy, r) in results {
            match r {
                Ok(()) => tally.pass(&strategy),
                Err((headline, detail)) => tally.fail(&strategy, headline, detail),
            }
        }
        tally.finish();
    }

    /// The preflight, then the random cases, for one strategy.
    #[allow(clippy::too_many_arguments)]
    fn run_one<S: Strategy>(
        &self,
        strategy: &str,
        expected: &Expected,
        preflight_want: &[u8],
        cases: u32,
        seed: u64,
        programs: S,
        render: &(impl Fn(&S::Value) -> String + Sync),
    ) -> Result<(), (String, String)>
    where
        S::Value: Debug,
    {
        let pre = self.run_switchyard_on(self.preflight, strategy);
        if pre.code != Some(0) || pre.stdout != preflight_want {
            let first = pre.stderr_str().lines().next().unwrap_or("").to_string();
            return Err((
                format!("{} ({}: {first})", self.preflight_failed, pre.status_text),
                format!(
                    "the preflight program failed, so no random programs were run:\n{}\nstdout:\n{}\nstderr:\n{}",
                    indent(self.preflight, "  | "),
                    indent(&truncate(&pre.stdout_str(), 1000), "  | "),
                    indent(&truncate(&pre.stderr_str(), 2000), "  | ")
                ),
            ));
        }
        let started = std::time::Instant::now();
        let mut runner = TestRunner::new(config(cases, seed));
        let result = runner.run(&programs, |p| self.check(expected, &render(&p), strategy));
        let secs = started.elapsed().as_secs_f64();
        match result {
            Ok(()) => {
                println!("[{strategy}] {cases} programs passed in {secs:.1}s");
                Ok(())
            }
            Err(TestError::Fail(reason, program)) => Err((
                self.mismatch.to_string(),
                format!(
                    "minimal failing program (after shrinking; seed {seed}):\n{}\n{}\n",
                    indent(&render(&program), "  | "),
                    reason
                ),
            )),
            Err(TestError::Abort(why)) => Err((format!("proptest aborted: {why}"), String::new())),
        }
    }
}

pub fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a whole number")),
        _ => default,
    }
}

/// The seed: `SWITCHYARD_PROPTEST_SEED` (a number, or `random`), else `default`.
pub fn seed(default: u64) -> u64 {
    match std::env::var("SWITCHYARD_PROPTEST_SEED") {
        Ok(v) if v.trim() == "random" => {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0);
            t ^ (std::process::id() as u64).rotate_left(32)
        }
        _ => env_u64("SWITCHYARD_PROPTEST_SEED", default),
    }
}

pub fn config(cases: u32, seed: u64) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: None,
        max_shrink_time: (env_u64("SWITCHYARD_PROPTEST_SHRINK_SECS", 120) * 1000) as u32,
        max_shrink_iters: 2000,
        ..Config::default()
    }
}

pub fn node_available() -> bool {
    matches!(node_major_version(), Ok((major, _)) if major >= 20)
}
