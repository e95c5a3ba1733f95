//! Coding on the interview screen through the update function: select a
//! line or a paragraph, open the picker, find a code by part of its name,
//! tick several, mark a quote, write a memo, and code; the codings file
//! written, the themes figures moved by one, recent codes under digits, a
//! coder's own new code made from the picker, and the coding following its
//! words when the notes before it are edited. Snapshot of the picker.

mod common;
#[path = "tui_common.rs"]
mod tui_common;

use casebook::analysis::themes::{ThemeOptions, Themes};
use casebook::domain::*;
use casebook::tui::app::{App, Effect};
use chrono::{DateTime, FixedOffset};
use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_common::{demo_app, screen_text};

fn at_ten() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2025-06-10T10:20:30+02:00").unwrap()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        let k = if c == '\n' {
            key(KeyCode::Enter)
        } else {
            key(KeyCode::Char(c))
        };
        effects.extend(app.handle_key(k));
    }
    effects
}

/// Astrid interviewing INF-27 (consent given), with `notes` typed on the
/// first question.
fn with_notes(notes: &str) -> App {
    let mut app = demo_app(Some("astrid"));
    app.now = at_ten;
    app.start_interview_with(&InformantId::new("INF-27"));
    assert!(app.screens.interview.is_open(), "{:?}", app.message);
    app.handle_key(key(KeyCode::Char('y')));
    typed(&mut app, notes);
    app
}

/// The codings the effects write for `coder`.
fn written_codings(effects: &[Effect], coder: &str) -> Option<Codings> {
    effects.iter().rev().find_map(|e| match e {
        Effect::Apply(change) => change.writes.iter().rev().find_map(|w| {
            let name = w.path.file_name()?.to_str()?;
            if !name.ends_with(&format!(".codes.{coder}.ron")) {
                return None;
            }
            Some(ron::from_str(&w.text).expect("a codings file that parses"))
        }),
        _ => None,
    })
}

fn passages_of(app: &App, code: &str) -> usize {
    let themes = Themes::compute(&app.data, ThemeOptions::default());
    let i = themes.index.get(&CodeId::new(code)).expect("a code of the demo");
    themes.codes[i].figures.passages
}

fn session_question(app: &App) -> QuestionId {
    app.screens
        .interview
        .session
        .as_ref()
        .unwrap()
        .question()
        .unwrap()
        .clone()
}

#[test]
fn a_selected_line_is_coded_with_a_code_found_by_part_of_its_name() {
    let mut app = with_notes("Six applications, five granted.\nThe unit now works with the schools.");
    let before = passages_of(&app, "results.services");
    // Ctrl-L selects the cursor's (last) line; Ctrl-O opens the picker.
    app.handle_key(ctrl('l'));
    let mut effects = app.handle_key(ctrl('o'));
    let picker = app.screens.interview.session.as_ref().unwrap().picker.clone();
    let picker = picker.expect("the picker opens");
    assert_eq!(picker.text, "The unit now works with the schools.");
    assert_eq!((picker.start, picker.end), (32, 68));
    // "servic" finds "Change in the services"; Enter codes it.
    effects.extend(typed(&mut app, "servic"));
    effects.extend(app.handle_key(key(KeyCode::Enter)));
    let codings = written_codings(&effects, "astrid").expect("my codings file is written");
    assert_eq!(codings.coder.as_str(), "astrid");
    assert_eq!(codings.notes_of, None, "the note-taker's notes");
    let coding = &codings.codings[0];
    assert_eq!(coding.question, session_question(&app));
    assert_eq!(coding.text, "The unit now works with the schools.");
    assert_eq!((coding.start, coding.end), (32, 68));
    assert_eq!(coding.codes, vec![CodeId::new("results.services")]);
    assert_eq!(coding.date, Some(at_ten().date_naive()));
    assert!(app.screens.interview.session.as_ref().unwrap().picker.is_none());
    // The themes figures count it at once, and its parent with it.
    assert_eq!(passages_of(&app, "results.services"), before + 1);
    assert!(
        app.message.as_deref().unwrap_or("").contains("coded"),
        "{:?}",
        app.message
    );
    // The screen lists it under the notes.
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains("Coded here (1)"), "{screen}");
    assert!(screen.contains("Change in the services"), "{screen}");
}

#[test]
fn several_codes_a_quote_and_a_memo_and_the_last_codes_under_digits() {
    let mut app = with_notes("First paragraph line one\nline two\n\nSecond paragraph");
    // The cursor is on the last line; go up to "line two" and take its paragraph.
    app.handle_key(key(KeyCode::Up));
    app.handle_key(key(KeyCode::Up));
    app.handle_key(ctrl('l'));
    app.handle_key(ctrl('l'));
    app.handle_key(ctrl('o'));
    typed(&mut app, "target");
    app.handle_key(key(KeyCode::Tab));
    // Backspace the query away and find another.
    for _ in 0..6 {
        app.handle_key(key(KeyCode::Backspace));
    }
    typed(&mut app, "burden");
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(ctrl('q'));
    app.handle_key(ctrl('e'));
    typed(&mut app, "strong wording");
    let effects = app.handle_key(key(KeyCode::Enter));
    let codings = written_codings(&effects, "astrid").expect("written");
    let coding = &codings.codings[0];
    assert_eq!(coding.text, "First paragraph line one\nline two");
    assert_eq!(
        coding.codes,
        vec![CodeId::new("results.target-group"), CodeId::new("applying.paperwork")],
        "both ticked codes, in the order ticked"
    );
    assert!(coding.quote);
    assert_eq!(coding.memo, "strong wording");
    // The codes just used are 1 and 2 in the picker: code the last line with "1".
    app.handle_key(key(KeyCode::Down));
    app.handle_key(key(KeyCode::Down));
    app.handle_key(ctrl('l'));
    app.handle_key(ctrl('o'));
    app.handle_key(key(KeyCode::Char('1')));
    let effects = app.handle_key(key(KeyCode::Enter));
    let codings = written_codings(&effects, "astrid").expect("written");
    assert_eq!(codings.codings.len(), 2);
    let last = &codings.codings[1];
    assert_eq!(last.text, "Second paragraph");
    assert_eq!(last.codes, vec![codings.codings[0].codes[0].clone()]);
}

#[test]
fn a_new_code_typed_in_the_picker_goes_to_my_own_codes_and_is_used_at_once() {
    // Brage is not the lead: his new code goes to his own codebook file.
    let mut app = demo_app(Some("brage"));
    app.now = at_ten;
    app.start_interview_with(&InformantId::new("INF-27"));
    app.handle_key(key(KeyCode::Char('y')));
    typed(&mut app, "They met at the library every week.");
    app.handle_key(ctrl('l'));
    app.handle_key(ctrl('o'));
    typed(&mut app, "Library as meeting place");
    let effects = app.handle_key(key(KeyCode::Enter));
    let own = effects.iter().find_map(|e| match e {
        Effect::Apply(change) => change
            .writes
            .iter()
            .find(|w| w.path.ends_with("guides/codebook.brage.ron"))
            .map(|w| w.text.clone()),
        _ => None,
    });
    let own = own.expect("brage's own codes written");
    assert!(own.contains("Library as meeting place"), "{own}");
    let codings = written_codings(&effects, "brage").expect("his codings written");
    assert_eq!(codings.codings[0].codes, vec![CodeId::new("library-as-meeting-place")]);
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::Apply(c) if c.writes.iter().any(|w| w.path.ends_with("guides/codebook.ron")))),
        "the lead's codebook is not written by a coder"
    );
}

#[test]
fn editing_the_words_before_a_coded_passage_keeps_the_coding_on_its_words() {
    let mut app = with_notes("Intro.\nThe unit now works with the schools.");
    app.handle_key(ctrl('l'));
    app.handle_key(ctrl('o'));
    typed(&mut app, "servic");
    app.handle_key(key(KeyCode::Enter));
    // Go to the very start and type before the passage; Ctrl-N saves.
    for _ in 0..3 {
        app.handle_key(key(KeyCode::Up));
    }
    app.handle_key(key(KeyCode::Home));
    let mut effects = typed(&mut app, "Longer intro: ");
    effects.extend(app.handle_key(ctrl('n')));
    let codings = written_codings(&effects, "astrid").expect("my moved coding is written back");
    let coding = &codings.codings[0];
    assert_eq!(coding.text, "The unit now works with the schools.");
    assert_eq!(
        (coding.start, coding.end),
        (21, 57),
        "moved by the 14 characters typed before it"
    );
    // The words at its offsets are its words.
    let interview = app.data.interviews().find(|i| i.interview.id == codings.interview);
    let interview = interview.expect("the interview");
    let note = interview.interview.note(&coding.question).expect("the note");
    assert_eq!(
        coding.passage_in(&note.text),
        Some("The unit now works with the schools.")
    );
}

#[test]
fn a_passage_whose_words_are_gone_is_shown_as_such_and_not_moved_onto_other_words() {
    let mut app = with_notes("Keep this.\nCoded words here.");
    app.handle_key(ctrl('l'));
    app.handle_key(ctrl('o'));
    typed(&mut app, "servic");
    app.handle_key(key(KeyCode::Enter));
    // Delete the coded line's last word: its text is gone.
    for _ in 0..5 {
        app.handle_key(key(KeyCode::Backspace));
    }
    let effects = app.handle_key(ctrl('n'));
    assert!(
        written_codings(&effects, "astrid").is_none(),
        "a lost coding is not rewritten"
    );
    app.handle_key(ctrl('p'));
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains("no longer in the notes"), "{screen}");
}

#[test]
fn nothing_is_coded_without_a_code_and_escape_leaves_the_picker() {
    let mut app = with_notes("Something said.");
    app.handle_key(ctrl('l'));
    app.handle_key(ctrl('o'));
    typed(&mut app, "zzzz");
    // The only row is "new code zzzz"; Esc leaves without coding.
    let effects = app.handle_key(key(KeyCode::Esc));
    assert!(written_codings(&effects, "astrid").is_none());
    assert!(app.screens.interview.session.as_ref().unwrap().picker.is_none());
    assert!(
        app.screens.interview.is_open(),
        "Esc closes the picker, not the interview"
    );
}

#[test]
fn the_picker_at_120x40() {
    let mut app = with_notes("Six applications, five granted.\nThe unit now works with the schools.");
    app.handle_key(ctrl('l'));
    app.handle_key(ctrl('o'));
    typed(&mut app, "res");
    app.handle_key(key(KeyCode::Tab));
    // The clock in the header moves; the picker is what this shows.
    let screen = screen_text(&app, 120, 40);
    assert_snapshot!(screen);
}

/// Everything the effects write, by file name.
fn written_names(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Apply(change) => Some(
                change
                    .writes
                    .iter()
                    .map(|w| w.path.file_name().unwrap().to_string_lossy().to_string()),
            ),
            _ => None,
        })
        .flatten()
        .collect()
}

const ROLE_NOTE: &str = "Was project leader when the application was written and is now head of the unit. Trained as a social worker, moved to adult education after a few years in NAV.";

#[test]
fn a_coder_who_was_not_there_codes_the_note_takers_notes_read_only() {
    // INT-01 was held by brage (note-taker) and cora; astrid codes it.
    let mut app = demo_app(Some("astrid"));
    app.now = at_ten;
    app.open_interview(&CaseId::new("p2023-024"), &InterviewId::new("INT-01"));
    let session = app.screens.interview.session.as_ref().expect("open");
    assert_eq!(session.reading, Some(ResearcherId::new("brage")));
    assert_eq!(session.editor.text(), ROLE_NOTE);
    // Typing changes nothing and says why; nothing is saved on leaving.
    let effects = typed(&mut app, "xyz");
    assert!(effects.is_empty());
    let session = app.screens.interview.session.as_ref().unwrap();
    assert_eq!(session.editor.text(), ROLE_NOTE);
    assert!(
        app.message.as_deref().unwrap_or("").contains("read-only"),
        "{:?}",
        app.message
    );
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains("brage's notes, read-only"), "{screen}");
    // Select the first sentence with Shift+arrows from the start, and code it.
    app.handle_key(key(KeyCode::Home));
    app.handle_key(KeyEvent::new(KeyCode::Up, KeyModifiers::CONTROL));
    for _ in 0.."Was project leader".chars().count() {
        app.handle_key(KeyEvent::new(KeyCode::Right, KeyModifiers::SHIFT));
    }
    app.handle_key(ctrl('o'));
    typed(&mut app, "servic");
    let effects = app.handle_key(key(KeyCode::Enter));
    assert_eq!(
        written_names(&effects),
        ["INT-01.codes.astrid.ron"],
        "only my codings file"
    );
    let codings = written_codings(&effects, "astrid").unwrap();
    assert_eq!(codings.notes_of, None, "into the note-taker's notes");
    assert_eq!(codings.codings[0].text, "Was project leader");
    assert_eq!((codings.codings[0].start, codings.codings[0].end), (0, 18));
    // Marking, skipping, a note outside the guide and $EDITOR are refused too.
    for k in [ctrl('t'), ctrl('s'), ctrl('g'), ctrl('e')] {
        assert!(app.handle_key(k).is_empty());
        assert!(
            app.message.as_deref().unwrap_or("").contains("read-only"),
            "{:?}",
            app.message
        );
    }
    assert!(app.take_external_edit().is_none());
    let effects = app.handle_key(key(KeyCode::Esc));
    assert!(
        written_names(&effects).is_empty(),
        "leaving writes no notes: {:?}",
        written_names(&effects)
    );
}

#[test]
fn the_second_researcher_switches_to_the_note_takers_notes_with_f2_to_code_them() {
    let mut app = demo_app(Some("cora"));
    app.now = at_ten;
    app.open_interview(&CaseId::new("p2023-024"), &InterviewId::new("INT-01"));
    assert_eq!(
        app.screens.interview.session.as_ref().unwrap().reading,
        None,
        "her own notes first"
    );
    app.handle_key(key(KeyCode::F(2)));
    let session = app.screens.interview.session.as_ref().unwrap();
    assert_eq!(session.reading, Some(ResearcherId::new("brage")));
    assert_eq!(session.editor.text(), ROLE_NOTE);
    app.handle_key(ctrl('l'));
    app.handle_key(ctrl('o'));
    typed(&mut app, "target");
    let effects = app.handle_key(key(KeyCode::Enter));
    let codings = written_codings(&effects, "cora").expect("cora's codings");
    assert_eq!(codings.notes_of, None);
    assert_eq!(codings.codings[0].text, ROLE_NOTE);
    // F2 again: her own notes, to type in.
    app.handle_key(key(KeyCode::F(2)));
    assert_eq!(app.screens.interview.session.as_ref().unwrap().reading, None);
}

#[test]
fn a_passage_opened_from_themes_shows_the_notes_it_was_coded_in() {
    // Cora was at INT-01 but brage took the notes; his codings point there.
    let mut app = demo_app(Some("cora"));
    app.open_interview_at(
        &CaseId::new("p2023-024"),
        &InterviewId::new("INT-01"),
        Some(&QuestionId::new("background.role")),
        Some(4),
    );
    let session = app.screens.interview.session.as_ref().expect("open");
    assert_eq!(session.reading, Some(ResearcherId::new("brage")));
    assert_eq!(session.editor.text(), ROLE_NOTE);
    assert_eq!(session.editor.area.cursor(), ratatui_textarea::DataCursor(0, 4));
    assert!(
        app.message.as_deref().unwrap_or("").contains("read-only"),
        "{:?}",
        app.message
    );
}
