//! Why an operation refused: one message for the command line and the TUI.

use crate::domain::ResearcherId;
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
    /// Something the user asked for that the study does not have or allow.
    #[error("{0}")]
    Refused(String),
}

impl OpError {
    pub fn refused(message: impl Into<String>) -> Self {
        OpError::Refused(message.into())
    }
}
