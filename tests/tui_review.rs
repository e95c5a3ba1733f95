//! The Review screen driven through keys: answering and submitting a review,
//! the blind rule, and resolving a conflict.

#[path = "tui_common.rs"]
mod tui_common;

use casebook::domain::*;
use casebook::tui::action::{Action, Screen};
use casebook::tui::app::{App, Effect, Popup};
use casebook::tui::screens::review::ReviewView;
use chrono::DateTime;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_common::{demo_app, first_queued_case, screen_text, single_write};

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn fixed_now() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2025-02-10T09:30:00+01:00").unwrap()
}

/// The demo as astrid, with her review of her first queued case taken away
/// (as if not yet started) and the other reviewer's remark made recognisable.
fn astrid_with_a_fresh_case() -> (App, CaseId) {
    let mut app = demo_app(Some("astrid"));
    app.now = fixed_now;
    let me = ResearcherId::new("astrid");
    let case = first_queued_case(&app, &me);
    let data = app.data_mut().cases.get_mut(&case).unwrap();
    data.reviews.remove(&me);
    data.resolutions.clear();
    for review in data.reviews.values_mut() {
        review.answers.insert(
            CriterionId::new("remarks"),
            Answer::Text("SECRET-REMARK of the other reviewer".into()),
        );
    }
    app.update(Action::GoTo(Screen::Review));
    (app, case)
}

#[test]
fn a_review_is_hidden_until_mine_is_submitted() {
    let (mut app, case) = astrid_with_a_fresh_case();
    for view in [Action::ShowQueue, Action::ShowConflicts, Action::ShowAgreement] {
        app.update(view);
        assert!(!screen_text(&app, 120, 40).contains("SECRET-REMARK"));
    }
    app.update(Action::ShowQueue);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screens.review.view, ReviewView::Form);
    assert_eq!(app.screens.review.case.as_ref(), Some(&case));
    let screen = screen_text(&app, 120, 40);
    assert!(
        !screen.contains("SECRET-REMARK"),
        "the other review shows before mine is submitted:\n{screen}"
    );
    assert!(screen.contains("stays hidden"), "{screen}");
    // Agreement counts a case only once two reviews are in, so mine missing keeps it out.
    let as_me = casebook::analysis::review_agreement::study_agreement(&app.data, app.me.as_ref());
    let funded = app.data.cases.values().filter(|c| c.case.is_funded()).count();
    assert_eq!(as_me[0].units, funded - 1);
}

#[test]
fn answering_with_digits_and_letters_saves_a_draft_at_once_and_submitting_asks_first() {
    let (mut app, case) = astrid_with_a_fresh_case();
    press(&mut app, KeyCode::Enter);
    // transferability, evaluation_quality, innovation: 1-7; continuation: y/n; recommend: yes/maybe/no.
    let effects = app.handle_key(key('6'));
    let (path, review) = single_write::<Review>(&effects);
    assert!(path.ends_with(format!("cases/{case}/review.astrid.ron")), "{path:?}");
    assert_eq!(review.case, case);
    assert_eq!(
        review.answers.get(&CriterionId::new("transferability")),
        Some(&Answer::Point(6))
    );
    assert!(!review.is_submitted(), "a draft until submitted");
    assert_eq!(
        app.screens.review.criterion, 1,
        "the cursor moves on to the next criterion"
    );
    assert!(app.handle_key(key('9')).is_empty(), "9 is off the 1-7 scale");
    assert!(app
        .message
        .as_deref()
        .unwrap_or_default()
        .contains("not on the scale 1..7"));
    app.handle_key(key('4'));
    app.handle_key(key('5'));
    app.handle_key(key('y'));
    app.handle_key(key('m'));
    // A free-text remark in the editor.
    press(&mut app, KeyCode::Enter);
    assert!(app.input.is_some(), "Enter opens the editor on a free-text criterion");
    for c in "Solid final report.".chars() {
        app.handle_key(key(c));
    }
    let effects = app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    single_write::<Review>(&effects);
    let review = &app.data.cases[&case].reviews[&ResearcherId::new("astrid")];
    assert_eq!(
        review.answers.get(&CriterionId::new("recommend")),
        Some(&Answer::Category("maybe".into()))
    );
    assert_eq!(
        review.answers.get(&CriterionId::new("remarks")),
        Some(&Answer::Text("Solid final report.".into()))
    );

    app.handle_key(key('S'));
    assert!(
        matches!(app.popup, Some(Popup::Confirm { .. })),
        "submitting asks first"
    );
    let effects = app.handle_key(key('y'));
    let (_, review) = single_write::<Review>(&effects);
    assert_eq!(review.submitted, Some(fixed_now()));
    let screen = screen_text(&app, 120, 40);
    assert!(
        screen.contains("SECRET-REMARK"),
        "after submitting, the other review shows:\n{screen}"
    );
    // A submitted review no longer changes.
    app.screens.review.criterion = 0;
    assert!(app.handle_key(key('1')).is_empty());
}

#[test]
fn submitting_with_answers_missing_says_which() {
    let (mut app, _) = astrid_with_a_fresh_case();
    press(&mut app, KeyCode::Enter);
    app.handle_key(key('5'));
    app.handle_key(key('S'));
    assert_eq!(app.popup, None);
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("missing: evaluation_quality, innovation, continuation, recommend"),
        "{message}"
    );
}

#[test]
fn an_open_conflict_is_resolved_with_a_value_and_a_note() {
    let mut app = demo_app(Some("brage"));
    app.now = fixed_now;
    app.update(Action::GoTo(Screen::Review));
    app.update(Action::ShowConflicts);
    let rows = casebook::tui::screens::review::conflict_rows(&app);
    let index = rows
        .iter()
        .position(|(_, _, resolved)| !resolved)
        .expect("the demo has an open conflict");
    let (case, conflict, _) = rows[index].clone();
    app.screens.review.conflicts_cursor.selected = index;
    press(&mut app, KeyCode::Enter);
    assert!(app.input.is_some());
    let value = match &conflict.first.1 {
        Answer::Point(p) => p.to_string(),
        Answer::Category(c) => c.clone(),
        Answer::YesNo(true) => "yes".into(),
        Answer::YesNo(false) => "no".into(),
        Answer::Text(t) => t.clone(),
    };
    for c in value.chars() {
        app.handle_key(key(c));
    }
    press(&mut app, KeyCode::Enter);
    for c in "Read the report again".chars() {
        app.handle_key(key(c));
    }
    let effects = press(&mut app, KeyCode::Enter);
    let (path, resolution) = single_write::<Resolution>(&effects);
    assert!(path.ends_with(format!("cases/{case}/resolution.brage.ron")), "{path:?}");
    assert_eq!(resolution.case, case);
    let resolved = &resolution.resolved[&conflict.criterion];
    assert_eq!(resolved.value, conflict.first.1);
    assert_eq!(resolved.by.as_str(), "brage");
    assert_eq!(resolved.note, "Read the report again");
    assert_eq!(resolved.at, fixed_now());
    let after = casebook::tui::screens::review::conflict_rows(&app);
    assert!(after
        .iter()
        .any(|(c, k, resolved)| c == &case && k.criterion == conflict.criterion && *resolved));
}

#[test]
fn on_a_scale_past_nine_two_digits_make_one_point() {
    let (mut app, case) = astrid_with_a_fresh_case();
    app.data_mut().study.criteria[0].scale = Scale::Ordinal { min: 1, max: 10 };
    press(&mut app, KeyCode::Enter);
    app.handle_key(key('1'));
    assert_eq!(app.screens.review.criterion, 0, "1 may begin 10: the cursor waits");
    app.handle_key(key('0'));
    assert_eq!(app.screens.review.criterion, 1);
    let answers = &app.data.cases[&case].reviews[&ResearcherId::new("astrid")].answers;
    assert_eq!(
        answers.get(&CriterionId::new("transferability")),
        Some(&Answer::Point(10))
    );
    // A single 7 is 7 at once; 1 followed by a move stays 1.
    app.handle_key(key('7'));
    assert_eq!(app.screens.review.criterion, 2);
    app.update(Action::Up);
    app.update(Action::Up);
    app.handle_key(key('1'));
    app.update(Action::Down);
    let answers = &app.data.cases[&case].reviews[&ResearcherId::new("astrid")].answers;
    assert_eq!(
        answers.get(&CriterionId::new("transferability")),
        Some(&Answer::Point(1))
    );
}
