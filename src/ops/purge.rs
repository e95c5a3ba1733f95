//! Purging the private contacts once the study's deletion date has come
//! (earlier only when forced): the rules here, the deletion by the caller.

use super::OpError;
use crate::domain::StudyData;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// What purging will delete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purge {
    /// The contacts file, holding this many contacts.
    Delete { path: PathBuf, contacts: usize },
    /// There is no contacts file where this study's contacts are kept.
    Nothing { looked_in: PathBuf },
}

pub fn plan(
    data: &StudyData,
    contacts_path: Option<&Path>,
    contacts: usize,
    today: NaiveDate,
    force: bool,
) -> Result<Purge, OpError> {
    let Some(path) = contacts_path else {
        return Err(OpError::refused("no private store on this system"));
    };
    if !path.exists() {
        return Ok(Purge::Nothing {
            looked_in: path.to_path_buf(),
        });
    }
    match data.study.deletion_date {
        Some(date) if today < date && !force => Err(OpError::refused(format!(
            "the deletion date is {date}; refusing to delete personal data before it (use --force to delete now)"
        ))),
        None if !force => Err(OpError::refused(
            "the study sets no deletion date; use --force to delete the contacts anyway",
        )),
        _ => Ok(Purge::Delete {
            path: path.to_path_buf(),
            contacts,
        }),
    }
}

/// Deletes what `plan` found.
pub fn carry_out(purge: &Purge) -> Result<String, OpError> {
    match purge {
        Purge::Nothing { looked_in } => Ok(format!("nothing to delete: {} does not exist", looked_in.display())),
        Purge::Delete { path, contacts } => std::fs::remove_file(path)
            .map(|()| format!("deleted {} ({contacts} contacts)", path.display()))
            .map_err(|e| OpError::refused(format!("{}: {e}", path.display()))),
    }
}
