//! Keeping personal data out of the shared files: contact details (from the
//! private store) or anything that looks like an e-mail address in a file
//! git would share, and a `private/` folder git would not ignore, are
//! problems `casebook check` reports.

use super::layout::{Layout, CASES_DIR, GUIDES_DIR, PRIVATE_DIR};
use super::private::Contacts;
use super::problem::{line_column, Problem};
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
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The byte offset of the first thing in `text` that looks like an e-mail address.
pub fn find_email(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let local = |b: u8| b.is_ascii_alphanumeric() || b"._%+-".contains(&b);
    let domain = |b: u8| b.is_ascii_alphanumeric() || b".-".contains(&b);
    for (at, _) in text.match_indices('@') {
        let Some(start) = (0..at).rev().take_while(|i| local(bytes[*i])).last() else {
            continue;
        };
        let end = (at + 1..bytes.len())
            .take_while(|i| domain(bytes[*i]))
            .last()
            .map(|i| i + 1)
            .unwrap_or(at + 1);
        let host = &text[at + 1..end];
        if start < at && host.contains('.') && !host.starts_with('.') && !host.ends_with('.') {
            return Some(start);
        }
    }
    None
}

/// `text` lower-cased, and for each of its bytes the byte offset in `text`
/// of the character it came from.
fn lowercase_with_origin(text: &str) -> (String, Vec<usize>) {
    let mut lower = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        for l in c.to_lowercase() {
            lower.push(l);
            origin.resize(lower.len(), at);
        }
    }
    (lower, origin)
}

/// The first contact detail or e-mail address in one shared file, if any.
fn scan(path: &Path, details: &[(String, &str)]) -> Option<Problem> {
    let text = std::fs::read_to_string(path).ok()?;
    let (lower, origin) = lowercase_with_origin(&text);
    if let Some((offset, _)) = details
        .iter()
        .filter_map(|(l, d)| lower.find(l.as_str()).map(|o| (o, d)))
        .min()
    {
        // Where the match starts in the text as written: lower-casing can
        // change a character's length (`İ` is one byte longer lower-cased).
        let (line, column) = line_column(&text, origin.get(offset).copied().unwrap_or(text.len()));
        Some(Problem::new(
            path,
            line,
            column,
            "an informant's contact details are in a shared file; they belong in the private store only",
        ))
    } else {
        let offset = find_email(&text)?;
        let (line, column) = line_column(&text, offset);
        Some(Problem::new(
            path,
            line,
            column,
            "an e-mail address in a shared file; contact details belong in the private store only",
        ))
    }
}

pub fn privacy_problems(layout: &Layout, contacts: &Contacts) -> Vec<Problem> {
    let root = if layout.root.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        layout.root.clone()
    };
    let mut problems = Vec::new();
    let details: Vec<(String, &str)> = contacts
        .contacts
        .values()
        .flat_map(|c| c.details())
        .map(|d| (d.to_lowercase(), d))
        .collect();
    // Every shared file is read and searched; on all cores, since a study
    // of 16,000 cases has 36,000 files.
    let files: Vec<PathBuf> = shared_files(layout, &root).into_iter().collect();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = files.len().div_ceil(workers).max(1);
    let found: Vec<Problem> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(share)
            .map(|chunk| {
                let details = &details;
                scope.spawn(move || chunk.iter().filter_map(|path| scan(path, details)).collect::<Vec<_>>())
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
