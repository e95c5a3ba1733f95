//! Purging the private contacts once the study's deletion date has come
//! (earlier only when forced): the contacts file and everything casebook
//! keeps beside it (private note drafts, the ignore rule, the record of the
//! study's folder), then the store's folder itself, so nothing of it stays.
//! A study's own `private/` folder keeps its `.gitignore`, and stays.

use super::note_privacy::DRAFTS_DIR;
use super::OpError;
use crate::domain::StudyData;
use crate::store::layout::PRIVATE_DIR;
use crate::store::private_location::STUDY_FOLDER_FILE;
use crate::store::Layout;
use chrono::NaiveDate;
use std::io;
use std::path::{Path, PathBuf};

/// What casebook writes beside the contacts file, besides the drafts of
/// notes holding a contact detail (`DRAFTS_DIR`): the folder's own
/// `.gitignore` (`store::git_ignore`) and the study folder it was last used
/// from.
const BESIDE_CONTACTS: [&str; 2] = [".gitignore", STUDY_FOLDER_FILE];

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
    // A store whose contacts are gone may still hold drafts and the rest
    // (a purge by an older casebook left them): those go too.
    let leftovers = path.parent().is_some_and(|folder| {
        folder.join(DRAFTS_DIR).exists()
            || (!inside_a_study(folder) && BESIDE_CONTACTS.iter().any(|name| folder.join(name).exists()))
    });
    if !path.exists() && !leftovers {
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

/// Deletes what `plan` found, and says what went and what (if anything)
/// stays.
pub fn carry_out(purge: &Purge) -> Result<String, OpError> {
    match purge {
        Purge::Nothing { looked_in } => Ok(format!("nothing to delete: {} does not exist", looked_in.display())),
        Purge::Delete { path, contacts } => {
            let failed = |at: &Path, e: io::Error| OpError::refused(format!("{}: {e}", at.display()));
            let mut said = match std::fs::remove_file(path) {
                Ok(()) => format!("deleted {} ({contacts} contacts)", path.display()),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    format!(
                        "deleted what was left of the private store ({} was gone already)",
                        path.display()
                    )
                }
                Err(e) => return Err(failed(path, e)),
            };
            let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) else {
                return Ok(said);
            };
            let drafts = folder.join(DRAFTS_DIR);
            if drafts.is_dir() {
                let count = std::fs::read_dir(&drafts).map_err(|e| failed(&drafts, e))?.count();
                std::fs::remove_dir_all(&drafts).map_err(|e| failed(&drafts, e))?;
                said.push_str(&format!(", {count} private note draft(s)"));
            }
            // The study's own private/ folder stays, with the rule that
            // keeps git from ever tracking what is written there again.
            if inside_a_study(folder) {
                said.push_str(&format!(
                    "; {} stays with its .gitignore: the study's own private folder, which git must keep ignoring",
                    folder.display()
                ));
                return Ok(said);
            }
            for name in BESIDE_CONTACTS {
                let file = folder.join(name);
                match std::fs::remove_file(&file) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    Err(e) => return Err(failed(&file, e)),
                }
            }
            match std::fs::remove_dir(folder) {
                Ok(()) => said.push_str(&format!(" and the store's folder {}", folder.display())),
                // Not empty: what stays is named, with why it stays.
                Err(_) => said.push_str(&format!(
                    "; {} stays: it still holds {}",
                    folder.display(),
                    what_stays(folder, path)
                )),
            }
            Ok(said)
        }
    }
}

/// What is left in the store's `folder` once casebook's own files are gone,
/// each with why it is left.
fn what_stays(folder: &Path, contacts: &Path) -> String {
    let lock = format!(
        "{}.lock",
        contacts.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
    );
    let mut rest: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().to_string())
                .map(|name| {
                    if name == lock {
                        format!("{name} (another casebook is adding a contact; run purge-contacts again)")
                    } else {
                        format!("{name} (not written there by casebook)")
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    rest.sort();
    if rest.is_empty() {
        "what could not be listed".to_string()
    } else {
        rest.join(", ")
    }
}

/// Whether `folder` is a study's own `private/` folder (the store moves
/// with the study) rather than one under the user's data folder.
fn inside_a_study(folder: &Path) -> bool {
    folder.file_name().is_some_and(|name| name == PRIVATE_DIR)
        && folder
            .parent()
            .is_some_and(|root| Layout::new(root).study_file().is_file())
}
