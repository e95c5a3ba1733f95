//! End to end: a file changed on disk while casebook is open (a `git pull`)
//! shows in the status line, and Ctrl-R reloads it.

mod common;
#[path = "tmux_common.rs"]
mod tmux_common;

use casebook::tui::disk_watch::DiskWatch;
use std::fs;
use tmux_common::{binary, Tmux};

#[test]
fn a_change_on_disk_is_noticed_and_reloaded() {
    let study = common::demo_copy();
    let tmux = Tmux::start(study.path());
    tmux.type_line(&format!("{} --as astrid; echo \"casebook exited with $?\"", binary()));
    tmux.wait_for("Cases (325 of 325)");
    let file = study.path().join("cases/p2019-014/case.ron");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replacen("title: \"", "title: \"Pulled: ", 1)).unwrap();
    // Make the change visible even on a file system that keeps whole seconds.
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(later)
        .unwrap();
    tmux.wait_for("1 file(s) changed on disk");
    tmux.keys(&["C-r"]);
    tmux.wait_for("reloaded from disk");
    let screen = tmux.screen();
    assert!(!screen.contains("changed on disk"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("casebook exited with 0");
}

#[test]
fn casebooks_own_writes_do_not_count_as_changes() {
    let study = common::demo_copy();
    let layout = casebook::store::Layout::new(study.path());
    let mut watch = DiskWatch::scan(&layout);
    assert_eq!(watch.changes(&layout), 0);
    let file = layout.case_file(&casebook::domain::CaseId::new("p2019-014"));
    fs::write(&file, fs::read_to_string(&file).unwrap() + "\n").unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert_eq!(watch.changes(&layout), 1);
    watch.note_own_write(&file);
    assert_eq!(watch.changes(&layout), 0);
    fs::remove_file(layout.case_file(&casebook::domain::CaseId::new("p2019-013"))).unwrap();
    assert_eq!(watch.changes(&layout), 1, "a removed file counts");
}
