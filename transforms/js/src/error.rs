//! Compile errors: syntax errors from the parser and constructs outside the
//! supported subset, each with the file and 1-based line:column.

use std::fmt;

/// What kind of compile error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileErrorKind {
    /// The source does not parse.
    Syntax,
    /// The source parses but uses a construct this compiler does not lower.
    Unsupported,
}

/// A compile error at a source position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column (in UTF-16 units, like Node).
    pub col: u32,
    pub kind: CompileErrorKind,
    pub message: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            CompileErrorKind::Syntax => "syntax error",
            CompileErrorKind::Unsupported => "unsupported",
        };
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.file, self.line, self.col, kind, self.message
        )
    }
}

impl std::error::Error for CompileError {}
