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
use casebook::tui::background::Jobs;
use casebook::tui::view;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::time::{Duration, Instant};

/// The app as the terminal loop runs it: view models too slow for a key
/// are sent to the compute thread (`tui::background`), not computed in line.
fn app(layout: &Layout, data: StudyData) -> App {
    let mut app = App::new(
        data,
        layout.clone(),
        Default::default(),
        Vec::new(),
        Some("astrid".into()),
        Config::default(),
    );
    app.jobs = Jobs::deferring();
    app
}

/// Runs the jobs the app asked for and fills in their results, as the
/// compute thread and the loop do (one after the other here); how many.
fn compute(app: &App) -> usize {
    let jobs = app.jobs.take();
    let ran = jobs.len();
    for job in jobs {
        let delivery = (job.run)();
        delivery(&app.screens);
    }
    ran
}

/// Times `key` to its frame (what the user waits for at the keyboard) and,
/// apart, to the frame with the background's results in (what the user
/// sees a moment later); the background work itself is left out of the
/// first and the setting up (`before`) of both.
fn two_timings(
    group: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>,
    name: &str,
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    before: &dyn Fn(&mut App, &mut Terminal<TestBackend>),
    key: &dyn Fn(&mut App),
) {
    group.bench_function(name, |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                before(app, terminal);
                let start = Instant::now();
                key(app);
                frame(terminal, app);
                total += start.elapsed();
                compute(app);
            }
            total
        })
    });
    group.bench_function(format!("{name}/until_computed"), |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                before(app, terminal);
                let start = Instant::now();
                key(app);
                frame(terminal, app);
                if compute(app) > 0 {
                    frame(terminal, app);
                }
                total += start.elapsed();
            }
            total
        })
    });
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
    let nothing = |_: &mut App, _: &mut Terminal<TestBackend>| {};
    for (screen, keys) in KEYS {
        for (name, action) in *keys {
            app.update(Action::GoTo(*screen));
            frame(&mut terminal, &app);
            compute(&app);
            let press = |app: &mut App| {
                app.update(*action);
            };
            two_timings(
                &mut group,
                &format!("{}/{name}", screen.title()),
                &mut app,
                &mut terminal,
                &nothing,
                &press,
            );
        }
        // The first visit after the study changed: its view models are computed.
        let leave_and_change = |app: &mut App, terminal: &mut Terminal<TestBackend>| {
            app.update(Action::GoTo(Screen::Interviews));
            frame(terminal, app);
            app.revision += 1;
        };
        let enter = |app: &mut App| {
            app.update(Action::GoTo(*screen));
        };
        two_timings(
            &mut group,
            &format!("{}/enter_after_a_change", screen.title()),
            &mut app,
            &mut terminal,
            &leave_and_change,
            &enter,
        );
    }
    // The Agreement panel after a change: agreement over all 20,000 reviews.
    app.update(Action::GoTo(Screen::Review));
    app.update(Action::ShowAgreement);
    frame(&mut terminal, &app);
    compute(&app);
    group.sample_size(10);
    let change = |app: &mut App, _: &mut Terminal<TestBackend>| app.revision += 1;
    let redraw = |_: &mut App| {};
    two_timings(
        &mut group,
        "Review/agreement_after_a_change",
        &mut app,
        &mut terminal,
        &change,
        &redraw,
    );
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
    // Each measured keystroke starts from the same state; what puts it back
    // is not timed. "until_computed" is the first screenful of matches.
    let cleared = move |app: &mut App, terminal: &mut Terminal<TestBackend>| {
        while !app.screens.cases.query.search.is_empty() {
            app.handle_key(backspace);
        }
        frame(terminal, app);
        compute(app);
    };
    let letter_b = move |app: &mut App| {
        app.handle_key(key('b'));
    };
    two_timings(&mut group, "first_letter", &mut app, &mut terminal, &cleared, &letter_b);
    let after_b = move |app: &mut App, terminal: &mut Terminal<TestBackend>| {
        cleared(app, terminal);
        app.handle_key(key('b'));
        frame(terminal, app);
        compute(app);
    };
    let letter_o = move |app: &mut App| {
        app.handle_key(key('o'));
    };
    two_timings(
        &mut group,
        "narrowing_letter",
        &mut app,
        &mut terminal,
        &after_b,
        &letter_o,
    );
    group.finish();
}

/// The issue's scale for themes: 2,000 interviews and 200,000 codings (the
/// demo's interviews repeated over its cases, codings spread as `casebook
/// generate --codings` does, as in `benches/themes.rs`).
fn coded_study() -> StudyData {
    use casebook::domain::{CaseId, InterviewData, InterviewId};
    const INTERVIEWS: usize = 2_000;
    const CODINGS: usize = 200_000;
    let mut data = casebook::generate::demo();
    let originals: Vec<InterviewData> = data.interviews().cloned().collect();
    let cases: Vec<CaseId> = data.cases.keys().cloned().collect();
    for c in data.cases.values_mut() {
        c.interviews.clear();
    }
    for k in 0..INTERVIEWS {
        let mut interview = originals[k % originals.len()].clone();
        let case = &cases[k % cases.len()];
        interview.interview.id = InterviewId::new(format!("INT-bench-{k:04}"));
        interview.interview.case = case.clone();
        for codings in interview.codings.values_mut() {
            codings.interview = interview.interview.id.clone();
        }
        if let Some(c) = data.cases.get_mut(case) {
            c.interviews.insert(interview.interview.id.clone(), interview);
        }
    }
    casebook::generate::scale_codings(2025, &mut data, CODINGS);
    assert_eq!(data.counts().codings, CODINGS);
    data
}

/// The Themes screen at 200,000 codings: a key to its frame in the tree,
/// the heat map and a code's passages, and a passage-search keystroke to
/// its first screenful (word starts; "until_computed" includes the fuzzy
/// step too, which follows on the compute thread).
fn themes_screen(c: &mut Criterion) {
    let layout = common::study();
    let mut app = app(&layout, coded_study());
    let mut terminal = terminal();
    app.update(Action::GoTo(Screen::Themes));
    frame(&mut terminal, &app);
    compute(&app);
    let mut group = c.benchmark_group("themes_screen");
    group.sample_size(30).measurement_time(Duration::from_secs(4));
    let nothing = |_: &mut App, _: &mut Terminal<TestBackend>| {};
    let down = |app: &mut App| {
        app.update(Action::Down);
    };
    two_timings(&mut group, "tree/j", &mut app, &mut terminal, &nothing, &down);
    let to_matrix = |app: &mut App, terminal: &mut Terminal<TestBackend>| {
        app.screens.themes.matrix = true;
        frame(terminal, app);
    };
    let right = |app: &mut App| {
        app.update(Action::ColumnRight);
    };
    two_timings(&mut group, "matrix/l", &mut app, &mut terminal, &to_matrix, &right);
    let back_to_tree = |app: &mut App, terminal: &mut Terminal<TestBackend>| {
        app.screens.themes.matrix = false;
        app.screens.themes.passages = None;
        app.update(Action::Top);
        frame(terminal, app);
    };
    let enter = |app: &mut App| {
        app.update(Action::Open);
    };
    two_timings(
        &mut group,
        "tree/enter_top_theme",
        &mut app,
        &mut terminal,
        &back_to_tree,
        &enter,
    );
    // The search: `/` builds the index on the compute thread (not timed).
    back_to_tree(&mut app, &mut terminal);
    app.update(Action::SearchPassages);
    frame(&mut terminal, &app);
    compute(&app);
    let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let backspace = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
    let cleared = move |app: &mut App, terminal: &mut Terminal<TestBackend>| {
        while !app.screens.themes.query.is_empty() {
            app.handle_key(backspace);
        }
        if app.screens.themes.passages.is_none() {
            // All deleted closes the list; `/` again, as a user would.
            app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            app.update(Action::SearchPassages);
        }
        frame(terminal, app);
        compute(app);
    };
    let letter_r = move |app: &mut App| {
        app.handle_key(key('r'));
    };
    two_timings(
        &mut group,
        "search/first_letter",
        &mut app,
        &mut terminal,
        &cleared,
        &letter_r,
    );
    let after_res = move |app: &mut App, terminal: &mut Terminal<TestBackend>| {
        cleared(app, terminal);
        for c in "res".chars() {
            app.handle_key(key(c));
            frame(terminal, app);
            compute(app);
        }
    };
    let letter_u = move |app: &mut App| {
        app.handle_key(key('u'));
    };
    two_timings(
        &mut group,
        "search/narrowing_letter",
        &mut app,
        &mut terminal,
        &after_res,
        &letter_u,
    );
    // The first screenful: the key, the word-start step the compute
    // thread runs first, and the frame showing it; the fuzzy step that
    // follows is not waited for.
    group.bench_function("search/narrowing_letter/first_screenful", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                after_res(&mut app, &mut terminal);
                let start = Instant::now();
                letter_u(&mut app);
                frame(&mut terminal, &app);
                let (first, later): (Vec<_>, Vec<_>) = app
                    .jobs
                    .take()
                    .into_iter()
                    .partition(|j| j.slot != "themes.search.fuzzy");
                for job in first {
                    (job.run)()(&app.screens);
                }
                frame(&mut terminal, &app);
                total += start.elapsed();
                for job in later {
                    (job.run)()(&app.screens);
                }
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, first_frame, key_to_frame, search, themes_screen);
criterion_main!(benches);
