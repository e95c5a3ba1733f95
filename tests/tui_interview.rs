//! The interview screen through the update function, without a terminal:
//! autosave timing with a fake clock, a save on every question change, the
//! file changed on disk (nothing written over it, the text kept in the
//! recovery folder), the `$EDITOR` round trip with a script as the editor,
//! and snapshots at 80x24 and 160x48.

mod common;
#[path = "tui_common.rs"]
mod tui_common;

use casebook::domain::*;
use casebook::store::identity::Config;
use casebook::store::{load, Layout};
use casebook::tui::app::{App, Effect};
use casebook::tui::effects::carry_out;
use casebook::tui::screens::interview::external;
use chrono::{DateTime, FixedOffset};
use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::cell::Cell;
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use tui_common::{demo_app, draw};

thread_local! {
    static ELAPSED_MS: Cell<u64> = const { Cell::new(0) };
}
static BASE: OnceLock<Instant> = OnceLock::new();
/// The recovery folder follows XDG_DATA_HOME, one for the whole process:
/// the tests that read it take turns.
static DATA_HOME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The autosave's clock, moved on by the test alone.
fn fake_clock() -> Instant {
    *BASE.get_or_init(Instant::now) + Duration::from_millis(ELAPSED_MS.with(Cell::get))
}

fn advance(ms: u64) {
    ELAPSED_MS.with(|c| c.set(c.get() + ms));
}

fn at_ten() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2025-06-10T10:20:30+02:00").unwrap()
}

fn twenty_minutes_on() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2025-06-10T10:40:45+02:00").unwrap()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// The demo's informant waiting to be interviewed, and the one responsible.
const WAITING: &str = "INF-27";

/// An app with an interview just started with INF-27 (consent given).
fn interviewing(mut app: App) -> (App, Vec<Effect>) {
    app.screens.interview.clock = fake_clock;
    app.now = at_ten;
    let mut effects = app.start_interview_with(&InformantId::new(WAITING));
    assert!(app.screens.interview.is_open(), "{:?}", app.message);
    effects.extend(app.handle_key(key(KeyCode::Char('y'))));
    (app, effects)
}

/// The notes text the effects would write on `question`.
fn saved_note(effects: &[Effect], question: &str) -> Option<String> {
    effects.iter().rev().find_map(|e| match e {
        Effect::Apply(change) => change.writes.iter().find_map(|w| {
            let interview: Interview = ron::from_str(&w.text).ok()?;
            interview
                .notes
                .iter()
                .find(|n| n.question.as_str() == question)
                .map(|n| n.text.clone())
        }),
        _ => None,
    })
}

#[test]
fn typing_is_saved_within_a_second_even_while_typing_goes_on() {
    let (mut app, _) = interviewing(demo_app(Some("astrid")));
    // Nothing typed: the clock ticks and nothing is saved.
    for _ in 0..8 {
        advance(250);
        assert!(app.interview_tick().is_empty());
    }
    // Typing without a pause for three seconds, a key every 90 ms, the
    // clock ticking every 250 ms as the loop does.
    let mut typed = String::new();
    let mut unsaved_since: Option<u64> = None;
    let mut now = 0u64;
    let mut saves = 0;
    for (i, c) in "Leads the unit; six applications, five granted. "
        .chars()
        .cycle()
        .take(34)
        .enumerate()
    {
        advance(90);
        now += 90;
        let mut effects = app.handle_key(key(KeyCode::Char(c)));
        typed.push(c);
        unsaved_since.get_or_insert(now);
        if i % 3 == 2 {
            effects.extend(app.interview_tick());
        }
        if let Some(text) = saved_note(&effects, "background.role") {
            assert_eq!(text, typed, "a save holds everything typed so far");
            saves += 1;
            unsaved_since = None;
        }
        if let Some(since) = unsaved_since {
            assert!(now - since <= 1000, "a character waited {} ms unsaved", now - since);
        }
    }
    assert!(saves >= 2, "saves while typing went on: {saves}");
    // Typing stops: the rest is saved by the clock within a second.
    let mut last = None;
    for _ in 0..4 {
        advance(250);
        if let Some(text) = saved_note(&app.interview_tick(), "background.role") {
            last = Some(text);
        }
    }
    assert_eq!(last.as_deref(), Some(typed.as_str()));
}

#[test]
fn moving_to_the_next_question_saves_at_once_and_remembers_where_i_am() {
    let (mut app, _) = interviewing(demo_app(Some("astrid")));
    app.now = twenty_minutes_on;
    for c in "Project leader.".chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
    let effects = app.handle_key(ctrl('n'));
    assert_eq!(
        saved_note(&effects, "background.role").as_deref(),
        Some("Project leader.")
    );
    let Some(Effect::Apply(change)) = effects.last() else {
        panic!("no save")
    };
    let interview: Interview = ron::from_str(&change.writes[0].text).unwrap();
    assert_eq!(
        interview.at_question.as_ref().unwrap().as_str(),
        "background.applications"
    );
    assert_eq!(
        interview.note(&QuestionId::new("background.role")).unwrap().minute,
        Some(20)
    );
    // Marked covered, then a note outside the guide with an id of its own.
    let effects = app.handle_key(ctrl('t'));
    let Some(Effect::Apply(change)) = effects.last() else {
        panic!("no save")
    };
    assert!(change.writes[0]
        .text
        .contains("question: \"background.applications\",\n            covered: true"));
    let effects = app.handle_key(ctrl('g'));
    let Some(Effect::Apply(change)) = effects.last() else {
        panic!("no save")
    };
    let interview: Interview = ron::from_str(&change.writes[0].text).unwrap();
    assert_eq!(interview.outside[0].question.as_str(), "outside-1");
    assert_eq!(interview.at_question.unwrap().as_str(), "outside-1");
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_and_the_text_goes_to_the_recovery_folder() {
    let study = common::demo_copy();
    let _turn = DATA_HOME.lock().unwrap_or_else(|e| e.into_inner());
    let data_home = tempfile::tempdir().unwrap();
    std::env::set_var("XDG_DATA_HOME", data_home.path());
    let layout = Layout::new(study.path());
    let app = App::on_loaded(
        layout.clone(),
        load(&layout),
        Some(ResearcherId::new("astrid")),
        Config::default(),
    );
    let (mut app, effects) = interviewing(app);
    for effect in effects {
        carry_out(&mut app, effect);
    }
    for c in "Ours.".chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
    for effect in app.save_interview_now() {
        carry_out(&mut app, effect);
    }
    let path = app.screens.interview.session.as_ref().unwrap().path.clone();
    assert!(std::fs::read_to_string(&path).unwrap().contains("Ours."));
    // Someone else's version arrives (a git pull).
    let theirs = std::fs::read_to_string(&path).unwrap().replace("Ours.", "Theirs.");
    std::fs::write(&path, &theirs).unwrap();
    for c in " And more.".chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
    for effect in app.save_interview_now() {
        carry_out(&mut app, effect);
    }
    app.interview_tick();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "their file is untouched"
    );
    let session = app.screens.interview.session.as_ref().unwrap();
    assert!(session.conflict.is_some());
    assert!(
        app.refusal.as_deref().unwrap_or("").contains("changed on disk"),
        "{:?}",
        app.refusal
    );
    let kept = recovered(data_home.path());
    assert!(kept.contains("Ours. And more."), "{kept}");
    // Typing on does not write over it either, and quitting keeps the latest text.
    app.handle_key(key(KeyCode::Char('!')));
    assert!(app.save_interview_now().is_empty());
    assert!(app.unsaved.iter().any(|u| u.text.contains("Ours. And more.!")));
}

#[test]
fn a_change_read_in_by_a_reload_is_not_overwritten_either() {
    let study = common::demo_copy();
    let _turn = DATA_HOME.lock().unwrap_or_else(|e| e.into_inner());
    let data_home = tempfile::tempdir().unwrap();
    std::env::set_var("XDG_DATA_HOME", data_home.path());
    let layout = Layout::new(study.path());
    let app = App::on_loaded(
        layout.clone(),
        load(&layout),
        Some(ResearcherId::new("astrid")),
        Config::default(),
    );
    let (mut app, effects) = interviewing(app);
    for effect in effects {
        carry_out(&mut app, effect);
    }
    let path = app.screens.interview.session.as_ref().unwrap().path.clone();
    let theirs = std::fs::read_to_string(&path).unwrap().replace(
        "notes: []",
        "notes: [QuestionNote(question: \"background.role\", covered: true, text: \"Theirs.\")]",
    );
    std::fs::write(&path, &theirs).unwrap();
    app.replace_study(load(&layout));
    app.handle_key(key(KeyCode::Char('x')));
    assert!(app.save_interview_now().is_empty(), "nothing is sent to be written");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert!(recovered(data_home.path()).contains("text: \"x\""));
}

/// Everything in the recovery folder under `data_home`, concatenated.
fn recovered(data_home: &std::path::Path) -> String {
    let root = data_home.join("casebook/recovery");
    let mut text = String::new();
    for stamp in std::fs::read_dir(&root).unwrap().flatten() {
        for file in std::fs::read_dir(stamp.path()).unwrap().flatten() {
            text.push_str(&std::fs::read_to_string(file.path()).unwrap());
        }
    }
    text
}

#[test]
fn the_editor_round_trip_puts_the_edited_text_back_and_saves_it() {
    let folder = tempfile::tempdir().unwrap();
    let script = folder.path().join("editor.sh");
    std::fs::write(&script, "#!/bin/sh\nprintf 'Added in the editor.\\n' >> \"$1\"\n").unwrap();
    let command = format!("sh {}", script.display());
    let edited = external::edit("First line", &command, &folder.path().join("notes")).unwrap();
    assert_eq!(edited, "First line\nAdded in the editor.");
    let failing = external::edit("Kept", "false", folder.path());
    assert!(failing.is_err());

    let (mut app, _) = interviewing(demo_app(Some("astrid")));
    for c in "First line".chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
    assert!(app.handle_key(ctrl('e')).is_empty());
    let text = app.take_external_edit().expect("the loop is asked to run the editor");
    let edited = external::edit(&text, &command, &folder.path().join("notes"));
    let effects = app.external_edit_done(edited);
    assert_eq!(
        saved_note(&effects, "background.role").as_deref(),
        Some("First line\nAdded in the editor.")
    );
    assert_eq!(
        app.screens.interview.session.as_ref().unwrap().editor.text(),
        "First line\nAdded in the editor."
    );
    // An editor that fails leaves the note as it was.
    let effects = app.external_edit_done(external::edit("x", "false", folder.path()));
    assert!(effects.is_empty());
    assert!(app.refusal.as_deref().unwrap_or("").contains("the editor did not run"));
}

fn held_interview(width: u16, height: u16) -> String {
    let mut app = demo_app(Some("brage"));
    app.now = at_ten;
    app.open_interview(&CaseId::new("p2023-024"), &InterviewId::new("INT-01"));
    app.handle_key(ctrl('n'));
    app.handle_key(ctrl('n'));
    draw(&app, width, height).backend().to_string()
}

#[test]
fn interview_screen_80x24() {
    assert_snapshot!(held_interview(80, 24));
}

#[test]
fn interview_screen_160x48() {
    assert_snapshot!(held_interview(160, 48));
}

#[test]
fn a_note_naming_an_informant_stays_out_of_the_shared_file_and_the_screen_says_why() {
    let (mut app, _) = interviewing(demo_app(Some("astrid")));
    app.contacts.contacts.insert(
        InformantId::new(WAITING),
        casebook::store::private::Contact {
            name: "Kari Nordmann".into(),
            email: Some("kari@example.no".into()),
            phone: None,
        },
    );
    for c in "Leads the unit.".chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
    app.save_interview_now();
    for c in " Call Kari Nordmann.".chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
    let effects = app.save_interview_now();
    let Some(Effect::Apply(change)) = effects.last() else {
        panic!("no save")
    };
    assert!(
        change.writes.iter().all(|w| !w.text.contains("Kari")),
        "never in a shared file"
    );
    assert!(
        change.writes[0].text.contains("text: \"Leads the unit.\""),
        "the last clean version stays"
    );
    let private = change.private_files.first().expect("a private draft");
    assert!(private.text.as_deref().unwrap_or("").contains("Call Kari Nordmann."));
    let screen = tui_common::screen_text(&app, 160, 48);
    assert!(
        screen.contains("1 note(s) kept privately: a contact detail"),
        "{screen}"
    );
}

#[test]
fn finishing_asks_then_records_the_duration_and_the_informant_as_interviewed() {
    let (mut app, _) = interviewing(demo_app(Some("astrid")));
    app.now = twenty_minutes_on;
    assert!(app.handle_key(key(KeyCode::F(10))).is_empty(), "it asks first");
    assert!(app
        .message
        .as_deref()
        .unwrap_or("")
        .contains("finish the interview now?"));
    let effects = app.handle_key(key(KeyCode::Char('y')));
    let writes: Vec<String> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Apply(change) => Some(change.writes.iter().map(|w| w.text.clone()).collect::<Vec<_>>()),
            _ => None,
        })
        .flatten()
        .collect();
    assert!(
        writes
            .iter()
            .any(|t| t.contains("duration_minutes: Some(21)")
                && t.contains("ended: Some(\"2025-06-10T10:40:45+02:00\")")),
        "{writes:?}"
    );
    assert!(
        writes
            .iter()
            .any(|t| t.starts_with("StatusFile(") && t.contains("status: Interviewed")),
        "{writes:?}"
    );
    let informant = app.data.informant(&InformantId::new(WAITING)).unwrap();
    assert_eq!(informant.status(), RecruitmentStatus::Interviewed);
}
