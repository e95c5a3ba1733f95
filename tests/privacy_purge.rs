//! `purge-contacts` once the deletion date has passed leaves nothing of the
//! study's private store: the contacts, the private note drafts beside
//! them, the store's `.gitignore` and `study-folder`, and its folder all go.
//! What casebook did not write there stays, and is named; a study's own
//! `private/` folder stays with its ignore rule.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::astrid_at_home as casebook;

fn out(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A demo copy whose deletion date has passed, where astrid has stored one
/// contact and opened the study once (so the store records its folder);
/// the store is in the study's own `private/` folder when `inside`.
fn study_past_its_deletion_date(home: &Path, inside: bool) -> tempfile::TempDir {
    let study = common::demo_copy();
    if inside {
        fs::create_dir(study.path().join("private")).unwrap();
    }
    let path = study.path().join("cases/study.ron");
    let text = fs::read_to_string(&path).unwrap();
    let start = text.find("deletion_date: ").unwrap();
    let end = start + text[start..].find('\n').unwrap();
    fs::write(
        &path,
        format!("{}deletion_date: Some(\"2021-01-01\"),{}", &text[..start], &text[end..]),
    )
    .unwrap();
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
            "--phone",
            "+47 934 56 789",
        ],
    );
    assert!(add.status.success(), "{}", out(&add));
    let check = casebook(study.path(), home, &["check"]);
    assert!(out(&check).contains("to be deleted"), "{}", out(&check));
    study
}

/// The one store folder under the user's data folder.
fn store_folder(home: &Path) -> PathBuf {
    let studies = home.join("data/casebook/studies");
    let folders: Vec<PathBuf> = fs::read_dir(&studies).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(folders.len(), 1, "{folders:?}");
    folders[0].clone()
}

/// A private draft of interview notes, as the interview screen keeps one
/// when a note holds a contact detail.
fn put_draft(store: &Path) {
    fs::create_dir_all(store.join("drafts")).unwrap();
    fs::write(
        store.join("drafts/p2019-036.IV-astrid-01.astrid.ron"),
        "(notes: {}, outside: [], at_question: None)\n",
    )
    .unwrap();
}

#[test]
fn a_purge_past_the_deletion_date_leaves_nothing_of_the_store_under_the_data_folder() {
    let home = tempfile::tempdir().unwrap();
    let study = study_past_its_deletion_date(home.path(), false);
    let store = store_folder(home.path());
    put_draft(&store);
    for name in ["contacts.ron", ".gitignore", "study-folder", "drafts"] {
        assert!(store.join(name).exists(), "{name} is there before the purge");
    }

    let purged = casebook(study.path(), home.path(), &["purge-contacts", "--yes"]);
    let said = out(&purged);
    assert_eq!(purged.status.code(), Some(0), "{said}");
    assert!(
        said.contains("(1 contacts), 1 private note draft(s) and the store's folder"),
        "{said}"
    );
    assert!(
        !store.exists(),
        "the store's folder is gone: {:?}",
        common::files_under(&store)
    );
    assert!(
        fs::read_dir(home.path().join("data/casebook/studies"))
            .unwrap()
            .next()
            .is_none(),
        "nothing of any store remains"
    );

    // A second purge has nothing left to delete, and the study still opens cleanly.
    let again = casebook(study.path(), home.path(), &["purge-contacts", "--yes"]);
    assert_eq!(again.status.code(), Some(0), "{}", out(&again));
    assert!(out(&again).contains("nothing to delete"), "{}", out(&again));
    let check = casebook(study.path(), home.path(), &["check"]);
    assert!(!out(&check).contains("to be deleted"), "{}", out(&check));
}

#[test]
fn what_casebook_did_not_write_in_the_store_stays_and_is_named() {
    let home = tempfile::tempdir().unwrap();
    let study = study_past_its_deletion_date(home.path(), false);
    let store = store_folder(home.path());
    fs::write(store.join("my-notes.txt"), "mine").unwrap();

    let purged = casebook(study.path(), home.path(), &["purge-contacts", "--yes"]);
    let said = out(&purged);
    assert_eq!(purged.status.code(), Some(0), "{said}");
    assert!(
        said.contains("stays: it still holds my-notes.txt (not written there by casebook)"),
        "{said}"
    );
    assert_eq!(
        common::files_under(&store),
        vec![PathBuf::from("my-notes.txt")],
        "only the file casebook did not write is left"
    );
}

#[test]
fn a_studys_own_private_folder_keeps_only_its_ignore_rule() {
    let home = tempfile::tempdir().unwrap();
    let study = study_past_its_deletion_date(home.path(), true);
    let private = study.path().join("private");
    put_draft(&private);

    let purged = casebook(study.path(), home.path(), &["purge-contacts", "--yes"]);
    let said = out(&purged);
    assert_eq!(purged.status.code(), Some(0), "{said}");
    assert!(said.contains("stays with its .gitignore"), "{said}");
    assert_eq!(common::files_under(&private), vec![PathBuf::from(".gitignore")]);
    let again = casebook(study.path(), home.path(), &["purge-contacts", "--yes"]);
    assert!(out(&again).contains("nothing to delete"), "{}", out(&again));
}

#[test]
fn typed_text_kept_in_the_recovery_folder_for_this_study_goes_with_the_contacts() {
    let home = tempfile::tempdir().unwrap();
    let study = study_past_its_deletion_date(home.path(), false);
    // What the TUI keeps when it cannot save: named after the file it was for.
    let recovery = home.path().join("data/casebook/recovery/20250601-101500");
    fs::create_dir_all(&recovery).unwrap();
    let interview = study.path().join("cases/p2019-036/interviews/INT-02.ron");
    let mine = casebook::store::recovery::recovery_name(&interview);
    fs::write(recovery.join(&mine), "notes typed in the interview").unwrap();
    let elsewhere = recovery.join("_some_other_study_cases_x_interviews_INT-01.ron");
    fs::write(&elsewhere, "another study's text").unwrap();
    let purged = casebook(study.path(), home.path(), &["purge-contacts", "--yes"]);
    assert!(purged.status.success(), "{}", out(&purged));
    assert!(
        out(&purged).contains("deleted 1 unsaved text(s) of this study"),
        "{}",
        out(&purged)
    );
    assert!(!recovery.join(&mine).exists());
    assert!(elsewhere.exists(), "another study's recovery file stays");
}
