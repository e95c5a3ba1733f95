//! The Cases screen through keys: a filter picked, a search typed, a stage
//! moved with its reason.

#[path = "tui_common.rs"]
mod tui_common;

use casebook::analysis::case_query::FilterOn;
use casebook::domain::{Stage, Stratum};
use casebook::tui::app::Effect;
use chrono::DateTime;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_common::{demo_app, written_files};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn typed(app: &mut casebook::tui::app::App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| app.handle_key(key(KeyCode::Char(c))))
        .collect()
}

#[test]
fn a_filter_is_picked_from_the_strata_and_then_its_values() {
    let mut app = demo_app(Some("astrid"));
    app.handle_key(key(KeyCode::Char('f')));
    assert_eq!(tui_common::picker_items(&app).unwrap()[1], "region");
    app.handle_key(key(KeyCode::Down));
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(tui_common::picker_items(&app).unwrap()[0], "Nord-Norge");
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.popup, None);
    let wanted = &app.screens.cases.query.filters[&FilterOn::Stratum(Stratum::Region)];
    assert!(wanted.contains("Nord-Norge"));
    let rows = casebook::tui::screens::cases::case_ids(&app);
    assert!(!rows.is_empty() && rows.iter().all(|id| app.data.cases[id].case.region == "Nord-Norge"));
    app.handle_key(key(KeyCode::Char('x')));
    assert!(app.screens.cases.query.is_empty(), "x clears everything");
}

#[test]
fn the_list_follows_the_search_as_it_is_typed_and_esc_drops_it() {
    let mut app = demo_app(Some("astrid"));
    app.handle_key(key(KeyCode::Char('/')));
    typed(&mut app, "bomlo");
    assert_eq!(app.screens.cases.query.search, "bomlo");
    let rows = casebook::tui::screens::cases::case_ids(&app);
    assert_eq!(app.data.cases[&rows[0]].case.municipality, "Bømlo");
    assert!(app.handle_key(key(KeyCode::Char('q'))).is_empty());
    assert!(!app.should_quit, "while typing, q is a letter");
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.screens.cases.query.search, "");
}

fn fixed_now() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2025-03-12T14:00:00+01:00").unwrap()
}

#[test]
fn moving_a_stage_asks_where_and_why_and_logs_it() {
    let mut app = demo_app(Some("brage"));
    app.now = fixed_now;
    app.handle_key(key(KeyCode::Char('/')));
    typed(&mut app, "bomlo");
    app.handle_key(key(KeyCode::Enter));
    let case = app.data.cases[&casebook::tui::screens::cases::case_ids(&app)[0]]
        .case
        .clone();
    app.handle_key(key(KeyCode::Char('m')));
    let items = tui_common::picker_items(&app).expect("a stage picker");
    let shortlisted = items.iter().position(|i| i == "shortlisted").unwrap();
    for _ in 0..shortlisted {
        app.handle_key(key(KeyCode::Down));
    }
    app.handle_key(key(KeyCode::Enter));
    assert!(app.input.is_some(), "the reason is asked for");
    assert!(
        app.handle_key(key(KeyCode::Enter)).is_empty(),
        "an empty reason is refused"
    );
    assert!(app.input.is_some());
    let mut effects = typed(&mut app, "Adds a coastal municipality");
    effects.extend(app.handle_key(key(KeyCode::Enter)));
    assert_eq!(written_files(&app, &effects), [format!("cases/{}/case.ron", case.id)]);
    let after = &app.data.cases[&case.id].case;
    assert_eq!(after.stage, Stage::Shortlisted);
    let entry = after.stage_log.last().unwrap();
    assert_eq!(
        (entry.by.as_str(), entry.from, entry.to),
        ("brage", case.stage, Stage::Shortlisted)
    );
    assert_eq!(
        (entry.reason.as_str(), entry.at),
        ("Adds a coastal municipality", fixed_now())
    );
}
