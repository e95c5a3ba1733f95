//! Two researchers take notes in one interview: the note-taker's go to the
//! interview file, the second's to `<id>.notes.<researcher>.ron`. On the
//! interview screen the second researcher's notes on the current question
//! show beside the note-taker's own, and follow the question as it changes.

mod common;
#[path = "tui_common.rs"]
mod tui_common;

use casebook::domain::*;
use casebook::store::identity::Config;
use casebook::store::{load, Layout};
use casebook::tui::action::{Action, Screen};
use casebook::tui::app::App;
use chrono::{DateTime, FixedOffset};
use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
use tui_common::screen_text;

/// INT-02 in p2019-036: cora takes the notes (the interview file), astrid
/// interviews and keeps notes of her own.
const CASE: &str = "p2019-036";
const INTERVIEW: &str = "INT-02";

const ASTRIDS_NOTES: &str = r#"ResearcherNotes(
    interview: "INT-02",
    researcher: "astrid",
    notes: [
        QuestionNote(
            question: "background.role",
            covered: true,
            text: "Astrid: twelve years in the refugee service, head of unit since the grant.",
            minute: Some(3),
        ),
        QuestionNote(
            question: "background.applications",
            covered: true,
            text: "Astrid: first application needed the finance adviser's help.",
            minute: Some(5),
        ),
    ],
)
"#;

fn at_ten() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2025-06-10T10:20:30+02:00").unwrap()
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(ratatui::crossterm::event::KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// A demo copy where astrid's notes on INT-02 are in their own file, open
/// on the interview screen as `me`.
fn open_as(study: &tempfile::TempDir, me: &str) -> App {
    let notes = study
        .path()
        .join(format!("cases/{CASE}/interviews/{INTERVIEW}.notes.astrid.ron"));
    std::fs::write(notes, ASTRIDS_NOTES).unwrap();
    let layout = Layout::new(study.path());
    let loaded = load(&layout);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let mut app = App::on_loaded(layout, loaded, Some(ResearcherId::new(me)), Config::default());
    app.now = at_ten;
    app.update(Action::GoTo(Screen::Interviews));
    let rows = casebook::tui::screens::interviews::rows(&app);
    app.screens.interviews.cursor.selected = rows
        .iter()
        .position(|(case, id)| case.as_str() == CASE && id.as_str() == INTERVIEW)
        .unwrap();
    app.update(Action::Open);
    assert!(app.screens.interview.is_open(), "{:?}", app.message);
    app
}

#[test]
fn the_second_researchers_notes_show_beside_the_note_takers_on_the_same_question() {
    let study = common::demo_copy();
    let mut app = open_as(&study, "cora");
    let session = app.screens.interview.session.as_ref().unwrap();
    assert_eq!(session.question().map(QuestionId::as_str), Some("background.role"));
    assert!(
        session.editor.text().starts_with("Trained as a social worker"),
        "cora's own note is in her pane: {}",
        session.editor.text()
    );

    let screen = screen_text(&app, 160, 48);
    assert!(
        screen.contains(" The other researchers' notes on this question "),
        "{screen}"
    );
    assert!(screen.contains("astrid:"), "{screen}");
    assert!(
        screen.contains("Astrid: twelve years in the refugee service"),
        "{screen}"
    );
    assert!(screen.contains("Trained as a social worker"), "both at once: {screen}");
    assert!(
        !screen.contains("Astrid: first application"),
        "only the current question's: {screen}"
    );
    assert_snapshot!(tui_common::draw(&app, 160, 48).backend().to_string());

    // The next question: astrid's note on it replaces the first.
    app.handle_key(ctrl('n'));
    let session = app.screens.interview.session.as_ref().unwrap();
    assert_eq!(
        session.question().map(QuestionId::as_str),
        Some("background.applications")
    );
    let screen = screen_text(&app, 160, 48);
    assert!(
        screen.contains("Astrid: first application needed the finance adviser's help."),
        "{screen}"
    );
    assert!(!screen.contains("Astrid: twelve years"), "{screen}");

    // A question astrid wrote nothing on shows no panel of hers.
    app.handle_key(ctrl('n'));
    let screen = screen_text(&app, 160, 48);
    assert!(
        !screen.contains(" The other researchers' notes on this question "),
        "{screen}"
    );
}

#[test]
fn the_second_researcher_types_into_her_own_notes_not_the_note_takers() {
    let study = common::demo_copy();
    let app = open_as(&study, "astrid");
    let session = app.screens.interview.session.as_ref().unwrap();
    assert_eq!(
        session.editor.text(),
        "Astrid: twelve years in the refugee service, head of unit since the grant.",
        "her pane holds her own note"
    );
    assert_eq!(
        session.path,
        study
            .path()
            .join(format!("cases/{CASE}/interviews/{INTERVIEW}.notes.astrid.ron")),
        "her typing goes to her own file"
    );
}

#[test]
fn the_second_researcher_sees_the_note_takers_notes_beside_her_own() {
    // Astrid was the second researcher at INT-02; cora took the notes (in
    // the interview file, not a notes file).
    let study = common::demo_copy();
    let app = open_as(&study, "astrid");
    let session = app.screens.interview.session.as_ref().unwrap();
    assert!(
        session.editor.text().starts_with("Astrid: twelve years"),
        "{}",
        session.editor.text()
    );
    let screen = screen_text(&app, 160, 48);
    assert!(screen.contains("cora:"), "{screen}");
    assert!(screen.contains("Trained as a social worker"), "{screen}");
}
