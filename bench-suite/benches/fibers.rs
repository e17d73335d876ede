//! Criterion micro-benchmarks of the fiber API under each strategy: one
//! suspend/resume pair, fiber creation + completion, and a resume with 1,
//! 10 or 100 frames on the fiber's stack.
//!
//! ```sh
//! CARGO_TARGET_DIR=... cargo bench -p switchyard-bench-suite --bench fibers
//! cargo bench -p switchyard-bench-suite --bench fibers -- wasmfx   # a filter
//! ```
//!
//! The modules are `switchyard_bench_suite::micro`'s: each exports
//! `bench(n)` performing `n` operations, and `iter_custom` times one call
//! of it for criterion's iteration count, so the reported time is per
//! operation (the call into Wasm is amortised over `n`).

use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;
use switchyard::Strategy;
use switchyard_bench_suite::micro::{Micro, Runner};

fn fibers(c: &mut Criterion) {
    for micro in Micro::ALL {
        let mut group = c.benchmark_group(micro.name());
        group
            .sample_size(20)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        for &strategy in Strategy::ALL.iter() {
            let mut runner = match Runner::new(micro, strategy) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{} [{strategy}]: cannot build: {e}", micro.name());
                    continue;
                }
            };
            group.bench_function(strategy.name(), |b| {
                b.iter_custom(|iters| match runner.run(iters) {
                    Ok((t, _)) => t,
                    Err(e) => panic!("{} [{strategy}]: {e}", micro.name()),
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, fibers);
criterion_main!(benches);
