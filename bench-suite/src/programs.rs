//! The fiber benchmark programs in `bench-suite/programs/fiber/`.
//!
//! Each benchmark `NAME` has up to three variants, all honest JS of the
//! subset switchyard compiles:
//!
//! - `NAME.fiber.js` uses the `Fiber` builtin (switchyard only: node has no
//!   `Fiber`);
//! - `NAME.generator.js` expresses the same with JS generators (runs under
//!   node too);
//! - `NAME.bespoke.js` is the baseline without suspension (an explicit
//!   state machine, callbacks or plain calls), also runnable under node.
//!
//! Problem sizes are constants the harness substitutes: a line
//!
//! ```js
//! const TOTAL = 10010000; // bench-size quick=1001000 test=10100
//! ```
//!
//! runs with 10010000 at the full size (which is what `node FILE.js` runs)
//! and with the listed values at the `quick` and `test` sizes. Every variant
//! prints one line, a checksum, declared per size by
//! `// bench-expect: full=N quick=N test=N`.

use std::path::{Path, PathBuf};

/// The problem size a program is run at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    /// The sizes written in the files (the report).
    Full,
    /// Smaller sizes for `--report --quick`.
    Quick,
    /// Tiny sizes for the correctness test.
    Test,
}

impl Size {
    pub fn name(self) -> &'static str {
        match self {
            Size::Full => "full",
            Size::Quick => "quick",
            Size::Test => "test",
        }
    }
}

/// A variant of a benchmark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Variant {
    Fiber,
    Generator,
    /// An async/await program (the async benchmarks, `programs/async/`).
    Async,
    Bespoke,
}

impl Variant {
    pub const ALL: [Variant; 4] = [
        Variant::Fiber,
        Variant::Generator,
        Variant::Async,
        Variant::Bespoke,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Variant::Fiber => "fiber",
            Variant::Generator => "generator",
            Variant::Async => "async",
            Variant::Bespoke => "bespoke",
        }
    }

    /// Whether node can run this variant (it has no `Fiber`).
    pub fn runs_on_node(self) -> bool {
        self != Variant::Fiber
    }
}

/// One program file of a benchmark.
#[derive(Clone, Debug)]
pub struct Program {
    pub variant: Variant,
    pub path: PathBuf,
    pub source: String,
}

impl Program {
    /// The source with the size constants set for `size`.
    pub fn source_at(&self, size: Size) -> Result<String, String> {
        source_at(&self.source, size).map_err(|e| format!("{}: {e}", self.path.display()))
    }

    /// The checksum the program must print at `size`.
    pub fn expected(&self, size: Size) -> Result<String, String> {
        expected(&self.source, size).map_err(|e| format!("{}: {e}", self.path.display()))
    }

    /// A short label, e.g. `c10m.fiber.js`.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// A benchmark: its name and the variants that exist.
#[derive(Clone, Debug)]
pub struct Benchmark {
    pub name: String,
    pub programs: Vec<Program>,
}

impl Benchmark {
    pub fn variant(&self, v: Variant) -> Option<&Program> {
        self.programs.iter().find(|p| p.variant == v)
    }
}

/// The directory of the fiber benchmarks.
pub fn fiber_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("programs")
        .join("fiber")
}

/// The directory of the async benchmarks (an `async` and a `bespoke`
/// variant each).
pub fn async_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("programs")
        .join("async")
}

/// The order benchmarks are reported in: the WasmFX artifact's two fiber
/// benchmarks first, then the fiber-c suite, then the async benchmarks.
const ORDER: [&str; 9] = [
    "c10m",
    "skynet",
    "itersum",
    "sieve",
    "treesum",
    "state",
    "await-seq",
    "ping-pong",
    "tasks",
];

/// Every benchmark in `dir` (`NAME.VARIANT.js` files), in report order.
pub fn load(dir: &Path) -> Result<Vec<Benchmark>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "js"))
        .collect();
    files.sort();
    let mut benches: Vec<Benchmark> = Vec::new();
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let Some((name, variant)) = stem.rsplit_once('.') else {
            return Err(format!("{}: expected NAME.VARIANT.js", path.display()));
        };
        let variant = match variant {
            "fiber" => Variant::Fiber,
            "generator" => Variant::Generator,
            "async" => Variant::Async,
            "bespoke" => Variant::Bespoke,
            other => {
                return Err(format!(
                    "{}: unknown variant `{other}` (fiber, generator, async, bespoke)",
                    path.display()
                ))
            }
        };
        let source =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let program = Program {
            variant,
            path,
            source,
        };
        match benches.iter_mut().find(|b| b.name == name) {
            Some(b) => b.programs.push(program),
            None => benches.push(Benchmark {
                name: name.to_string(),
                programs: vec![program],
            }),
        }
    }
    for b in &mut benches {
        b.programs.sort_by_key(|p| p.variant);
    }
    benches.sort_by_key(|b| {
        (
            ORDER
                .iter()
                .position(|n| *n == b.name)
                .unwrap_or(ORDER.len()),
            b.name.clone(),
        )
    });
    Ok(benches)
}

/// `key=value` pairs of a header's text.
fn pairs(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.split_whitespace().filter_map(|w| w.split_once('='))
}

/// Sets every `const NAME = V; // bench-size quick=A test=B` line to the
/// value for `size` (the full size is the value written in the file).
pub fn source_at(source: &str, size: Size) -> Result<String, String> {
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        match line.split_once("// bench-size") {
            Some((code, sizes)) if size != Size::Full => {
                let code = code.trim_end();
                let (lhs, _) = code
                    .split_once('=')
                    .filter(|(l, _)| l.trim_start().starts_with("const "))
                    .ok_or_else(|| format!("`{line}`: expected `const NAME = VALUE;`"))?;
                let value = pairs(sizes)
                    .find(|(k, _)| *k == size.name())
                    .map(|(_, v)| v)
                    .ok_or_else(|| format!("`{line}`: no value for size `{}`", size.name()))?;
                out.push_str(&format!("{}= {value}; // bench-size{sizes}\n", lhs));
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    Ok(out)
}

/// The checksum declared by `// bench-expect: full=N quick=N test=N`.
pub fn expected(source: &str, size: Size) -> Result<String, String> {
    let line = source
        .lines()
        .find_map(|l| l.trim().strip_prefix("// bench-expect:"))
        .ok_or("no `// bench-expect:` line")?;
    pairs(line)
        .find(|(k, _)| *k == size.name())
        .map(|(_, v)| v.to_string())
        .ok_or_else(|| format!("`// bench-expect:` has no value for `{}`", size.name()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_substituted() {
        let src = "// bench-expect: full=10 quick=5 test=1\nconst N = 100; // bench-size quick=10 test=2\nconsole.log(N);\n";
        assert_eq!(source_at(src, Size::Full).unwrap(), src);
        let t = source_at(src, Size::Test).unwrap();
        assert!(
            t.contains("const N = 2; // bench-size quick=10 test=2\n"),
            "{t}"
        );
        assert_eq!(expected(src, Size::Quick).unwrap(), "5");
        assert!(source_at("const N = 1; // bench-size quick=2\n", Size::Test).is_err());
    }
}
