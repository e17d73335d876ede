//! Building switchyard IR directly, as a compiler for another language
//! would, then compiling and running it. No JavaScript involved.
//!
//! The program prints the Collatz stopping time of 1..=12. It prints through
//! the host's `console_log` import, which takes NaN-boxed JS values; an `f64`
//! is its own NaN-boxed encoding, so a non-JS front end can print numbers by
//! storing doubles in memory.
//!
//! Run it with `cargo run --release --example ir_builder`.

use switchyard::ir::*;
use switchyard::{Options, Outcome, RunOptions};

/// Where `main` stores the two numbers it prints.
const ARGS: i32 = 1024;

fn build() -> Module {
    let mut m = Module::new();
    let console_log = m.import_func(
        "switchyard",
        "console_log",
        Signature::new([Type::I32, Type::I32], []),
    );

    // fn collatz_steps(n: i64) -> i64
    let steps_fn = m.declare_func("collatz_steps", Signature::new([Type::I64], [Type::I64]));
    let mut b = FunctionBuilder::new(&mut m, steps_fn);
    let n = b.param(0);
    b.set_local_name(n, "n");
    let steps = b.named_local(Type::I64, "steps");
    let (one, two, three) = (b.i64_const(1), b.i64_const(2), b.i64_const(3));
    b.while_(
        |b| b.bin(BinOp::I64GtS, n, one),
        |b, _| {
            let low_bit = b.bin(BinOp::I64And, n, one);
            let odd = b.un(UnOp::I32WrapI64, low_bit);
            b.if_else(
                odd,
                |b| {
                    let tripled = b.bin(BinOp::I64Mul, n, three);
                    b.binary_into(n, BinOp::I64Add, tripled, one);
                },
                |b| b.binary_into(n, BinOp::I64DivS, n, two),
            );
            b.binary_into(steps, BinOp::I64Add, steps, one);
        },
    );
    b.ret(&[steps]);
    b.finish();

    // fn main() { for i in 1..=12 { console.log(i, collatz_steps(i)) } }
    let main = m.declare_func("main", Signature::new([], []));
    m.export_func(main, "main");
    let mut b = FunctionBuilder::new(&mut m, main);
    let i = b.named_local(Type::I64, "i");
    let (one, last, args) = (b.i64_const(1), b.i64_const(12), b.i32_const(ARGS));
    let argc = b.i32_const(2);
    b.copy(i, one);
    b.while_(
        |b| b.bin(BinOp::I64LeS, i, last),
        |b, _| {
            let s = b.call1(steps_fn, &[i]);
            let (fi, fs) = (b.un(UnOp::F64ConvertI64S, i), b.un(UnOp::F64ConvertI64S, s));
            b.store(StoreKind::F64, args, 0, fi);
            b.store(StoreKind::F64, args, 8, fs);
            b.call(console_log, &[args, argc]);
            b.binary_into(i, BinOp::I64Add, i, one);
        },
    );
    b.ret(&[]);
    b.finish();
    m
}

fn main() {
    let module = build();
    print!("{}", print_module(&module));
    let compiled = match switchyard::compile_ir(module, &Options::default()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(e.exit_code());
        }
    };
    println!("; {} bytes of Wasm\n", compiled.wasm.len());
    match switchyard::run_compiled(&compiled, RunOptions::new("collatz")) {
        Ok(Outcome::Finished) => {}
        Ok(other) => {
            eprintln!("{other:?}");
            std::process::exit(1);
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(e.exit_code());
        }
    }
}
