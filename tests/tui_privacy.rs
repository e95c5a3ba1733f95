//! Privacy in the TUI: its disk worker loads with the same privacy scan as
//! `casebook check`, and a stored contact's name typed as a referral's role
//! (or place) is refused at that prompt with a readable reason, nothing
//! written and nothing typed lost.

mod common;
#[path = "tui_common.rs"]
mod tui_common;

use casebook::domain::ResearcherId;
use casebook::store::identity::Config;
use casebook::store::{load, Layout};
use casebook::tui::action::{Action, Screen};
use casebook::tui::app::{App, Effect};
use casebook::tui::input::InputPurpose;
use casebook::tui::jobs::{spawn, Done, Job};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fs;
use std::sync::mpsc;
use std::time::Duration;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| app.handle_key(key(KeyCode::Char(c))))
        .collect()
}

const CONTACTS: &str = r#"Contacts(
    contacts: {
        "INF-03": Contact(name: "Kari Nordmann", email: None, phone: Some("+47 934 56 789")),
    },
)
"#;

#[test]
fn the_tuis_load_reports_what_check_reports_about_privacy() {
    let study = common::demo_copy();
    fs::create_dir(study.path().join("private")).unwrap();
    fs::write(study.path().join("private/contacts.ron"), CONTACTS).unwrap();
    let status = study.path().join("cases/p2019-036/case.ron");
    let text = fs::read_to_string(&status).unwrap();
    let leaked = text.replacen("reason: \"", "reason: \"call 93456789. ", 1);
    assert_ne!(leaked, text, "the case has a logged reason");
    fs::write(&status, leaked).unwrap();

    let (sender, receiver) = mpsc::channel();
    let worker = spawn(Layout::new(study.path()), move |done| sender.send(done).is_ok()).unwrap();
    worker.jobs.send(Job::Load { after_saves: 0 }).unwrap();
    let loaded = loop {
        match receiver
            .recv_timeout(Duration::from_secs(60))
            .expect("the load finishes")
        {
            Done::Loaded { loaded, .. } => break loaded,
            _ => continue,
        }
    };
    let said: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        said.iter()
            .any(|p| p.contains("case.ron:") && p.contains("a stored contact's phone number in a shared file")),
        "{said:#?}"
    );
    assert!(!said.iter().any(|p| p.contains("93456789")), "never quoted: {said:#?}");
}

#[test]
fn a_stored_contacts_name_as_a_referrals_role_is_refused_at_the_role_prompt_keeping_the_text() {
    let study = common::demo_copy();
    fs::create_dir(study.path().join("private")).unwrap();
    fs::write(study.path().join("private/contacts.ron"), CONTACTS).unwrap();
    let layout = Layout::new(study.path());
    let loaded = load(&layout);
    let mut app = App::on_loaded(layout, loaded, Some(ResearcherId::new("cora")), Config::default());
    app.update(Action::GoTo(Screen::Recruitment));
    let rows = casebook::tui::screens::recruitment::rows(&app);
    app.screens.recruitment.cursor.selected = rows.iter().position(|r| r.informant.as_str() == "INF-03").unwrap();

    app.handle_key(key(KeyCode::Char('r')));
    let mut effects = typed(&mut app, "adviser for kari nordmann");
    effects.extend(app.handle_key(key(KeyCode::Enter)));

    // Refused at once, at the role prompt: not after three more prompts.
    assert!(effects.is_empty(), "nothing is written: {effects:?}");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("the role holds a stored contact's name"), "{message}");
    assert!(!message.to_lowercase().contains("nordmann"), "never quoted: {message}");
    let screen = tui_common::screen_text(&app, 120, 40);
    assert!(screen.contains("the role holds a stored contact's"), "{screen}");
    let input = app.input.as_ref().expect("the role prompt stays open");
    assert!(
        matches!(&input.purpose, InputPurpose::ReferralRole { referrer } if referrer.as_str() == "INF-03"),
        "{:?}",
        input.purpose
    );
    assert_eq!(input.text(), "adviser for kari nordmann", "nothing typed is lost");

    // Put right in place, the flow goes on to where they are.
    for _ in " for kari nordmann".chars() {
        app.handle_key(key(KeyCode::Backspace));
    }
    app.handle_key(key(KeyCode::Enter));
    let input = app.input.as_ref().expect("the next prompt");
    assert!(
        matches!(&input.purpose, InputPurpose::ReferralWhere { role, .. } if role == "adviser"),
        "{:?}",
        input.purpose
    );

    // A place holding the name is refused at its own prompt too.
    let input = app.input.as_mut().unwrap();
    input.area.select_all();
    input.area.cut();
    let mut effects = typed(&mut app, "Kari Nordmann");
    effects.extend(app.handle_key(key(KeyCode::Enter)));
    assert!(
        effects.is_empty() && app.popup.is_none(),
        "no county picker, nothing written"
    );
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("the municipality holds a stored contact's name"),
        "{message}"
    );
    let input = app.input.as_ref().expect("the place prompt stays open");
    assert!(matches!(&input.purpose, InputPurpose::ReferralWhere { .. }));
    assert_eq!(input.text(), "Kari Nordmann");
}
