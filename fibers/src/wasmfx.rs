//! The wasmfx strategy's coroutine runtime (being written).
