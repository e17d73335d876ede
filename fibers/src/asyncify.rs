//! The asyncify strategy's coroutine runtime (being written).
