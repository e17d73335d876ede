//! Helpers shared by the differential test harnesses (`tests/corpus.rs` and later ones).
//!
//! Everything here is plain `std`: running a process with a timeout, finding test
//! programs, parsing `// expect-...:` headers, diffing outputs, running jobs on a few
//! threads, and reading the harness's environment variables.
//!
//! Environment variables read here:
//! - `SWITCHYARD_STRATEGIES`: comma-separated async strategies to test (default: all).
//! - `SWITCHYARD_TEST_JOBS`: programs run at once (default: available cores, 2..=4).
//! - `SWITCHYARD_TEST_TIMEOUT`: seconds before a program counts as hung (default: 60).
//! - `SWITCHYARD_MAX_REPORTS`: failures reported in full, with diff (default: 40).
//! - `SWITCHYARD_SKIP_NODE=1`: skip the checks that need node.

#![allow(dead_code)]

pub mod differential_proptest;

use std::fmt::Write as _;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// The async strategies the CLI accepts, in the order they are reported.
pub const DEFAULT_STRATEGIES: &[&str] = &["cps", "asyncify", "wasmfx"];

/// The path of the `switchyard` binary built for this test run.
pub fn switchyard_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_switchyard"))
}

/// `<repo>/tests`: the working directory for CLI runs, so paths in messages are stable.
pub fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Strategies to test: `SWITCHYARD_STRATEGIES` (comma separated) or all of them.
pub fn strategies() -> Vec<String> {
    match std::env::var("SWITCHYARD_STRATEGIES") {
        Ok(v) if !v.trim().is_empty() => v
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        _ => DEFAULT_STRATEGIES.iter().map(|s| s.to_string()).collect(),
    }
}

fn env_number(name: &str) -> Option<u64> {
    let v = std::env::var(name).ok()?;
    match v.trim().parse::<u64>() {
        Ok(n) => Some(n),
        Err(_) => panic!("{name}={v:?} is not a whole number"),
    }
}

/// Number of programs run at once.
pub fn jobs() -> usize {
    if let Some(n) = env_number("SWITCHYARD_TEST_JOBS") {
        return (n as usize).max(1);
    }
    let cores = thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    cores.clamp(2, 4)
}

/// How long one program may run before it is killed and counted as hung.
pub fn timeout() -> Duration {
    Duration::from_secs(env_number("SWITCHYARD_TEST_TIMEOUT").unwrap_or(60).max(1))
}

/// How many failures are reported in full (the rest are listed by name only).
pub fn max_reports() -> usize {
    env_number("SWITCHYARD_MAX_REPORTS").unwrap_or(40) as usize
}

/// True when `SWITCHYARD_SKIP_NODE=1`.
pub fn skip_node() -> bool {
    std::env::var("SWITCHYARD_SKIP_NODE")
        .map(|v| v.trim() == "1")
        .unwrap_or(false)
}

// ---------------------------------------------------------------------------
// Running processes
// ---------------------------------------------------------------------------

/// What a finished (or killed) process did.
#[derive(Debug, Clone)]
pub struct RunOutput {
    /// Exit code; `None` if killed by a signal (or by us after a timeout).
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub timed_out: bool,
    pub elapsed: Duration,
    /// Human-readable status, e.g. `exit code 1`, `killed by signal 9`, `timed out after 60s`.
    pub status_text: String,
}

impl RunOutput {
    pub fn stdout_str(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
    pub fn stderr_str(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

fn describe_status(status: &ExitStatus) -> String {
    if let Some(code) = status.code() {
        return format!("exit code {code}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("killed by signal {sig}");
        }
    }
    format!("{status}")
}

fn spawn_reader<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    })
}

fn wait_with_deadline(
    child: &mut Child,
    timeout: Duration,
) -> io::Result<(Option<ExitStatus>, bool)> {
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok((Some(status), false));
        }
        if start.elapsed() >= timeout {
            let _ = child.kill();
            let status = child.wait().ok();
            return Ok((status, true));
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(25));
    }
}

/// Runs `cmd` with stdin closed, capturing stdout and stderr, killing it after `timeout`.
/// Both pipes are drained concurrently, so a chatty program cannot deadlock the harness.
pub fn run_with_timeout(cmd: &mut Command, timeout: Duration) -> io::Result<RunOutput> {
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let out_reader = spawn_reader(child.stdout.take());
    let err_reader = spawn_reader(child.stderr.take());
    let (status, timed_out) = wait_with_deadline(&mut child, timeout)?;
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    let elapsed = start.elapsed();
    let code = status.as_ref().and_then(|s| s.code());
    let status_text = if timed_out {
        format!("timed out after {}s (killed)", timeout.as_secs())
    } else {
        status
            .as_ref()
            .map(describe_status)
            .unwrap_or_else(|| "unknown status".into())
    };
    Ok(RunOutput {
        code: if timed_out { None } else { code },
        stdout,
        stderr,
        timed_out,
        elapsed,
        status_text,
    })
}

/// Runs `switchyard run <rel_path> --async-strategy=<strategy>
/// --virtual-time` from `tests/`. Timers run on the virtual clock: the
/// order of events is the one Node shows when it is not late (what the
/// `.out` files record), without the waiting and without the flakiness of
/// real time on a loaded machine. (`tests/library_api.rs` checks that real
/// time really waits.)
pub fn run_switchyard(rel_path: &str, strategy: &str) -> RunOutput {
    let mut cmd = Command::new(switchyard_bin());
    cmd.arg("run")
        .arg(rel_path)
        .arg(format!("--async-strategy={strategy}"))
        .arg("--virtual-time")
        .current_dir(tests_dir());
    match run_with_timeout(&mut cmd, timeout()) {
        Ok(out) => out,
        Err(e) => RunOutput {
            code: None,
            stdout: Vec::new(),
            stderr: format!(
                "harness could not start {}: {e}",
                switchyard_bin().display()
            )
            .into_bytes(),
            timed_out: false,
            elapsed: Duration::ZERO,
            status_text: "failed to start".into(),
        },
    }
}

// ---------------------------------------------------------------------------
// Node
// ---------------------------------------------------------------------------

/// The major version of the `node` on PATH, or an explanation of why there is none.
pub fn node_major_version() -> Result<(u32, String), String> {
    let mut cmd = Command::new("node");
    cmd.arg("--version");
    let out = run_with_timeout(&mut cmd, Duration::from_secs(30))
        .map_err(|e| format!("node could not be started ({e}); install node v20 or newer"))?;
    let text = out.stdout_str().trim().to_string();
    if out.code != Some(0) {
        return Err(format!("`node --version` failed: {}", out.status_text));
    }
    let major = text
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok())
        .ok_or_else(|| format!("cannot parse node version {text:?}"))?;
    Ok((major, text))
}

/// Runs `node NAME.js` in the file's own directory with a clean environment (PATH only),
/// exactly as `tests/regen-expected.sh` does.
pub fn run_node(js: &Path) -> RunOutput {
    let dir = js.parent().unwrap_or_else(|| Path::new("."));
    let name = js.file_name().expect("a file name");
    let mut cmd = Command::new("node");
    cmd.arg(name).current_dir(dir).env_clear();
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    match run_with_timeout(&mut cmd, timeout()) {
        Ok(out) => out,
        Err(e) => RunOutput {
            code: None,
            stdout: Vec::new(),
            stderr: format!("could not start node: {e}").into_bytes(),
            timed_out: false,
            elapsed: Duration::ZERO,
            status_text: "failed to start".into(),
        },
    }
}

// ---------------------------------------------------------------------------
// Finding programs
// ---------------------------------------------------------------------------

/// All files under `dir` (recursively) whose name ends with `.{ext}`, sorted by path.
pub fn collect_files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(_) => return,
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let ft = match entry.file_type() {
                Ok(ft) => ft,
                Err(_) => continue,
            };
            if ft.is_dir() {
                walk(&path, ext, out);
            } else if path.extension().map(|e| e == ext).unwrap_or(false) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, ext, &mut out);
    out.sort();
    out
}

/// `path` relative to `base`, with `/` separators (as passed on the command line).
pub fn rel_path(path: &Path, base: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// `foo/bar.js` -> `foo/bar.out`.
pub fn expected_path(js: &Path) -> PathBuf {
    js.with_extension("out")
}

// ---------------------------------------------------------------------------
// Header comments of negative tests
// ---------------------------------------------------------------------------

/// Expectations from a negative test's leading `//` comment lines:
///
/// ```text
/// // expect-exit: 2                          (required) exact exit code
/// // expect-stderr: negative/x.js:3:9        (any number) substring stderr must contain
/// // expect-stdout: first line               (any number) stdout must be exactly these lines
/// // expect-no-stdout                        stdout must be empty
/// // any other comment is free text
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectations {
    pub exit: i32,
    pub stderr_contains: Vec<String>,
    /// The exact stdout required, if any (`expect-stdout` lines each end with `\n`).
    pub stdout: Option<String>,
}

/// Parses the header: the `//` comment lines at the top of the file (blank lines allowed).
/// An unknown `expect-...` directive is an error, so that typos don't silently pass.
pub fn parse_expectations(source: &str) -> Result<Expectations, String> {
    let mut exit = None;
    let mut stderr_contains = Vec::new();
    let mut stdout_lines: Vec<String> = Vec::new();
    let mut no_stdout = false;
    for (idx, line) in source.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let Some(comment) = t.strip_prefix("//") else {
            break;
        };
        let comment = comment.trim_start();
        if !comment.starts_with("expect-") {
            continue;
        }
        let lineno = idx + 1;
        let (key, value) = match comment.split_once(':') {
            Some((k, v)) => (k.trim(), Some(v.strip_prefix(' ').unwrap_or(v))),
            None => (comment.trim(), None),
        };
        match (key, value) {
            ("expect-exit", Some(v)) => {
                if exit.is_some() {
                    return Err(format!("line {lineno}: more than one expect-exit"));
                }
                exit = Some(
                    v.trim()
                        .parse::<i32>()
                        .map_err(|_| format!("line {lineno}: bad exit code {v:?}"))?,
                );
            }
            ("expect-stderr", Some(v)) => {
                if v.trim().is_empty() {
                    return Err(format!("line {lineno}: empty expect-stderr"));
                }
                stderr_contains.push(v.trim_end().to_string());
            }
            ("expect-stdout", Some(v)) => {
                stdout_lines.push(v.trim_end_matches(['\r', '\n']).to_string())
            }
            ("expect-no-stdout", None) => no_stdout = true,
            _ => {
                return Err(format!(
                    "line {lineno}: unknown or malformed directive {comment:?}"
                ))
            }
        }
    }
    let exit = exit.ok_or("no `// expect-exit: N` header")?;
    if no_stdout && !stdout_lines.is_empty() {
        return Err("both expect-no-stdout and expect-stdout".into());
    }
    let stdout = if no_stdout {
        Some(String::new())
    } else if stdout_lines.is_empty() {
        None
    } else {
        Some(stdout_lines.iter().map(|l| format!("{l}\n")).collect())
    };
    Ok(Expectations {
        exit,
        stderr_contains,
        stdout,
    })
}

/// Checks a run against expectations; returns the list of violations (empty if all hold).
pub fn check_expectations(exp: &Expectations, out: &RunOutput) -> Vec<String> {
    let mut problems = Vec::new();
    if out.timed_out {
        problems.push(out.status_text.clone());
    } else if out.code != Some(exp.exit) {
        problems.push(format!(
            "expected exit code {}, got {}",
            exp.exit, out.status_text
        ));
    }
    let stderr = out.stderr_str();
    for needle in &exp.stderr_contains {
        if !stderr.contains(needle.as_str()) {
            problems.push(format!("stderr does not contain {needle:?}"));
        }
    }
    if let Some(want) = &exp.stdout {
        if out.stdout != want.as_bytes() {
            problems.push(format!(
                "stdout differs from expect-stdout:\n{}",
                diff_report(want.as_bytes(), &out.stdout)
            ));
        }
    }
    problems
}

// ---------------------------------------------------------------------------
// Diffing
// ---------------------------------------------------------------------------

const CONTEXT: usize = 3;
const MAX_HUNK_LINES: usize = 12;
const RESYNC_WINDOW: usize = 60;

fn split_lines(bytes: &[u8]) -> (Vec<String>, bool) {
    let text = String::from_utf8_lossy(bytes);
    let ends_with_newline = text.ends_with('\n');
    let mut lines: Vec<String> = text.split('\n').map(|s| s.to_string()).collect();
    if ends_with_newline {
        lines.pop();
    }
    if text.is_empty() {
        lines.clear();
    }
    (lines, ends_with_newline)
}

/// A short unified-style report of the first difference between `expected` and `actual`:
/// a `@@` header, up to three lines of context, `-expected` / `+actual` lines, and
/// whitespace-revealing detail when the differing lines look alike. Empty if equal.
pub fn diff_report(expected: &[u8], actual: &[u8]) -> String {
    if expected == actual {
        return String::new();
    }
    let (exp, exp_nl) = split_lines(expected);
    let (act, act_nl) = split_lines(actual);
    let mut out = String::new();
    let first = exp
        .iter()
        .zip(act.iter())
        .take_while(|(a, b)| a == b)
        .count();
    if first == exp.len() && first == act.len() {
        // Same lines; only the final newline differs.
        let _ = writeln!(
            out,
            "outputs differ only in the final newline: expected {}, got {}",
            if exp_nl {
                "a trailing newline"
            } else {
                "no trailing newline"
            },
            if act_nl {
                "a trailing newline"
            } else {
                "no trailing newline"
            }
        );
        return out;
    }
    // Find where the two sides line up again (smallest total skip), within a window.
    let mut resync = None;
    'search: for total in 1..=RESYNC_WINDOW * 2 {
        for a in 0..=total.min(RESYNC_WINDOW) {
            let b = total - a;
            if b > RESYNC_WINDOW {
                continue;
            }
            let (ea, ab) = (first + a, first + b);
            let both_end = ea == exp.len() && ab == act.len();
            let lines_match = ea < exp.len()
                && ab < act.len()
                && exp[ea] == act[ab]
                && (ea + 1 >= exp.len() || ab + 1 >= act.len() || exp[ea + 1] == act[ab + 1]);
            if both_end || lines_match {
                resync = Some((a, b));
                break 'search;
            }
        }
    }
    let (del, ins, resynced) = match resync {
        Some((a, b)) => (a, b, true),
        None => (
            (exp.len() - first).min(MAX_HUNK_LINES),
            (act.len() - first).min(MAX_HUNK_LINES),
            false,
        ),
    };
    let ctx_start = first.saturating_sub(CONTEXT);
    let _ = writeln!(
        out,
        "@@ first difference at line {} (expected {} lines, got {}) @@",
        first + 1,
        exp.len(),
        act.len()
    );
    for l in &exp[ctx_start..first] {
        let _ = writeln!(out, " {l}");
    }
    let shown_del = del.min(MAX_HUNK_LINES);
    let shown_ins = ins.min(MAX_HUNK_LINES);
    for l in &exp[first..first + shown_del] {
        let _ = writeln!(out, "-{l}");
    }
    if del > shown_del {
        let _ = writeln!(out, "-... ({} more expected lines)", del - shown_del);
    }
    for l in &act[first..first + shown_ins] {
        let _ = writeln!(out, "+{l}");
    }
    if ins > shown_ins {
        let _ = writeln!(out, "+... ({} more actual lines)", ins - shown_ins);
    }
    if resynced {
        let after = first + del;
        for l in exp.iter().skip(after).take(CONTEXT) {
            let _ = writeln!(out, " {l}");
        }
    } else {
        let _ = writeln!(out, "(no resynchronisation within {RESYNC_WINDOW} lines)");
    }
    // When the first differing pair looks the same to the eye, show it escaped.
    if first < exp.len() && first < act.len() {
        let (e, a) = (&exp[first], &act[first]);
        if e.trim() == a.trim() || e.len() == a.len() {
            let _ = writeln!(out, "line {} escaped: expected {:?}", first + 1, e);
            let _ = writeln!(out, "line {} escaped:      got {:?}", first + 1, a);
        }
    }
    out
}

/// At most `max` characters of `s`, noting how much was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{cut}\n... ({} more characters)", s.chars().count() - max)
}

/// Indents every line of `s` by `prefix`.
pub fn indent(s: &str, prefix: &str) -> String {
    s.lines().map(|l| format!("{prefix}{l}\n")).collect()
}

// ---------------------------------------------------------------------------
// Parallel execution
// ---------------------------------------------------------------------------

/// Applies `f` to every item on `threads` worker threads; results keep the input order.
pub fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    let workers = threads.max(1).min(items.len().max(1));
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= items.len() {
                    break;
                }
                let r = f(&items[i]);
                results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every item was processed"))
        .collect()
}

// ---------------------------------------------------------------------------
// Failure bookkeeping
// ---------------------------------------------------------------------------

/// One failed check: a short headline (for the summary) and the full detail.
#[derive(Debug, Clone)]
pub struct Failure {
    pub group: String,
    pub headline: String,
    pub detail: String,
}

/// Tallies per group (e.g. per strategy) and collects failures; `finish` panics once with all of them.
pub struct Tally {
    title: String,
    groups: Vec<(String, usize, usize)>,
    failures: Vec<Failure>,
}

impl Tally {
    pub fn new(title: &str, groups: &[String]) -> Self {
        Tally {
            title: title.to_string(),
            groups: groups.iter().map(|g| (g.clone(), 0, 0)).collect(),
            failures: Vec::new(),
        }
    }

    fn slot(&mut self, group: &str) -> &mut (String, usize, usize) {
        if let Some(i) = self.groups.iter().position(|g| g.0 == group) {
            return &mut self.groups[i];
        }
        self.groups.push((group.to_string(), 0, 0));
        self.groups.last_mut().unwrap()
    }

    pub fn pass(&mut self, group: &str) {
        self.slot(group).1 += 1;
    }

    pub fn fail(&mut self, group: &str, headline: String, detail: String) {
        self.slot(group).2 += 1;
        self.failures.push(Failure {
            group: group.to_string(),
            headline,
            detail,
        });
    }

    pub fn failed(&self) -> usize {
        self.failures.len()
    }

    /// Prints details of failures (capped by `SWITCHYARD_MAX_REPORTS`), the per-group
    /// closing lines, and panics listing every failure if there was any.
    pub fn finish(self) {
        let cap = max_reports();
        for (i, f) in self.failures.iter().enumerate() {
            if i == cap {
                println!(
                    "... {} more failures not shown in full (set SWITCHYARD_MAX_REPORTS to see more)\n",
                    self.failures.len() - cap
                );
                break;
            }
            println!("==== FAIL [{}] {}\n{}", f.group, f.headline, f.detail);
        }
        let mut summary = String::new();
        let (mut total_pass, mut total_fail) = (0, 0);
        for (group, pass, fail) in &self.groups {
            let _ = writeln!(
                summary,
                "{} [{group}]: {pass} passed, {fail} failed",
                self.title
            );
            total_pass += pass;
            total_fail += fail;
        }
        let _ = writeln!(
            summary,
            "{}: {total_pass} passed, {total_fail} failed",
            self.title
        );
        // Written to the real stderr (not the test harness's captured one), so the closing
        // lines show in CI logs even when everything passes.
        {
            use std::io::Write as _;
            let mut err = io::stderr().lock();
            let _ = err.write_all(summary.as_bytes());
            let _ = err.flush();
        }
        if !self.failures.is_empty() {
            let mut msg = format!("{} failure(s) in {}:\n", self.failures.len(), self.title);
            for f in &self.failures {
                let _ = writeln!(msg, "  [{}] {}", f.group, f.headline);
            }
            msg.push_str(&summary);
            msg.push_str(
                "(details above; rerun with `-- --nocapture` to see them even on success)",
            );
            panic!("{msg}");
        }
    }
}
