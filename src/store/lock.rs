//! One TUI at a time on a study: `.casebook.lock` in the study folder says
//! who has it open (process, user, since when). A second TUI opens the study
//! read-only and says who holds it. The lock is released on exit and is
//! stale once its process is gone, which is asked of the system when another
//! casebook starts: no heartbeat, so nothing runs while casebook is idle.
//! Command-line writes do not take it; each file's changed-on-disk check
//! guards them.

use super::atomic::process_runs;
use super::layout::Layout;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub const LOCK_FILE: &str = ".casebook.lock";

/// The lock, held while this value lives.
#[derive(Debug)]
pub struct StudyLock {
    path: PathBuf,
}

/// Who holds a study, as the lock file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub who: String,
    pub since: String,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (process {}, since {})", self.who, self.pid, self.since)
    }
}

impl StudyLock {
    /// Takes the study's lock for `who`, or says who holds it. A lock whose
    /// process is gone is taken over.
    pub fn take(layout: &Layout, who: &str) -> io::Result<Result<StudyLock, Holder>> {
        let path = lock_path(layout);
        for _ in 0..3 {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    let since = chrono::Local::now().format("%Y-%m-%d %H:%M").to_string();
                    writeln!(file, "{}\n{who}\n{since}", std::process::id())?;
                    return Ok(Ok(StudyLock { path }));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => match read_holder(&path) {
                    Some(holder) if process_runs(holder.pid) => return Ok(Err(holder)),
                    // Stale (its process is gone) or unreadable: take it over.
                    _ => {
                        let _ = fs::remove_file(&path);
                    }
                },
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::other(format!("{}: could not take the lock", path.display())))
    }
}

impl Drop for StudyLock {
    fn drop(&mut self) {
        // Only our own lock: a stale one taken over by another is theirs now.
        if read_holder(&self.path).is_some_and(|h| h.pid == std::process::id()) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

fn lock_path(layout: &Layout) -> PathBuf {
    let root = if layout.root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        layout.root.as_path()
    };
    root.join(LOCK_FILE)
}

fn read_holder(path: &Path) -> Option<Holder> {
    let text = fs::read_to_string(path).ok()?;
    let mut lines = text.lines();
    Some(Holder {
        pid: lines.next()?.trim().parse().ok()?,
        who: lines.next().unwrap_or_default().to_string(),
        since: lines.next().unwrap_or_default().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_learns_who_holds_the_study_and_a_stale_lock_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let first = StudyLock::take(&layout, "astrid").unwrap().expect("free");
        let second = StudyLock::take(&layout, "brage").unwrap().expect_err("held");
        assert_eq!((second.pid, second.who.as_str()), (std::process::id(), "astrid"));
        drop(first);
        assert!(!dir.path().join(LOCK_FILE).exists(), "released");
        // A lock left by a process that is gone.
        fs::write(dir.path().join(LOCK_FILE), "4000000000\ncora\n2025-01-01 10:00\n").unwrap();
        let taken = StudyLock::take(&layout, "brage").unwrap();
        assert!(taken.is_ok(), "a stale lock is taken over");
    }
}
