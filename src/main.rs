//! The `switchyard` command-line tool.
//!
//! Exit codes: 0 success; 1 uncaught JavaScript exception; 2 compile error
//! (syntax, unsupported construct, bad arguments, unreadable file); 3 Wasm
//! trap (stack overflow, out of memory, ...); 4 internal error.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use switchyard::{Options, Outcome, RunOptions, Strategy};

#[derive(Parser)]
#[command(
    name = "switchyard",
    version,
    about = "Compile JavaScript generators, async/await and fibers to WebAssembly three ways, and run them"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile a JavaScript file and run it under Wasmtime.
    Run {
        /// The JavaScript file.
        file: PathBuf,
        #[command(flatten)]
        strategy: StrategyArg,
        /// Run timers on a virtual clock: same order of events, no waiting
        /// (by default `setTimeout(f, 100)` waits 100 ms of real time).
        #[arg(long)]
        virtual_time: bool,
    },
    /// Compile a JavaScript file to Wasm (or WAT, or switchyard IR).
    Compile {
        /// The JavaScript file.
        file: PathBuf,
        /// Where to write the output.
        #[arg(short, long)]
        output: PathBuf,
        /// What to write.
        #[arg(long, value_enum, default_value_t = EmitKind::Wasm)]
        emit: EmitKind,
        /// Overwrite the output even if it is not a previous switchyard output.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        strategy: StrategyArg,
    },
    /// List the host functions a compiled module imports.
    Imports,
}

#[derive(clap::Args)]
struct StrategyArg {
    /// How suspendable code (generators, async functions, fibers) is lowered.
    #[arg(long = "async-strategy", value_enum, default_value_t = StrategyName::Cps)]
    strategy: StrategyName,
}

#[derive(Clone, Copy, ValueEnum)]
enum StrategyName {
    Cps,
    Asyncify,
    Wasmfx,
}

impl From<StrategyName> for Strategy {
    fn from(s: StrategyName) -> Strategy {
        match s {
            StrategyName::Cps => Strategy::Cps,
            StrategyName::Asyncify => Strategy::Asyncify,
            StrategyName::Wasmfx => Strategy::Wasmfx,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum EmitKind {
    Wasm,
    Wat,
    Ir,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Run {
            file,
            strategy,
            virtual_time,
        } => run(&file, strategy.strategy.into(), virtual_time),
        Command::Compile {
            file,
            output,
            emit,
            force,
            strategy,
        } => compile(&file, &output, emit, force, strategy.strategy.into()),
        Command::Imports => {
            for (module, name, sig) in switchyard_host::required_imports() {
                println!("{module}.{name}: {sig}");
            }
            0
        }
    };
    ExitCode::from(code as u8)
}

fn read_source(file: &Path) -> Result<String, i32> {
    std::fs::read_to_string(file).map_err(|e| {
        eprintln!("switchyard: cannot read {}: {e}", file.display());
        2
    })
}

fn run(file: &Path, strategy: Strategy, virtual_time: bool) -> i32 {
    let source = match read_source(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let name = file.display().to_string();
    let opts = Options {
        strategy,
        names: true,
    };
    let compiled = match switchyard::compile(&source, &name, &opts) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return e.exit_code();
        }
    };
    let run_opts = RunOptions::new(&name).with_virtual_time(virtual_time);
    match switchyard::run_compiled(&compiled, run_opts) {
        Ok(Outcome::Finished) => 0,
        Ok(Outcome::UncaughtException { message }) => {
            eprintln!("{message}");
            1
        }
        Ok(Outcome::Trap { kind: _, message }) => {
            eprintln!("{name}: {message}");
            3
        }
        Err(e) => {
            eprintln!("switchyard: {e}");
            e.exit_code()
        }
    }
}

/// Whether `existing` looks like something `switchyard compile` wrote, so
/// that overwriting it loses nothing the user wrote.
fn is_previous_output(existing: &[u8], emit: EmitKind) -> bool {
    match emit {
        EmitKind::Wasm => existing.starts_with(b"\0asm"),
        EmitKind::Wat => existing.starts_with(b"(module"),
        EmitKind::Ir => existing.starts_with(b"memory "),
    }
}

fn compile(file: &Path, output: &Path, emit: EmitKind, force: bool, strategy: Strategy) -> i32 {
    let source = match read_source(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if same_file(file, output) {
        eprintln!(
            "switchyard: refusing to write the output over the input file {}",
            file.display()
        );
        return 2;
    }
    if !force {
        if let Ok(existing) = std::fs::read(output) {
            if !is_previous_output(&existing, emit) {
                eprintln!(
                    "switchyard: refusing to overwrite {}: it does not look like a previous switchyard output (pass --force to overwrite)",
                    output.display()
                );
                return 2;
            }
        }
    }
    let name = file.display().to_string();
    let opts = Options {
        strategy,
        names: true,
    };
    let compiled = match switchyard::compile(&source, &name, &opts) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return e.exit_code();
        }
    };
    let bytes = match emit {
        EmitKind::Wasm => compiled.wasm,
        EmitKind::Wat => match switchyard_wasm::to_wat(&compiled.wasm) {
            Ok(text) => text.into_bytes(),
            Err(e) => {
                eprintln!("switchyard: {e}");
                return 4;
            }
        },
        EmitKind::Ir => switchyard::ir::print_module(&compiled.ir).into_bytes(),
    };
    if let Err(e) = std::fs::write(output, bytes) {
        eprintln!("switchyard: cannot write {}: {e}", output.display());
        return 2;
    }
    0
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
