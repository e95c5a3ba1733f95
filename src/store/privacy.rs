//! Keeping personal data out of the shared files: contact details (from the
//! private store) or anything that looks like an e-mail address in a file
//! git would share, and a `private/` folder git would not ignore, are
//! problems `casebook check` reports. The matching itself is `details/`.

pub use super::details::{find_details, Detail, DetailKind, Matcher};
use super::layout::{Layout, CASES_DIR, GUIDES_DIR, PRIVATE_DIR};
use super::private::Contacts;
use super::problem::{line_column_of_char, Problem};
use super::regular_file::read_regular_file;
use std::path::{Path, PathBuf};
use std::process::Command;

fn git_root(dir: &Path) -> Option<PathBuf> {
    let output = Command::new("git")
        .args(["rev-parse", "--show-toplevel"])
        .current_dir(dir)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()))
}

/// The study files git shares (tracked, or new and not ignored); every file
/// under `cases/` and `guides/` when the study is not in git.
fn shared_files(layout: &Layout, root: &Path) -> Vec<PathBuf> {
    if git_root(root).is_some() {
        let output = Command::new("git")
            .args([
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
                "--",
                CASES_DIR,
                GUIDES_DIR,
            ])
            .current_dir(root)
            .output();
        if let Some(output) = output.ok().filter(|o| o.status.success()) {
            return output
                .stdout
                .split(|b| *b == 0)
                .filter(|p| !p.is_empty())
                .map(|p| layout.root.join(String::from_utf8_lossy(p).as_ref()))
                .collect();
        }
    }
    let mut files = Vec::new();
    for dir in [layout.cases_dir(), layout.guides_dir()] {
        walk(&dir, &mut files);
    }
    files
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        // The listing says what an entry is, without a `stat` per file; a
        // link (or a file system that does not say) is followed, as `is_dir` does.
        let is_dir = match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => kind.is_dir(),
            _ => path.is_dir(),
        };
        if is_dir {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Every contact detail in one shared file, by line, column and kind; the
/// text itself is never repeated (the message would leak it again).
fn scan(path: &Path, matcher: &Matcher) -> Vec<Problem> {
    // Read as loading reads: a pipe in the study (reported by the load)
    // would otherwise leave `check` waiting for a writer for ever.
    let Some(text) = read_regular_file(path)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
    else {
        return Vec::new();
    };
    matcher
        .find(&text)
        .into_iter()
        .map(|detail| {
            let (line, column) = line_column_of_char(&text, detail.start);
            Problem::new(path, line, column, leak_message(detail.kind))
        })
        .collect()
}

/// What `check` says about a detail of `kind` in a shared file.
pub fn leak_message(kind: DetailKind) -> String {
    format!("{kind} in a shared file; contact details belong in the private store only")
}

pub fn privacy_problems(layout: &Layout, contacts: &Contacts) -> Vec<Problem> {
    let root = if layout.root.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        layout.root.clone()
    };
    let mut problems = Vec::new();
    let matcher = Matcher::new(contacts);
    // Every shared file is read and searched; on all cores, since a study
    // of 16,000 cases has 36,000 files.
    let files: Vec<PathBuf> = shared_files(layout, &root).into_iter().collect();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = files.len().div_ceil(workers).max(1);
    let found: Vec<Problem> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(share)
            .map(|chunk| {
                let matcher = &matcher;
                scope.spawn(move || chunk.iter().flat_map(|path| scan(path, matcher)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    problems.extend(found);
    if git_root(&root).is_some() {
        let probe = format!("{PRIVATE_DIR}/contacts.ron");
        let ignored = Command::new("git")
            .args(["check-ignore", "-q", &probe])
            .current_dir(&root)
            .status();
        if matches!(ignored, Ok(status) if status.code() == Some(1)) {
            problems.push(Problem::file(
                &layout.root.join(".gitignore"),
                "private/ is not ignored by git: add `/private/` to .gitignore so personal data is never committed",
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_among_the_shared_files_is_passed_over_and_the_rest_is_scanned() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        std::fs::create_dir_all(layout.cases_dir()).unwrap();
        std::fs::write(layout.cases_dir().join("notes.ron"), "write to kari@example.no").unwrap();
        let pipe = std::ffi::CString::new(layout.cases_dir().join("pipe.ron").to_string_lossy().as_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(pipe.as_ptr(), 0o644) }, 0);
        let problems = privacy_problems(&layout, &Contacts::default());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].path.ends_with("notes.ron"));
    }
}
