//! `kill -9` while `casebook import pool` writes, again and again: the study
//! always loads, the next import is never refused, and the end result is
//! what one clean import gives. A test-only pause (`CASEBOOK_TEST_PAUSE_MS`,
//! read by debug builds only) holds each write between writing and renaming,
//! so many kills land inside a write.

mod common;

use casebook::store::{load, Layout};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn fixture() -> PathBuf {
    common::repo().join("tests/fixtures/pool/table_3_2.csv")
}

fn import(dir: &Path, pause_ms: Option<u64>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_casebook"));
    command
        .args(["import", "pool", fixture().to_str().unwrap()])
        .current_dir(dir)
        .env("CASEBOOK_USER", "lead")
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .env("XDG_DATA_HOME", dir.join(".data"))
        .env("HOME", dir)
        .env("GIT_CONFIG_GLOBAL", dir.join(".gitconfig"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(ms) = pause_ms {
        command.env("CASEBOOK_TEST_PAUSE_MS", ms.to_string());
    }
    command
}

/// Every study file (not hidden ones) with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    common::files_under(&dir.join("cases"))
        .into_iter()
        .chain(common::files_under(&dir.join("guides")))
        .filter(|f| !f.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.')))
        .map(|f| {
            let bytes = fs::read(dir.join("cases").join(&f))
                .or_else(|_| fs::read(dir.join("guides").join(&f)))
                .unwrap();
            (f, bytes)
        })
        .collect()
}

#[test]
fn forty_kills_during_an_import_never_leave_a_study_that_refuses_the_next() {
    let clean = common::fresh_pool_study("Table 3.2");
    let crashed = common::fresh_pool_study("Table 3.2");
    // One study twice: the same id (each `init` makes its own).
    fs::copy(
        clean.path().join("cases/study.ron"),
        crashed.path().join("cases/study.ron"),
    )
    .unwrap();
    let output = import(clean.path(), None).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));

    let mut completing = 0;
    for kill in 0..40u64 {
        let mut child = import(crashed.path(), Some(1)).spawn().unwrap();
        // Kills spread over the whole run, the same on every machine.
        std::thread::sleep(Duration::from_millis(20 + (kill * 37) % 400));
        let _ = child.kill();
        let output = child.wait_with_output().unwrap();
        completing += usize::from(String::from_utf8_lossy(&output.stdout).contains("completing an interrupted import"));
        let loaded = load(&Layout::new(crashed.path()));
        let broken: Vec<String> = loaded
            .problems
            .iter()
            .filter(|p| !p.message.contains("interrupted save"))
            .map(|p| p.to_string())
            .collect();
        assert!(
            broken.is_empty(),
            "after kill {kill} the study has problems: {broken:#?}"
        );
    }
    assert!(completing > 0, "a run after a kill says it completes the earlier one");
    let output = import(crashed.path(), None).output().unwrap();
    assert!(
        output.status.success(),
        "the import after the kills: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!crashed.path().join("cases/.import-in-progress").exists());
    assert_eq!(
        snapshot(crashed.path()),
        snapshot(clean.path()),
        "the result equals one clean import"
    );
    let leftovers: Vec<PathBuf> = common::files_under(&crashed.path().join("cases"))
        .into_iter()
        .filter(|f| f.to_string_lossy().contains(".new") || f.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "the import cleans what the kills left: {leftovers:?}"
    );
}
