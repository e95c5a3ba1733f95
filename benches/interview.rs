//! The interview screen on a study of 2,000 interviews (generated in
//! memory): a keystroke in a 50 KB note to its frame (160x48), the autosave
//! that keystroke may set off (what the UI thread does; the write itself is
//! the disk worker's), and opening an interview to its first frame.

use casebook::domain::{CaseId, InterviewId};
use casebook::generate::{generate_with_interviews, Options};
use casebook::store::identity::Config;
use casebook::store::{Layout, Stamps};
use casebook::tui::app::App;
use casebook::tui::view;
use casebook::tui::widgets::editor::EditorPane;
use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::time::Duration;

/// A note of about 50 KB: paragraphs of typed interview notes.
fn long_note() -> String {
    let paragraph =
        "The informant described how the introduction programme and the adult education centre now meet every week; \
the employers come once a month. They had tried this before without money for a coordinator. ";
    let mut note = String::new();
    while note.len() < 50_000 {
        note.push_str(paragraph);
        note.push_str("\n\n");
    }
    note
}

fn app() -> (App, CaseId, InterviewId, tempfile::TempDir) {
    let data = generate_with_interviews(
        Options {
            seed: 2025,
            projects: 200,
        },
        2_000,
    );
    let (case, id, me) = data
        .interviews()
        .last()
        .map(|i| {
            (
                i.interview.case.clone(),
                i.interview.id.clone(),
                i.interview.researchers[0].clone(),
            )
        })
        .expect("interviews");
    let dir = tempfile::tempdir().expect("temp dir");
    let app = App::new(
        data,
        Layout::new(dir.path()),
        Stamps::default(),
        Vec::new(),
        Some(me),
        Config::default(),
    );
    (app, case, id, dir)
}

fn interview(c: &mut Criterion) {
    let (mut app, case, id, _dir) = app();
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    let mut group = c.benchmark_group("interview");
    group.sample_size(50).measurement_time(Duration::from_secs(3));

    group.bench_function("open_to_first_frame", |b| {
        b.iter(|| {
            app.open_interview(&case, &id);
            terminal.draw(|f| view::render(f, &app)).expect("draw");
        })
    });

    app.open_interview(&case, &id);
    let note = long_note();
    if let Some(session) = app.screens.interview.session.as_mut() {
        session.editor = EditorPane::new(" Notes ", &note);
    }
    let key = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    group.bench_function("keystroke_in_a_50kb_note_to_frame", |b| {
        b.iter(|| {
            app.handle_key(key);
            terminal.draw(|f| view::render(f, &app)).expect("draw");
        })
    });
    group.bench_function("autosave_of_a_50kb_note_on_the_ui_thread", |b| {
        b.iter(|| app.save_interview_now())
    });
    group.finish();
}

criterion_group!(benches, interview);
criterion_main!(benches);
