//! Hostile pool exports: each is refused with a `FILE:LINE: column:` message
//! and nothing is written; a spreadsheet's semicolon-separated export is
//! simply read.

mod common;

use std::fs;
use std::path::Path;

const HEADER: &str = "application_id,project_id,year,municipality,county,region,population,focus_area,status,amount_applied,amount_granted,kind,pilot,title";

fn row(application: &str, project: &str, amount: &str) -> String {
    format!("{application},{project},2024,Loppa,Troms og Finnmark,Nord-Norge,900,Work practice,granted,{amount},100000,new,no,Project in Loppa")
}

/// Imports `csv` into a copy of the demo as its lead; gives exit code,
/// stderr, and whether any study file changed.
fn import(csv: &str) -> (Option<i32>, String, bool) {
    let study = common::demo_copy();
    let before: Vec<_> = snapshot(study.path());
    fs::write(study.path().join("pool.csv"), csv).unwrap();
    let output = common::casebook_as(study.path(), Some("astrid"), &["import", "pool", "pool.csv"]);
    let changed = snapshot(study.path()) != before;
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).to_string(),
        changed,
    )
}

fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    common::files_under(&dir.join("cases"))
        .into_iter()
        .map(|f| (f.clone(), fs::read(dir.join("cases").join(&f)).unwrap()))
        .collect()
}

fn refused(csv: &str, expected: &str) {
    let (code, stderr, changed) = import(csv);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(!changed, "nothing is written: {stderr}");
    assert!(stderr.contains(expected), "expected `{expected}` in:\n{stderr}");
}

#[test]
fn a_project_id_that_gives_no_case_id_is_refused() {
    refused(
        &format!("{HEADER}\n{}\n", row("X1", "!!!", "200000")),
        "pool.csv:2: project_id: `!!!` gives no case id",
    );
}

#[test]
fn a_project_id_of_a_snowball_case_is_refused() {
    let snowball = fs::read_dir(common::repo().join("cases"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.starts_with("snowball-"))
        .unwrap();
    refused(
        &format!("{HEADER}\n{}\n", row("X1", &snowball, "200000")),
        "pool rows may only create or update pool cases",
    );
}

#[test]
fn an_amount_past_any_grant_is_refused() {
    refused(
        &format!("{HEADER}\n{}\n", row("X1", "X-1", "18446744073709551615")),
        "pool.csv:2: amount_applied: 18446744073709551615 is more than any grant",
    );
}

#[test]
fn ids_that_differ_only_by_case_are_refused() {
    refused(
        &format!(
            "{HEADER}\n{}\n{}\n",
            row("X1", "P-1", "200000"),
            row("X2", "p-1", "200000")
        ),
        "differ only by case",
    );
}

#[test]
fn an_unterminated_quote_is_named_with_its_line() {
    refused(
        &format!(
            "{HEADER}\n{}\nX2,X-2,2024,\"Loppa,Troms og Finnmark\n{}\n",
            row("X1", "X-1", "200000"),
            row("X3", "X-3", "200000")
        ),
        "a quote (\") opened on line 3 is never closed",
    );
}

#[test]
fn a_semicolon_separated_export_is_read() {
    let csv = format!(
        "{}\n{}\n",
        HEADER.replace(',', ";"),
        row("X1", "X-1", "200000").replace(',', ";")
    );
    let (code, stderr, changed) = import(&csv);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(changed);
}
