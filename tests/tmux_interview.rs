//! End to end in the real binary: start an interview in the demo study from
//! an informant, type notes into two questions, kill the process with
//! `kill -9`, start it again and find both notes: on screen, and in the
//! interview file under the right question ids.

mod common;
#[path = "tmux_common.rs"]
mod tmux_common;

use casebook::domain::{InformantId, QuestionId};
use casebook::store::{load, Layout};
use std::process::Command;
use tmux_common::{binary, Tmux};

/// The casebook running in the tmux pane (a child of its shell).
fn casebook_pid(tmux: &Tmux) -> String {
    let shell = tmux.tmux(&["display-message", "-p", "-t", "main", "#{pane_pid}"]);
    let out = Command::new("pgrep")
        .args(["-P", shell.trim()])
        .output()
        .expect("pgrep");
    let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(!pid.is_empty() && !pid.contains('\n'), "one casebook runs: {pid:?}");
    pid
}

#[test]
fn notes_typed_into_two_questions_survive_kill_9_and_reopen_at_the_last_question() {
    let study = common::demo_copy();
    let Some(tmux) = Tmux::start(study.path()) else { return };
    tmux.type_line(&format!("{} --as astrid", binary()));
    tmux.wait_for("Cases (325 of 325)");
    tmux.keys(&["4"]);
    tmux.wait_for("Snowball tree");
    // INF-27 is scheduled and not interviewed yet: the last case informant,
    // above the seven of the administration.
    tmux.keys(&["G"]);
    tmux.wait_for("▶ INF-26");
    tmux.keys(&["k", "k", "k", "k", "k", "k", "k"]);
    tmux.wait_for("▶ INF-27");
    tmux.keys(&["n"]);
    tmux.wait_for("INF-27's consent is not recorded");
    tmux.keys(&["y"]);
    tmux.wait_for("Notes: background.role");
    tmux.tmux(&[
        "send-keys",
        "-t",
        "main",
        "-l",
        "Leads the introduction programme; q and 1 are text here.",
    ]);
    tmux.keys(&["C-n"]);
    tmux.wait_for("Notes: background.applications");
    tmux.tmux(&["send-keys", "-t", "main", "-l", "Six applications, five granted."]);
    tmux.wait_for("Six applications, five granted.");
    // No more than a second later, it is on disk.
    tmux.wait_until("the autosave", |screen| screen.contains("· saved"));
    let pid = casebook_pid(&tmux);
    let killed = Command::new("kill").args(["-9", &pid]).status().expect("kill");
    assert!(killed.success());
    tmux.wait_until("the shell back", |_| {
        Command::new("kill")
            .args(["-0", &pid])
            .status()
            .map(|s| !s.success())
            .unwrap_or(true)
    });

    // The file holds both notes under their question ids.
    let layout = Layout::new(study.path());
    let loaded = load(&layout);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let informant = loaded.data.informant(&InformantId::new("INF-27")).unwrap();
    let interview = &loaded
        .data
        .interviews()
        .find(|i| i.interview.informants.contains(&informant.id))
        .expect("an interview with INF-27")
        .interview;
    assert_eq!(interview.id.as_str(), "INT-astrid-01");
    let note = |q: &str| interview.note(&QuestionId::new(q)).map(|n| n.text.clone());
    assert_eq!(
        note("background.role").as_deref(),
        Some("Leads the introduction programme; q and 1 are text here.")
    );
    assert_eq!(
        note("background.applications").as_deref(),
        Some("Six applications, five granted.")
    );
    assert!(informant.consent.is_some(), "consent recorded on the informant");

    // Started again, the interview opens at the question last worked on.
    tmux.type_line("reset");
    tmux.type_line(&format!("{} --as astrid", binary()));
    tmux.wait_for("Cases (325 of 325)");
    tmux.keys(&["5"]);
    tmux.wait_for("Interviews (23)");
    tmux.keys(&["G"]);
    tmux.wait_for("▶ INT-astrid-01");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Notes: background.applications");
    assert!(screen.contains("Six applications, five granted."), "{screen}");
    assert!(screen.contains("▶• background.applications"), "{screen}");
    tmux.keys(&["C-p"]);
    tmux.wait_for("Leads the introduction programme; q and 1 are text here.");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Interviews (23)");
    tmux.keys(&["q"]);
    tmux.wait_until("casebook to quit", |_| !tmux.alternate_screen());
}
