//! Assembling the Wasm module with `wasm-encoder`.
//!
//! IR function ids interleave imports and definitions, but Wasm numbers
//! imported functions before defined ones, so every [`FuncId`] is remapped
//! first (imports in IR order, then definitions in IR order). Bodies are
//! structured and lowered before any section is written, because lowering
//! discovers `call_indirect` signatures (which must be in the type section)
//! and whether a table is needed. Sections then follow in the order the
//! binary format requires: type, import, function, table, memory, tag,
//! global, export, start, element, code, data, and finally the `name`
//! section.
//!
//! With [`EmitOptions::stack_switching`], a module that uses coroutine
//! instructions also gets the [`crate::stack_switching`] runtime: its
//! functions come after every IR function, its tables after the IR's
//! funcref table (always emitted then), its memory after the IR's, its
//! globals after the IR's, and its two tags are the module's only tags.

use crate::error::EmitError;
use crate::function::{encode_function, lower_body, ModuleContext};
use crate::peephole::peephole;
use crate::stack_switching::{Placement, Runtime, FATAL_IMPORT};
use crate::structure::structure;
use crate::types::{val_type, TypeTable};
use crate::EmitOptions;
use std::borrow::Cow;
use std::collections::HashMap;
use switchyard_ir::{Const, FuncId, FuncKind, Module, Signature, Type};
use wasm_encoder::{
    CodeSection, ConstExpr, DataSection, ElementSection, Elements, EntityType, ExportKind,
    ExportSection, FunctionSection, GlobalSection, GlobalType, Ieee32, Ieee64, ImportSection,
    IndirectNameMap, MemorySection, MemoryType, NameMap, NameSection, RefType, StartSection,
    TableSection, TableType,
};

/// The Wasm index of every IR function: imports first, then definitions.
/// Returns the map (indexed by [`FuncId`]) and the IR functions in Wasm order.
pub fn function_indices(m: &Module) -> (Vec<u32>, Vec<FuncId>) {
    let mut order: Vec<FuncId> = Vec::with_capacity(m.funcs.len());
    order.extend(
        m.funcs
            .iter()
            .enumerate()
            .filter(|(_, f)| f.is_import())
            .map(|(i, _)| FuncId(i as u32)),
    );
    order.extend(
        m.funcs
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.is_import())
            .map(|(i, _)| FuncId(i as u32)),
    );
    let mut index = vec![0u32; m.funcs.len()];
    for (wasm, id) in order.iter().enumerate() {
        index[id.index()] = wasm as u32;
    }
    (index, order)
}

fn const_expr(c: Const) -> ConstExpr {
    match c {
        Const::I32(v) => ConstExpr::i32_const(v),
        Const::I64(v) => ConstExpr::i64_const(v),
        Const::F32(bits) => ConstExpr::f32_const(Ieee32::new(bits)),
        Const::F64(bits) => ConstExpr::f64_const(Ieee64::new(bits)),
    }
}

/// Whether [`encode_module`] adds the stack-switching runtime to `m`.
pub fn uses_stack_switching(m: &Module, opts: &EmitOptions) -> bool {
    opts.stack_switching && m.uses_coroutines()
}

/// The Wasm index of the imported `switchyard.fatal: (i32) -> ()`, if any.
fn fatal_import(m: &Module, func_index: &[u32]) -> Option<u32> {
    let sig = Signature::new([Type::I32], []);
    m.funcs.iter().enumerate().find_map(|(i, f)| match &f.kind {
        FuncKind::Import { module, name }
            if (module.as_str(), name.as_str()) == FATAL_IMPORT && f.sig == sig =>
        {
            Some(func_index[i])
        }
        _ => None,
    })
}

/// Encodes a verified module (no validation; see [`crate::emit`]).
pub fn encode_module(m: &Module, opts: &EmitOptions) -> Result<Vec<u8>, EmitError> {
    let (func_index, order) = function_indices(m);
    let mut table_slot: HashMap<FuncId, u32> = HashMap::new();
    for (slot, f) in m.table.iter().enumerate() {
        table_slot.entry(*f).or_insert(slot as u32);
    }

    // Function signatures first, in Wasm index order.
    let mut types = TypeTable::new();
    let func_type: Vec<u32> = order
        .iter()
        .map(|id| types.intern(&m.funcs[id.index()].sig))
        .collect();

    // The coroutine runtime, after every IR function, table, memory, global.
    let runtime = uses_stack_switching(m, opts).then(|| {
        Runtime::new(
            &mut types,
            Placement {
                first_func: m.funcs.len() as u32,
                first_table: 1,
                memory: 1,
                first_global: m.globals.len() as u32,
                first_tag: 0,
                fatal: fatal_import(m, &func_index),
            },
        )
    });

    // Structure and lower every body.
    let cx = ModuleContext {
        module: m,
        func_index: &func_index,
        table_slot: &table_slot,
        coro: runtime.as_ref().map(Runtime::calls),
    };
    let mut code = CodeSection::new();
    let mut functions = FunctionSection::new();
    // The runtime's worker calls entries through table 0.
    let mut uses_table = !m.table.is_empty() || runtime.is_some();
    for (wasm_idx, id) in order.iter().enumerate() {
        let f = &m.funcs[id.index()];
        match &f.kind {
            FuncKind::Import { .. } => {}
            FuncKind::Defined(None) => {
                return Err(EmitError::Verify(vec![switchyard_ir::VerifyError {
                    function: f.name.clone(),
                    block: None,
                    message: "declared but never defined".into(),
                }]))
            }
            FuncKind::Defined(Some(body)) => {
                let s = structure(&f.name, body)?;
                let has_results = !f.sig.results.is_empty();
                let lowered = lower_body(&cx, &mut types, &f.name, has_results, body, &s)?;
                uses_table |= lowered.uses_table;
                let instructions = peephole(lowered.instructions, body.locals.len());
                let func = encode_function(body, f.sig.params.len(), &instructions);
                crate::limits::check_body_size(&f.name, func.byte_len())?;
                code.function(&func);
                functions.function(func_type[wasm_idx]);
            }
        }
    }
    if let Some(rt) = &runtime {
        for (ty, func) in rt.functions() {
            code.function(&func);
            functions.function(ty);
        }
    }

    let mut module = wasm_encoder::Module::new();
    module.section(&types.section());

    let mut imports = ImportSection::new();
    for (wasm_idx, id) in order.iter().enumerate() {
        if let FuncKind::Import {
            module: mname,
            name,
        } = &m.funcs[id.index()].kind
        {
            imports.import(mname, name, EntityType::Function(func_type[wasm_idx]));
        }
    }
    if !imports.is_empty() {
        module.section(&imports);
    }
    if !functions.is_empty() {
        module.section(&functions);
    }

    if uses_table {
        let mut tables = TableSection::new();
        let n = m.table.len() as u64;
        tables.table(TableType {
            element_type: RefType::FUNCREF,
            table64: false,
            minimum: n,
            maximum: Some(n),
            shared: false,
        });
        if let Some(rt) = &runtime {
            rt.tables(&mut tables);
        }
        module.section(&tables);
    }

    let mut memories = MemorySection::new();
    memories.memory(MemoryType {
        minimum: m.memory.min_pages as u64,
        maximum: m.memory.max_pages.map(|p| p as u64),
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    if let Some(rt) = &runtime {
        rt.memory(&mut memories);
    }
    module.section(&memories);

    if let Some(rt) = &runtime {
        module.section(&rt.tags());
    }

    if !m.globals.is_empty() || runtime.is_some() {
        let mut globals = GlobalSection::new();
        for g in &m.globals {
            globals.global(
                GlobalType {
                    val_type: val_type(g.ty),
                    mutable: g.mutable,
                    shared: false,
                },
                &const_expr(g.init),
            );
        }
        if let Some(rt) = &runtime {
            rt.globals(&mut globals);
        }
        module.section(&globals);
    }

    let mut exports = ExportSection::new();
    for (wasm_idx, id) in order.iter().enumerate() {
        if let Some(e) = &m.funcs[id.index()].export {
            exports.export(e, ExportKind::Func, wasm_idx as u32);
        }
    }
    for (i, g) in m.globals.iter().enumerate() {
        if let Some(e) = &g.export {
            exports.export(e, ExportKind::Global, i as u32);
        }
    }
    if let Some(e) = &m.memory.export {
        exports.export(e, ExportKind::Memory, 0);
    }
    if let Some(rt) = &runtime {
        rt.exports(&mut exports);
    }
    if !exports.is_empty() {
        module.section(&exports);
    }

    if let Some(s) = m.start {
        let function_index = func_index.get(s.index()).copied().ok_or_else(|| {
            EmitError::InvalidOutput(format!("start function {s} does not exist"))
        })?;
        module.section(&StartSection { function_index });
    }

    if !m.table.is_empty() || runtime.is_some() {
        let mut elements = ElementSection::new();
        if !m.table.is_empty() {
            let funcs: Vec<u32> = m
                .table
                .iter()
                .map(|f| func_index.get(f.index()).copied().unwrap_or(0))
                .collect();
            elements.active(
                None,
                &ConstExpr::i32_const(0),
                Elements::Functions(Cow::Owned(funcs)),
            );
        }
        if let Some(rt) = &runtime {
            elements.declared(Elements::Functions(Cow::Owned(rt.declared_functions())));
        }
        module.section(&elements);
    }

    if !code.is_empty() {
        module.section(&code);
    }

    if !m.data.is_empty() {
        let mut data = DataSection::new();
        for d in &m.data {
            data.active(
                0,
                &ConstExpr::i32_const(d.offset as i32),
                d.bytes.iter().copied(),
            );
        }
        module.section(&data);
    }

    if opts.names {
        module.section(&name_section(m, &order, runtime.as_ref()));
    }

    Ok(module.finish())
}

/// Function, local and global names.
fn name_section(m: &Module, order: &[FuncId], runtime: Option<&Runtime>) -> NameSection {
    let mut names = NameSection::new();
    let mut funcs = NameMap::new();
    let mut locals = IndirectNameMap::new();
    let mut any_local_names = false;
    for (wasm_idx, id) in order.iter().enumerate() {
        let f = &m.funcs[id.index()];
        funcs.append(wasm_idx as u32, &f.name);
        if let Some(body) = f.body() {
            let mut map = NameMap::new();
            for (i, d) in body.locals.iter().enumerate() {
                if let Some(n) = &d.name {
                    map.append(i as u32, n);
                }
            }
            if !map.is_empty() {
                locals.append(wasm_idx as u32, &map);
                any_local_names = true;
            }
        }
    }
    if let Some(rt) = runtime {
        rt.function_names(&mut funcs);
    }
    names.functions(&funcs);
    if any_local_names {
        names.locals(&locals);
    }
    if let Some(rt) = runtime {
        let (tables, memories, _) = rt.other_names();
        names.tables(&tables);
        names.memories(&memories);
    }
    if !m.globals.is_empty() || runtime.is_some() {
        let mut globals = NameMap::new();
        for (i, g) in m.globals.iter().enumerate() {
            globals.append(i as u32, &g.name);
        }
        if let Some(rt) = runtime {
            rt.global_names(&mut globals);
        }
        names.globals(&globals);
    }
    if let Some(rt) = runtime {
        let (_, _, tags) = rt.other_names();
        names.tags(&tags);
    }
    names
}
