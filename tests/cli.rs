//! The command line as a user runs it: `check` on the demo, on a broken
//! study and as JSON; `init` and `generate`.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

fn casebook(dir: &Path, args: &[&str]) -> Output {
    common::casebook_as(dir, None, args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

#[test]
fn check_on_the_demo_prints_its_counts_and_exits_zero() {
    let output = casebook(&common::repo(), &["check"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split_whitespace().collect()).collect();
    for expected in [
        ["cases", "325"],
        ["reviews", "400"],
        ["informants", "27"],
        ["interviews", "22"],
        ["guides", "2"],
        ["codes", "33"],
    ] {
        assert!(
            lines.iter().any(|l| l.as_slice() == expected),
            "missing {expected:?} in:\n{text}"
        );
    }
    assert!(text.contains("no problems found"), "{text}");
}

#[test]
fn check_finds_the_study_from_a_folder_below_it() {
    let output = casebook(&common::repo().join("cases").join("administration"), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn check_json_gives_counts_and_errors() {
    let output = casebook(&common::repo(), &["check", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["counts"]["cases"], 325);
    assert_eq!(json["counts"]["codes"], 33);
    assert_eq!(json["errors"], serde_json::json!([]));
}

#[test]
fn a_corrupted_case_makes_check_exit_one_naming_file_line_and_column() {
    let dir = common::small_study();
    let id = common::first_project(dir.path());
    let case = dir.path().join(format!("cases/{id}/case.ron"));
    let text = fs::read_to_string(&case).unwrap();
    fs::write(&case, text.replacen("    origin: Project,", "    origin: Project,,", 1)).unwrap();
    let output = casebook(dir.path(), &["check"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains(&format!("cases/{id}/case.ron:3:21: ")), "{text}");
    assert!(text.contains("1 problem"), "{text}");

    let output = casebook(dir.path(), &["check", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let error = &json["errors"][0];
    assert_eq!(error["path"], format!("cases/{id}/case.ron"));
    assert_eq!((error["line"].as_u64(), error["column"].as_u64()), (Some(3), Some(21)));
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn init_creates_an_empty_study_that_checks_clean_and_ignores_private_files() {
    let dir = tempfile::tempdir().unwrap();
    let output = casebook(dir.path(), &["init", "study"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let study = dir.path().join("study");
    assert!(study.join("cases/study.ron").is_file());
    assert!(study.join("guides/codebook.ron").is_file());
    assert!(fs::read_to_string(study.join(".gitignore"))
        .unwrap()
        .contains("/private/"));
    let output = casebook(&study, &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    // A second init refuses to touch the study.
    let again = casebook(dir.path(), &["init", "study"]);
    assert_eq!(again.status.code(), Some(1));
}

#[test]
fn check_outside_any_study_says_so_and_exits_one() {
    let dir = tempfile::tempdir().unwrap();
    let output = casebook(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no study found"));
}

#[test]
fn generate_writes_a_study_that_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("big");
    let output = casebook(
        dir.path(),
        &[
            "generate",
            "--out",
            out.to_str().unwrap(),
            "--projects",
            "300",
            "--seed",
            "3",
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let output = casebook(&out, &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}
