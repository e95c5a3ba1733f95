//! Personal data is never written where git would track it. Before the
//! private store's folder gets its first file, a `.gitignore` in it that
//! ignores everything (itself included) is written; when the folder is in a
//! git work tree, git is then asked whether it would really leave the
//! contacts file alone (a tracked file, or a `!` rule elsewhere, defeats
//! ignoring), and the write is refused when it would not.

use super::atomic::write_atomic;
use std::io;
use std::path::Path;
use std::process::Command;

/// What the private folder's own `.gitignore` says.
pub const IGNORE_EVERYTHING: &str = "# casebook: personal data, never in git\n*\n";

/// Makes sure git ignores `file` (in the folder `dir`) before anything is
/// written there; an error says why it cannot be made sure.
pub fn make_ignored(dir: &Path, file: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let ignore = dir.join(".gitignore");
    let covered = std::fs::read_to_string(&ignore).is_ok_and(|text| text.lines().any(|l| l.trim() == "*"));
    if !covered {
        write_atomic(&ignore, IGNORE_EVERYTHING.as_bytes())?;
    }
    match git_would_track(dir, file) {
        Some(why) => Err(io::Error::other(why)),
        None => Ok(()),
    }
}

/// Why git would track `file`, when `dir` is in a git work tree and it would.
fn git_would_track(dir: &Path, file: &Path) -> Option<String> {
    let name = file.file_name()?.to_string_lossy().to_string();
    let git = |args: &[&str]| Command::new("git").args(args).current_dir(dir).output().ok();
    let inside = git(&["rev-parse", "--is-inside-work-tree"])?;
    if !inside.status.success() || String::from_utf8_lossy(&inside.stdout).trim() != "true" {
        return None;
    }
    if git(&["ls-files", "--error-unmatch", "--", &name]).is_some_and(|o| o.status.success()) {
        return Some(format!(
            "{} is tracked by git, so personal data written there would be committed; nothing saved (remove it from git with `git rm --cached`)",
            file.display()
        ));
    }
    let ignored = git(&["check-ignore", "-q", "--", &name])?;
    (ignored.status.code() == Some(1)).then(|| {
        format!(
            "git would track {} even with {} in place (a `!` rule?); nothing saved: make git ignore it first",
            file.display(),
            dir.join(".gitignore").display()
        )
    })
}
