//! `kill -9` during `casebook generate`: the folder never holds half a
//! study, so the next generate into it is not refused, and it leaves
//! nothing behind.

mod common;

use casebook::store::{load, Layout};
use std::process::{Command, Stdio};
use std::time::Duration;

#[test]
fn a_killed_generate_never_leaves_a_folder_the_next_one_refuses() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("study");
    let generate = |pause: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_casebook"));
        command
            .args(["generate", "--out", out.to_str().unwrap(), "--projects", "40"])
            .env("HOME", parent.path())
            .env("GIT_CONFIG_GLOBAL", parent.path().join("gitconfig"))
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if pause {
            command.env("CASEBOOK_TEST_PAUSE_MS", "2");
        }
        command
    };
    for kill in 0..10u64 {
        let mut child = generate(true).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(30 + kill * 60));
        let _ = child.kill();
        let _ = child.wait();
        assert!(
            !out.join("cases").exists()
                || out.join("cases/study.ron").exists() && load(&Layout::new(&out)).problems.is_empty(),
            "kill {kill}: half a study in the folder"
        );
        if out.join("cases/study.ron").exists() {
            // This run finished before the kill: start again from nothing.
            std::fs::remove_dir_all(&out).unwrap();
        }
    }
    let output = generate(false).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(load(&Layout::new(&out)).problems.is_empty());
    let leftovers: Vec<String> = std::fs::read_dir(parent.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".new"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
