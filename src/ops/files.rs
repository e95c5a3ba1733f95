//! Who writes which file (PRODUCT.md, "Decisions that hold for every
//! issue"), and the one gate every write passes: never over a file that
//! failed to load, never someone else's file.
//!
//! - `study.ron`, the guides and the codebook: the study's lead (anyone
//!   while the study names no lead).
//! - `case.ron`: whoever moves a stage, assigns reviewers or imports.
//! - `review.<r>.ron`, `resolution.<r>.ron`, `<id>.status.<r>.ron`: `r`.
//! - `informants/<id>.ron`: whoever added the informant.
//! - `guides/codebook.ron`: the lead (`codebook`).
//! - `interviews/<id>.ron`: the note-taker it names (the first researcher
//!   present when it names none).
//! - `interviews/<id>.notes.<r>.ron`: `r`, a second researcher's own notes.
//! - Notes holding an informant's contact detail: the private drafts folder
//!   beside the private contacts, written by whoever typed them.

use super::{Ctx, FileWrite, OpError};
use crate::domain::*;
use crate::store::ron_io::to_ron;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Who may write a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer<'a> {
    /// Any member of the team making the change.
    Anyone,
    /// This researcher alone.
    Only(&'a ResearcherId),
    /// The study's lead; anyone while the study names none.
    Lead(Option<&'a ResearcherId>),
}

/// The gate: may the one at the keyboard write `path`?
pub fn may_write(ctx: &Ctx, path: &Path, writer: Writer) -> Result<(), OpError> {
    if let Some(why) = ctx.failed.get(path) {
        return Err(OpError::FailedToLoad {
            path: path.to_path_buf(),
            why: why.clone(),
        });
    }
    // Files anyone may write need no name; the others are someone's.
    if matches!(writer, Writer::Anyone | Writer::Lead(None)) {
        return Ok(());
    }
    let me = ctx.author("a change")?;
    match writer {
        Writer::Anyone | Writer::Lead(None) => Ok(()),
        Writer::Only(writer) if *writer == me => Ok(()),
        Writer::Only(writer) => Err(OpError::NotYourFile {
            path: path.to_path_buf(),
            writer: writer.clone(),
            me,
        }),
        Writer::Lead(Some(lead)) if *lead == me => Ok(()),
        Writer::Lead(Some(lead)) => Err(OpError::LeadOnly {
            path: path.to_path_buf(),
            lead: lead.clone(),
        }),
    }
}

/// Passes the gate, then renders the file's new text.
pub(crate) fn write<T: Serialize>(ctx: &Ctx, path: PathBuf, value: &T, writer: Writer) -> Result<FileWrite, OpError> {
    may_write(ctx, &path, writer)?;
    let text = to_ron(value).map_err(|e| OpError::refused(format!("{}: cannot serialise: {e}", path.display())))?;
    Ok(FileWrite { path, text })
}

pub fn study(ctx: &Ctx, study: &Study) -> Result<FileWrite, OpError> {
    write(ctx, ctx.layout.study_file(), study, Writer::Lead(study.lead.as_ref()))
}

pub fn case(ctx: &Ctx, case: &Case) -> Result<FileWrite, OpError> {
    write(ctx, ctx.layout.case_file(&case.id), case, Writer::Anyone)
}

pub fn review(ctx: &Ctx, review: &Review) -> Result<FileWrite, OpError> {
    let path = ctx.layout.review_file(&review.case, &review.reviewer);
    write(ctx, path, review, Writer::Only(&review.reviewer))
}

pub fn resolution(ctx: &Ctx, by: &ResearcherId, resolution: &Resolution) -> Result<FileWrite, OpError> {
    let path = ctx.layout.resolution_file(&resolution.case, by);
    write(ctx, path, resolution, Writer::Only(by))
}

pub fn informant(ctx: &Ctx, informant: &Informant) -> Result<FileWrite, OpError> {
    let path = ctx.layout.informant_file(&informant.case, &informant.id);
    let writer = informant.added_by().map_or(Writer::Anyone, Writer::Only);
    write(ctx, path, informant, writer)
}

/// The status file of `researcher` for `informant`, as the informant now stands.
pub fn status(ctx: &Ctx, informant: &Informant, researcher: &ResearcherId) -> Result<FileWrite, OpError> {
    let path = ctx.layout.status_file(&informant.case, &informant.id, researcher);
    let file = informant.status_file_of(researcher).unwrap_or_else(|| StatusFile {
        informant: informant.id.clone(),
        researcher: researcher.clone(),
        consent: None,
        history: Vec::new(),
    });
    write(ctx, path, &file, Writer::Only(researcher))
}

pub fn interview(ctx: &Ctx, interview: &Interview) -> Result<FileWrite, OpError> {
    let path = ctx.layout.interview_file(&interview.case, &interview.id);
    let writer = interview.writer().map_or(Writer::Anyone, Writer::Only);
    write(ctx, path, interview, writer)
}

pub fn researcher_notes(ctx: &Ctx, case: &CaseId, notes: &ResearcherNotes) -> Result<FileWrite, OpError> {
    let path = ctx.layout.notes_file(case, &notes.interview, &notes.researcher);
    write(ctx, path, notes, Writer::Only(&notes.researcher))
}

/// Checks the gate for a file about to be written, before anything changes.
pub fn check_case(ctx: &Ctx, case: &CaseId) -> Result<(), OpError> {
    may_write(ctx, &ctx.layout.case_file(case), Writer::Anyone)
}

/// `guides/codebook.ron`: the lead's.
pub fn codebook(ctx: &Ctx, study: &Study, codebook: &Codebook) -> Result<FileWrite, OpError> {
    write(
        ctx,
        ctx.layout.codebook_file(),
        codebook,
        Writer::Lead(study.lead.as_ref()),
    )
}
