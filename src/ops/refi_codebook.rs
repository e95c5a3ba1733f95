//! Importing a codebook from another QDA program (REFI-QDA): its codes
//! merged into `guides/codebook.ron`, which is the lead's to write. The file
//! is read by `export::refi::reader`; the merge rules live in
//! `export::refi::merge`; here the who-writes rule is checked first, and the
//! change is returned for the caller to show, confirm and commit.

use super::{files, Change, Ctx, OpError};
use crate::domain::StudyData;
use crate::export::refi::merge::{merge, Merged};
use crate::export::refi::reader::RefiCodebook;

/// The codebook with `imported` merged in, as a change (no write when
/// nothing is new), and what the merge did, for the preview.
pub fn import(ctx: &Ctx, data: &mut StudyData, imported: &RefiCodebook) -> Result<(Change, Merged), OpError> {
    let path = ctx.layout.codebook_file();
    files::may_write(ctx, &path, files::Writer::Lead(data.study.lead.as_ref()))?;
    let merged = merge(&data.codebook, imported);
    if merged.added.is_empty() {
        let change = Change::default().said(format!(
            "{}: nothing to add; all {} codes of the file are there already",
            path.display(),
            merged.kept
        ));
        return Ok((change, merged));
    }
    let write = files::codebook(ctx, &data.study, &merged.codebook)?;
    data.codebook = merged.codebook.clone();
    let change = Change {
        writes: vec![write],
        ..Change::default()
    }
    .said(format!(
        "{}: {} codes added, {} already there",
        path.display(),
        merged.added.len(),
        merged.kept
    ));
    Ok((change, merged))
}
