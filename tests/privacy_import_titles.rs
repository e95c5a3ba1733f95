//! A pool export's free text goes into the shared `case.ron`: a project
//! title or an attribute value holding a stored contact's name, phone number
//! or e-mail address refuses the import, naming the line, the column and the
//! kind of detail (never the detail), and nothing is written.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

const HEADER: &str = "application_id,project_id,year,municipality,county,region,population,focus_area,status,amount_applied,amount_granted,kind,pilot,title";

use common::astrid_at_home as casebook;

fn out(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn shared(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    common::files_under(&dir.join("cases"))
        .into_iter()
        .map(|f| (f.clone(), fs::read(dir.join("cases").join(&f)).unwrap()))
        .collect()
}

fn row(application: &str, project: &str, title: &str, note: &str) -> String {
    format!("{application},{project},2024,Loppa,Troms og Finnmark,Nord-Norge,900,Work practice,granted,200000,100000,new,no,{title},{note}")
}

/// A demo copy where astrid has stored Kari Nordmann's contact details.
fn study_with_contact(home: &Path) -> tempfile::TempDir {
    let study = common::demo_copy();
    let add = casebook(
        study.path(),
        home,
        &[
            "informant",
            "add",
            "--case",
            "p2019-036",
            "--role",
            "adviser",
            "--name",
            "Kari Nordmann",
            "--email",
            "kari@example.no",
            "--phone",
            "+47 934 56 789",
        ],
    );
    assert!(add.status.success(), "{}", out(&add));
    study
}

#[test]
fn a_title_or_attribute_holding_a_stored_contacts_detail_refuses_the_import_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let study = study_with_contact(home.path());
    let csv = format!(
        "{HEADER},note\n{}\n{}\n{}\n",
        row("Z1", "P-Z1", "Arbeidstrening ved kari  nordmann", "ordinary"),
        row("Z2", "P-Z2", "Arbeidstrening", "ring 93456789 ved spørsmål"),
        row("Z3", "P-Z3", "Skriv til kari(at)example.no", ""),
    );
    fs::write(study.path().join("pool.csv"), csv).unwrap();
    let before = shared(study.path());
    let refused = casebook(study.path(), home.path(), &["import", "pool", "pool.csv"]);
    let said = out(&refused);
    assert_eq!(refused.status.code(), Some(1), "{said}");
    for expected in [
        "pool.csv:2: title: holds a stored contact's name",
        "pool.csv:3: note: holds a stored contact's phone number",
        "pool.csv:4: title: holds a stored contact's e-mail address",
        "nothing was imported",
    ] {
        assert!(said.contains(expected), "expected `{expected}` in:\n{said}");
    }
    for detail in ["ordmann", "93456789", "example"] {
        assert!(!said.contains(detail), "the detail is never repeated:\n{said}");
    }
    assert_eq!(shared(study.path()), before, "nothing written");

    // The same rows without the details import: the refusal was theirs.
    let clean = format!(
        "{HEADER},note\n{}\n{}\n",
        row("Z1", "P-Z1", "Arbeidstrening i Loppa", "ordinary"),
        row("Z2", "P-Z2", "Arbeidstrening", "ring kommunen ved spørsmål"),
    );
    fs::write(study.path().join("pool.csv"), clean).unwrap();
    let imported = casebook(study.path(), home.path(), &["import", "pool", "pool.csv"]);
    assert_eq!(imported.status.code(), Some(0), "{}", out(&imported));
}
