//! Reading and writing RON the one way casebook does it: pretty-printed with
//! stable field order and `\n` line ends, multi-line strings left readable, and
//! errors that carry the file's line and column.

use super::problem::Problem;
use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::path::Path;

/// The one RON layout every file is written in, so saving an unchanged study
/// rewrites no byte and git diffs show only what changed.
fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(true)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .escape_strings(false)
        .extensions(Extensions::empty())
}

/// Serialises `value` as casebook's RON, ending in a newline.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let mut text = ron::ser::to_string_pretty(value, pretty())?;
    text.push('\n');
    Ok(text)
}

/// Parses `source` (the text of `path`) into a `T`, or says where and why not.
/// Git conflict markers are named as such rather than as a syntax error.
pub fn from_ron<T: DeserializeOwned>(path: &Path, source: &str) -> Result<T, Problem> {
    if let Some(line) = conflict_marker_line(source) {
        return Err(Problem::new(path, line, 1, "unresolved git merge conflict"));
    }
    // A byte-order mark (some Windows editors write one) is not RON, and
    // says nothing casebook needs.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    ron::Options::default().from_str(source).map_err(|e| {
        let start = e.span.start;
        Problem::new(
            path,
            start.line.max(1),
            start.col.max(1),
            at_most_a_line(describe(&e.code)),
        )
    })
}

/// The longest message a problem quotes: ron's errors can quote a whole
/// value (megabytes of notes); a line is enough to find it.
const MESSAGE_CHARS: usize = 200;

fn at_most_a_line(message: String) -> String {
    let line = message.lines().next().unwrap_or_default();
    if line.chars().count() <= MESSAGE_CHARS && line.len() == message.len() {
        return message;
    }
    let short: String = line.chars().take(MESSAGE_CHARS).collect();
    format!("{short}…")
}

/// The 1-based line of the first `<<<<<<<` conflict marker, if any.
pub fn conflict_marker_line(source: &str) -> Option<usize> {
    // Nearly every file holds no marker at all: one fast search spares it
    // the walk over its lines.
    memchr::memmem::find(source.as_bytes(), b"<<<<<<<")?;
    source
        .lines()
        .position(|l| l.starts_with("<<<<<<<"))
        .filter(|_| {
            source
                .lines()
                .any(|l| l.starts_with(">>>>>>>") || l.starts_with("======="))
        })
        .map(|i| i + 1)
}

/// ron's messages, made to read as a sentence about the file.
fn describe(error: &ron::Error) -> String {
    match error {
        ron::Error::NoSuchStructField { expected, found, outer } => {
            let within = outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default();
            format!(
                "unknown field `{found}`{within}, expected one of: {}",
                expected.join(", ")
            )
        }
        ron::Error::MissingStructField { field, outer } => {
            let within = outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default();
            format!("missing field `{field}`{within}")
        }
        other => other.to_string(),
    }
}
