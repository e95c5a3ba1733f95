//! End to end: a file changed on disk while casebook is open (a `git pull`,
//! an editor) shows without a key press and is read in, while casebook's
//! own saves never count as someone else's change.

mod common;
#[path = "tmux_common.rs"]
mod tmux_common;

use std::fs;
use tmux_common::{binary, Tmux};

#[test]
fn a_change_on_disk_shows_and_is_read_in_without_a_key_press() {
    let study = common::demo_copy();
    let Some(tmux) = Tmux::start(study.path()) else { return };
    tmux.type_line(&format!("{} --as astrid; echo \"casebook exited with $?\"", binary()));
    tmux.wait_until("Bømlo's row", |screen| {
        screen.lines().any(|l| l.contains("p2019-014") && l.contains("Bømlo"))
    });
    // Another process (here: this test) changes a case, as a pull would.
    let file = study.path().join("cases/p2019-014/case.ron");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replacen("municipality: \"Bømlo\"", "municipality: \"Pulledvik\"", 1),
    )
    .unwrap();
    tmux.wait_until("the change shown and reloaded", |screen| {
        screen.contains("1 file(s) changed on disk: reloaded from disk")
            && screen
                .lines()
                .any(|l| l.contains("p2019-014") && l.contains("Pulledvik"))
    });
    // Ctrl-R still reloads by hand.
    tmux.keys(&["C-r"]);
    tmux.wait_for("│ reloaded from disk");
    tmux.keys(&["q"]);
    tmux.wait_for("casebook exited with 0");
}

#[test]
fn a_new_case_folder_from_a_pull_is_read_in() {
    let study = common::demo_copy();
    let Some(tmux) = Tmux::start(study.path()) else { return };
    tmux.type_line(&format!("{} --as astrid; echo \"casebook exited with $?\"", binary()));
    tmux.wait_for("Cases (325 of 325)");
    // A whole case folder arrives at once, as `git pull` brings one.
    let incoming = tempfile::tempdir_in(study.path()).unwrap();
    let folder = incoming.path().join("p2019-999");
    common::copy_tree(&study.path().join("cases/p2019-014"), &folder);
    let case = folder.join("case.ron");
    let text = fs::read_to_string(&case).unwrap().replace("p2019-014", "p2019-999");
    fs::write(&case, text).unwrap();
    fs::rename(&folder, study.path().join("cases/p2019-999")).unwrap();
    tmux.wait_for("Cases (326 of 326)");
    tmux.keys(&["q"]);
    tmux.wait_for("casebook exited with 0");
}

#[test]
fn my_own_save_is_not_someone_elses_change() {
    let study = common::demo_copy();
    let Some(tmux) = Tmux::start(study.path()) else { return };
    tmux.type_line(&format!("{} --as astrid; echo \"casebook exited with $?\"", binary()));
    tmux.wait_for("Cases (325 of 325)");
    // Move the second case to the shortlist: casebook writes its file.
    tmux.keys(&["j", "j", "m"]);
    tmux.wait_for("Move p2019-002 from pool to");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Why does");
    tmux.tmux(&["send-keys", "-t", "main", "-l", "Adds variation"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("pool → shortlisted");
    // Then someone else changes another file: only that one is counted,
    // and the message about it comes after my save's events were seen.
    let file = study.path().join("cases/p2019-014/case.ron");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replacen("municipality: \"Bømlo\"", "municipality: \"Pulledvik\"", 1),
    )
    .unwrap();
    tmux.wait_until("the change shown and reloaded", |screen| {
        screen.contains("1 file(s) changed on disk: reloaded from disk")
            && screen.contains("p2019-002")
            && screen.contains("shortlisted")
    });
    tmux.keys(&["q"]);
    tmux.wait_for("casebook exited with 0");
}
