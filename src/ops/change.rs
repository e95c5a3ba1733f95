//! A change as data: the files an operation wants written, each with its
//! whole new text, and a line for the user. Committing checks every file
//! against what is on disk first, so a change is written whole or not at all
//! when someone else changed one of its files meanwhile.

use crate::domain::InformantId;
use crate::store::private::{add_contacts, Contact};
use crate::store::{check_unchanged, save_text, SaveError, Saved, Stamps};
use std::path::PathBuf;
use thiserror::Error;

/// One file to write: its path and the whole new text (RON).
#[derive(Debug, Clone, PartialEq)]
pub struct FileWrite {
    pub path: PathBuf,
    pub text: String,
}

/// Contacts to add to the private store (never a shared file), to what the
/// store holds on disk when it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct PrivateWrite {
    pub path: PathBuf,
    pub entries: Vec<(InformantId, Contact)>,
}

/// What an operation did to the study in memory, as files to write.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Change {
    pub writes: Vec<FileWrite>,
    pub private: Option<PrivateWrite>,
    /// Files to remove (a migration's superseded files).
    pub removals: Vec<PathBuf>,
    /// What happened, in a line or a few, for the status line or stdout.
    pub summary: Vec<String>,
}

impl Change {
    pub fn said(mut self, line: impl Into<String>) -> Self {
        self.summary.push(line.into());
        self
    }

    /// This change followed by `other`, as one.
    pub fn and(mut self, other: Change) -> Self {
        self.writes.extend(other.writes);
        self.private = match (self.private.take(), other.private) {
            (Some(mut mine), Some(theirs)) => {
                mine.entries.extend(theirs.entries);
                Some(mine)
            }
            (mine, theirs) => theirs.or(mine),
        };
        self.removals.extend(other.removals);
        self.summary.extend(other.summary);
        self
    }

    pub fn summary_line(&self) -> String {
        self.summary.join("; ")
    }
}

#[derive(Debug, Error)]
pub enum CommitError {
    #[error(transparent)]
    Save(#[from] SaveError),
    #[error("{}: {source}", path.display())]
    Private { path: PathBuf, source: std::io::Error },
}

impl CommitError {
    /// The file the failure is about.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            CommitError::Save(
                SaveError::ChangedOnDisk(path)
                | SaveError::CreatedOnDisk(path)
                | SaveError::Io { path, .. }
                | SaveError::Serialize { path, .. },
            ) => Some(path),
            CommitError::Private { path, .. } => Some(path),
        }
    }
}

/// Writes a change: every file is first checked against what casebook last
/// saw on disk (a `git pull` or another casebook may have changed it), and
/// only when all are unchanged is any written, each atomically.
pub fn commit(stamps: &mut Stamps, change: &Change) -> Result<usize, CommitError> {
    for write in &change.writes {
        check_unchanged(stamps, &write.path)?;
    }
    for path in &change.removals {
        check_unchanged(stamps, path)?;
    }
    let mut written = 0;
    for write in &change.writes {
        if save_text(stamps, &write.path, &write.text)? == Saved::Written {
            written += 1;
        }
    }
    for path in &change.removals {
        match std::fs::remove_file(path) {
            Ok(()) => stamps.forget(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => stamps.forget(path),
            Err(source) => {
                return Err(SaveError::Io {
                    path: path.clone(),
                    source,
                }
                .into())
            }
        }
    }
    if let Some(private) = &change.private {
        add_contacts(&private.path, &private.entries).map_err(|source| CommitError::Private {
            path: private.path.clone(),
            source,
        })?;
    }
    Ok(written)
}
