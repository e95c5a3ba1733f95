//! Privacy through the real binary: contact details typed into a shared
//! file's free text are refused when written (and never quoted back); a pool
//! export's personal columns are refused unless dropped; the private store
//! follows the study's id when the folder moves; and git never sees it.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::astrid_at_home as casebook;

fn out(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Every file under `cases/` with its bytes.
fn shared(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    common::files_under(&dir.join("cases"))
        .into_iter()
        .map(|f| (f.clone(), fs::read(dir.join("cases").join(&f)).unwrap()))
        .collect()
}

/// A demo copy with one stored contact, INF-astrid-01 in p2019-036.
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
fn contact_details_in_free_text_are_refused_when_written_and_never_quoted() {
    let home = tempfile::tempdir().unwrap();
    let study = study_with_contact(home.path());
    let before = shared(study.path());
    let attempts: [(&[&str], &str, &str); 5] = [
        (
            &["informant", "add", "--case", "p2019-036", "--role", "Kari  Nordmann"],
            "the role holds a stored contact's name",
            "Nordmann",
        ),
        (
            &[
                "informant",
                "add",
                "--case",
                "p2019-036",
                "--role",
                "rektor",
                "--organisation",
                "ring 93456789",
            ],
            "the organisation holds a stored contact's phone number",
            "93456789",
        ),
        (
            &[
                "informant",
                "status",
                "INF-astrid-01",
                "contacted",
                "--note",
                "wrote kari(at)example.no",
            ],
            "the note holds a stored contact's e-mail address",
            "example",
        ),
        (
            &["stage", "p2019-037", "reserve", "--reason", "ask per [at] nav [dot] no"],
            "the reason holds an e-mail address",
            "nav",
        ),
        (
            &[
                "informant",
                "add",
                "--case",
                "p2019-036",
                "--role",
                "Ola Olsen",
                "--name",
                "Ola Olsen",
            ],
            "the role holds a stored contact's name",
            "Olsen",
        ),
    ];
    for (args, expected, detail) in attempts {
        let output = casebook(study.path(), home.path(), args);
        let said = out(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?} is refused: {said}");
        assert!(said.contains(expected), "expected `{expected}` in: {said}");
        assert!(!said.contains(detail), "the detail is never repeated: {said}");
        assert_eq!(shared(study.path()), before, "{args:?}: no shared file changes");
    }
}

#[test]
fn a_review_remark_holding_an_e_mail_address_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let study = common::demo_copy();
    // The demo's free-text criterion.
    let criterion = "remarks";
    let me = "astrid";
    let case = common::first_assigned_case(study.path(), me);
    // Her review not yet written, so it is a draft she may change.
    fs::remove_file(study.path().join(format!("cases/{case}/review.{me}.ron"))).unwrap();
    let before = shared(study.path());
    let output = casebook(
        study.path(),
        home.path(),
        &["review", case.as_str(), &format!("{criterion}=Mail kari @ example.no")],
    );
    let said = out(&output);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains(&format!("your answer to {criterion} holds an e-mail address")),
        "{said}"
    );
    assert_eq!(shared(study.path()), before);
}

const HEADER: &str = "application_id,project_id,year,municipality,county,region,population,focus_area,status,amount_applied,amount_granted,kind,pilot,title";

fn row(application: &str, project: &str) -> String {
    format!("{application},{project},2024,Loppa,Troms og Finnmark,Nord-Norge,900,Work practice,granted,200000,100000,new,no,Project in Loppa")
}

#[test]
fn a_pool_export_with_personal_columns_is_refused_unless_they_are_dropped() {
    let home = tempfile::tempdir().unwrap();
    let study = common::demo_copy();
    let csv = format!(
        "{HEADER},contact_email,liaison,hotline,budget\n{},kari@example.no,per.olsen@nav.no,+47 934 56 789,12 000 000\n{},,x,934 56 780,800000\n",
        row("Z1", "P-Z1"),
        row("Z2", "P-Z2"),
    );
    fs::write(study.path().join("pool.csv"), csv).unwrap();
    let before = shared(study.path());
    let refused = casebook(study.path(), home.path(), &["import", "pool", "pool.csv"]);
    let said = out(&refused);
    assert_eq!(refused.status.code(), Some(1), "{said}");
    for expected in [
        "pool.csv:1: contact_email: a personal column",
        "pool.csv:2: liaison: holds an e-mail address",
        "pool.csv:2: hotline: holds what look like personal phone numbers",
        "--drop-column contact_email",
    ] {
        assert!(said.contains(expected), "expected `{expected}` in:\n{said}");
    }
    assert!(!said.contains("budget"), "amounts are not phone numbers:\n{said}");
    assert_eq!(shared(study.path()), before, "nothing written");

    let dropped = casebook(
        study.path(),
        home.path(),
        &[
            "import",
            "pool",
            "pool.csv",
            "--drop-column",
            "contact_email",
            "--drop-column",
            "LIAISON",
            "--drop-column",
            "hotline",
        ],
    );
    assert_eq!(dropped.status.code(), Some(0), "{}", out(&dropped));
    let case = fs::read_to_string(study.path().join("cases/P-Z1/case.ron")).unwrap();
    assert!(case.contains("\"budget\""), "other columns are kept:\n{case}");
    for (path, bytes) in shared(study.path()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains('@') && !text.contains("934 56"),
            "{} holds contact details",
            path.display()
        );
    }
}

/// The study's `study.ron` with `field: old` replaced.
fn edit_study(dir: &Path, old: &str, new: &str) {
    let path = dir.join("cases/study.ron");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(old), "{old} in study.ron");
    fs::write(&path, text.replacen(old, new, 1)).unwrap();
}

#[test]
fn after_the_study_folder_moves_purge_finds_and_deletes_its_contacts() {
    let home = tempfile::tempdir().unwrap();
    let parent = tempfile::tempdir().unwrap();
    let study = parent.path().join("study");
    common::copy_tree(common::demo_copy().path(), &study);
    // A study from before ids: the lead's migrate gives it one.
    let migrated = casebook(&study, home.path(), &["migrate"]);
    assert!(migrated.status.success(), "{}", out(&migrated));
    assert!(fs::read_to_string(study.join("cases/study.ron"))
        .unwrap()
        .contains("    id: \""));
    let add = casebook(
        &study,
        home.path(),
        &[
            "informant",
            "add",
            "--case",
            "p2019-036",
            "--role",
            "adviser",
            "--name",
            "Kari Nordmann",
        ],
    );
    assert!(add.status.success(), "{}", out(&add));
    // Opened once where it is, so the store knows its folder.
    assert!(casebook(&study, home.path(), &["check"]).status.success());

    let moved = parent.path().join("study-moved");
    fs::rename(&study, &moved).unwrap();
    edit_study(
        &moved,
        "deletion_date: Some(\"2026-12-31\")",
        "deletion_date: Some(\"2021-01-01\")",
    );
    let check = casebook(&moved, home.path(), &["check"]);
    let said = out(&check);
    assert!(said.contains("personal data was to be deleted by 2021-01-01"), "{said}");
    assert!(
        said.contains("the study is now at") && said.contains("found them by its id"),
        "{said}"
    );

    let purge = casebook(&moved, home.path(), &["purge-contacts", "--yes"]);
    let said = out(&purge);
    assert_eq!(purge.status.code(), Some(0), "{said}");
    assert!(
        said.contains("looked in") && said.contains("kept under the study's id"),
        "{said}"
    );
    assert!(said.contains("deleted") && said.contains("(1 contacts)"), "{said}");
    let left: Vec<_> = common::files_under(&home.path().join("data"))
        .into_iter()
        .filter(|f| f.ends_with("contacts.ron"))
        .collect();
    assert!(left.is_empty(), "no contacts file is left: {left:?}");
}

#[test]
fn a_store_kept_under_the_folders_path_moves_to_the_study_id_losing_nothing() {
    let home = tempfile::tempdir().unwrap();
    let study = study_with_contact(home.path());
    let stores = |home: &Path| -> Vec<PathBuf> {
        common::files_under(&home.join("data"))
            .into_iter()
            .filter(|f| f.ends_with("contacts.ron"))
            .collect()
    };
    let before = stores(home.path());
    assert_eq!(before.len(), 1, "{before:?}");
    let text = fs::read_to_string(home.path().join("data").join(&before[0])).unwrap();
    edit_study(
        study.path(),
        "format_version: 2,",
        "format_version: 2,\n    id: Some(\"abc123\"),",
    );
    let check = casebook(study.path(), home.path(), &["check"]);
    assert!(
        out(&check).contains("your private contacts moved from"),
        "{}",
        out(&check)
    );
    let after = stores(home.path());
    assert_eq!(after.len(), 1, "{after:?}");
    assert!(after[0].starts_with("casebook/studies/id-abc123"), "{after:?}");
    assert_eq!(
        fs::read_to_string(home.path().join("data").join(&after[0])).unwrap(),
        text
    );
}

fn git(dir: &Path, home: &Path, args: &[&str]) -> Output {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("HOME", home)
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@t")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@t")
        .output()
        .expect("git");
    assert!(output.status.success(), "git {args:?}: {}", out(&output));
    output
}

#[test]
fn a_private_folder_without_an_ignore_rule_never_reaches_git() {
    let home = tempfile::tempdir().unwrap();
    let study = common::demo_copy();
    git(study.path(), home.path(), &["init", "-q", "."]);
    fs::create_dir(study.path().join("private")).unwrap();
    assert!(!study.path().join(".gitignore").exists());
    let add = casebook(
        study.path(),
        home.path(),
        &[
            "informant",
            "add",
            "--case",
            "p2019-036",
            "--role",
            "adviser",
            "--name",
            "Kari Nordmann",
            "--phone",
            "93456789",
        ],
    );
    assert!(add.status.success(), "{}", out(&add));
    assert!(study.path().join("private/contacts.ron").exists());
    git(study.path(), home.path(), &["add", "-A"]);
    let staged = git(study.path(), home.path(), &["diff", "--cached", "--name-only"]);
    let staged = String::from_utf8_lossy(&staged.stdout);
    assert!(staged.contains("cases/"), "the study itself is staged");
    assert!(!staged.contains("private"), "nothing private is staged:\n{staged}");
}

#[test]
fn a_contacts_file_git_already_tracks_is_never_written() {
    let home = tempfile::tempdir().unwrap();
    let study = common::demo_copy();
    git(study.path(), home.path(), &["init", "-q", "."]);
    fs::create_dir(study.path().join("private")).unwrap();
    fs::write(study.path().join("private/contacts.ron"), "Contacts(contacts: {})\n").unwrap();
    git(study.path(), home.path(), &["add", "private/contacts.ron"]);
    let add = casebook(
        study.path(),
        home.path(),
        &[
            "informant",
            "add",
            "--case",
            "p2019-036",
            "--role",
            "adviser",
            "--name",
            "Kari Nordmann",
        ],
    );
    assert_eq!(add.status.code(), Some(1), "{}", out(&add));
    assert!(out(&add).contains("is tracked by git"), "{}", out(&add));
    let text = fs::read_to_string(study.path().join("private/contacts.ron")).unwrap();
    assert!(!text.contains("Kari"), "nothing personal written:\n{text}");
    assert!(
        !study
            .path()
            .join("cases/p2019-036/informants/INF-astrid-01.ron")
            .exists(),
        "nor the informant without the contact"
    );
}

#[test]
fn check_finds_details_however_they_are_written_and_names_only_their_place_and_kind() {
    let home = tempfile::tempdir().unwrap();
    let study = study_with_contact(home.path());
    let status = study
        .path()
        .join("cases/p2019-036/informants/INF-astrid-01.status.astrid.ron");
    let text = fs::read_to_string(&status).unwrap();
    // Each leak on a line of its own, with where in it the detail starts.
    let leaks = [
        ("ring 93456789", 5, "a stored contact's phone number"),
        ("skriv kari(at)example.no", 6, "a stored contact's e-mail address"),
        ("spør KARI   NORDMANN", 5, "a stored contact's name"),
        ("per @ bærum.kommune.no", 0, "an e-mail address"),
    ];
    let note: Vec<&str> = leaks.iter().map(|(leak, _, _)| *leak).collect();
    let leaked = text.replacen("note: \"\"", &format!("note: \"{}\"", note.join("\n")), 1);
    assert_ne!(leaked, text);
    fs::write(&status, &leaked).unwrap();
    let check = casebook(study.path(), home.path(), &["check"]);
    let said = String::from_utf8_lossy(&check.stdout).to_string();
    assert_eq!(check.status.code(), Some(1), "{said}");
    for (leak, offset, kind) in leaks {
        let (index, text_line) = leaked.lines().enumerate().find(|(_, l)| l.contains(leak)).unwrap();
        let column = text_line[..text_line.find(leak).unwrap()].chars().count() + offset + 1;
        let expected = format!(
            "INF-astrid-01.status.astrid.ron:{}:{column}: {kind} in a shared file",
            index + 1
        );
        assert!(said.contains(&expected), "expected `{expected}` in:\n{said}");
    }
    for quoted in ["93456789", "example", "NORDMANN", "bærum"] {
        assert!(!said.contains(quoted), "`{quoted}` is never repeated:\n{said}");
    }
}
