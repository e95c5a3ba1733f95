//! Helpers the integration tests share.
#![allow(dead_code)]

use casebook::generate::{generate, Options};
use casebook::store::{save_all, Layout, Stamps};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root, which is the demo study.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A small generated study written to a fresh temporary folder.
pub fn small_study() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = generate(Options { seed: 7, projects: 40 });
    save_all(&Layout::new(dir.path()), &mut Stamps::default(), &data).expect("save small study");
    dir
}

/// Every file under `dir`, relative to it, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                out.push(path.strip_prefix(base).expect("under base").to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The id of the first funded project case of a study folder.
pub fn first_project(dir: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("cases"))
        .expect("cases folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with('p'))
        .collect();
    names.sort();
    names.into_iter().next().expect("a project case")
}

/// Copies a folder and everything in it.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

/// A copy of the demo study in a temporary folder, to change freely.
pub fn demo_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for sub in ["cases", "guides"] {
        copy_tree(&repo().join(sub), &dir.path().join(sub));
    }
    dir
}

/// Runs the real binary in `dir` as `user` (nobody when `None`), with a
/// config and data folder of its own so no test sees a developer's files.
pub fn casebook_as(dir: &Path, user: Option<&str>, args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("temp dir");
    casebook_at_home(dir, home.path(), user, args)
}

/// Runs casebook in `dir` as `user` (or nobody), with `home` as the user's
/// own folders (config, data with the private store, git config) that stay
/// from one call to the next.
pub fn casebook_at_home(dir: &Path, home: &Path, user: Option<&str>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_casebook"));
    command
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        // No developer's git identity or excludes file reaches the test.
        .env("HOME", home)
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env_remove("CASEBOOK_USER");
    if let Some(user) = user {
        command.env("CASEBOOK_USER", user);
    }
    command.output().expect("run casebook")
}

/// `casebook_at_home` as astrid, the demo's lead.
pub fn astrid_at_home(dir: &Path, home: &Path, args: &[&str]) -> Output {
    casebook_at_home(dir, home, Some("astrid"), args)
}

/// A new, empty study (as `casebook init` makes it) with one researcher,
/// `lead`, ready for a pool import.
pub fn fresh_pool_study(title: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    casebook::store::init::init_study(&Layout::new(dir.path()), title).expect("init");
    let study = dir.path().join("cases/study.ron");
    let text = std::fs::read_to_string(&study).expect("study.ron");
    std::fs::write(
        &study,
        text.replace(
            "team: [],",
            "team: [\n        Researcher(id: \"lead\", name: \"Lead\"),\n    ],",
        ),
    )
    .expect("write study.ron");
    dir
}

/// The first case `reviewer` is assigned to in the study at `dir`.
pub fn first_assigned_case(dir: &Path, reviewer: &str) -> casebook::domain::CaseId {
    let me = casebook::domain::ResearcherId::new(reviewer);
    casebook::store::load(&Layout::new(dir))
        .data
        .cases
        .values()
        .find(|c| c.case.reviewers.contains(&me))
        .expect("a case assigned to the reviewer")
        .case
        .id
        .clone()
}

/// Gives `path` unresolved git conflict markers around two copies of its
/// text, as a merge leaves it; returns the new text.
pub fn put_conflict_markers(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("read the file");
    let conflicted = format!("<<<<<<< HEAD\n{text}=======\n{text}>>>>>>> theirs\n");
    std::fs::write(path, &conflicted).expect("write the file");
    conflicted
}
