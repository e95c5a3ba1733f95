//! The blind rule, checked against every reader: while my review of a case
//! is a draft, nothing of the other review reaches me through the queue, the
//! form, the conflicts list, `casebook conflicts` or agreement; and nobody
//! sees my draft.

mod common;
#[path = "tui_common.rs"]
mod tui_common;

use casebook::analysis::conflicts::case_conflicts;
use casebook::analysis::review_agreement::study_agreement;
use casebook::domain::blind::{visible_reviews, visible_to};
use casebook::domain::*;
use casebook::store::identity::Config;
use casebook::store::{load, save_value, Layout, Stamps};
use casebook::tui::action::{Action, Screen};
use casebook::tui::app::App;
use casebook::tui::screens::review::{conflict_rows, queue as queue_rows, ReviewView};
use tui_common::screen_text;

/// A copy of the demo where astrid's review of a case with conflicts is put
/// back to a draft, on disk; gives the case and the other reviewer.
fn astrids_draft_against_a_submitted_review() -> (tempfile::TempDir, CaseId, ResearcherId) {
    let dir = common::demo_copy();
    let layout = Layout::new(dir.path());
    let loaded = load(&layout);
    let astrid = ResearcherId::new("astrid");
    let case = loaded
        .data
        .cases
        .values()
        .find(|c| c.reviews.contains_key(&astrid) && !case_conflicts(&loaded.data.study, c, None).is_empty())
        .expect("a case of astrid's with conflicts");
    let other = case.reviews.keys().find(|r| **r != astrid).unwrap().clone();
    let mut draft = case.reviews[&astrid].clone();
    draft.submitted = None;
    let mut stamps: Stamps = loaded.stamps.clone();
    save_value(&mut stamps, &layout.review_file(&case.case.id, &astrid), &draft).unwrap();
    (dir, case.case.id.clone(), other)
}

fn app_as(dir: &std::path::Path, me: &str) -> App {
    let layout = Layout::new(dir);
    let loaded = load(&layout);
    App::on_loaded(layout, loaded, Some(ResearcherId::new(me)), Config::default())
}

#[test]
fn visible_to_shows_my_own_review_always_others_drafts_never_and_the_other_review_after_mine() {
    let (dir, case, other) = astrids_draft_against_a_submitted_review();
    let data = load(&Layout::new(dir.path())).data;
    let case = &data.cases[&case];
    let astrid = ResearcherId::new("astrid");
    let (mine, theirs) = (&case.reviews[&astrid], &case.reviews[&other]);
    assert!(visible_to(Some(&astrid), case, mine), "my draft is mine to see");
    assert!(
        !visible_to(Some(&astrid), case, theirs),
        "blind until mine is submitted"
    );
    assert!(!visible_to(Some(&other), case, mine), "a draft is nobody else's");
    assert!(visible_to(Some(&other), case, theirs));
    assert!(
        !visible_to(None, case, mine),
        "the lead and scripts see submitted reviews only"
    );
    assert!(visible_to(None, case, theirs));
    let outsider = ["astrid", "brage", "cora"]
        .into_iter()
        .map(ResearcherId::new)
        .find(|r| !case.reviews.contains_key(r) && !case.case.reviewers.contains(r))
        .unwrap();
    assert!(visible_to(Some(&outsider), case, theirs));
    assert!(!visible_to(Some(&outsider), case, mine));
    assert_eq!(visible_reviews(Some(&astrid), case).count(), 1);
}

#[test]
fn a_draft_shows_nothing_of_the_other_review_on_any_screen_or_command() {
    let (dir, case, other) = astrids_draft_against_a_submitted_review();
    let mut app = app_as(dir.path(), "astrid");
    app.update(Action::GoTo(Screen::Review));

    // The conflicts list: no conflict of the case, for me or for anyone.
    assert!(conflict_rows(&app).iter().all(|(c, _, _)| c != &case));
    assert!(case_conflicts(&app.data.study, &app.data.cases[&case], None).is_empty());
    app.update(Action::ShowConflicts);
    let screen = screen_text(&app, 160, 48);
    assert!(!screen.contains(case.as_str()), "{screen}");

    // The queue: my draft, the other reviewer's state hidden.
    app.update(Action::ShowQueue);
    let index = queue_rows(&app).iter().position(|c| *c == case).unwrap();
    app.screens.review.queue_cursor.selected = index;
    let screen = screen_text(&app, 160, 48);
    let row = screen.lines().find(|l| l.contains(case.as_str())).unwrap();
    assert!(row.contains("draft") && row.contains("hidden"), "{row}");

    // The form: my answers, none of theirs.
    app.update(Action::Open);
    assert_eq!(app.screens.review.view, ReviewView::Form);
    let screen = screen_text(&app, 160, 48);
    assert!(screen.contains("mine:"), "{screen}");
    assert!(
        !screen.contains(&format!("{other}:")),
        "the other review shows:\n{screen}"
    );

    // Agreement: the case counts for nobody while one review is a draft.
    let funded = app.data.cases.values().filter(|c| c.case.is_funded()).count();
    for viewer in [Some(ResearcherId::new("astrid")), Some(other.clone()), None] {
        let agreement = study_agreement(&app.data, viewer.as_ref());
        assert_eq!(agreement[0].units, funded - 1, "as {viewer:?}");
    }

    // `casebook conflicts`, as me and as nobody in particular.
    for user in [Some("astrid"), None] {
        let output = common::casebook_as(dir.path(), user, &["conflicts", "--json"]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let listed: Vec<&str> = json["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["case"].as_str())
            .collect();
        assert!(!listed.contains(&case.as_str()), "as {user:?}: {listed:?}");
    }
}
