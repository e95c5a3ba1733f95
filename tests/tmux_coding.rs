//! End to end in the real binary: type notes in an interview, select a
//! line with Ctrl-L, code it from the picker with Ctrl-O, and find it in
//! `casebook themes --json` (one more passage for that code); then type
//! before the coded words and find the coding still on them, on disk.

mod common;
#[path = "tmux_common.rs"]
mod tmux_common;

use casebook::domain::*;
use tmux_common::{binary, Tmux};

/// The passages `casebook themes --json` gives `code`.
fn passages(dir: &std::path::Path, code: &str) -> u64 {
    let out = common::casebook_as(dir, Some("astrid"), &["themes", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("themes JSON");
    json["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .find(|c| c["id"] == code)
        .and_then(|c| c["passages"].as_u64())
        .unwrap_or_else(|| panic!("no code {code} in {json}"))
}

fn send_text(tmux: &Tmux, text: &str) {
    tmux.tmux(&["send-keys", "-t", "main", "-l", text]);
}

#[test]
fn a_passage_coded_at_the_keyboard_counts_in_themes_and_keeps_to_its_words() {
    let study = common::demo_copy();
    let before = passages(study.path(), "results.services");
    let Some(tmux) = Tmux::start(study.path()) else { return };
    tmux.type_line(&format!("{} --as astrid", binary()));
    tmux.wait_for("Cases (325 of 325)");
    tmux.keys(&["4"]);
    tmux.wait_for("Snowball tree");
    tmux.keys(&["G"]);
    tmux.wait_for("▶ INF-26");
    tmux.keys(&["k", "k", "k", "k", "k", "k", "k"]);
    tmux.wait_for("▶ INF-27");
    tmux.keys(&["n"]);
    tmux.wait_for("INF-27's consent is not recorded");
    tmux.keys(&["y"]);
    tmux.wait_for("Notes: background.role");
    send_text(&tmux, "Intro.");
    tmux.keys(&["Enter"]);
    send_text(&tmux, "The unit now works with the schools.");
    tmux.wait_for("The unit now works with the schools.");
    // Ctrl-L selects the line, Ctrl-O opens the picker.
    tmux.keys(&["C-l"]);
    tmux.keys(&["C-o"]);
    let screen = tmux.wait_for("Code the passage");
    assert!(
        screen.contains("“The unit now works with the schools.”"),
        "the line is the passage: {screen}"
    );
    send_text(&tmux, "servic");
    tmux.wait_for("[ ] Change in the services (in Results and local change)");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Coded here (1)");
    assert!(screen.contains("astrid: Change in the services"), "{screen}");
    tmux.wait_until("the codings file on disk", |_| {
        std::fs::read_dir(study.path().join("cases/p2021-017/interviews"))
            .map(|d| d.flatten().any(|e| e.file_name() == "INT-astrid-01.codes.astrid.ron"))
            .unwrap_or(false)
    });
    assert_eq!(passages(study.path(), "results.services"), before + 1);

    // Words typed before the passage: the coding stays on its words.
    tmux.keys(&["Up"]);
    tmux.keys(&["Home"]);
    send_text(&tmux, "Longer intro: ");
    tmux.wait_for("Longer intro: Intro.");
    tmux.keys(&["C-n"]);
    tmux.wait_for("Notes: background.applications");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Interviews (");
    tmux.keys(&["q"]);
    tmux.wait_until("casebook to quit", |_| !tmux.alternate_screen());

    let file = study
        .path()
        .join("cases/p2021-017/interviews/INT-astrid-01.codes.astrid.ron");
    let codings: Codings = ron::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let coding = &codings.codings[0];
    assert_eq!(coding.text, "The unit now works with the schools.");
    assert_eq!(
        (coding.start, coding.end),
        (21, 57),
        "moved by the 14 characters typed before it"
    );
    let loaded = casebook::store::load(&casebook::store::Layout::new(study.path()));
    let interview = loaded
        .data
        .interviews()
        .find(|i| i.interview.id.as_str() == "INT-astrid-01")
        .expect("the interview");
    let note = interview.interview.note(&coding.question).expect("its note");
    assert_eq!(note.text, "Longer intro: Intro.\nThe unit now works with the schools.");
    assert_eq!(coding.passage_in(&note.text), Some(coding.text.as_str()));
    assert_eq!(passages(study.path(), "results.services"), before + 1);
    let check = common::casebook_as(study.path(), Some("astrid"), &["check"]);
    let said = String::from_utf8_lossy(&check.stdout).to_string() + &String::from_utf8_lossy(&check.stderr);
    assert!(!said.contains("no longer matches"), "{said}");
}
