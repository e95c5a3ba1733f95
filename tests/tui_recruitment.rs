//! The Recruitment screen through keys: a new status with date and note, a
//! referral to a new municipality, names from the private store shown.

#[path = "tui_common.rs"]
mod tui_common;

use casebook::domain::*;
use casebook::store::private::Contact;
use casebook::tui::action::{Action, Screen};
use casebook::tui::app::{App, Effect};
use chrono::DateTime;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_common::{demo_app, screen_text, written_files};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| app.handle_key(key(KeyCode::Char(c))))
        .collect()
}

fn fixed_now() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2025-06-03T10:00:00+02:00").unwrap()
}

/// The demo on the Recruitment screen with the cursor on `id`.
fn on(id: &str) -> App {
    let mut app = demo_app(Some("cora"));
    app.now = fixed_now;
    app.update(Action::GoTo(Screen::Recruitment));
    let rows = casebook::tui::screens::recruitment::rows(&app);
    let index = rows.iter().position(|r| r.informant.as_str() == id).unwrap();
    app.screens.recruitment.cursor.selected = index;
    app
}

#[test]
fn a_new_status_is_recorded_with_its_date_and_note() {
    let mut app = on("INF-19");
    app.handle_key(key(KeyCode::Char('a')));
    let items = tui_common::picker_items(&app).expect("a status picker");
    let agreed = items.iter().position(|i| i == "agreed").unwrap();
    for _ in 0..agreed {
        app.handle_key(key(KeyCode::Down));
    }
    app.handle_key(key(KeyCode::Enter));
    assert_eq!(
        app.input.as_ref().map(|i| i.text()),
        Some("2025-06-03".to_string()),
        "today is offered"
    );
    app.handle_key(key(KeyCode::Enter));
    let mut effects = typed(&mut app, "Called back");
    effects.extend(app.handle_key(key(KeyCode::Enter)));
    assert_eq!(
        written_files(&app, &effects),
        ["cases/snowball-valle/informants/INF-19.status.cora.ron"],
        "only my own status file"
    );
    let last = app
        .data
        .informant(&InformantId::new("INF-19"))
        .unwrap()
        .status_history
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last.status, last.date.to_string(), last.by.as_str(), last.note.as_str()),
        (RecruitmentStatus::Agreed, "2025-06-03".into(), "cora", "Called back")
    );
}

#[test]
fn a_referral_to_a_new_municipality_creates_its_snowball_case() {
    let mut app = on("INF-03");
    app.handle_key(key(KeyCode::Char('r')));
    typed(&mut app, "NAV adviser");
    app.handle_key(key(KeyCode::Enter));
    // Replace the suggested case with a municipality that is not a case.
    let input = app.input.as_mut().unwrap();
    input.area.select_all();
    input.area.cut();
    typed(&mut app, "Loppa");
    app.handle_key(key(KeyCode::Enter));
    let items = tui_common::picker_items(&app).expect("a county picker");
    assert_eq!(items[0], "Troms og Finnmark");
    app.handle_key(key(KeyCode::Enter));
    let mut effects = typed(&mut app, "900");
    effects.extend(app.handle_key(key(KeyCode::Enter)));
    let case = CaseId::new("snowball-cora-loppa");
    assert_eq!(
        written_files(&app, &effects),
        [
            "cases/snowball-cora-loppa/case.ron",
            "cases/snowball-cora-loppa/informants/INF-cora-01.ron",
            "cases/snowball-cora-loppa/informants/INF-cora-01.status.cora.ron",
        ],
        "ids carry their author, so two clones never make the same one"
    );
    let data = &app.data.cases[&case];
    assert_eq!(
        (data.case.stage, data.case.region.as_str()),
        (Stage::Snowball, "Nord-Norge")
    );
    let informant = &data.informants[&InformantId::new("INF-cora-01")];
    assert!(matches!(&informant.referred_by, Some(Referral::Informant { id, .. }) if id.as_str() == "INF-03"));
    assert!(
        app.message.clone().unwrap_or_default().contains("adds size band <1000"),
        "{:?}",
        app.message
    );
}

#[test]
fn names_from_the_private_store_show_beside_pseudonyms_for_the_local_user() {
    let mut app = on("INF-05");
    app.contacts.contacts.insert(
        InformantId::new("INF-05"),
        Contact {
            name: "Local Only".into(),
            email: None,
            phone: None,
        },
    );
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains("INF-05 (Local Only)"), "{screen}");
}

#[test]
fn i_opens_the_informants_interview() {
    let mut app = on("INF-05");
    app.handle_key(key(KeyCode::Char('i')));
    assert_eq!(app.screen, Screen::Interviews);
    let rows = casebook::tui::screens::interviews::rows(&app);
    let (case, id) = &rows[app.screens.interviews.cursor.selected];
    assert!(app.data.cases[case].interviews[id]
        .interview
        .informants
        .contains(&InformantId::new("INF-05")));
}
