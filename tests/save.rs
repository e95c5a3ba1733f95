//! Saving never loses someone else's change: a file changed on disk since it
//! was loaded is refused, an unchanged value writes nothing, and writes are
//! atomic (no temporary file is left behind).

mod common;

use casebook::domain::Stage;
use casebook::store::{load, save_case_folder, save_value, Layout, SaveError, Saved};
use std::fs;

#[test]
fn a_file_changed_on_disk_since_loading_is_not_overwritten() {
    let dir = common::small_study();
    let layout = Layout::new(dir.path());
    let mut loaded = load(&layout);
    let id = loaded.data.cases.keys().next().unwrap().clone();
    let path = layout.case_file(&id);
    // Someone else (a git pull) changes the file.
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replacen("title: \"", "title: \"Renamed ", 1);
    fs::write(&path, &theirs).unwrap();
    let case = loaded.data.cases.get_mut(&id).unwrap();
    case.case.title.push_str(" (edited)");
    let error = save_value(&mut loaded.stamps, &path, &case.case).unwrap_err();
    assert!(matches!(error, SaveError::ChangedOnDisk(_)), "{error}");
    assert!(error.to_string().contains("changed on disk"), "{error}");
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs, "their change is kept");
}

#[test]
fn a_changed_value_is_written_and_an_unchanged_one_is_not() {
    let dir = common::small_study();
    let layout = Layout::new(dir.path());
    let mut loaded = load(&layout);
    let id = loaded.data.cases.keys().next().unwrap().clone();
    let case = loaded.data.cases.get_mut(&id).unwrap();
    assert!(save_case_folder(&layout, &mut loaded.stamps, &id, case)
        .unwrap()
        .iter()
        .all(|s| *s == Saved::Unchanged));
    case.case.stage = Stage::Dropped;
    let path = layout.case_file(&id);
    assert_eq!(
        save_value(&mut loaded.stamps, &path, &case.case).unwrap(),
        Saved::Written
    );
    assert!(fs::read_to_string(&path).unwrap().contains("stage: Dropped"));
    // A second save of the same value after our own write is fine.
    assert_eq!(
        save_value(&mut loaded.stamps, &path, &case.case).unwrap(),
        Saved::Unchanged
    );
    let leftovers: Vec<_> = common::files_under(dir.path())
        .into_iter()
        .filter(|f| f.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn a_file_someone_else_created_is_not_overwritten() {
    let dir = common::small_study();
    let layout = Layout::new(dir.path());
    let mut loaded = load(&layout);
    let id = loaded.data.cases.keys().next().unwrap().clone();
    let path = dir.path().join("cases").join(id.as_str()).join("review.someone.ron");
    fs::write(&path, "Review()").unwrap();
    let case = &loaded.data.cases[&id].case;
    assert!(matches!(
        save_value(&mut loaded.stamps, &path, case),
        Err(SaveError::CreatedOnDisk(_))
    ));
}
