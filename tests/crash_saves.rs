//! The crash loop over single-file saves: 200 `kill -9` while `casebook
//! stage` saves one `case.ron`, many of them held (debug builds only) between
//! writing the new version and renaming it into place. Every time, the file
//! is the old or the new version, complete, and the study loads.

mod common;

use casebook::domain::{Case, Stage};
use casebook::store::ron_io::from_ron;
use casebook::store::{load, Layout};
use std::process::{Command, Stdio};
use std::time::Duration;

#[test]
fn two_hundred_kills_during_saves_leave_the_old_or_the_new_file_whole() {
    let study = common::small_study();
    let id = common::first_project(study.path());
    let path = study.path().join("cases").join(&id).join("case.ron");
    let home = tempfile::tempdir().unwrap();
    let read = || {
        let text = std::fs::read_to_string(&path).unwrap();
        from_ron::<Case>(&path, &text).unwrap_or_else(|p| panic!("a torn file: {p}\n{text}"))
    };
    let command = |to: &str, reason: &str| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_casebook"));
        command
            .args(["stage", &id, to, "--reason", reason])
            .current_dir(study.path())
            .env("CASEBOOK_USER", "astrid")
            .env("CASEBOOK_TEST_PAUSE_MS", "40")
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("HOME", home.path())
            .env("GIT_CONFIG_GLOBAL", home.path().join("gitconfig"))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    };
    // How long one whole save takes on this machine now: the kills are
    // spread over that, so a loaded machine still kills some before and
    // some after the rename.
    let first = if read().stage == Stage::Shortlisted {
        "pool"
    } else {
        "shortlisted"
    };
    let started = std::time::Instant::now();
    let status = command(first, "a whole save, timed").status().unwrap();
    assert!(status.success());
    let whole = started.elapsed().as_millis() as u64;
    let spread = (whole + whole / 2).max(60);
    let mut before = read();
    let mut landed = 0;
    for kill in 0..200u64 {
        let to = if before.stage == Stage::Shortlisted {
            "pool"
        } else {
            "shortlisted"
        };
        let mut child = command(to, &format!("move {kill}")).spawn().unwrap();
        // Spread over loading, writing, the pause and the rename.
        std::thread::sleep(Duration::from_millis((kill * 13) % spread));
        let _ = child.kill();
        let _ = child.wait();
        let after = read();
        let grew = after.stage_log.len() - before.stage_log.len();
        assert!(grew <= 1, "kill {kill}: the log grew by {grew}");
        if grew == 1 {
            landed += 1;
            assert_eq!(after.stage_log[..before.stage_log.len()], before.stage_log[..]);
        } else {
            assert_eq!(after, before, "kill {kill}: not the old version");
        }
        if kill % 40 == 0 {
            let problems: Vec<String> = load(&Layout::new(study.path()))
                .problems
                .iter()
                .filter(|p| !p.message.contains("interrupted save"))
                .map(|p| p.to_string())
                .collect();
            assert!(problems.is_empty(), "kill {kill}: {problems:#?}");
        }
        before = after;
    }
    assert!(
        landed > 0 && landed < 200,
        "some saves landed, some were killed: {landed}"
    );
}
