//! Importing the pool: Table 3.2 reproduced, idempotent re-import, updates
//! that keep the team's work, and every bad row reported with nothing written.

mod common;

use casebook::analysis::stats::stats_by;
use casebook::domain::{Stage, Stratum};
use casebook::store::{load, Layout};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

fn fixture() -> PathBuf {
    common::repo().join("tests/fixtures/pool/table_3_2.csv")
}

fn casebook(dir: &Path, args: &[&str]) -> Output {
    common::casebook_as(dir, Some("lead"), args)
}

/// Every file of the study with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    common::files_under(dir)
        .into_iter()
        .map(|f| (f.clone(), fs::read(dir.join(&f)).unwrap()))
        .collect()
}

#[test]
fn table_3_2_is_reproduced_from_an_export_with_its_marginals() {
    let dir = common::fresh_pool_study("Table 3.2");
    let output = casebook(dir.path(), &["import", "pool", fixture().to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let data = load(&Layout::new(dir.path())).data;
    let (rows, total) = stats_by(&data, Stratum::SizeBand);
    let table: Vec<(&str, usize, usize, usize, f64)> = rows
        .iter()
        .map(|r| (r.key.as_str(), r.applications, r.granted, r.rejected, r.granted_rate))
        .collect();
    assert_eq!(
        table,
        vec![
            ("<1000", 2, 1, 1, 0.5),
            ("1000-2000", 13, 4, 9, 0.3077),
            ("2000-5000", 11, 3, 8, 0.2727),
            ("5000-10000", 75, 32, 43, 0.4267),
            ("10000-20000", 83, 42, 41, 0.506),
            ("20000-50000", 157, 85, 72, 0.5414),
            (">50000", 273, 179, 94, 0.6557),
        ]
    );
    assert_eq!(
        (total.applications, total.granted, total.rejected, total.granted_rate),
        (614, 346, 268, 0.5635)
    );

    let json: serde_json::Value =
        serde_json::from_slice(&casebook(dir.path(), &["stats", "--by", "size_band", "--json"]).stdout).unwrap();
    assert_eq!(json["by"], "size_band");
    assert_eq!(json["rows"][6]["key"], ">50000");
    assert_eq!(json["rows"][6]["applications"], 273);
    assert_eq!(json["rows"][6]["granted_rate"], 0.6557);
    assert_eq!(json["total"]["applications"], 614);
    let text = String::from_utf8(casebook(dir.path(), &["stats", "--by", "size_band"]).stdout).unwrap();
    assert!(text.contains("65.57 %") && text.contains("56.35 %"), "{text}");
}

#[test]
fn regions_are_derived_from_counties_and_extra_columns_kept() {
    let dir = common::fresh_pool_study("Table 3.2");
    casebook(dir.path(), &["import", "pool", fixture().to_str().unwrap()]);
    let data = load(&Layout::new(dir.path())).data;
    let case = &data.cases[&casebook::domain::CaseId::new("P-0004")].case;
    assert_eq!(
        case.region, "Nord-Norge",
        "row 4 has an empty region and county Troms og Finnmark"
    );
    assert!(case.attributes.contains_key("caseworker_unit"));
    let never_granted = data.cases.values().filter(|c| !c.case.is_funded()).count();
    assert!(never_granted > 0, "projects never granted stay in the frame");
}

#[test]
fn importing_the_same_file_again_changes_no_byte() {
    let dir = common::fresh_pool_study("Table 3.2");
    casebook(dir.path(), &["import", "pool", fixture().to_str().unwrap()]);
    let before = snapshot(dir.path());
    let output = casebook(dir.path(), &["import", "pool", fixture().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("0 new cases, 0 updated"));
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn an_updated_export_updates_facts_and_keeps_the_teams_work() {
    let dir = common::fresh_pool_study("Table 3.2");
    casebook(dir.path(), &["import", "pool", fixture().to_str().unwrap()]);
    let moved = casebook(
        dir.path(),
        &["stage", "P-0002", "shortlisted", "--reason", "Small and recent"],
    );
    assert_eq!(
        moved.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&moved.stderr)
    );
    // The team adds an attribute and reviewers by hand.
    let case_file = dir.path().join("cases/P-0002/case.ron");
    let text = fs::read_to_string(&case_file).unwrap();
    let text = text.replacen(
        "\"caseworker_unit\": \"West\",",
        "\"caseworker_unit\": \"West\",\n        \"team_note\": \"call first\",",
        1,
    );
    fs::write(
        &case_file,
        text.replace("reviewers: [],", "reviewers: [\n        \"lead\",\n    ],"),
    )
    .unwrap();
    // The export is updated: the amount applied of P-0002's application changes.
    let export = fs::read_to_string(fixture()).unwrap();
    let updated = export.replacen(
        "S0002,P-0002,2021,Utsira,Rogaland,Vestlandet,200,Work practice,granted,215838",
        "S0002,P-0002,2021,Utsira,Rogaland,Vestlandet,200,Work practice,granted,999999",
        1,
    );
    assert_ne!(updated, export);
    let path = dir.path().join("updated.csv");
    fs::write(&path, updated).unwrap();
    let output = casebook(dir.path(), &["import", "pool", path.to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("1 updated"));
    let case = load(&Layout::new(dir.path())).data.cases[&casebook::domain::CaseId::new("P-0002")]
        .case
        .clone();
    assert_eq!(case.applications[0].amount_applied, 999_999);
    assert_eq!(case.stage, Stage::Shortlisted);
    assert_eq!(case.stage_log.len(), 1);
    assert_eq!(case.attributes.get("team_note").map(String::as_str), Some("call first"));
    assert_eq!(case.reviewers.len(), 1);
}

fn rejected(dir: &Path, csv: &str) -> String {
    let path = dir.join("bad.csv");
    fs::write(&path, csv).unwrap();
    let before = snapshot(&dir.join("cases"));
    let output = casebook(dir, &["import", "pool", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "a bad export is refused");
    assert_eq!(snapshot(&dir.join("cases")), before, "nothing is written");
    String::from_utf8(output.stderr)
        .unwrap()
        .replace(&format!("{}", path.display()), "bad.csv")
}

const HEADER: &str = "application_id,project_id,year,municipality,county,region,population,focus_area,status,amount_applied,amount_granted,kind,pilot,title\n";

#[test]
fn every_bad_row_is_reported_as_file_line_column_and_nothing_is_written() {
    let dir = common::fresh_pool_study("Table 3.2");
    let good = "A1,P1,2021,Bømlo,Vestland,,12100,Work practice,granted,500000,400000,new,no,Jobs first\n";
    let errors = rejected(
        dir.path(),
        &format!(
            "{HEADER}{good}A2,P2,2022,Alta,Troms og Finnmark,,many,Work practice,granted,1,1,new,no,T\nA3,P3,2022,Alta,Troms og Finnmark,,21000,Work practice,maybe,1,0,new,no,T\nA4,P1,2022,Stord,Vestland,,19000,Work practice,granted,1,1,new,no,T\nA5,P5,2022,Nowhere,Atlantis,,100,Work practice,granted,1,1,new,no,T\nA1,P6,2022,Alta,Troms og Finnmark,,21000,Work practice,granted,1,1,old,no,T\n"
        ),
    );
    for expected in [
        "bad.csv:3: population: `many` is not a whole number",
        "bad.csv:4: status: unknown status `maybe`; expected granted or rejected",
        "bad.csv:6: region: is empty and county `Atlantis` is not one whose region the study knows",
        "bad.csv:7: kind: unknown kind `old`; expected new or adaptation",
        "bad.csv:7: application_id: `A1` appears twice (first on line 2)",
    ] {
        assert!(errors.contains(expected), "missing `{expected}` in:\n{errors}");
    }
    // A project whose rows disagree on the municipality is found once the rows themselves are valid.
    let errors = rejected(
        dir.path(),
        &format!("{HEADER}{good}A4,P1,2022,Stord,Vestland,,19000,Work practice,granted,1,1,new,no,T\n"),
    );
    assert!(
        errors.contains("bad.csv:3: municipality: project P1 is in `Bømlo` on line 2, here in `Stord`"),
        "{errors}"
    );
    let errors = rejected(dir.path(), "application_id,project_id,year\nA1,P1,2021\n");
    assert!(
        errors.contains("bad.csv:1: municipality: missing required column"),
        "{errors}"
    );
    assert!(errors.contains("bad.csv:1: title: missing required column"), "{errors}");
}
