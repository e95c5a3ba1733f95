//! Editing the codebook from the command line, on the hand-made study:
//! codings follow a renamed, moved or merged code without any codings file
//! being rewritten; deleting a code in use is refused with its count; a
//! coder's own new code is usable at once and adopted by the lead. And
//! codings that follow their words when the notes are edited.

mod common;
#[path = "support/themes_study.rs"]
mod fixture;

use casebook::analysis::themes::{ThemeOptions, Themes};
use casebook::domain::*;
use casebook::store::{load, Layout};
use common::casebook_as;
use std::path::{Path, PathBuf};

/// Every codings file of the study with its bytes.
fn codings_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    common::files_under(dir)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".codes."))
        .map(|p| {
            let bytes = std::fs::read(dir.join(&p)).unwrap();
            (p, bytes)
        })
        .collect()
}

fn passages(dir: &Path, code: &str) -> usize {
    let loaded = load(&Layout::new(dir));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let themes = Themes::compute(&loaded.data, ThemeOptions::default());
    let i = themes.index.get(&CodeId::new(code)).expect("code");
    themes.codes[i].figures.passages
}

fn ok(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).to_string()
}

#[test]
fn rename_move_and_merge_leave_every_codings_file_alone_and_codings_follow() {
    let study = fixture::on_disk();
    let dir = study.path();
    let before = codings_files(dir);
    let said = ok(&casebook_as(
        dir,
        Some("astrid"),
        &["code", "rename", "a.one", "First of A"],
    ));
    assert!(said.contains("3 codings follow it"), "{said}");
    let said = ok(&casebook_as(
        dir,
        Some("astrid"),
        &["code", "move", "a.one", "--parent", "b"],
    ));
    assert!(said.contains("moved code a.one to under b; 3 codings"), "{said}");
    // Theme B now holds a.one's passages as well: INT-1 q1 (one union), INT-1 q2, INT-2, INT-3.
    assert_eq!(passages(dir, "b"), 4);
    assert_eq!(passages(dir, "a"), 2);
    let said = ok(&casebook_as(dir, Some("astrid"), &["code", "merge", "a.two", "b.one"]));
    assert!(said.contains("merged code a.two into b.one: 2 codings"), "{said}");
    // b.one had INT-1 q1, INT-1 q2 (kappa) and INT-3; a.two adds "Theta iota" in INT-1 q2.
    assert_eq!(passages(dir, "b.one"), 4);
    let codebook = std::fs::read_to_string(dir.join("guides/codebook.ron")).unwrap();
    assert!(codebook.contains("merged_into: Some(\"b.one\")"), "{codebook}");
    assert_eq!(codings_files(dir), before, "no codings file was rewritten");
}

#[test]
fn deleting_a_code_in_use_is_refused_with_its_count_and_only_the_lead_edits() {
    let study = fixture::on_disk();
    let dir = study.path();
    let refused = casebook_as(dir, Some("astrid"), &["code", "delete", "b.one"]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("used by 3 codings"), "{stderr}");
    let not_lead = casebook_as(dir, Some("brage"), &["code", "rename", "c", "C"]);
    assert_eq!(not_lead.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&not_lead.stderr).contains("only the study's lead, astrid"));
    ok(&casebook_as(dir, Some("astrid"), &["code", "delete", "c"]));
    assert!(!std::fs::read_to_string(dir.join("guides/codebook.ron"))
        .unwrap()
        .contains("\"c\""));
}

#[test]
fn a_coders_own_new_code_is_usable_at_once_and_adopted_by_the_lead() {
    let study = fixture::on_disk();
    let dir = study.path();
    let said = ok(&casebook_as(
        dir,
        Some("brage"),
        &["code", "add", "brage.timing", "Timing", "--parent", "b"],
    ));
    assert!(said.contains("your own codes"), "{said}");
    assert!(dir.join("guides/codebook.brage.ron").exists());
    let codebook_before = std::fs::read(dir.join("guides/codebook.ron")).unwrap();
    // brage codes with it at once.
    let path = dir.join("cases/c1/interviews/INT-1.codes.brage.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "codes: [\n                \"b.one\",",
            "codes: [\n                \"brage.timing\",",
        ),
    )
    .unwrap();
    assert_eq!(passages(dir, "brage.timing"), 1);
    let themes = ok(&casebook_as(dir, Some("astrid"), &["themes"]));
    assert!(themes.contains("proposed by brage"), "{themes}");
    assert_eq!(std::fs::read(dir.join("guides/codebook.ron")).unwrap(), codebook_before);
    let said = ok(&casebook_as(dir, Some("astrid"), &["code", "adopt", "brage.timing"]));
    assert!(
        said.contains("adopted brage's code brage.timing (Timing) into the codebook; 1 coding"),
        "{said}"
    );
    let loaded = load(&Layout::new(dir));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let b = loaded.data.codebook.find(&CodeId::new("b")).unwrap();
    assert!(b.children.iter().any(|c| c.id.as_str() == "brage.timing"));
    let json = ok(&casebook_as(dir, Some("astrid"), &["themes", "--json"]));
    assert!(!json.contains("proposed"));
    assert_eq!(passages(dir, "brage.timing"), 1);
    // An unused own code can be rejected; a used one cannot.
    ok(&casebook_as(dir, Some("cora"), &["code", "add", "cora.x", "X"]));
    ok(&casebook_as(dir, Some("astrid"), &["code", "reject", "cora.x"]));
    assert!(!ok(&casebook_as(dir, Some("astrid"), &["themes"])).contains("cora.x"));
}

/// The study on disk with INT-1's note on q1 replaced by `note`.
fn with_note(dir: &Path, note: &str) {
    let path = dir.join("cases/c1/interviews/INT-1.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let loaded = load(&Layout::new(dir));
    let now = &loaded.data.cases[&CaseId::new("c1")].interviews[&InterviewId::new("INT-1")]
        .interview
        .notes[0]
        .text;
    assert!(text.contains(now.as_str()));
    std::fs::write(&path, text.replace(now.as_str(), note)).unwrap();
}

/// astrid's first coding of INT-1 as loaded: offsets, anchor, and the words there.
fn astrids_first(dir: &Path) -> (usize, usize, Anchor, String) {
    let loaded = load(&Layout::new(dir));
    let interview = &loaded.data.cases[&CaseId::new("c1")].interviews[&InterviewId::new("INT-1")];
    let coding = &interview.codings[&ResearcherId::new("astrid")].codings[0];
    let note = &interview.interview.notes[0].text;
    let words = coding.passage_in(note).unwrap_or_default().to_string();
    (coding.start, coding.end, coding.anchor, words)
}

#[test]
fn codings_follow_their_words_after_edits_before_inside_and_after_them() {
    let study = fixture::on_disk();
    let dir = study.path();
    // Before: the words move right by the inserted text.
    with_note(dir, &format!("Ærlig talt: {}", fixture::Q1));
    let (start, end, anchor, words) = astrids_first(dir);
    assert_eq!((start, end, words.as_str()), (12, 28, "Alpha beta gamma"));
    assert_eq!(
        anchor,
        Anchor::Moved {
            from_start: 0,
            from_end: 16
        }
    );
    // After: nothing moves.
    with_note(dir, "Alpha beta gamma delta. Epsilon zeta eta. And more.");
    let (start, _, anchor, _) = astrids_first(dir);
    assert_eq!((start, anchor), (0, Anchor::Exact));
}

#[test]
fn a_passage_edited_inside_or_gone_is_a_warning_never_other_words() {
    let study = fixture::on_disk();
    let dir = study.path();
    with_note(dir, "Alpha BETA gamma delta. Epsilon zeta eta.");
    let (start, end, anchor, _) = astrids_first(dir);
    assert_eq!((start, end, anchor), (0, 16, Anchor::Lost));
    let check = casebook_as(dir, Some("cora"), &["check"]);
    assert_eq!(check.status.code(), Some(0), "a warning never changes the exit code");
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(
        out.contains("warning: ") && out.contains("coding no longer matches its notes"),
        "{out}"
    );
    assert!(out.contains("INT-1.codes.astrid.ron"), "{out}");
    // The passage's own stored words still show (in the passage list), not the new ones.
    let list = ok(&casebook_as(
        dir,
        Some("cora"),
        &["themes", "--passages", "b.one", "--json"],
    ));
    assert!(list.contains("\"text\": \"Alpha beta gamma\""), "{list}");
    assert!(list.contains("\"lost\": true"), "{list}");
    // Vanished altogether: the same.
    with_note(dir, "Something else entirely.");
    assert_eq!(astrids_first(dir).2, Anchor::Lost);
}

#[test]
fn only_the_coder_writes_moved_offsets_back() {
    let study = fixture::on_disk();
    let dir = study.path();
    with_note(dir, &format!("Først: {}", fixture::Q1));
    let astrid_file = dir.join("cases/c1/interviews/INT-1.codes.astrid.ron");
    let brage_file = dir.join("cases/c1/interviews/INT-1.codes.brage.ron");
    let (astrid_before, brage_before) = (
        std::fs::read(&astrid_file).unwrap(),
        std::fs::read(&brage_file).unwrap(),
    );
    // cora fixes her own (none): nobody else's file changes.
    let said = ok(&casebook_as(dir, Some("cora"), &["check", "--fix-anchors"]));
    assert!(said.contains("0 of your codings moved"), "{said}");
    assert_eq!(std::fs::read(&astrid_file).unwrap(), astrid_before);
    let said = ok(&casebook_as(dir, Some("brage"), &["check", "--fix-anchors"]));
    assert!(said.contains("1 of your codings moved"), "{said}");
    assert_eq!(
        std::fs::read(&astrid_file).unwrap(),
        astrid_before,
        "astrid's file is hers alone"
    );
    assert_ne!(std::fs::read(&brage_file).unwrap(), brage_before);
    let loaded = load(&Layout::new(dir));
    let interview = &loaded.data.cases[&CaseId::new("c1")].interviews[&InterviewId::new("INT-1")];
    let brages = &interview.codings[&ResearcherId::new("brage")].codings[0];
    assert_eq!((brages.start, brages.anchor), (18, Anchor::Exact));
}

#[test]
fn themes_json_has_exactly_the_issues_shape() {
    let study = fixture::on_disk();
    let out = ok(&casebook_as(study.path(), Some("cora"), &["themes", "--json"]));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut top: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    top.sort();
    assert_eq!(top, vec!["by", "codes", "cooccurrence", "matrix"]);
    let a = json["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "a")
        .unwrap();
    let mut keys: Vec<&str> = a.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        vec![
            "cases",
            "cases_direct",
            "id",
            "informants",
            "informants_direct",
            "name",
            "passages",
            "passages_direct",
            "path",
            "quotes",
            "quotes_direct"
        ]
    );
    assert_eq!(a["passages"], 4);
    assert_eq!(json["codes"][1]["path"], serde_json::json!(["Theme A", "A one"]));
    assert_eq!(json["matrix"]["a"], serde_json::json!({"c1": 3, "c2": 1}));
    assert_eq!(
        json["by"]["region"]["a"],
        serde_json::json!({"Nord-Norge": 1, "Vestlandet": 1})
    );
    assert_eq!(
        json["cooccurrence"][0],
        serde_json::json!({"a": "a.one", "b": "b.one", "passages": 1})
    );
}
