//! A problem in a CSV file, shown as `FILE:LINE: column: message`.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    pub path: PathBuf,
    /// 1-based line of the record (the header is line 1).
    pub line: u64,
    /// The column's name from the header, or its number where there is none.
    pub column: String,
    pub message: String,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}
