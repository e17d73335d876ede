//! Differential testing: random reducible CFGs are run by an IR interpreter,
//! by interpreters of the raw and simplified structured trees, and by a Wasm
//! interpreter on the emitted binary; all must agree on results, traps,
//! host calls, globals and memory.

mod common;

use common::gen::{random_module, Rng};
use common::sem::Val;

fn inputs(seed: u64) -> Vec<Vec<Val>> {
    let mut rng = Rng(seed ^ 0x5eed);
    let mut v = vec![
        vec![Val::I32(0), Val::I32(0)],
        vec![Val::I32(1), Val::I32(2)],
        vec![Val::I32(-1), Val::I32(7)],
        vec![Val::I32(i32::MIN), Val::I32(3)],
    ];
    for _ in 0..4 {
        v.push(vec![Val::I32(rng.i32()), Val::I32(rng.i32())]);
    }
    v
}

#[test]
fn random_cfgs_agree_with_the_ir() {
    let mut traps = 0;
    let mut ok = 0;
    for seed in 0..1000u64 {
        let budget = 8 + (seed as usize * 7) % 60;
        let depth = 2 + (seed as usize) % 5;
        let m = random_module(seed, budget, depth);
        switchyard_ir::verify(&m).unwrap_or_else(|e| panic!("seed {seed}: generator bug: {e:?}"));
        for o in common::differential(&m, "main", &inputs(seed), &format!("seed {seed}")) {
            if o.result.is_ok() {
                ok += 1;
            } else {
                traps += 1;
            }
        }
    }
    // The generator must mostly produce runs that complete.
    assert!(ok > traps * 3, "ok {ok}, traps {traps}");
}

#[test]
fn large_random_cfgs_agree_with_the_ir() {
    for seed in 1000..1020u64 {
        let m = random_module(seed, 400, 7);
        common::differential(&m, "main", &inputs(seed), &format!("seed {seed}"));
    }
}
