//! The cps strategy's coroutine runtime (being written).
