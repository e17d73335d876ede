//! The front end's part of the non-standard `Fiber` built-in (issue #5):
//! deciding whether a program needs the fiber runtime, and lowering the
//! prelude's fiber intrinsics (`prelude/fiber.js`) to calls into it
//! (`switchyard_js_runtime::library::fibers`).
//!
//! A program gets the fiber runtime only if the prelude code that survived
//! tree-shaking still calls a `__sy_fiber_*` intrinsic, i.e. the program
//! names `Fiber`. The fiber runtime makes every JS function suspendable
//! (`Fiber.yield` may be called from any of them), so under cps every
//! function is split and under asyncify every function is instrumented;
//! programs that do not use fibers must not pay for that, and do not.

use crate::lower::{Fx, LResult, Val};
use crate::parse::ParsedFile;
use swc_ecma_ast::Ident;
use swc_ecma_visit::{Visit, VisitWith};
use switchyard_ir::Local;

/// The prefix of the fiber intrinsics.
pub const INTRINSIC_PREFIX: &str = "__sy_fiber_";

struct FindFiberIntrinsic(bool);

impl Visit for FindFiberIntrinsic {
    fn visit_ident(&mut self, i: &Ident) {
        if i.sym.starts_with(INTRINSIC_PREFIX) {
            self.0 = true;
        }
    }
}

/// Whether the (tree-shaken) prelude files call a fiber intrinsic.
pub fn prelude_uses_fibers(prelude: &[ParsedFile]) -> bool {
    let mut v = FindFiberIntrinsic(false);
    for f in prelude {
        f.program.visit_with(&mut v);
    }
    v.0
}

impl<'a, 's, 'm> Fx<'a, 's, 'm> {
    /// Lowers `__sy_fiber_new(f, proto)`, `__sy_fiber_resume(fiber, v)`
    /// and `__sy_fiber_yield(v)` (arguments already evaluated).
    pub fn fiber_intrinsic(&mut self, name: &str, a: &[Local], pos: u32) -> LResult<Val> {
        let Some(fb) = self.sh.rt.fibers.clone() else {
            return Err(self.unsupported(pos, format!("`{name}` without the fiber runtime")));
        };
        let (f, args) = match name {
            "__sy_fiber_new" => (fb.new, vec![a[0], a[1]]),
            "__sy_fiber_resume" => (fb.resume, vec![a[0], a[1]]),
            "__sy_fiber_yield" => (fb.yield_, vec![a[0]]),
            other => return Err(self.unsupported(pos, format!("unknown intrinsic `{other}`"))),
        };
        let r = self.call_throwing(f, &args, pos)[0];
        Ok(Val::V(r))
    }
}
