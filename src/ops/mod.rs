//! The operations layer: every change a user can make, once. An operation
//! takes the loaded study, who is making the change and its inputs; it checks
//! every rule first (who writes which file, never over a file that failed to
//! load) and only then changes the study in memory, and returns the exact
//! files to write as a `Change`. The command line commits a change at once;
//! the TUI hands it to its effects. Neither decides what a change means.

pub mod assign;
mod change;
pub mod code_passage;
pub mod codebook;
pub mod coding;
pub mod consent;
mod error;
pub mod files;
pub mod import;
pub mod informant;
pub mod interview;
pub mod migrate;
pub mod note_privacy;
pub mod open;
pub mod privacy;
pub mod purge;
pub mod refi_codebook;
pub mod resolve;
pub mod review;
pub mod stage;
pub mod target;

pub use change::{clean_leftovers, commit, Change, CommitError, FileWrite, PrivateFile, PrivateWrite};
pub use error::OpError;

use crate::domain::ResearcherId;
use crate::store::Layout;
use chrono::{DateTime, FixedOffset};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What every operation needs besides the study: where it lives, who is at
/// the keyboard, which files failed to load, and the time of the change.
#[derive(Debug, Clone)]
pub struct Ctx<'a> {
    pub layout: &'a Layout,
    pub me: Option<&'a ResearcherId>,
    /// Files that could not be read or parsed, with why (from the load).
    pub failed: &'a BTreeMap<PathBuf, String>,
    pub now: DateTime<FixedOffset>,
}

/// Now, as the study's files record it: local time with its offset, to the
/// second (`2025-03-04T13:15:00+01:00`), as a Norwegian team reads it.
pub fn local_now() -> chrono::DateTime<chrono::FixedOffset> {
    use chrono::Timelike;
    let now = chrono::Local::now().fixed_offset();
    now.with_nanosecond(0).unwrap_or(now)
}

impl<'a> Ctx<'a> {
    /// The context of a change made now.
    pub fn now(layout: &'a Layout, me: Option<&'a ResearcherId>, failed: &'a BTreeMap<PathBuf, String>) -> Self {
        Ctx {
            layout,
            me,
            failed,
            now: local_now(),
        }
    }

    /// Who makes a change that records its author, or why it cannot be made.
    pub fn author(&self, what: &str) -> Result<ResearcherId, OpError> {
        self.me
            .cloned()
            .ok_or_else(|| OpError::NoAuthor { what: what.to_string() })
    }
}
