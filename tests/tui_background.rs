//! View models computed off the UI thread, as the terminal loop runs them:
//! a key shows its frame at once with the last values (marked "updating"),
//! and the new ones arrive from the compute thread. Driven here by running
//! the jobs the app asks for by hand, in the order the loop would.

#[path = "tui_common.rs"]
mod tui_common;

use casebook::domain::Stage;
use casebook::tui::action::{Action, Screen};
use casebook::tui::app::App;
use casebook::tui::background::Jobs;
use casebook::tui::event_loop::{Loop, Msg};
use casebook::tui::screens::cases::case_ids;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_common::{demo_app, screen_text};

fn deferring_app() -> App {
    let mut app = demo_app(Some("astrid"));
    app.jobs = Jobs::deferring();
    app
}

/// Runs every job asked for and fills in its result, as the compute thread
/// and the loop do; returns how many ran.
fn compute_all(app: &App) -> usize {
    let jobs = app.jobs.take();
    let ran = jobs.len();
    for job in jobs {
        let delivery = (job.run)();
        delivery(&app.screens);
    }
    ran
}

#[test]
fn the_agreement_panel_answers_at_once_and_fills_in_when_computed() {
    let mut app = deferring_app();
    app.update(Action::GoTo(Screen::Review));
    app.update(Action::ShowAgreement);
    let first = screen_text(&app, 160, 48);
    assert!(first.contains("Computing agreement over"), "{first}");
    assert_eq!(compute_all(&app), 1, "one agreement job");
    let computed = screen_text(&app, 160, 48);
    assert!(computed.contains("Krippendorff's alpha"), "{computed}");
    assert!(computed.contains("recommend"), "{computed}");
    assert_eq!(compute_all(&app), 0, "nothing more to compute until a change");

    // A change: the old figures stay, marked as updating, until the new come.
    let case = app.data.cases.keys().next().unwrap().clone();
    app.apply(|ctx, data| casebook::ops::stage::move_stage(ctx, data, &case, Stage::Dropped, "test"));
    let stale = screen_text(&app, 160, 48);
    assert!(stale.contains("updating…"), "{stale}");
    assert!(stale.contains("recommend"), "the last figures stay: {stale}");
    // The agreement, and the screen's conflicts count with it.
    assert_eq!(compute_all(&app), 2);
    assert!(!screen_text(&app, 160, 48).contains("updating…"));
}

#[test]
fn a_search_keystroke_shows_the_query_at_once_and_the_rows_from_the_worker() {
    let mut app = deferring_app();
    let all = case_ids(&app).len();
    // The first table is computed with the first frame: no empty screen.
    assert!(screen_text(&app, 160, 48).contains(&format!("Cases ({all} of {all})")));
    app.update(Action::Search);
    for c in "bømlo".chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    let typed = screen_text(&app, 160, 48);
    assert!(typed.contains("bømlo"), "the query shows at once: {typed}");
    assert!(typed.contains("updating…"), "{typed}");
    assert!(typed.contains(&format!("({all} of {all}, updating…)")), "{typed}");
    // Five letters typed, one search run: only the latest query matters.
    assert_eq!(compute_all(&app), 1);
    let found = screen_text(&app, 160, 48);
    assert!(!found.contains("updating…"), "{found}");
    assert!(found.contains("Bømlo"), "{found}");
    assert!(case_ids(&app).len() < all);
}

#[test]
fn a_result_from_the_compute_thread_reaches_the_screen_through_the_loop() {
    let mut app = deferring_app();
    // The first frame, with the first table, comes before any key.
    let _ = screen_text(&app, 160, 48);
    app.update(Action::SortNext);
    let _ = screen_text(&app, 160, 48);
    let jobs = app.jobs.take();
    assert_eq!(jobs.len(), 1, "the new order is computed in the background");
    let (to_worker, _worker) = std::sync::mpsc::channel();
    let mut state = Loop::new(to_worker);
    for job in jobs {
        state.handle(&mut app, Msg::Computed((job.run)()));
    }
    let sorted = screen_text(&app, 160, 48);
    assert!(!sorted.contains("updating…"), "{sorted}");
    // A key still goes through the same loop.
    state.handle(
        &mut app,
        Msg::Input(Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE))),
    );
    assert_eq!(app.screens.cases.cursor.selected, 1);
}
