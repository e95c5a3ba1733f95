//! End to end: in the real binary, filter the cases, search for one with
//! plain letters, move it to another stage with a reason, then read the
//! case file on disk.

mod common;
#[path = "tmux_common.rs"]
mod tmux_common;

use casebook::domain::{CaseId, Stage};
use casebook::store::{load, Layout};
use tmux_common::{binary, Tmux};

#[test]
fn filter_search_and_move_a_stage_then_the_case_file_holds_the_log() {
    let study = common::demo_copy();
    let Some(tmux) = Tmux::start(study.path()) else { return };
    tmux.type_line(&format!("{} --as brage; echo \"casebook exited with $?\"", binary()));
    tmux.wait_for("Cases (325 of 325)");

    // Filter: region is Vestlandet (second dimension, third region).
    tmux.keys(&["f"]);
    tmux.wait_for("Filter on");
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("region is");
    tmux.keys(&["j", "j", "Enter"]);
    // Only Vestlandet cases are listed, once the filtered table is drawn.
    tmux.wait_until("only Vestlandet cases", |screen| {
        screen.contains("region = Vestlandet")
            && screen.contains("Cases (91 of 325)")
            && !screen.contains("region is")
            && !screen.contains("Østlandet  ")
    });

    // Search with plain letters for Bømlo.
    tmux.keys(&["/"]);
    tmux.wait_for("Search municipality, title, focus area, region or id");
    tmux.tmux(&["send-keys", "-t", "main", "-l", "bomlo"]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_until("Bømlo alone in the table", |screen| {
        screen.contains("Cases (1 of 325)") && screen.lines().any(|l| l.contains("▶") && l.contains("Bømlo"))
    });
    let id = screen
        .lines()
        .find(|l| l.contains("▶"))
        .and_then(|l| l.split_whitespace().nth(1))
        .expect("the selected row")
        .to_string();

    // Move it to the shortlist with a reason.
    tmux.keys(&["m"]);
    tmux.wait_for(&format!("Move {id} from pool to"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Why does");
    tmux.tmux(&["send-keys", "-t", "main", "-l", "Coastal, adds variation"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("pool → shortlisted");
    tmux.keys(&["q"]);
    tmux.wait_for("casebook exited with 0");

    let case = load(&Layout::new(study.path())).data.cases[&CaseId::new(&id)]
        .case
        .clone();
    assert_eq!(case.municipality, "Bømlo");
    assert_eq!(case.stage, Stage::Shortlisted);
    let entry = case.stage_log.last().expect("a log entry");
    assert_eq!(
        (entry.by.as_str(), entry.from, entry.to),
        ("brage", Stage::Pool, Stage::Shortlisted)
    );
    assert_eq!(entry.reason, "Coastal, adds variation");
}
