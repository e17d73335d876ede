//! A harness that runs the runtime library under Wasmtime: it installs the
//! runtime into a module, exports every `rt_*` function (so tests can drive
//! them from Rust), lets a test add IR functions of its own, emits Wasm with
//! switchyard-wasm, and links simple host imports.

#![allow(dead_code)]

use switchyard_ir::Module as IrModule;
use switchyard_js_runtime::layout::*;
use switchyard_js_runtime::{finalize, install, Runtime, StaticData};
use wasmtime::{Caller, Engine, Extern, Instance, Linker, Memory, Module, Store, Val};

#[derive(Default)]
pub struct Host {
    pub logs: Vec<String>,
    /// The virtual clock of the `clock_now`/`sleep` imports, in ms.
    pub clock_ms: f64,
}

pub struct Rt {
    pub store: Store<Host>,
    pub instance: Instance,
    pub memory: Memory,
    pub ids: Runtime,
    /// Table slots of the extra functions, by name (see [`Rt::with`]).
    pub slots: Vec<(String, u32)>,
}

/// ECMAScript Number::toString, good enough for tests.
pub fn js_number_to_string(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if x == 0.0 {
        return "0".into();
    }
    let a = x.abs();
    if (1e-6..1e21).contains(&a) {
        format!("{x}")
    } else {
        let s = format!("{x:e}");
        let (mant, exp) = s.split_once('e').unwrap();
        let exp: i32 = exp.parse().unwrap();
        if exp >= 0 {
            format!("{mant}e+{exp}")
        } else {
            format!("{mant}e{exp}")
        }
    }
}

fn read_js_string(mem: &[u8], p: u32) -> String {
    let p = p as usize;
    let len = u32::from_le_bytes(mem[p + 4..p + 8].try_into().unwrap()) as usize;
    let units: Vec<u16> = (0..len)
        .map(|i| u16::from_le_bytes(mem[p + 8 + 2 * i..p + 10 + 2 * i].try_into().unwrap()))
        .collect();
    String::from_utf16_lossy(&units)
}

fn memory_of(caller: &mut Caller<'_, Host>) -> Memory {
    match caller.get_export("memory") {
        Some(Extern::Memory(m)) => m,
        _ => panic!("no memory export"),
    }
}

pub fn num(x: f64) -> u64 {
    x.to_bits()
}

impl Rt {
    pub fn new() -> Rt {
        Rt::with(|_, _, _| Vec::new())
    }

    /// `extra` may add functions; it returns (name, func) pairs that are put
    /// in the table (their slots land in [`Rt::slots`]).
    pub fn with(
        extra: impl FnOnce(
            &mut IrModule,
            &Runtime,
            &mut StaticData,
        ) -> Vec<(String, switchyard_ir::FuncId)>,
    ) -> Rt {
        let mut m = IrModule::new();
        let mut statics = StaticData::new();
        let ids = install(&mut m, &mut statics);
        let extra_funcs = extra(&mut m, &ids, &mut statics);
        let slots: Vec<(String, u32)> = extra_funcs
            .into_iter()
            .map(|(n, f)| (n, m.table_slot(f)))
            .collect();
        for f in m.funcs.iter_mut() {
            if !f.is_import() && f.export.is_none() {
                f.export = Some(f.name.clone());
            }
        }
        finalize(&mut m, &ids, &statics);
        for g in m.globals.iter_mut() {
            if g.export.is_none() {
                g.export = Some(g.name.clone());
            }
        }
        if let Err(e) = switchyard_ir::verify(&m) {
            panic!("{e:?}");
        }
        let bytes = switchyard_wasm::emit(&m, &switchyard_wasm::EmitOptions::default())
            .unwrap_or_else(|e| panic!("emit failed: {e}"));
        let engine = Engine::default();
        let module = Module::new(&engine, &bytes).expect("wasmtime compiles the module");
        let mut linker: Linker<Host> = Linker::new(&engine);
        let h = HOST_MODULE;
        for name in ["console_log", "console_error"] {
            linker
                .func_wrap(h, name, |mut c: Caller<'_, Host>, argv: i32, argc: i32| {
                    let mem = memory_of(&mut c);
                    let data = mem.data(&c);
                    let mut parts = Vec::new();
                    for i in 0..argc as usize {
                        let a = argv as usize + 8 * i;
                        let v = u64::from_le_bytes(data[a..a + 8].try_into().unwrap());
                        parts.push(if tag_of(v) == Some(TAG_STRING) {
                            read_js_string(data, payload_of(v))
                        } else {
                            format!("{v:#x}")
                        });
                    }
                    let line = parts.join(" ");
                    c.data_mut().logs.push(line);
                })
                .unwrap();
        }
        linker
            .func_wrap(
                h,
                "number_to_string",
                |mut c: Caller<'_, Host>, x: f64, buf: i32| -> i32 {
                    let s = js_number_to_string(x);
                    let mem = memory_of(&mut c);
                    mem.data_mut(&mut c)[buf as usize..buf as usize + s.len()]
                        .copy_from_slice(s.as_bytes());
                    s.len() as i32
                },
            )
            .unwrap();
        linker
            .func_wrap(
                h,
                "string_to_number",
                |mut c: Caller<'_, Host>, p: i32| -> f64 {
                    let mem = memory_of(&mut c);
                    let s = read_js_string(mem.data(&c), p as u32);
                    let t = s.trim();
                    if t.is_empty() {
                        0.0
                    } else if t == "Infinity" || t == "+Infinity" {
                        f64::INFINITY
                    } else if t == "-Infinity" {
                        f64::NEG_INFINITY
                    } else if t.chars().all(|c| c.is_ascii_digit() || "+-.eE".contains(c)) {
                        // A non-canonical NaN on failure, to test canonicalisation.
                        t.parse().unwrap_or(f64::from_bits(0x7FF4_0000_0000_0001))
                    } else {
                        f64::from_bits(0xFFF8_0000_0000_0000)
                    }
                },
            )
            .unwrap();
        linker
            .func_wrap(h, "parse_int", |_: i32, _: i32| -> f64 { f64::NAN })
            .unwrap();
        linker
            .func_wrap(h, "parse_float", |_: i32| -> f64 { f64::NAN })
            .unwrap();
        linker
            .func_wrap(h, "math_pow", |x: f64, y: f64| -> f64 { x.powf(y) })
            .unwrap();
        linker
            .func_wrap(h, "math_fmod", |x: f64, y: f64| -> f64 {
                let r = x % y;
                if r.is_nan() {
                    f64::from_bits(0x7FF0_0000_0000_0BAD)
                } else {
                    r
                }
            })
            .unwrap();
        linker
            .func_wrap(h, "fatal", |code: i32| -> wasmtime::Result<()> {
                Err(wasmtime::Error::msg(format!("fatal({code})")))
            })
            .unwrap();
        // The event loop's services: a clock that only sleeping moves.
        linker
            .func_wrap(h, "clock_now", |c: Caller<'_, Host>| -> f64 {
                c.data().clock_ms
            })
            .unwrap();
        linker
            .func_wrap(h, "sleep", |mut c: Caller<'_, Host>, ms: f64| {
                c.data_mut().clock_ms += ms.max(0.0);
            })
            .unwrap();
        linker
            .func_wrap(h, "unhandled_rejection", |_: Caller<'_, Host>| {})
            .unwrap();
        let mut store = Store::new(&engine, Host::default());
        let instance = linker
            .instantiate(&mut store, &module)
            .expect("instantiates");
        let memory = instance
            .get_memory(&mut store, "memory")
            .expect("memory export");
        let mut rt = Rt {
            store,
            instance,
            memory,
            ids,
            slots,
        };
        rt.call("init", &[]);
        rt
    }

    /// Calls `rt_<name>` (or an extra function by its full name), panicking on a trap.
    pub fn call(&mut self, name: &str, args: &[Val]) -> Vec<Val> {
        self.try_call(name, args)
            .unwrap_or_else(|e| panic!("{name} trapped: {e:?}"))
    }

    pub fn try_call(&mut self, name: &str, args: &[Val]) -> wasmtime::Result<Vec<Val>> {
        let full = if name.starts_with("rt_") || name.starts_with("test_") {
            name.to_string()
        } else {
            format!("rt_{name}")
        };
        let f = self
            .instance
            .get_func(&mut self.store, &full)
            .unwrap_or_else(|| panic!("no export {full}"));
        let ty = f.ty(&self.store);
        let mut results: Vec<Val> = ty.results().map(|_| Val::I32(0)).collect();
        f.call(&mut self.store, args, &mut results)?;
        Ok(results)
    }

    /// Calls a runtime function returning one i64 value.
    pub fn v(&mut self, name: &str, args: &[Val]) -> u64 {
        match self.call(name, args)[..] {
            [Val::I64(v)] => v as u64,
            ref other => panic!("{name} returned {other:?}"),
        }
    }

    /// Calls a runtime function returning one i32.
    pub fn i(&mut self, name: &str, args: &[Val]) -> i32 {
        match self.call(name, args)[..] {
            [Val::I32(v)] => v,
            ref other => panic!("{name} returned {other:?}"),
        }
    }

    /// Calls a runtime function returning one f64.
    pub fn f(&mut self, name: &str, args: &[Val]) -> f64 {
        match self.call(name, args)[..] {
            [Val::F64(v)] => f64::from_bits(v),
            ref other => panic!("{name} returned {other:?}"),
        }
    }

    /// A fresh (heap) string value.
    pub fn string(&mut self, s: &str) -> u64 {
        let units: Vec<u16> = s.encode_utf16().collect();
        self.string_utf16(&units)
    }

    pub fn string_utf16(&mut self, units: &[u16]) -> u64 {
        let p = self.i("new_string", &[Val::I32(units.len() as i32)]) as u32;
        let data = self.memory.data_mut(&mut self.store);
        for (i, u) in units.iter().enumerate() {
            let a = p as usize + 8 + 2 * i;
            data[a..a + 2].copy_from_slice(&u.to_le_bytes());
        }
        boxed(TAG_STRING, p)
    }

    /// A string's pointer (for `P` parameters).
    pub fn sp(&mut self, s: &str) -> Val {
        Val::I32(payload_of(self.string(s)) as i32)
    }

    pub fn read_string(&self, v: u64) -> String {
        assert_eq!(tag_of(v), Some(TAG_STRING), "not a string: {v:#x}");
        read_js_string(self.memory.data(&self.store), payload_of(v))
    }

    pub fn read_units(&self, v: u64) -> Vec<u16> {
        let data = self.memory.data(&self.store);
        let p = payload_of(v) as usize;
        let len = self.u32_at(p as u32 + STR_LEN) as usize;
        (0..len)
            .map(|i| u16::from_le_bytes(data[p + 8 + 2 * i..p + 10 + 2 * i].try_into().unwrap()))
            .collect()
    }

    pub fn u32_at(&self, addr: u32) -> u32 {
        let a = addr as usize;
        u32::from_le_bytes(self.memory.data(&self.store)[a..a + 4].try_into().unwrap())
    }

    pub fn u64_at(&self, addr: u32) -> u64 {
        let a = addr as usize;
        u64::from_le_bytes(self.memory.data(&self.store)[a..a + 8].try_into().unwrap())
    }

    pub fn write_u64(&mut self, addr: u32, v: u64) {
        let a = addr as usize;
        self.memory.data_mut(&mut self.store)[a..a + 8].copy_from_slice(&v.to_le_bytes());
    }

    pub fn global_i32(&mut self, name: &str) -> i32 {
        let g = self.instance.get_global(&mut self.store, name).unwrap();
        g.get(&mut self.store).unwrap_i32()
    }

    /// The pending exception (clearing it), if any.
    pub fn take_exception(&mut self) -> Option<u64> {
        let g = self
            .instance
            .get_global(&mut self.store, EXPORT_EXC_PENDING)
            .unwrap();
        if g.get(&mut self.store).unwrap_i32() == 0 {
            return None;
        }
        g.set(&mut self.store, Val::I32(0)).unwrap();
        let v = self
            .instance
            .get_global(&mut self.store, EXPORT_EXC_VALUE)
            .unwrap();
        Some(v.get(&mut self.store).unwrap_i64() as u64)
    }

    /// ToString of a value, read back.
    pub fn show(&mut self, v: u64) -> String {
        let s = self.v("to_string", &[Val::I64(v as i64)]);
        self.read_string(s)
    }

    /// The pending exception's `String(e)`; panics if none.
    pub fn expect_exception(&mut self) -> String {
        let e = self.take_exception().expect("an exception is pending");
        self.show(e)
    }

    pub fn no_exception(&mut self) {
        if let Some(e) = self.take_exception() {
            let s = self.show(e);
            panic!("unexpected exception: {s}");
        }
    }

    pub fn slot(&self, name: &str) -> u32 {
        self.slots.iter().find(|(n, _)| n == name).unwrap().1
    }

    /// `get_named(obj, key)` with a fresh key string.
    pub fn get(&mut self, obj: u64, key: &str) -> u64 {
        let k = self.sp(key);
        self.v("get_named", &[Val::I64(obj as i64), k])
    }

    pub fn set(&mut self, obj: u64, key: &str, v: u64) {
        let k = self.sp(key);
        self.call("set_named", &[Val::I64(obj as i64), k, Val::I64(v as i64)]);
    }

    /// The elements of an array of strings.
    pub fn string_array(&mut self, arr: u64) -> Vec<String> {
        let p = payload_of(arr);
        let len = self.u32_at(p + ARR_LEN);
        let elems = self.u32_at(p + ARR_ELEMS);
        (0..len)
            .map(|i| {
                let v = self.u64_at(elems + BYTES_DATA + 8 * i);
                self.read_string(v)
            })
            .collect()
    }
}

pub fn v(x: u64) -> Val {
    Val::I64(x as i64)
}

pub fn f(x: f64) -> Val {
    Val::F64(x.to_bits())
}

pub fn i(x: i32) -> Val {
    Val::I32(x)
}
