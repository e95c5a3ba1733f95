//! A change as data: the files an operation wants written, each with its
//! whole new text, and a line for the user. Committing checks every file
//! against what is on disk first, so a change is written whole or not at all
//! when someone else changed one of its files meanwhile.

use crate::domain::InformantId;
use crate::store::atomic::is_leftover;
use crate::store::git_ignore::make_ignored;
use crate::store::private::{add_contacts, Contact};
use crate::store::{check_unchanged, save_text, SaveError, Saved, Stamps};
use std::path::{Path, PathBuf};
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

/// A file outside the shared tree, readable by its owner alone: its new
/// text, or `None` to remove it (typed notes that held a contact detail,
/// kept privately until the detail is gone).
#[derive(Debug, Clone, PartialEq)]
pub struct PrivateFile {
    pub path: PathBuf,
    pub text: Option<String>,
}

/// What an operation did to the study in memory, as files to write.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Change {
    pub writes: Vec<FileWrite>,
    pub private: Option<PrivateWrite>,
    pub private_files: Vec<PrivateFile>,
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
        self.private_files.extend(other.private_files);
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
/// only when all are unchanged is any written, each atomically. A folder the
/// change creates (a new case, its informants) is built beside its place and
/// renamed into it whole, so a crash never leaves a case folder without its
/// `case.ron`.
pub fn commit(stamps: &mut Stamps, change: &Change) -> Result<usize, CommitError> {
    for write in &change.writes {
        check_unchanged(stamps, &write.path)?;
    }
    // The private store must be safe from git before anything is written,
    // so a refused contact does not leave its informant half added.
    if let Some(private) = &change.private {
        if let Some(dir) = private.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            make_ignored(dir, &private.path).map_err(|source| CommitError::Private {
                path: private.path.clone(),
                source,
            })?;
        }
    }
    for path in &change.removals {
        check_unchanged(stamps, path)?;
    }
    // What an interrupted save left where this one writes goes now.
    // Each write's deepest folder that exists already (for a new folder, the
    // one it goes into).
    let mut folders_touched: Vec<&Path> = change
        .writes
        .iter()
        .filter_map(|w| {
            w.path
                .ancestors()
                .skip(1)
                .find(|d| d.as_os_str().is_empty() || d.is_dir())
        })
        .collect();
    folders_touched.sort();
    folders_touched.dedup();
    for folder in folders_touched {
        clean_leftovers(folder);
    }
    let mut written = 0;
    let (into_new, into_existing): (Vec<&FileWrite>, Vec<&FileWrite>) =
        change.writes.iter().partition(|w| new_folder_of(&w.path).is_some());
    for write in into_existing {
        if save_text(stamps, &write.path, &write.text)? == Saved::Written {
            written += 1;
        }
    }
    // Each new folder with everything that goes into it.
    let mut folders: Vec<(PathBuf, Vec<&FileWrite>)> = Vec::new();
    for write in into_new {
        let Some(folder) = new_folder_of(&write.path) else {
            continue;
        };
        match folders.iter_mut().find(|(f, _)| *f == folder) {
            Some((_, writes)) => writes.push(write),
            None => folders.push((folder, vec![write])),
        }
    }
    for (folder, writes) in folders {
        build_folder(&folder, &writes).map_err(|source| SaveError::Io {
            path: folder.clone(),
            source,
        })?;
        for write in writes {
            stamps.record(&write.path, write.text.as_bytes());
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
    for file in &change.private_files {
        let done = match &file.text {
            // Never where git would track it (see `store::git_ignore`).
            Some(text) => file
                .path
                .parent()
                .map_or(Ok(()), |dir| make_ignored(dir, &file.path))
                .and_then(|()| crate::store::atomic::write_atomic_private(&file.path, text.as_bytes())),
            None => match std::fs::remove_file(&file.path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                other => other,
            },
        };
        done.map_err(|source| CommitError::Private {
            path: file.path.clone(),
            source,
        })?;
    }
    if let Some(private) = &change.private {
        add_contacts(&private.path, &private.entries).map_err(|source| CommitError::Private {
            path: private.path.clone(),
            source,
        })?;
    }
    Ok(written)
}

/// The outermost folder of `path` that does not exist yet, when its parent
/// does (a new case folder under `cases/`, say).
fn new_folder_of(path: &Path) -> Option<PathBuf> {
    let mut missing = None;
    let mut dir = path.parent()?;
    while !dir.as_os_str().is_empty() && std::fs::symlink_metadata(dir).is_err() {
        missing = Some(dir.to_path_buf());
        dir = dir.parent()?;
    }
    missing
}

/// Writes `writes` into a hidden folder beside `folder`, then renames it into
/// place: the folder appears complete or not at all.
fn build_folder(folder: &Path, writes: &[&FileWrite]) -> std::io::Result<()> {
    let name = folder.file_name().and_then(|n| n.to_str()).unwrap_or("folder");
    let parent = folder.parent().unwrap_or_else(|| Path::new("."));
    let staging = parent.join(format!(".{name}.{}.new", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    let result = (|| {
        for write in writes {
            let inside = write.path.strip_prefix(folder).map_err(std::io::Error::other)?;
            crate::store::atomic::write_atomic(&staging.join(inside), write.text.as_bytes())?;
        }
        crate::store::atomic::test_pause_before_rename();
        std::fs::rename(&staging, folder)?;
        if let Ok(dir) = std::fs::File::open(parent) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// Removes what interrupted saves left in `dir` (not below it).
pub fn clean_leftovers(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if !is_leftover(&name) {
            continue;
        }
        let path = entry.path();
        let gone = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        if gone.is_ok() {
            removed.push(path);
        }
    }
    removed
}
