//! Importing the pool: cases built or updated from an export of
//! applications. All or nothing: a bad row, or a file casebook may not
//! write, means nothing changes.

use super::{files, Change, Ctx, OpError};
use crate::domain::StudyData;
use crate::store::csv_problem::CsvProblem;
use crate::store::pool_import::{import_pool, ImportSummary};
use std::path::Path;

#[derive(Debug)]
pub enum ImportError {
    /// Rows of the file that are wrong, each with its line and column.
    Rows(Vec<CsvProblem>),
    Refused(OpError),
}

impl From<OpError> for ImportError {
    fn from(e: OpError) -> Self {
        ImportError::Refused(e)
    }
}

/// Imports `file`, leaving out the columns named in `drop` (personal ones).
pub fn pool(
    ctx: &Ctx,
    data: &mut StudyData,
    file: &Path,
    drop: &[String],
) -> Result<(Change, ImportSummary), ImportError> {
    // Merged into a copy, so a refusal below leaves the study as it was.
    let mut next = data.clone();
    // Titles and attribute values are free text going into the shared
    // case.ron: checked against this user's stored contacts too.
    let contacts = super::privacy::matcher_now(ctx, &data.study);
    let summary = import_pool(file, &mut next, drop, &contacts).map_err(ImportError::Rows)?;
    let mut change = Change::default();
    if next.study != data.study {
        change.writes.push(files::study(ctx, &next.study)?);
    }
    for id in summary.new_cases.iter().chain(&summary.updated_cases) {
        if let Some(case) = next.cases.get(id) {
            change.writes.push(files::case(ctx, &case.case)?);
        }
    }
    *data = next;
    let unchanged = summary.projects - summary.new_cases.len() - summary.updated_cases.len();
    change.summary.push(format!(
        "{}: {} applications in {} projects; {} new cases, {} updated, {unchanged} unchanged",
        file.display(),
        summary.applications,
        summary.projects,
        summary.new_cases.len(),
        summary.updated_cases.len(),
    ));
    if summary.never_granted > 0 {
        change.summary.push(format!(
            "{} projects were never granted: in the sampling frame, not in the review pool",
            summary.never_granted
        ));
    }
    if !summary.new_focus_areas.is_empty() {
        change.summary.push(format!(
            "new focus areas added to study.ron: {}",
            summary.new_focus_areas.join(", ")
        ));
    }
    Ok((change, summary))
}
