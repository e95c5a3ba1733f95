//! Key to frame on the 10,000-project study: the update function and a
//! render into a 160x48 `TestBackend`, for every screen and its main keys;
//! the first frame with the Cases table; a search keystroke. Steady state is
//! what a user feels on every key; "enter" measures the first visit of a
//! screen after the study changed, when its view models are computed.

mod common;

use casebook::domain::StudyData;
use casebook::store::identity::Config;
use casebook::store::{Layout, Loaded};
use casebook::tui::action::{Action, Screen};
use casebook::tui::app::App;
use casebook::tui::view;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::time::{Duration, Instant};

fn app(layout: &Layout, data: StudyData) -> App {
    App::new(
        data,
        layout.clone(),
        Default::default(),
        Vec::new(),
        Some("astrid".into()),
        Config::default(),
    )
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(160, 48)).expect("test terminal")
}

fn frame(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|f| view::render(f, app)).expect("draw");
}

fn loaded() -> (Layout, Loaded) {
    let layout = common::study();
    let loaded = casebook::store::load(&layout);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems.first());
    (layout, loaded)
}

fn first_frame(c: &mut Criterion) {
    let (layout, loaded) = loaded();
    let mut group = c.benchmark_group("first_frame");
    group.sample_size(20).measurement_time(Duration::from_secs(6));
    group.bench_function("cases_table_with_rows", |b| {
        b.iter_batched(
            || loaded.data.clone(),
            |data| {
                let app = app(&layout, data);
                frame(&mut terminal(), &app);
                app
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// Every screen, and the keys a user presses there.
const KEYS: &[(Screen, &[(&str, Action)])] = &[
    (
        Screen::Cases,
        &[
            ("j", Action::Down),
            ("G", Action::Bottom),
            ("g", Action::Top),
            ("s", Action::SortNext),
        ],
    ),
    (
        Screen::Coverage,
        &[
            ("j", Action::Down),
            ("r", Action::CycleRows),
            ("c", Action::CycleColumns),
        ],
    ),
    (
        Screen::Review,
        &[
            ("j", Action::Down),
            ("c", Action::ShowConflicts),
            ("a", Action::ShowAgreement),
            ("m", Action::ShowQueue),
        ],
    ),
    (Screen::Recruitment, &[("j", Action::Down), ("t", Action::ToggleTree)]),
    (Screen::Interviews, &[("j", Action::Down)]),
    (Screen::Themes, &[("j", Action::Down)]),
];

fn key_to_frame(c: &mut Criterion) {
    let (layout, loaded) = loaded();
    let mut app = app(&layout, loaded.data);
    let mut terminal = terminal();
    let mut group = c.benchmark_group("key_to_frame");
    group.sample_size(50).measurement_time(Duration::from_secs(3));
    for (screen, keys) in KEYS {
        for (name, action) in *keys {
            app.update(Action::GoTo(*screen));
            frame(&mut terminal, &app);
            group.bench_function(format!("{}/{name}", screen.title()), |b| {
                b.iter(|| {
                    app.update(*action);
                    frame(&mut terminal, &app);
                })
            });
        }
        // The first visit after the study changed: its view models are computed.
        group.bench_function(format!("{}/enter_after_a_change", screen.title()), |b| {
            b.iter(|| {
                app.update(Action::GoTo(Screen::Interviews));
                app.revision += 1;
                app.update(Action::GoTo(*screen));
                frame(&mut terminal, &app);
            })
        });
    }
    // The Agreement panel after a change: agreement over all 20,000 reviews.
    app.update(Action::GoTo(Screen::Review));
    app.update(Action::ShowAgreement);
    group.sample_size(10);
    group.bench_function("Review/agreement_after_a_change", |b| {
        b.iter(|| {
            app.revision += 1;
            frame(&mut terminal, &app);
        })
    });
    group.finish();
}

fn search(c: &mut Criterion) {
    let (layout, loaded) = loaded();
    let mut app = app(&layout, loaded.data);
    let mut terminal = terminal();
    frame(&mut terminal, &app);
    let mut group = c.benchmark_group("search_keystroke");
    group.sample_size(30).measurement_time(Duration::from_secs(4));
    let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let backspace = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
    app.update(Action::Search);
    // Each measured keystroke starts from the same state; what puts it back is not timed.
    group.bench_function("first_letter", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let start = Instant::now();
                app.handle_key(key('b'));
                frame(&mut terminal, &app);
                total += start.elapsed();
                app.handle_key(backspace);
                frame(&mut terminal, &app);
            }
            total
        })
    });
    group.bench_function("narrowing_letter", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                app.handle_key(key('b'));
                frame(&mut terminal, &app);
                let start = Instant::now();
                app.handle_key(key('o'));
                frame(&mut terminal, &app);
                total += start.elapsed();
                app.handle_key(backspace);
                app.handle_key(backspace);
                frame(&mut terminal, &app);
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, first_frame, key_to_frame, search);
criterion_main!(benches);
