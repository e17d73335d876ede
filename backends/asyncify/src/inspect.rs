//! What the post-pass needs to know about a module before Binaryen sees it,
//! and the guards that keep Binaryen 116 from aborting the process.

use crate::AsyncifyError;
use std::collections::HashMap;
use wasmparser::{
    AbstractHeapType, CompositeInnerType, ElementItems, ExternalKind, FuncType, HeapType,
    KnownCustom, Name, Operator, Parser, Payload, TypeRef, ValType, Validator, WasmFeatures,
};

/// The Wasm features a module handed to Binaryen 116 may use (and that
/// the post-pass enables in Binaryen): the MVP, mutable globals, sign
/// extension, saturating conversions, bulk memory, multi-value, tail calls,
/// reference types, SIMD, extended constants and the legacy (`try`/`catch`)
/// exception instructions (wasmparser needs its `EXCEPTIONS` feature for
/// tags and `throw`; the newer `try_table`, `throw_ref` and `exnref`, which
/// Binaryen 116 does not know, are refused by [`inspect`] separately).
/// Anything else (stack switching, GC, …) is refused before Binaryen could
/// abort on it.
pub fn binaryen_features() -> WasmFeatures {
    WasmFeatures::MVP
        | WasmFeatures::MUTABLE_GLOBAL
        | WasmFeatures::SIGN_EXTENSION
        | WasmFeatures::SATURATING_FLOAT_TO_INT
        | WasmFeatures::BULK_MEMORY
        | WasmFeatures::MULTI_VALUE
        | WasmFeatures::TAIL_CALL
        | WasmFeatures::REFERENCE_TYPES
        | WasmFeatures::SIMD
        | WasmFeatures::EXTENDED_CONST
        | WasmFeatures::LEGACY_EXCEPTIONS
        | WasmFeatures::EXCEPTIONS
}

/// Whether `t` is `exnref` (or `nullexnref`), which Binaryen 116 does not know.
fn is_exn(t: &ValType) -> bool {
    match t {
        ValType::Ref(r) => is_exn_heap(r.heap_type()),
        _ => false,
    }
}

fn is_exn_heap(h: HeapType) -> bool {
    matches!(
        h,
        HeapType::Abstract {
            ty: AbstractHeapType::Exn | AbstractHeapType::NoExn,
            ..
        }
    )
}

/// The exports Binaryen's Asyncify adds (a second export of the same name
/// would make it abort).
const ASYNCIFY_EXPORTS: [&str; 5] = [
    "asyncify_start_unwind",
    "asyncify_stop_unwind",
    "asyncify_start_rewind",
    "asyncify_stop_rewind",
    "asyncify_get_state",
];

/// Facts about a validated module.
#[derive(Clone, Debug, Default)]
pub struct ModuleInfo {
    /// Function types by type index (`None` for non-function types).
    types: Vec<Option<FuncType>>,
    /// Imported functions, in order: (module, name, type index).
    func_imports: Vec<(String, String, u32)>,
    /// Type index of every function (imports first).
    func_types: Vec<u32>,
    /// Number of globals (imports first).
    pub num_globals: u32,
    /// Whether the module has a `name` section.
    pub has_names: bool,
    /// Function names from the name section.
    pub func_names: HashMap<u32, String>,
    /// Global names from the name section.
    pub global_names: HashMap<u32, String>,
    /// Findings per defined function (indexed from the first defined one).
    bodies: Vec<BodyFacts>,
    exports: Vec<(String, ExternalKind, u32)>,
    /// Functions referenced from element segments.
    in_elements: Vec<u32>,
}

/// What a function body contains that matters to Asyncify.
#[derive(Clone, Debug, Default)]
struct BodyFacts {
    /// The first tail call instruction, if any.
    tail_call: Option<&'static str>,
    /// The first exception instruction, if any.
    exceptions: Option<&'static str>,
    /// A local (not parameter) of reference type: (index, type).
    ref_local: Option<(u32, String)>,
    /// Calls `asyncify.start_unwind` or `asyncify.stop_rewind`.
    starts_unwind: bool,
    /// Something of the new exception proposal (`try_table`, `throw_ref`,
    /// `exnref`), unknown to Binaryen 116.
    new_eh: Option<&'static str>,
}

/// Validates `wasm` against [`binaryen_features`] and collects what the
/// post-pass needs.
pub fn inspect(wasm: &[u8]) -> Result<ModuleInfo, AsyncifyError> {
    Validator::new_with_features(binaryen_features())
        .validate_all(wasm)
        .map_err(|e| {
            AsyncifyError::new(format!(
                "the module is not valid Wasm for Binaryen 116 (it may use a feature \
                 Binaryen 116 does not support): {e}"
            ))
        })?;
    let mut info = ModuleInfo::default();
    let parse = |e: wasmparser::BinaryReaderError| AsyncifyError::new(format!("parse: {e}"));
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.map_err(parse)? {
            Payload::TypeSection(reader) => {
                for group in reader {
                    for sub in group.map_err(parse)?.types() {
                        info.types.push(match &sub.composite_type.inner {
                            CompositeInnerType::Func(f) => {
                                if f.params().iter().chain(f.results()).any(is_exn) {
                                    return Err(AsyncifyError::new(
                                        "the module uses `exnref`, which Binaryen 116 does not \
                                         support",
                                    ));
                                }
                                Some(f.clone())
                            }
                            _ => None,
                        });
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.map_err(parse)?;
                    match import.ty {
                        TypeRef::Func(t) | TypeRef::FuncExact(t) => {
                            info.func_imports.push((
                                import.module.to_string(),
                                import.name.to_string(),
                                t,
                            ));
                            info.func_types.push(t);
                        }
                        TypeRef::Global(_) => info.num_globals += 1,
                        _ => {}
                    }
                }
            }
            Payload::FunctionSection(reader) => {
                for t in reader {
                    info.func_types.push(t.map_err(parse)?);
                }
            }
            Payload::GlobalSection(reader) => {
                for global in reader {
                    info.num_globals += 1;
                    if is_exn(&global.map_err(parse)?.ty.content_type) {
                        return Err(AsyncifyError::new(
                            "the module has a global of type `exnref`, which Binaryen 116 \
                             does not support",
                        ));
                    }
                }
            }
            Payload::ExportSection(reader) => {
                for e in reader {
                    let e = e.map_err(parse)?;
                    info.exports.push((e.name.to_string(), e.kind, e.index));
                }
            }
            Payload::ElementSection(reader) => {
                for element in reader {
                    let element = element.map_err(parse)?;
                    match element.items {
                        ElementItems::Functions(funcs) => {
                            for f in funcs {
                                info.in_elements.push(f.map_err(parse)?);
                            }
                        }
                        ElementItems::Expressions(_, exprs) => {
                            for expr in exprs {
                                let mut ops = expr.map_err(parse)?.get_operators_reader();
                                while !ops.eof() {
                                    if let Operator::RefFunc { function_index } =
                                        ops.read().map_err(parse)?
                                    {
                                        info.in_elements.push(function_index);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                let mut facts = BodyFacts::default();
                let mut index = 0u32;
                for local in body.get_locals_reader().map_err(parse)? {
                    let (count, ty) = local.map_err(parse)?;
                    if ty.is_reference_type() && facts.ref_local.is_none() {
                        facts.ref_local = Some((index, ty.to_string()));
                    }
                    if is_exn(&ty) {
                        facts.new_eh = Some("exnref");
                    }
                    index = index.saturating_add(count);
                }
                let mut ops = body.get_operators_reader().map_err(parse)?;
                while !ops.eof() {
                    let op = ops.read().map_err(parse)?;
                    if let Operator::Call { function_index } = op {
                        if info.is_unwind_starter_import(function_index) {
                            facts.starts_unwind = true;
                        }
                    }
                    let tail = match op {
                        Operator::ReturnCall { .. } => Some("return_call"),
                        Operator::ReturnCallIndirect { .. } => Some("return_call_indirect"),
                        Operator::ReturnCallRef { .. } => Some("return_call_ref"),
                        _ => None,
                    };
                    if facts.tail_call.is_none() {
                        facts.tail_call = tail;
                    }
                    let exc = match op {
                        Operator::Try { .. } => Some("try"),
                        Operator::Catch { .. } => Some("catch"),
                        Operator::CatchAll => Some("catch_all"),
                        Operator::Throw { .. } => Some("throw"),
                        Operator::Rethrow { .. } => Some("rethrow"),
                        Operator::Delegate { .. } => Some("delegate"),
                        Operator::TryTable { .. } => Some("try_table"),
                        Operator::ThrowRef => Some("throw_ref"),
                        _ => None,
                    };
                    if facts.exceptions.is_none() {
                        facts.exceptions = exc;
                    }
                    let new_eh = match op {
                        Operator::TryTable { .. } => Some("try_table"),
                        Operator::ThrowRef => Some("throw_ref"),
                        Operator::RefNull { hty } if is_exn_heap(hty) => Some("exnref"),
                        _ => None,
                    };
                    if facts.new_eh.is_none() {
                        facts.new_eh = new_eh;
                    }
                }
                info.bodies.push(facts);
            }
            Payload::CustomSection(c) if c.name() == "name" => {
                info.has_names = true;
                if let KnownCustom::Name(reader) = c.as_known() {
                    for sub in reader {
                        // A malformed name section is ignored by engines;
                        // Binaryen would be given a fresh one anyway.
                        let Ok(sub) = sub else { break };
                        let (map, target) = match sub {
                            Name::Function(map) => (map, &mut info.func_names),
                            Name::Global(map) => (map, &mut info.global_names),
                            _ => continue,
                        };
                        for naming in map.into_iter().flatten() {
                            target.insert(naming.index, naming.name.to_string());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let imported = info.num_imported_funcs();
    if let Some((k, op)) = info
        .bodies
        .iter()
        .enumerate()
        .find_map(|(k, b)| b.new_eh.map(|op| (k, op)))
    {
        return Err(AsyncifyError::new(format!(
            "{} uses `{op}` (the exception-handling proposal's new form), which Binaryen \
             116 does not support",
            info.describe(imported + k as u32)
        )));
    }
    Ok(info)
}

impl ModuleInfo {
    /// Number of functions (imported and defined).
    pub fn num_funcs(&self) -> u32 {
        self.func_types.len() as u32
    }

    fn num_imported_funcs(&self) -> u32 {
        self.func_imports.len() as u32
    }

    fn is_unwind_starter_import(&self, index: u32) -> bool {
        self.func_imports
            .get(index as usize)
            .is_some_and(|(m, n, _)| m == "asyncify" && (n == "start_unwind" || n == "stop_rewind"))
    }

    /// Whether the module imports anything from `asyncify`.
    pub fn has_asyncify_imports(&self) -> bool {
        self.func_imports.iter().any(|(m, ..)| m == "asyncify")
    }

    /// The defined functions that call `asyncify.start_unwind` or
    /// `asyncify.stop_rewind` (the runtime's suspend). Binaryen never
    /// rewrites them, but with an only-list they must be listed, or their
    /// callers would not check for unwinding after calling them.
    pub fn unwind_starters(&self) -> Vec<u32> {
        let imported = self.num_imported_funcs();
        self.bodies
            .iter()
            .enumerate()
            .filter(|(_, b)| b.starts_unwind)
            .map(|(k, _)| imported + k as u32)
            .collect()
    }

    /// How errors name function `index`.
    pub fn describe(&self, index: u32) -> String {
        match self.func_names.get(&index) {
            Some(n) => format!("function `{n}`"),
            None => format!("function #{index}"),
        }
    }

    fn func_type(&self, index: u32) -> Option<&FuncType> {
        let t = *self.func_types.get(index as usize)?;
        self.types.get(t as usize)?.as_ref()
    }

    /// Resolves the lists to the indices of the functions to instrument
    /// (`instrument` minus `never_instrument`), sorted.
    pub fn resolve_lists(
        &self,
        instrument: &[String],
        never_instrument: &[String],
    ) -> Result<Vec<u32>, AsyncifyError> {
        if instrument.is_empty() {
            return Ok(Vec::new());
        }
        if self.func_names.is_empty() {
            return Err(AsyncifyError::new(
                "the module has no function names (name section), so the functions to \
                 instrument cannot be found; emit it with names",
            ));
        }
        let mut by_name: HashMap<&str, Vec<u32>> = HashMap::new();
        for (&i, n) in &self.func_names {
            by_name.entry(n.as_str()).or_default().push(i);
        }
        let find = |name: &str| -> Result<u32, AsyncifyError> {
            match by_name.get(name).map(|v| v.as_slice()) {
                Some([i]) => {
                    if *i < self.num_imported_funcs() {
                        Err(AsyncifyError::new(format!(
                            "function `{name}` is an import and cannot be instrumented"
                        )))
                    } else {
                        Ok(*i)
                    }
                }
                Some(_) => Err(AsyncifyError::new(format!(
                    "several functions are named `{name}`"
                ))),
                None => Err(AsyncifyError::new(format!(
                    "no function named `{name}` in the module"
                ))),
            }
        };
        let mut never = Vec::new();
        for n in never_instrument {
            // A never-instrumented name only has to exist if it is also in
            // the instrument list.
            if let Ok(i) = find(n) {
                never.push(i);
            }
        }
        let mut out = Vec::new();
        for n in instrument {
            let i = find(n)?;
            if !never.contains(&i) {
                out.push(i);
            }
        }
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }

    /// Refuses what Binaryen 116's Asyncify would abort on, for a run that
    /// instruments `only`.
    pub fn check_asyncify(&self, only: &[u32]) -> Result<(), AsyncifyError> {
        let imported = self.num_imported_funcs();
        // Asyncify scans every function and aborts on any tail call.
        for (k, facts) in self.bodies.iter().enumerate() {
            if let Some(op) = facts.tail_call {
                let index = imported + k as u32;
                let instrumented = if only.contains(&index) {
                    "it is to be instrumented, and Asyncify cannot instrument tail calls"
                } else {
                    "Binaryen 116's Asyncify rejects tail calls anywhere in the module"
                };
                return Err(AsyncifyError::new(format!(
                    "{} uses `{op}`: {instrumented}",
                    self.describe(index)
                )));
            }
        }
        for &index in only {
            let k = index
                .checked_sub(imported)
                .ok_or_else(|| AsyncifyError::new("cannot instrument an import"))?;
            let facts = self
                .bodies
                .get(k as usize)
                .ok_or_else(|| AsyncifyError::new(format!("no function #{index} in the module")))?;
            let what = self.describe(index);
            if let Some(ty) = self.func_type(index) {
                if let Some((i, t)) = ty
                    .params()
                    .iter()
                    .enumerate()
                    .find(|(_, t)| t.is_reference_type())
                {
                    return Err(AsyncifyError::new(format!(
                        "{what} has a parameter of reference type ({i}: {t}): Asyncify can \
                         only save numeric locals"
                    )));
                }
                if let Some(t) = ty.results().iter().find(|t| t.is_reference_type()) {
                    return Err(AsyncifyError::new(format!(
                        "{what} returns a reference ({t}): Asyncify can only instrument \
                         functions over numbers"
                    )));
                }
            }
            if let Some((i, t)) = &facts.ref_local {
                let params = self.func_type(index).map_or(0, |t| t.params().len() as u32);
                return Err(AsyncifyError::new(format!(
                    "{what} has a local of reference type (local {}: {t}): Asyncify can only \
                     save numeric locals",
                    params + i
                )));
            }
            if let Some(op) = facts.exceptions {
                return Err(AsyncifyError::new(format!(
                    "{what} uses the exception instruction `{op}`: Asyncify cannot \
                     instrument Wasm exception handling"
                )));
            }
        }
        for (i, (module, name, ty)) in self.func_imports.iter().enumerate() {
            if module != "asyncify" {
                continue;
            }
            let want: (&[ValType], &[ValType]) = match name.as_str() {
                "start_unwind" | "start_rewind" => (&[ValType::I32], &[]),
                "stop_unwind" | "stop_rewind" => (&[], &[]),
                other => {
                    return Err(AsyncifyError::new(format!(
                        "unknown Asyncify import `asyncify.{other}` (expected start_unwind, \
                         stop_unwind, start_rewind or stop_rewind)"
                    )))
                }
            };
            let ok = self
                .types
                .get(*ty as usize)
                .and_then(|t| t.as_ref())
                .is_some_and(|t| t.params() == want.0 && t.results() == want.1);
            if !ok {
                return Err(AsyncifyError::new(format!(
                    "the import `asyncify.{name}` has the wrong type (expected {})",
                    if want.0.is_empty() {
                        "() -> ()"
                    } else {
                        "(i32) -> ()"
                    }
                )));
            }
            let i = i as u32;
            if self.in_elements.contains(&i)
                || self
                    .exports
                    .iter()
                    .any(|(_, k, idx)| *k == ExternalKind::Func && *idx == i)
            {
                return Err(AsyncifyError::new(format!(
                    "the import `asyncify.{name}` is exported or in a table; it may only be \
                     called directly"
                )));
            }
        }
        if let Some((name, ..)) = self
            .exports
            .iter()
            .find(|(n, ..)| ASYNCIFY_EXPORTS.contains(&n.as_str()))
        {
            return Err(AsyncifyError::new(format!(
                "the module already exports `{name}`, which Asyncify adds itself"
            )));
        }
        Ok(())
    }
}
