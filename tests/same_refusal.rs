//! The command line and the TUI refuse the same bad change with the same
//! words, because both ask the operations layer: a file with git conflict
//! markers, a file changed on disk since it was loaded, and a file that is
//! not the changer's to write.

mod common;

use casebook::domain::*;
use casebook::ops::{commit, stage::move_stage, Ctx};
use casebook::store::identity::Config;
use casebook::store::{load, Layout};
use casebook::tui::action::{Action, Screen};
use casebook::tui::app::App;
use casebook::tui::effects::carry_out;
use casebook::tui::screens::review::queue as queue_rows;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fs;
use std::path::Path;

fn app_as(dir: &Path, me: &str) -> App {
    let layout = Layout::new(dir);
    let loaded = load(&layout);
    App::on_loaded(layout, loaded, Some(ResearcherId::new(me)), Config::default())
}

/// What the CLI printed after `casebook: `, on its first line.
fn cli_message(output: &std::process::Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    stderr
        .lines()
        .find_map(|l| l.strip_prefix("casebook: "))
        .unwrap_or_default()
        .to_string()
}

/// A message of the TUI with the study's folder as the CLI (run inside it) names it.
fn relative(dir: &Path, message: &str) -> String {
    message.replace(&format!("{}/", dir.display()), "")
}

/// Puts git conflict markers into astrid's review of her first queued case.
fn conflicted_review(dir: &Path) -> (CaseId, std::path::PathBuf, String) {
    let layout = Layout::new(dir);
    let data = load(&layout).data;
    let astrid = ResearcherId::new("astrid");
    let case = data
        .cases
        .values()
        .find(|c| c.case.reviewers.contains(&astrid) && c.reviews.contains_key(&astrid))
        .unwrap()
        .case
        .id
        .clone();
    let path = layout.review_file(&case, &astrid);
    let conflicted = common::put_conflict_markers(&path);
    (case, path, conflicted)
}

#[test]
fn a_review_file_with_conflict_markers_is_refused_alike_and_left_as_it_is() {
    let study = common::demo_copy();
    let (case, path, conflicted) = conflicted_review(study.path());

    let output = common::casebook_as(
        study.path(),
        Some("astrid"),
        &["review", case.as_str(), "transferability=5"],
    );
    assert_eq!(output.status.code(), Some(1));
    let cli = cli_message(&output);
    assert!(
        cli.starts_with(&format!(
            "cases/{case}/review.astrid.ron: not written: it failed to load"
        )),
        "{cli}"
    );

    let mut app = app_as(study.path(), "astrid");
    app.update(Action::GoTo(Screen::Review));
    let index = queue_rows(&app).iter().position(|c| *c == case).unwrap();
    app.screens.review.queue_cursor.selected = index;
    app.update(Action::Open);
    let effects = app.handle_key(KeyEvent::new(KeyCode::Char('5'), KeyModifiers::NONE));
    assert!(effects.is_empty(), "nothing to write");
    assert_eq!(relative(study.path(), &app.message.clone().unwrap_or_default()), cli);
    assert_eq!(fs::read_to_string(&path).unwrap(), conflicted, "the file is untouched");
}

#[test]
fn a_file_changed_on_disk_since_it_was_loaded_is_refused_alike() {
    let study = common::demo_copy();
    let layout = Layout::new(study.path());
    let case = CaseId::new("p2019-014");
    let path = layout.case_file(&case);

    // The command line's way: load, change, and commit, after someone else wrote the file.
    let loaded = load(&layout);
    let (mut data, mut stamps) = (loaded.data, loaded.stamps);
    let me = ResearcherId::new("astrid");
    let ctx = Ctx::now(&layout, Some(&me), &loaded.failed);
    let change = move_stage(&ctx, &mut data, &case, Stage::Dropped, "Too old").unwrap();
    let mut app = app_as(study.path(), "astrid");
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replacen("title: \"", "title: \"Renamed: ", 1);
    fs::write(&path, &theirs).unwrap();
    let cli = commit(&mut stamps, &change).unwrap_err().to_string();

    // The TUI's way: the same move through the update function and its effects.
    let effects = app.apply(|ctx, data| move_stage(ctx, data, &case, Stage::Dropped, "Too old"));
    for effect in effects {
        carry_out(&mut app, effect);
    }
    let tui = app.message.clone().unwrap_or_default();
    assert!(tui.contains(&cli), "TUI: {tui}\nCLI: {cli}");
    assert!(cli.contains("changed on disk since it was loaded"), "{cli}");
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
    assert_eq!(app.unsaved.len(), 1, "mine is kept");
}

#[test]
fn study_ron_is_the_leads_and_an_import_that_would_change_it_says_so() {
    let study = common::demo_copy();
    let csv = study.path().join("pool.csv");
    fs::write(
        &csv,
        "application_id,project_id,year,municipality,county,region,population,focus_area,status,amount_applied,amount_granted,kind,pilot,title\n\
         X0001,X-0001,2024,Loppa,Troms og Finnmark,Nord-Norge,900,Language cafés,granted,100000,90000,new,no,Project in Loppa\n",
    )
    .unwrap();
    let before = fs::read_to_string(study.path().join("cases/study.ron")).unwrap();
    let output = common::casebook_as(study.path(), Some("cora"), &["import", "pool", "pool.csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        cli_message(&output),
        "cases/study.ron: not written: only the study's lead, astrid, changes it"
    );
    assert_eq!(
        fs::read_to_string(study.path().join("cases/study.ron")).unwrap(),
        before
    );
    assert!(!study.path().join("cases/x-0001").exists(), "nothing was imported");
    let lead = common::casebook_as(study.path(), Some("astrid"), &["import", "pool", "pool.csv"]);
    assert_eq!(lead.status.code(), Some(0), "{}", String::from_utf8_lossy(&lead.stderr));
}
