//! Typed notes and informants' contact details: where a note names how to
//! reach someone, that text is kept in the private drafts folder (beside
//! the private contacts, readable by its owner alone) until the detail is
//! gone, and the shared file keeps the note's last clean version.

use crate::domain::{CaseId, InterviewId, ResearcherId};
use crate::store::private::{contacts_path, Contacts};
use crate::store::Layout;
use std::ops::Range;
use std::path::PathBuf;

/// The byte ranges of `text` that hold a contact detail (a known
/// informant's name, e-mail address or phone number, or anything that looks
/// like an e-mail address), in order.
///
/// The one place notes are matched against the contacts: when
/// `store::privacy::find_details` lands, this body becomes a call to it.
pub fn details_in(text: &str, contacts: &Contacts) -> Vec<Range<usize>> {
    // Lower-casing can change a text's length; then only exact matches can
    // be placed, so the text is searched as written.
    let lower = text.to_lowercase();
    let fold = lower.len() == text.len();
    let haystack = if fold { lower.as_str() } else { text };
    let mut found = Vec::new();
    for contact in contacts.contacts.values() {
        for detail in contact.details() {
            let needle = if fold {
                detail.to_lowercase()
            } else {
                detail.to_string()
            };
            found.extend(haystack.match_indices(needle.as_str()).map(|(at, m)| at..at + m.len()));
        }
    }
    let mut from = 0;
    while let Some(start) = text.get(from..).and_then(crate::store::privacy::find_email) {
        let start = from + start;
        let end = text[start..]
            .find(|c: char| c.is_whitespace() || ",;:()<>\"'".contains(c))
            .map_or(text.len(), |e| start + e);
        let end = end.max(start + 1);
        found.push(start..end);
        from = end;
    }
    found.sort_by_key(|r| (r.start, r.end));
    found.dedup();
    found
}

/// Where my private draft of an interview's notes lives.
pub fn draft_path(layout: &Layout, case: &CaseId, interview: &InterviewId, me: &ResearcherId) -> Option<PathBuf> {
    let contacts = contacts_path(layout)?;
    Some(
        contacts
            .parent()?
            .join("drafts")
            .join(format!("{case}.{interview}.{me}.ron")),
    )
}
