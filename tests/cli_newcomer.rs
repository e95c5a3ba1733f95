//! The command line as a newcomer met it: amounts with thousands apart, a
//! dimension named in any case, errors that say a thing once and plainly.

mod common;

use common::{casebook_as, repo};

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

#[test]
fn stats_print_amounts_with_thousands_apart_and_take_any_case_and_pilot() {
    let output = casebook_as(&repo(), Some("astrid"), &["stats", "--by", "Region"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let total = text.lines().find(|l| l.starts_with("total")).expect("a total row");
    // The amount columns hold groups of three digits, kept apart.
    assert!(
        total.split("  ").any(|cell| {
            let cell = cell.trim();
            cell.contains(' ')
                && cell
                    .split(' ')
                    .skip(1)
                    .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
        }),
        "{total}"
    );
    let pilot = casebook_as(&repo(), Some("astrid"), &["stats", "--by", "pilot"]);
    assert_eq!(pilot.status.code(), Some(0), "{}", stderr(&pilot));
    assert!(stdout(&pilot).starts_with("pilot"), "{}", stdout(&pilot));
}

#[test]
fn a_missing_ratings_file_is_said_to_be_missing() {
    let output = casebook_as(&repo(), Some("astrid"), &["agreement", "--ratings", "/nonexistent.csv"]);
    assert_ne!(output.status.code(), Some(0));
    let text = stderr(&output);
    assert!(text.contains("/nonexistent.csv: the file does not exist"), "{text}");
    assert!(!text.contains(":0:"), "{text}");
}

#[test]
fn an_answer_off_the_scale_is_explained_once() {
    let study = common::demo_copy();
    let case = common::first_assigned_case(study.path(), "cora");
    let output = casebook_as(
        study.path(),
        Some("cora"),
        &["review", case.as_str(), "transferability=9"],
    );
    let text = stderr(&output);
    assert_eq!(text.matches("from 1 to 7").count(), 1, "{text}");
}

#[test]
fn the_directorate_is_not_double_bracketed() {
    let output = casebook_as(&repo(), Some("astrid"), &["recruitment"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!stdout(&output).contains("(("), "{}", stdout(&output));
}
