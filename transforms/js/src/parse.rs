//! Parsing with swc: source text → `swc_ecma_ast::Program`, with syntax
//! errors reported as `file:line:col`, and position lookup (byte position →
//! 1-based line and UTF-16 column) for every later diagnostic.

use crate::error::{CompileError, CompileErrorKind};
use swc_common::{sync::Lrc, BytePos, FileName, SourceMap, Spanned};
use swc_ecma_ast::{EsVersion, Program};
use swc_ecma_parser::{lexer::Lexer, EsSyntax, Parser, StringInput, Syntax};

/// One parsed source file.
pub struct ParsedFile {
    pub name: String,
    pub source: String,
    /// The byte position of the file's first byte in the shared source map.
    pub start: u32,
    /// Byte offsets (relative to the file) at which lines start.
    line_starts: Vec<usize>,
    pub program: Program,
}

impl ParsedFile {
    /// Whether a global byte position lies in this file.
    pub fn contains(&self, pos: u32) -> bool {
        pos >= self.start && pos <= self.start + self.source.len() as u32
    }

    /// 1-based line and column (UTF-16 units) of a global byte position.
    pub fn line_col(&self, pos: u32) -> (u32, u32) {
        let off = (pos.saturating_sub(self.start) as usize).min(self.source.len());
        let line = match self.line_starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let mut col = 0u32;
        let mut idx = start;
        for ch in self.source[start..].chars() {
            if idx >= off {
                break;
            }
            idx += ch.len_utf8();
            col += ch.len_utf16() as u32;
        }
        (line as u32 + 1, col + 1)
    }

    /// The source text between two global byte positions.
    pub fn text(&self, lo: u32, hi: u32) -> &str {
        let a = (lo.saturating_sub(self.start) as usize).min(self.source.len());
        let b = (hi.saturating_sub(self.start) as usize).clamp(a, self.source.len());
        self.source.get(a..b).unwrap_or("")
    }

    /// A compile error at a global byte position of this file.
    pub fn error(
        &self,
        pos: u32,
        kind: CompileErrorKind,
        message: impl Into<String>,
    ) -> CompileError {
        let (line, col) = self.line_col(pos);
        CompileError {
            file: self.name.clone(),
            line,
            col,
            kind,
            message: message.into(),
        }
    }
}

/// Parses one file (as a script; `import`/`export` are accepted by the
/// parser so that they can be reported as unsupported at their position).
pub fn parse_file(
    cm: &Lrc<SourceMap>,
    name: &str,
    source: &str,
) -> Result<ParsedFile, CompileError> {
    let fm = cm.new_source_file(
        Lrc::new(FileName::Custom(name.to_string())),
        source.to_string(),
    );
    let start = fm.start_pos.0;
    let mut line_starts = vec![0usize];
    for (i, b) in source.bytes().enumerate() {
        if b == b'\n' {
            line_starts.push(i + 1);
        }
    }
    let mut file = ParsedFile {
        name: name.to_string(),
        source: source.to_string(),
        start,
        line_starts,
        program: Program::Script(Default::default()),
    };
    let lexer = Lexer::new(
        Syntax::Es(EsSyntax::default()),
        EsVersion::latest(),
        StringInput::from(&*fm),
        None,
    );
    let mut parser = Parser::new_from(lexer);
    let result = parser.parse_program();
    let mut errors = parser.take_errors();
    match result {
        Ok(program) => {
            if errors.is_empty() {
                file.program = program;
                return Ok(file);
            }
        }
        Err(e) => errors.push(e),
    }
    errors.sort_by_key(|e| e.span().lo);
    let e = &errors[0];
    let lo: BytePos = e.span().lo;
    Err(file.error(lo.0, CompileErrorKind::Syntax, e.kind().msg().to_string()))
}
