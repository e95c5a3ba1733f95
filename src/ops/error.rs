//! Why an operation refused: one message for the command line and the TUI.

use crate::domain::ResearcherId;
use crate::store::details::DetailKind;
use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OpError {
    #[error("{what} records who made it: nobody said who is at the keyboard (use --as ID or CASEBOOK_USER)")]
    NoAuthor { what: String },
    #[error("{}: not written: it failed to load ({why}); fix it first (`casebook check` shows where)", path.display())]
    FailedToLoad { path: PathBuf, why: String },
    #[error("{}: not written: it is {writer}'s file, and you are {me} (one writer per file)", path.display())]
    NotYourFile {
        path: PathBuf,
        writer: ResearcherId,
        me: ResearcherId,
    },
    #[error("{}: not written: only the study's lead, {lead}, changes it", path.display())]
    LeadOnly { path: PathBuf, lead: ResearcherId },
    /// Free text that would put a contact detail into a shared file. The
    /// detail itself is never repeated; `at` is its first character (1-based).
    #[error("not written: {field} holds {kind} (at character {at}); contact details belong in the private store only, and shared files name informants by pseudonym")]
    ContactDetail { field: String, kind: DetailKind, at: usize },
    /// Something the user asked for that the study does not have or allow.
    #[error("{0}")]
    Refused(String),
}

impl OpError {
    pub fn refused(message: impl Into<String>) -> Self {
        OpError::Refused(message.into())
    }
}
