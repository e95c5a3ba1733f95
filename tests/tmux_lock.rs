//! A second TUI on the same study opens it read-only and says who holds it;
//! the lock goes when the first quits, and is stale once its process is gone.

mod common;
#[path = "tmux_common.rs"]
mod tmux_common;

use tmux_common::{binary, Tmux};

#[test]
fn a_second_tui_only_reads_and_says_who_holds_the_study() {
    let study = common::demo_copy();
    let lock = study.path().join(".casebook.lock");
    let Some(first) = Tmux::start(study.path()) else { return };
    first.type_line(&format!("{} --as astrid; echo \"first exited with $?\"", binary()));
    first.wait_for("Cases (325 of 325)");
    assert!(lock.exists(), "the first TUI holds the lock");

    let Some(second) = Tmux::start(study.path()) else {
        return;
    };
    second.type_line(&format!("{} --as brage; echo \"second exited with $?\"", binary()));
    second.wait_for("read-only: open in astrid");
    // A change is refused, with who holds the study.
    second.keys(&["m"]);
    second.wait_for("Move ");
    second.keys(&["Enter"]);
    second.wait_for("Why does");
    second.tmux(&["send-keys", "-t", "main", "-l", "try"]);
    second.keys(&["Enter"]);
    second.wait_for("has this study open in casebook");
    second.keys(&["q"]);
    second.wait_for("second exited with 0");
    assert!(lock.exists(), "the second TUI leaves the first's lock alone");

    first.keys(&["q"]);
    first.wait_for("first exited with 0");
    assert!(!lock.exists(), "released on exit");
}
