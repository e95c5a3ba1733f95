//! Where a study's private contacts store is for this user, and keeping it
//! found when the study folder moves. Inside the study when it has a
//! `private/` folder (it moves along); else under the user's data folder,
//! keyed by the study's `id` from `study.ron`. A study from before ids keeps
//! the older key made from the folder's path, which a move loses; once the
//! lead gives it an id (`casebook migrate`), each researcher's casebook moves
//! that older store to the id's place the next time it opens the study.
//! Beside the contacts, a store records the folder its study was last
//! opened from (`study-folder`), so a store whose study moved is noticed.

use super::atomic::write_atomic_private;
use super::layout::Layout;
use super::private::{add_contacts, load_contacts, CONTACTS_FILE};
use super::stamps::fingerprint;
use crate::domain::fold::slug;
use crate::domain::Study;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};

/// The file in a store's folder naming the study folder it was last used from.
pub const STUDY_FOLDER_FILE: &str = "study-folder";

/// A new study id: random, so two studies (or two copies made by `init`)
/// never share a private store.
pub fn new_study_id() -> String {
    // The standard library's hasher keys are random per process; the clock
    // and the process id make two ids of one process differ too.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    hasher.write_u128(now);
    hasher.write_u32(std::process::id());
    let mut second = std::collections::hash_map::RandomState::new().build_hasher();
    second.write_u64(hasher.finish());
    format!("{:016x}{:08x}", hasher.finish(), second.finish() as u32)
}

/// How a store's place was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keyed {
    /// `private/` inside the study folder.
    InsideStudy,
    /// Under the user's data folder, by the study's id.
    ById(String),
    /// Under the user's data folder, by the study folder's path (no id yet).
    ByPath,
}

/// Where this study's contacts are kept for this user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorePlace {
    pub path: PathBuf,
    pub keyed: Keyed,
}

impl StorePlace {
    /// Where, and why there: what `purge-contacts` says it looked at.
    pub fn describe(&self) -> String {
        let path = self.path.display();
        match &self.keyed {
            Keyed::InsideStudy => format!("{path} (the study's own private/ folder)"),
            Keyed::ById(id) => format!("{path} (kept under the study's id {id}, from study.ron)"),
            Keyed::ByPath => format!(
                "{path} (named after the study folder's path, since study.ron has no id: a moved folder loses it; the lead's `casebook migrate` adds an id)"
            ),
        }
    }
}

/// The folder under the user's data folder that holds every study's store.
fn studies_dir() -> Option<PathBuf> {
    Some(dirs::data_dir()?.join("casebook").join("studies"))
}

/// The study folder as an absolute path (as the user reached it).
fn study_folder(layout: &Layout) -> PathBuf {
    let root = if layout.root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        layout.root.as_path()
    };
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

/// The place this study's contacts are kept; `None` when the system has no
/// data folder and the study no `private/` folder.
pub fn store_place(layout: &Layout, study: &Study) -> Option<StorePlace> {
    let private = layout.private_dir();
    if private.is_dir() {
        return Some(StorePlace {
            path: private.join(CONTACTS_FILE),
            keyed: Keyed::InsideStudy,
        });
    }
    match study.id.as_deref().map(slug).filter(|id| !id.is_empty()) {
        Some(id) => Some(StorePlace {
            path: studies_dir()?.join(format!("id-{id}")).join(CONTACTS_FILE),
            keyed: Keyed::ById(id),
        }),
        None => Some(StorePlace {
            path: path_keyed_store(layout)?,
            keyed: Keyed::ByPath,
        }),
    }
}

/// The older place, named after the study folder's path.
pub fn path_keyed_store(layout: &Layout) -> Option<PathBuf> {
    let absolute = study_folder(layout);
    let name = absolute
        .file_name()
        .map(|n| slug(&n.to_string_lossy()))
        .unwrap_or_default();
    let key = format!(
        "{name}-{:08x}",
        fingerprint(absolute.to_string_lossy().as_bytes()) as u32
    );
    Some(studies_dir()?.join(key).join(CONTACTS_FILE))
}

/// Makes the store ready when a study is opened, and says what the user
/// should know: a path-keyed store is moved (or merged) to the id's place,
/// and a store whose study folder moved is named. Nothing is ever dropped:
/// a store that cannot be moved stays where it is, and the note says so.
pub fn settle_store(layout: &Layout, study: &Study) -> Vec<String> {
    let mut notes = Vec::new();
    let Some(place) = store_place(layout, study) else {
        return notes;
    };
    if matches!(place.keyed, Keyed::ById(_)) {
        if let Some(old) = path_keyed_store(layout).filter(|old| old.exists()) {
            notes.push(match adopt(&old, &place.path) {
                Ok(()) => format!(
                    "your private contacts moved from {} to {}, kept under the study's id so a moved folder keeps them",
                    old.display(),
                    place.path.display()
                ),
                Err(e) => format!(
                    "your private contacts at {} could not move to {} ({e}); they stay where they are",
                    old.display(),
                    place.path.display()
                ),
            });
        }
    }
    if place.keyed == Keyed::InsideStudy {
        return notes;
    }
    let here = study_folder(layout);
    let Some(folder) = place.path.parent() else {
        return notes;
    };
    let record = folder.join(STUDY_FOLDER_FILE);
    if place.path.exists() {
        let recorded = std::fs::read_to_string(&record)
            .ok()
            .map(|t| PathBuf::from(t.trim_end()));
        if recorded.as_ref() != Some(&here) {
            if let Some(before) = recorded {
                notes.push(format!(
                    "this study's private contacts ({}) were last used from {}; the study is now at {} and found them by its id",
                    place.path.display(),
                    before.display(),
                    here.display()
                ));
            }
            // Said once: from now on the store belongs to the folder here.
            if let Err(e) = write_atomic_private(&record, here.to_string_lossy().as_bytes()) {
                notes.push(format!("{}: {e}", record.display()));
            }
        }
    } else if let Some(note) = orphaned_store(&here) {
        notes.push(note);
    }
    notes
}

/// Moves the contacts at `old` to `new`, or adds them to a store already at
/// `new` (its own entries win); then removes `old` and its folder.
fn adopt(old: &Path, new: &Path) -> std::io::Result<()> {
    let contacts = load_contacts(old).map_err(|p| std::io::Error::other(p.to_string()))?;
    let present = load_contacts(new).map_err(|p| std::io::Error::other(p.to_string()))?;
    let missing: Vec<_> = contacts
        .contacts
        .into_iter()
        .filter(|(id, _)| !present.contacts.contains_key(id))
        .collect();
    if !missing.is_empty() || !new.exists() {
        add_contacts(new, &missing)?;
    }
    std::fs::remove_file(old)?;
    if let Some(folder) = old.parent() {
        let _ = std::fs::remove_file(folder.join(STUDY_FOLDER_FILE));
        let _ = std::fs::remove_dir(folder);
    }
    Ok(())
}

/// A store under the data folder whose recorded study folder no longer
/// holds a study: the study moved, and (without an id) its contacts were
/// left behind. Says where they are.
fn orphaned_store(here: &Path) -> Option<String> {
    let dir = studies_dir()?;
    let mut orphans = Vec::new();
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let Ok(recorded) = std::fs::read_to_string(entry.path().join(STUDY_FOLDER_FILE)) else {
            continue;
        };
        let recorded = PathBuf::from(recorded.trim_end());
        let contacts = entry.path().join(CONTACTS_FILE);
        let gone = !recorded.join("cases").join("study.ron").exists();
        if gone && contacts.exists() && recorded != here {
            orphans.push(format!("{} (used from {})", contacts.display(), recorded.display()));
        }
    }
    (!orphans.is_empty()).then(|| {
        format!(
            "private contacts of a study that moved are still at {}; if that is this study, ask the lead to run `casebook migrate` (it gives the study an id), then move the file to where `casebook purge-contacts` looks",
            orphans.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_study_ids_differ() {
        let a = new_study_id();
        let b = new_study_id();
        assert_ne!(a, b);
        assert_eq!(a.len(), 24);
        assert!(crate::domain::is_file_safe(&a));
    }
}
