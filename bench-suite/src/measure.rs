//! Measuring one program: each run in a child process of its own, so that
//! the peak resident memory `wait4` reports (`ru_maxrss`) belongs to that
//! run alone.
//!
//! A switchyard run is this binary started as
//! `switchyard-bench --exec FILE.wasm --timing OUT`: it compiles the module
//! with Wasmtime, runs `main` (instantiation included), and writes both
//! times to `OUT`; its stdout is the program's. A node run is `node FILE.js`,
//! timed from spawn to exit minus node's start-up (`node -e ""`), as the
//! generator runner does.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use switchyard::{Options, Strategy};

/// What runs a program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Engine {
    Switchyard(Strategy),
    Node,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Switchyard(s) => s.name(),
            Engine::Node => "node",
        }
    }
}

/// How one child process ended.
pub struct ChildRun {
    /// Exit code, or 128 + signal.
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// Spawn to exit.
    pub wall: Duration,
    /// Peak resident set of the child, in KiB (`ru_maxrss`).
    pub max_rss_kib: u64,
}

/// Runs `cmd` to completion with stdout and stderr in files (so that a
/// chatty child cannot block on a pipe), killing it after `timeout`.
pub fn run_child(mut cmd: Command, scratch: &Path, timeout: Duration) -> Result<ChildRun, String> {
    std::fs::create_dir_all(scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let out_path = scratch.join("child.stdout");
    let err_path = scratch.join("child.stderr");
    let out = std::fs::File::create(&out_path).map_err(|e| e.to_string())?;
    let err = std::fs::File::create(&err_path).map_err(|e| e.to_string())?;
    cmd.stdin(Stdio::null()).stdout(out).stderr(err);
    let start = Instant::now();
    let child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    let pid = child.id() as libc::pid_t;
    // A watchdog kills the child if it outlives `timeout`; it is told when
    // the child has been reaped (before that the pid cannot be reused).
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if done_rx.recv_timeout(timeout).is_err() {
            unsafe {
                libc::kill(pid, libc::SIGKILL);
            }
            return true;
        }
        false
    });
    let mut status: libc::c_int = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = loop {
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == -1 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        break r;
    };
    let wall = start.elapsed();
    // The child is reaped: `Child` must not wait for it again.
    std::mem::forget(child);
    let _ = done_tx.send(());
    let killed = watchdog.join().unwrap_or(false);
    if r != pid {
        return Err(format!("wait4 failed: {}", std::io::Error::last_os_error()));
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else if libc::WIFSIGNALED(status) {
        128 + libc::WTERMSIG(status)
    } else {
        -1
    };
    let stdout = std::fs::read_to_string(&out_path).unwrap_or_default();
    let mut stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    if killed {
        stderr.push_str(&format!("killed after {} s\n", timeout.as_secs()));
    }
    Ok(ChildRun {
        code,
        stdout,
        stderr,
        wall,
        max_rss_kib: usage.ru_maxrss as u64,
    })
}

/// One measured run.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// Execution time: switchyard's instantiate + `main`; node's wall time
    /// minus its start-up.
    pub exec: Duration,
    /// Spawn to exit.
    pub wall: Duration,
    /// Wasmtime's compilation (switchyard only).
    pub jit: Option<Duration>,
    pub max_rss_kib: u64,
}

/// A compiled program, ready to be run in children.
pub struct Built {
    pub wasm_path: PathBuf,
    pub wasm_size: usize,
    /// JS -> Wasm (for asyncify: including Binaryen).
    pub compile: Duration,
}

/// Compiles `source` for `strategy` and writes the module to `wasm_path`.
pub fn build(
    source: &str,
    name: &str,
    strategy: Strategy,
    wasm_path: &Path,
) -> Result<Built, String> {
    let opts = Options {
        strategy,
        names: false,
    };
    let start = Instant::now();
    let compiled = switchyard::compile(source, name, &opts).map_err(|e| e.to_string())?;
    let compile = start.elapsed();
    write_file(wasm_path, &compiled.wasm)?;
    Ok(Built {
        wasm_path: wasm_path.to_path_buf(),
        wasm_size: compiled.wasm.len(),
        compile,
    })
}

pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::File::create(path)
        .and_then(|mut f| f.write_all(bytes))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The first lines of a child's stderr, for an error message.
fn stderr_head(run: &ChildRun) -> String {
    let lines: Vec<&str> = run.stderr.lines().take(3).collect();
    if lines.is_empty() {
        format!("exit {}", run.code)
    } else {
        format!("exit {}: {}", run.code, lines.join(" / "))
    }
}

/// The executable children run: a copy of this binary in the scratch
/// directory's parent, made once, so that rebuilding the binary during a
/// long report run cannot pull it from under the run.
fn child_exe(scratch: &Path) -> Result<PathBuf, String> {
    static EXE: std::sync::OnceLock<Result<PathBuf, String>> = std::sync::OnceLock::new();
    EXE.get_or_init(|| {
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        let dir = scratch.parent().unwrap_or(scratch);
        let copy = dir.join("switchyard-bench-child");
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        std::fs::copy(&exe, &copy).map_err(|e| format!("{}: {e}", exe.display()))?;
        Ok(copy)
    })
    .clone()
}

/// Runs a compiled module once in a child (this binary with `--exec`).
/// Returns the sample and what the program printed.
pub fn run_wasm_once(
    built: &Built,
    name: &str,
    scratch: &Path,
    timeout: Duration,
) -> Result<(Sample, String), String> {
    let exe = child_exe(scratch)?;
    let timing = scratch.join("timing");
    let _ = std::fs::remove_file(&timing);
    let mut cmd = Command::new(exe);
    cmd.arg("--exec")
        .arg(&built.wasm_path)
        .arg("--name")
        .arg(name)
        .arg("--timing")
        .arg(&timing);
    let run = run_child(cmd, scratch, timeout)?;
    if run.code != 0 {
        return Err(stderr_head(&run));
    }
    let text = std::fs::read_to_string(&timing).map_err(|e| format!("no timing: {e}"))?;
    let mut nums = text
        .split_whitespace()
        .map(|n| n.parse::<u64>().map(Duration::from_nanos));
    let (Some(Ok(jit)), Some(Ok(exec))) = (nums.next(), nums.next()) else {
        return Err(format!("bad timing file: {text:?}"));
    };
    Ok((
        Sample {
            exec,
            wall: run.wall,
            jit: Some(jit),
            max_rss_kib: run.max_rss_kib,
        },
        run.stdout,
    ))
}

/// How node runs a program: a wrapper takes the time from just before the
/// program is loaded (`require`: parsed, compiled and run as a CommonJS
/// module, which for these scripts means the same) to the process's exit,
/// with `process.hrtime`, and writes it in nanoseconds to a file. That is
/// the program's time without node's own start-up, measured inside node;
/// wall time minus the start-up of `node -e ""` (what the generator runner
/// uses) is kept as well, but on a busy machine the start-up's spread
/// swamps programs that run for less than a few hundred milliseconds.
const NODE_WRAPPER: &str = "const t0 = process.hrtime.bigint();\n\
const [file, timing] = process.argv.slice(1);\n\
process.on('exit', () => require('fs').writeFileSync(timing, String(process.hrtime.bigint() - t0)));\n\
require(file);\n";

/// Runs `node FILE.js` once (through [`NODE_WRAPPER`]); the sample's `exec`
/// is the time measured inside node, `wall` spawn to exit.
pub fn run_node_once(
    js_path: &Path,
    scratch: &Path,
    timeout: Duration,
) -> Result<(Sample, String), String> {
    let timing = scratch.join("node-timing");
    let _ = std::fs::remove_file(&timing);
    let js_path =
        std::fs::canonicalize(js_path).map_err(|e| format!("{}: {e}", js_path.display()))?;
    std::fs::create_dir_all(scratch).map_err(|e| e.to_string())?;
    let timing = std::path::absolute(&timing).map_err(|e| e.to_string())?;
    let mut cmd = Command::new("node");
    cmd.arg("-e").arg(NODE_WRAPPER).arg(&js_path).arg(&timing);
    if let Some(dir) = js_path.parent() {
        cmd.current_dir(dir);
    }
    let run = run_child(cmd, scratch, timeout)?;
    if run.code != 0 {
        return Err(stderr_head(&run));
    }
    let text = std::fs::read_to_string(&timing).map_err(|e| format!("no node timing: {e}"))?;
    let ns: u64 = text
        .trim()
        .parse()
        .map_err(|_| format!("bad node timing: {text:?}"))?;
    Ok((
        Sample {
            exec: Duration::from_nanos(ns),
            wall: run.wall,
            jit: None,
            max_rss_kib: run.max_rss_kib,
        },
        run.stdout,
    ))
}

/// Node's start-up: the median wall time and peak RSS of `node -e ""`.
pub fn node_startup(runs: usize, scratch: &Path) -> Result<(Duration, u64), String> {
    let mut walls = Vec::new();
    let mut rss = Vec::new();
    for _ in 0..runs.max(3) {
        let mut cmd = Command::new("node");
        cmd.args(["-e", ""]);
        let run = run_child(cmd, scratch, Duration::from_secs(60))?;
        if run.code != 0 {
            return Err(format!("node -e \"\" failed: {}", stderr_head(&run)));
        }
        walls.push(run.wall);
        rss.push(run.max_rss_kib);
    }
    walls.sort();
    rss.sort();
    Ok((walls[walls.len() / 2], rss[rss.len() / 2]))
}

/// `switchyard-bench --exec FILE.wasm --name NAME --timing OUT`: the child
/// side of [`run_wasm_once`]. Returns the process exit code.
pub fn exec_child(wasm: &Path, name: &str, timing: &Path) -> i32 {
    let bytes = match std::fs::read(wasm) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}: {e}", wasm.display());
            return 2;
        }
    };
    let start = Instant::now();
    let prepared = match switchyard_host::prepare(&bytes, &Default::default()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", e.message);
            return 2;
        }
    };
    let jit = start.elapsed();
    let start = Instant::now();
    let outcome = switchyard_host::run_prepared(&prepared, switchyard::RunOptions::new(name));
    let exec = start.elapsed();
    use std::io::Write as _;
    let _ = std::io::stdout().flush();
    match outcome {
        Ok(switchyard::Outcome::Finished) => {}
        Ok(switchyard::Outcome::UncaughtException { message }) => {
            eprintln!("{message}");
            return 1;
        }
        Ok(switchyard::Outcome::Trap { message, .. }) => {
            eprintln!("{message}");
            return 3;
        }
        Err(e) => {
            eprintln!("{}", e.message);
            return 4;
        }
    }
    if let Err(e) = write_file(
        timing,
        format!("{} {}\n", jit.as_nanos(), exec.as_nanos()).as_bytes(),
    ) {
        eprintln!("{e}");
        return 4;
    }
    0
}

/// Median, minimum and maximum.
#[derive(Clone, Copy, Debug)]
pub struct Stats<T> {
    pub median: T,
    pub min: T,
    pub max: T,
}

pub fn stats<T: Ord + Copy>(mut samples: Vec<T>) -> Option<Stats<T>> {
    if samples.is_empty() {
        return None;
    }
    samples.sort();
    Some(Stats {
        median: samples[samples.len() / 2],
        min: samples[0],
        max: samples[samples.len() - 1],
    })
}
