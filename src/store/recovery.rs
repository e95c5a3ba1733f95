//! The recovery folder: where the TUI keeps typed text it could not save
//! (a file changed on disk under it), one folder per occasion, each file
//! named after the file it was meant for. It holds typed interview notes,
//! so it is the user's alone (0700/0600, `tui::effects`) and its files for
//! a study go with the contacts when `purge-contacts` runs.

use std::io;
use std::path::{Path, PathBuf};

/// `<data dir>/casebook/recovery`, holding a folder per occasion.
pub fn recovery_base() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("casebook").join("recovery"))
}

/// The name a file's unsaved version gets in the recovery folder: its whole
/// path (made absolute, so a purge can tell which study it is from) with
/// `_` for each separator.
pub fn recovery_name(path: &Path) -> String {
    let absolute = path
        .parent()
        .and_then(|parent| std::fs::canonicalize(parent).ok())
        .and_then(|parent| Some(parent.join(path.file_name()?)))
        .unwrap_or_else(|| path.to_path_buf());
    mangle(&absolute)
}

fn mangle(path: &Path) -> String {
    path.to_string_lossy().replace(['/', '\\'], "_")
}

/// Deletes every file kept in `base` for a file of the study at `root`,
/// and each occasion's folder left empty; returns how many files went.
pub fn purge_study(base: &Path, root: &Path) -> io::Result<usize> {
    // The study's folder as the recovery names have it: absolute (an empty
    // path, the current folder, included).
    let here = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    // Without it no name can be told to be this study's: nothing goes.
    let Ok(root) = std::fs::canonicalize(here) else {
        return Ok(0);
    };
    let prefix = format!("{}_", mangle(&root));
    let occasions = match std::fs::read_dir(base) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut deleted = 0;
    for occasion in occasions.flatten() {
        let folder = occasion.path();
        if !folder.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&folder)?.flatten() {
            if file.file_name().to_string_lossy().starts_with(&prefix) {
                std::fs::remove_file(file.path())?;
                deleted += 1;
            }
        }
        // Only an emptied folder goes: another study's files stay.
        let _ = std::fs::remove_dir(&folder);
    }
    Ok(deleted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_studys_files_go_and_emptied_folders_with_them() {
        let base = tempfile::tempdir().unwrap();
        let study = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(study.path().join("cases/p1/interviews")).unwrap();
        let mine = recovery_name(&study.path().join("cases/p1/interviews/INT-01.ron"));
        let theirs = recovery_name(&other.path().join("cases/p1/interviews/INT-01.ron"));
        let first = base.path().join("20250101-100000");
        let second = base.path().join("20250102-100000");
        std::fs::create_dir_all(&first).unwrap();
        std::fs::create_dir_all(&second).unwrap();
        std::fs::write(first.join(&mine), "typed").unwrap();
        std::fs::write(second.join(&mine), "typed").unwrap();
        std::fs::write(second.join(&theirs), "theirs").unwrap();
        assert_eq!(purge_study(base.path(), study.path()).unwrap(), 2);
        assert!(!first.exists(), "an emptied folder goes");
        assert!(second.join(&theirs).exists(), "another study's file stays");
        assert!(!second.join(&mine).exists());
        assert_eq!(purge_study(&base.path().join("none"), study.path()).unwrap(), 0);
    }
}
