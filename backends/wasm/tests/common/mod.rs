//! Shared test support: operator semantics, an IR interpreter (CFG and
//! structured modes), a Wasm interpreter, and a random CFG generator.
#![allow(dead_code)]

pub mod gen;
pub mod ir_interp;
pub mod sem;
pub mod shapes;
pub mod wasm_interp;

use sem::{Trap, Val};
use std::collections::HashMap;
use std::rc::Rc;
use switchyard_ir::*;
use switchyard_wasm::{Node, Structured};

/// Which blocks are reachable from the entry (by plain DFS over the IR).
pub fn reachable(body: &Body) -> Vec<bool> {
    let mut seen = vec![false; body.blocks.len()];
    let mut stack = vec![body.entry];
    seen[body.entry.index()] = true;
    while let Some(b) = stack.pop() {
        if let Some(t) = &body.blocks[b.index()].term {
            for s in t.successors() {
                if !seen[s.index()] {
                    seen[s.index()] = true;
                    stack.push(s);
                }
            }
        }
    }
    seen
}

/// Structural invariants of a structured body: every reachable block's code
/// appears exactly once (blocks without instructions may be left out) and
/// no unreachable block's code appears; constructs are balanced; control
/// never falls off the end.
pub fn check_invariants(body: &Body, s: &Structured) {
    let reach = reachable(body);
    let counts = s.code_counts(body.blocks.len());
    for (i, (&r, &c)) in reach.iter().zip(&counts).enumerate() {
        let empty = body.blocks[i].insts.is_empty();
        assert!(
            c == r as u32 || (r && empty && c == 0),
            "block bb{i}: reachable={r} but appears {c} times\n{s}"
        );
    }
    let m = s.matching();
    for (i, n) in s.nodes.iter().enumerate() {
        if n.is_opener() || *n == Node::End || *n == Node::Else {
            assert_ne!(m[i], usize::MAX, "unbalanced node {i} ({n:?})\n{s}");
        }
    }
    assert!(!s.falls_off_end(), "structured body falls off its end\n{s}");
}

/// Everything observable about one run.
#[derive(Debug, PartialEq)]
pub struct Observed {
    pub result: Result<Vec<Val>, Trap>,
    pub log: Vec<(String, String, Vec<Val>)>,
    pub globals: Vec<Val>,
    pub mem: Vec<u8>,
}

/// Runs `export` on the IR, with the given functions in structured form.
pub fn run_ir(
    m: &Module,
    structured: &HashMap<FuncId, Rc<Structured>>,
    export: &str,
    args: &[Val],
) -> Observed {
    match ir_interp::Machine::new(m, structured.clone()) {
        Err(e) => Observed {
            result: Err(e),
            log: vec![],
            globals: vec![],
            mem: vec![],
        },
        Ok(mut mach) => {
            let result = mach.call_export(export, args.to_vec());
            Observed {
                result,
                log: mach.host.log,
                globals: mach.globals,
                mem: mach.mem.bytes,
            }
        }
    }
}

/// Runs `export` on the emitted Wasm.
pub fn run_wasm(w: &wasm_interp::WasmModule, export: &str, args: &[Val]) -> Observed {
    match wasm_interp::Instance::new(w) {
        Err(e) => Observed {
            result: Err(e),
            log: vec![],
            globals: vec![],
            mem: vec![],
        },
        Ok(mut inst) => {
            let result = inst.call_export(export, args.to_vec());
            Observed {
                result,
                log: inst.host.log,
                globals: inst.globals,
                mem: inst.mem.bytes,
            }
        }
    }
}

/// Structures every defined function, both raw and simplified.
pub fn structured_forms(
    m: &Module,
) -> (
    HashMap<FuncId, Rc<Structured>>,
    HashMap<FuncId, Rc<Structured>>,
) {
    let mut raw = HashMap::new();
    let mut simple = HashMap::new();
    for (id, f, body) in m.defined_funcs() {
        let r = switchyard_wasm::translate(&f.name, body).expect("translate");
        check_invariants(body, &r);
        let s = switchyard_wasm::structure(&f.name, body).expect("structure");
        check_invariants(body, &s);
        raw.insert(id, Rc::new(r));
        simple.insert(id, Rc::new(s));
    }
    (raw, simple)
}

/// Emits `m`, then runs `export` on every input four ways (IR CFG, raw
/// structured tree, simplified structured tree, emitted Wasm) and asserts
/// that all observations agree. Returns the reference observations.
pub fn differential(m: &Module, export: &str, inputs: &[Vec<Val>], what: &str) -> Vec<Observed> {
    let wasm = switchyard_wasm::emit(m, &switchyard_wasm::EmitOptions::default())
        .unwrap_or_else(|e| panic!("{what}: emit failed: {e}\n{}", print_module(m)));
    let w = wasm_interp::WasmModule::parse(&wasm).unwrap_or_else(|e| {
        panic!(
            "{what}: cannot interpret output: {e}\n{}",
            switchyard_wasm::to_wat(&wasm).unwrap_or_default()
        )
    });
    let (raw, simple) = structured_forms(m);
    let mut out = vec![];
    for args in inputs {
        let reference = run_ir(m, &HashMap::new(), export, args);
        let via_raw = run_ir(m, &raw, export, args);
        let via_simple = run_ir(m, &simple, export, args);
        let via_wasm = run_wasm(&w, export, args);
        let dump = || {
            let mut s = print_module(m);
            for (id, st) in &simple {
                s += &format!("\nstructured {}:\n{st}", m.funcs[id.index()].name);
            }
            s + "\n" + &switchyard_wasm::to_wat(&wasm).unwrap_or_default()
        };
        assert!(
            reference.result.as_ref().err().map(String::as_str) != Some("out of fuel"),
            "{what} {args:?}: the generated program does not terminate"
        );
        for (name, other) in [
            ("raw structured tree", &via_raw),
            ("simplified structured tree", &via_simple),
            ("Wasm", &via_wasm),
        ] {
            if let Some(diff) = difference(&reference, other) {
                panic!(
                    "{what} {args:?}: {name} disagrees with the IR: {diff}\n{}",
                    dump()
                );
            }
        }
        out.push(reference);
    }
    out
}

/// A short description of how two observations differ, if they do.
pub fn difference(a: &Observed, b: &Observed) -> Option<String> {
    if a.result != b.result {
        return Some(format!("result {:?} vs {:?}", a.result, b.result));
    }
    if a.log != b.log {
        return Some(format!("host calls {:?} vs {:?}", a.log, b.log));
    }
    if a.globals != b.globals {
        return Some(format!("globals {:?} vs {:?}", a.globals, b.globals));
    }
    if a.mem != b.mem {
        let i = a
            .mem
            .iter()
            .zip(&b.mem)
            .position(|(x, y)| x != y)
            .unwrap_or(a.mem.len().min(b.mem.len()));
        return Some(format!(
            "memory differs first at byte {i} (sizes {} and {})",
            a.mem.len(),
            b.mem.len()
        ));
    }
    None
}
