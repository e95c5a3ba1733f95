//! Typed notes and informants' contact details: where a note names how to
//! reach someone, that text is kept in the private drafts folder (beside
//! the private contacts, readable by its owner alone) until the detail is
//! gone, and the shared file keeps the note's last clean version.

use crate::domain::{CaseId, InterviewId, ResearcherId, Study};
use crate::store::details::find_details;
use crate::store::private::Contacts;
use crate::store::private_location::store_place;
use crate::store::Layout;
use std::ops::Range;
use std::path::PathBuf;

/// The byte ranges of `text` that hold a contact detail (a known
/// informant's name, e-mail address or phone number, or anything that looks
/// like an e-mail address), in order: the one matcher `check` and every
/// write use (`store::details`), in byte ranges for the editor.
pub fn details_in(text: &str, contacts: &Contacts) -> Vec<Range<usize>> {
    let found = find_details(text, contacts);
    if found.is_empty() {
        return Vec::new();
    }
    // Character offsets to byte offsets, in one pass.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    found.iter().map(|d| at(d.start)..at(d.end)).collect()
}

/// The folder, beside the private contacts, of the private drafts.
pub const DRAFTS_DIR: &str = "drafts";

/// Where my private draft of an interview's notes lives: beside this
/// study's private contacts (`store::private_location`).
pub fn draft_path(
    layout: &Layout,
    study: &Study,
    case: &CaseId,
    interview: &InterviewId,
    me: &ResearcherId,
) -> Option<PathBuf> {
    let contacts = store_place(layout, study)?.path;
    Some(
        contacts
            .parent()?
            .join(DRAFTS_DIR)
            .join(format!("{case}.{interview}.{me}.ron")),
    )
}
