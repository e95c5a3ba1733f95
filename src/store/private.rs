//! The private store: informants' names, e-mail addresses and phone numbers,
//! kept outside the shared tree: in the study's git-ignored `private/`
//! folder when there is one, else under the user's data folder (where:
//! `private_location.rs`). Nothing here is ever written to a shared file,
//! an export or `--json` output.

use super::atomic::write_atomic_private;
use super::git_ignore::make_ignored;
use super::problem::Problem;
use super::ron_io::{from_ron, to_ron};
use crate::domain::InformantId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

pub const CONTACTS_FILE: &str = "contacts.ron";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contacts {
    pub contacts: BTreeMap<InformantId, Contact>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

/// Reads the contacts; a missing file is an empty store.
pub fn load_contacts(path: &Path) -> Result<Contacts, Problem> {
    match std::fs::read_to_string(path) {
        Ok(text) => from_ron(path, &text),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Contacts::default()),
        Err(e) => Err(Problem::file(path, format!("cannot read the private contacts: {e}"))),
    }
}

/// Writes the contacts atomically, readable by the user alone.
pub fn save_contacts(path: &Path, contacts: &Contacts) -> io::Result<()> {
    let text = to_ron(contacts).map_err(io::Error::other)?;
    write_atomic_private(path, text.as_bytes())
}

/// Adds (or replaces) `entries` in the contacts file as it is on disk now,
/// under a lock: two casebooks adding informants at the same moment both
/// keep theirs, where writing back what each had read would lose one.
pub fn add_contacts(path: &Path, entries: &[(InformantId, Contact)]) -> io::Result<Contacts> {
    // Never where git would track it: the ignore rule is in place first.
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        make_ignored(dir, path)?;
    }
    let _lock = FileLock::take(&path.with_extension("ron.lock"))?;
    let mut contacts = match load_contacts(path) {
        Ok(contacts) => contacts,
        Err(problem) => return Err(io::Error::other(problem.to_string())),
    };
    for (id, contact) in entries {
        contacts.contacts.insert(id.clone(), contact.clone());
    }
    save_contacts(path, &contacts)?;
    Ok(contacts)
}

/// A lock file made with `create_new`, removed when dropped. One left by a
/// process that died is taken over after a while.
struct FileLock(PathBuf);

impl FileLock {
    fn take(path: &Path) -> io::Result<FileLock> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let started = std::time::Instant::now();
        loop {
            match std::fs::OpenOptions::new().write(true).create_new(true).open(path) {
                Ok(_) => return Ok(FileLock(path.to_path_buf())),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    if started.elapsed() > std::time::Duration::from_secs(10) {
                        // Nobody holds a contacts lock for seconds: its holder is gone.
                        let _ = std::fs::remove_file(path);
                    } else {
                        std::thread::sleep(std::time::Duration::from_millis(5));
                    }
                }
                Err(e) => return Err(e),
            }
        }
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
