//! switchyard's Asyncify post-pass (issue #3, in progress): runs Binaryen's
//! Asyncify over exactly the functions that may suspend, then optimises.
