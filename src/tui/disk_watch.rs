//! Noticing files changed on disk while the TUI is open (a `git pull`,
//! another casebook, an editor): the modification times of the study's files
//! as last seen, compared every few seconds. casebook's own saves are noted
//! so they do not count.

use crate::store::Layout;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[derive(Debug, Default, Clone)]
pub struct DiskWatch {
    seen: BTreeMap<PathBuf, SystemTime>,
}

fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, SystemTime>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        match entry.metadata() {
            Ok(meta) if meta.is_dir() => walk(&path, out),
            Ok(meta) => {
                out.insert(path, meta.modified().unwrap_or(SystemTime::UNIX_EPOCH));
            }
            Err(_) => {}
        }
    }
}

fn current(layout: &Layout) -> BTreeMap<PathBuf, SystemTime> {
    let mut now = BTreeMap::new();
    walk(&layout.cases_dir(), &mut now);
    walk(&layout.guides_dir(), &mut now);
    now
}

impl DiskWatch {
    /// Remembers the study's files as they are now.
    pub fn scan(layout: &Layout) -> DiskWatch {
        DiskWatch { seen: current(layout) }
    }

    /// How many files changed, appeared or disappeared since the scan.
    pub fn changes(&self, layout: &Layout) -> usize {
        let now = current(layout);
        let changed = now
            .iter()
            .filter(|(path, time)| self.seen.get(*path) != Some(time))
            .count();
        let removed = self.seen.keys().filter(|path| !now.contains_key(*path)).count();
        changed + removed
    }

    /// casebook itself just wrote `path`: that is not someone else's change.
    pub fn note_own_write(&mut self, path: &Path) {
        if let Ok(time) = std::fs::metadata(path).and_then(|m| m.modified()) {
            self.seen.insert(path.to_path_buf(), time);
        }
    }
}
