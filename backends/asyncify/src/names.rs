//! Name-section rewriting around Binaryen: safe names in, original names out.

use crate::inspect::ModuleInfo;
use crate::AsyncifyError;
use wasm_encoder::{NameMap, NameSection, RawSection};
use wasmparser::{KnownCustom, Name, Parser, Payload};

const FUNC_PREFIX: &str = "__syf";
const GLOBAL_PREFIX: &str = "__syg";

/// The name function `index` has while Binaryen works on the module.
pub fn safe_func_name(index: u32) -> String {
    format!("{FUNC_PREFIX}{index}")
}

fn parse_safe(name: &str, prefix: &str) -> Option<u32> {
    let digits = name.strip_prefix(prefix)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether `wasm` has a `name` custom section.
pub fn has_name_section(wasm: &[u8]) -> bool {
    Parser::new(0).parse_all(wasm).any(|p| match p {
        Ok(Payload::CustomSection(c)) => c.name() == "name",
        _ => false,
    })
}

/// Every section of `wasm` except its name section, in order.
fn copy_without_names(wasm: &[u8]) -> Result<wasm_encoder::Module, AsyncifyError> {
    let mut module = wasm_encoder::Module::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| AsyncifyError::new(format!("parse: {e}")))?;
        if let Payload::CustomSection(c) = &payload {
            if c.name() == "name" {
                continue;
            }
        }
        if let Some((id, range)) = payload.as_section() {
            module.section(&RawSection {
                id,
                data: &wasm[range],
            });
        }
    }
    Ok(module)
}

/// `wasm` with a name section in which function `i` is `__syf{i}` and
/// global `i` is `__syg{i}` (nothing else is named).
pub fn with_safe_names(wasm: &[u8], info: &ModuleInfo) -> Result<Vec<u8>, AsyncifyError> {
    let mut module = copy_without_names(wasm)?;
    let mut funcs = NameMap::new();
    for i in 0..info.num_funcs() {
        funcs.append(i, &safe_func_name(i));
    }
    let mut globals = NameMap::new();
    for i in 0..info.num_globals {
        globals.append(i, &format!("{GLOBAL_PREFIX}{i}"));
    }
    let mut names = NameSection::new();
    names.functions(&funcs);
    names.globals(&globals);
    module.section(&names);
    Ok(module.finish())
}

/// Binaryen's output with the original function and global names put back
/// (names Binaryen made up itself, like `asyncify_start_unwind`, stay).
pub fn restore_names(out: &[u8], info: &ModuleInfo) -> Result<Vec<u8>, AsyncifyError> {
    let mut funcs = NameMap::new();
    let mut globals = NameMap::new();
    let mut found = false;
    for payload in Parser::new(0).parse_all(out) {
        let payload = payload.map_err(|e| AsyncifyError::new(format!("parse output: {e}")))?;
        let Payload::CustomSection(c) = payload else {
            continue;
        };
        if c.name() != "name" {
            continue;
        }
        let KnownCustom::Name(reader) = c.as_known() else {
            continue;
        };
        found = true;
        for sub in reader {
            let Ok(sub) = sub else { break };
            let (map, out_map, prefix, originals) = match sub {
                Name::Function(map) => (map, &mut funcs, FUNC_PREFIX, &info.func_names),
                Name::Global(map) => (map, &mut globals, GLOBAL_PREFIX, &info.global_names),
                _ => continue,
            };
            for naming in map.into_iter().flatten() {
                match parse_safe(naming.name, prefix) {
                    Some(old) => {
                        if let Some(original) = originals.get(&old) {
                            out_map.append(naming.index, original);
                        }
                    }
                    None => out_map.append(naming.index, naming.name),
                }
            }
        }
    }
    if !found {
        return Ok(out.to_vec());
    }
    let mut module = copy_without_names(out)?;
    let mut names = NameSection::new();
    names.functions(&funcs);
    names.globals(&globals);
    module.section(&names);
    Ok(module.finish())
}
