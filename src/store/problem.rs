//! A problem found while loading a study: where it is and what is wrong,
//! shown as `path:line:column: message` like a compiler's.

use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Problem {
    pub path: PathBuf,
    /// 1-based; 0 when the problem is about the whole file.
    pub line: usize,
    /// 1-based, in characters; 0 when the problem is about the whole file.
    pub column: usize,
    pub message: String,
}

impl Problem {
    pub fn new(path: &Path, line: usize, column: usize, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }

    /// A problem with a whole file (it cannot be read, it is missing...).
    pub fn file(path: &Path, message: impl Into<String>) -> Self {
        Problem::new(path, 0, 0, message)
    }

    /// A problem at the first place `needle` occurs in `source`, or at the
    /// file's start when it does not occur (a missing field, say).
    pub fn at_text(path: &Path, source: &str, needle: &str, message: impl Into<String>) -> Self {
        let (line, column) = position_of(source, needle).unwrap_or((1, 1));
        Problem::new(path, line, column, message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path.display(),
                self.line,
                self.column,
                self.message
            )
        }
    }
}

/// 1-based line and column (in characters) of the first `needle` in `source`.
pub fn position_of(source: &str, needle: &str) -> Option<(usize, usize)> {
    let offset = source.find(needle)?;
    Some(line_column(source, offset))
}

/// 1-based line and column of a character offset (as `Detail`s give them).
pub fn line_column_of_char(source: &str, offset: usize) -> (usize, usize) {
    let byte = source.char_indices().nth(offset).map_or(source.len(), |(b, _)| b);
    line_column(source, byte)
}

/// 1-based line and column (in characters) of a byte offset. An offset past
/// the end or inside a character counts from the character it falls in.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}
