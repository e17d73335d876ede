//! Running Binaryen 116 (through the `wasm-opt` crate's low-level API) on a
//! module that [`crate::inspect`] has cleared.

use crate::{AsyncifyError, AsyncifyOptions, OPT_LEVEL, SHRINK_LEVEL};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use wasm_opt::base::{validate_wasm, PassRunner};
use wasm_opt::base::{Feature, FeatureSet, Module, ModuleReader, ModuleWriter, PassOptions};

/// One Binaryen pipeline at a time in this process.
static BINARYEN: Mutex<()> = Mutex::new(());

/// The Binaryen features matching [`crate::binaryen_features`].
const FEATURES: [Feature; 10] = [
    Feature::MutableGlobals,
    Feature::SignExt,
    Feature::TruncSat,
    Feature::BulkMemory,
    Feature::Multivalue,
    Feature::TailCall,
    Feature::ReferenceTypes,
    Feature::Simd,
    Feature::ExtendedConst,
    Feature::ExceptionHandling,
];

/// Binaryen's `-O3` *function* pipeline (`addDefaultFunctionOptimizationPasses`
/// for a module without GC), run before Asyncify. Every pass works inside one
/// function, so no function is inlined, merged, removed or renamed and the
/// only-list still names the right code; but constants are propagated and
/// locals coalesced first, so Asyncify saves fewer locals at each
/// suspension (hoisted constants, for example, would otherwise be live
/// across every call and saved in every frame).
const PRE_ASYNCIFY_PASSES: &[&str] = &[
    "ssa-nomerge",
    "dce",
    "remove-unused-names",
    "remove-unused-brs",
    "remove-unused-names",
    "optimize-instructions",
    "pick-load-signs",
    "precompute-propagate",
    "code-pushing",
    "simplify-locals-nostructure",
    "vacuum",
    "reorder-locals",
    "remove-unused-brs",
    "merge-locals",
    "coalesce-locals",
    "local-cse",
    "simplify-locals",
    "vacuum",
    "reorder-locals",
    "coalesce-locals",
    "reorder-locals",
    "vacuum",
    "code-folding",
    "merge-blocks",
    "remove-unused-brs",
    "remove-unused-names",
    "merge-blocks",
    "precompute-propagate",
    "optimize-instructions",
    "rse",
    "vacuum",
];

/// A private temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir, AsyncifyError> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let base = std::env::temp_dir();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        for _ in 0..16 {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let dir = base.join(format!(
                "switchyard-asyncify-{}-{n}-{nanos}",
                std::process::id()
            ));
            match std::fs::create_dir(&dir) {
                Ok(()) => return Ok(TempDir(dir)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    return Err(AsyncifyError::new(format!(
                        "cannot create a temporary directory in {}: {e}",
                        base.display()
                    )))
                }
            }
        }
        Err(AsyncifyError::new(
            "cannot create a fresh temporary directory",
        ))
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn pass_options(opts: &AsyncifyOptions, optimize: bool) -> PassOptions {
    let mut p = PassOptions::new();
    // Validation happens explicitly (`validate_wasm`, which reports instead
    // of aborting); the pass runner's own validation aborts in debug mode.
    p.set_validate(false);
    p.set_optimize_level(if optimize { OPT_LEVEL as i32 } else { 0 });
    p.set_shrink_level(if optimize { SHRINK_LEVEL as i32 } else { 0 });
    p.set_debug_info(opts.keep_names);
    p
}

/// Reads `input`, runs Asyncify over exactly `only` (safe names; `None`:
/// no Asyncify), optimises, validates and returns the binary.
pub fn run(
    input: &[u8],
    only: Option<&[String]>,
    opts: &AsyncifyOptions,
) -> Result<Vec<u8>, AsyncifyError> {
    let _guard = BINARYEN.lock().unwrap_or_else(|e| e.into_inner());
    let dir = TempDir::new()?;
    let (infile, outfile) = (dir.path("in.wasm"), dir.path("out.wasm"));
    std::fs::write(&infile, input)
        .map_err(|e| AsyncifyError::new(format!("cannot write {}: {e}", infile.display())))?;
    run_files(&infile, &outfile, only, opts)?;
    std::fs::read(&outfile)
        .map_err(|e| AsyncifyError::new(format!("cannot read {}: {e}", outfile.display())))
}

fn run_files(
    infile: &Path,
    outfile: &Path,
    only: Option<&[String]>,
    opts: &AsyncifyOptions,
) -> Result<(), AsyncifyError> {
    let mut module = Module::new();
    let mut enabled = FeatureSet::new();
    let mut disabled = FeatureSet::new();
    disabled.set_all();
    for f in FEATURES {
        enabled.set(f, true);
        disabled.set(f, false);
    }
    module.apply_features(enabled, disabled);

    let mut reader = ModuleReader::new();
    reader.set_debug_info(true);
    reader.set_dwarf(false);
    reader
        .read_binary(infile, &mut module, None)
        .map_err(|e| AsyncifyError::new(format!("Binaryen cannot read the module: {e}")))?;
    if !validate_wasm(&mut module) {
        return Err(AsyncifyError::new(
            "Binaryen does not accept the module as valid",
        ));
    }

    if let Some(only) = only {
        if opts.optimize {
            let mut runner = PassRunner::new_with_options(&mut module, pass_options(opts, true));
            for pass in PRE_ASYNCIFY_PASSES {
                runner.add(pass);
            }
            runner.run();
        }
        let mut p = pass_options(opts, opts.optimize);
        p.set_arguments("asyncify-onlylist", &only.join(","));
        p.set_arguments("asyncify-ignore-imports", "");
        let mut runner = PassRunner::new_with_options(&mut module, p);
        runner.add("asyncify");
        runner.run();
    }
    if opts.optimize {
        let mut runner = PassRunner::new_with_options(&mut module, pass_options(opts, true));
        runner.add_default_optimization_passes();
        runner.run();
    }
    if !validate_wasm(&mut module) {
        return Err(AsyncifyError::new(
            "Binaryen produced an invalid module (a Binaryen bug)",
        ));
    }

    let mut writer = ModuleWriter::new();
    writer.set_debug_info(opts.keep_names);
    writer
        .write_binary(&mut module, outfile)
        .map_err(|e| AsyncifyError::new(format!("Binaryen cannot write the module: {e}")))
}
