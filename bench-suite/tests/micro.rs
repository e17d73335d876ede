//! The fiber micro-benchmark modules (`switchyard_bench_suite::micro`) compute
//! what they should under every strategy: `bench(n)` returns n(n+1)/2 for
//! each kind (nothing is timed).

use switchyard::Strategy;
use switchyard_bench_suite::micro::{Micro, Runner};

#[test]
fn micro_benchmarks_compute_their_checksums() {
    for &s in Strategy::ALL.iter() {
        for micro in Micro::ALL {
            let mut r = Runner::new(micro, s).unwrap_or_else(|e| panic!("{micro:?} [{s}]: {e}"));
            for n in [0u64, 1, 1000] {
                let (_, sum) = r.run(n).unwrap_or_else(|e| panic!("{micro:?} [{s}]: {e}"));
                assert_eq!(sum, (n * (n + 1) / 2) as i64, "{micro:?} [{s}] n={n}");
            }
        }
    }
}
