//! Reading CSV files the one way casebook does it (a header row, cells
//! trimmed, empty rows skipped), and problems shown as
//! `FILE:LINE: column: message`.

use csv::StringRecord;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    pub path: PathBuf,
    /// 1-based line of the record (the header is line 1).
    pub line: u64,
    /// The column's name from the header, or what the problem is about.
    pub column: String,
    pub message: String,
}

impl CsvProblem {
    pub fn new(path: &Path, line: u64, column: &str, message: impl Into<String>) -> Self {
        CsvProblem {
            path: path.to_path_buf(),
            line,
            column: column.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            // About the file as a whole (it is missing, say): no line to name.
            return write!(f, "{}: {}", self.path.display(), self.message);
        }
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

/// A CSV file's header and its non-empty rows, each with its line.
pub struct CsvTable {
    pub header: StringRecord,
    pub rows: Vec<(u64, StringRecord)>,
    /// Rows that could not be read or have another number of cells than the header.
    pub problems: Vec<CsvProblem>,
}

/// Reads `path`; fails only when the file or its header cannot be read.
/// The separator of the header line: a comma, or what spreadsheets write in
/// locales where the comma is the decimal mark (`;`), or a tab.
fn separator(bytes: &[u8]) -> u8 {
    let header = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| header.iter().filter(|b| **b == c).count();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|c| (count(*c), *c == b','))
        .unwrap_or(b',')
}

/// Why a file could not be read, in words a user acts on.
pub fn unreadable(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "the file does not exist".to_string(),
        std::io::ErrorKind::PermissionDenied => "no permission to read the file".to_string(),
        std::io::ErrorKind::IsADirectory => "a folder, not a file".to_string(),
        _ => format!("cannot read the file: {e}"),
    }
}

pub fn read_table(path: &Path) -> Result<CsvTable, Vec<CsvProblem>> {
    let bytes = std::fs::read(path).map_err(|e| vec![CsvProblem::new(path, 0, "file", unreadable(&e))])?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(separator(&bytes))
        .from_reader(bytes.as_slice());
    let header = reader
        .headers()
        .map_err(|e| vec![CsvProblem::new(path, 1, "header", e.to_string())])?
        .clone();
    let mut table = CsvTable {
        header,
        rows: Vec::new(),
        problems: Vec::new(),
    };
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                table.problems.push(CsvProblem::new(path, line, "row", e.to_string()));
                continue;
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != table.header.len() {
            // A quote never closed swallows the lines after it into one cell.
            let message = if record.iter().any(|cell| cell.contains('\n')) {
                format!("a quote (\") opened on line {line} is never closed")
            } else {
                format!("has {} cells, the header has {}", record.len(), table.header.len())
            };
            table.problems.push(CsvProblem::new(path, line, "row", message));
            continue;
        }
        table.rows.push((line, record));
    }
    Ok(table)
}
