//! Privacy in the TUI: its disk worker loads with the same privacy scan as
//! `casebook check`, and a stored contact's name typed as a referral's role
//! is refused with a readable reason and nothing written.

mod common;
#[path = "tui_common.rs"]
mod tui_common;

use casebook::domain::ResearcherId;
use casebook::store::identity::Config;
use casebook::store::{load, Layout};
use casebook::tui::action::{Action, Screen};
use casebook::tui::app::{App, Effect};
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
fn a_stored_contacts_name_as_a_referrals_role_is_refused_on_the_status_line() {
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
    typed(&mut app, "kari nordmann");
    app.handle_key(key(KeyCode::Enter));
    let input = app.input.as_mut().unwrap();
    input.area.select_all();
    input.area.cut();
    typed(&mut app, "Loppa");
    app.handle_key(key(KeyCode::Enter));
    app.handle_key(key(KeyCode::Enter));
    let mut effects = typed(&mut app, "900");
    effects.extend(app.handle_key(key(KeyCode::Enter)));

    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Apply(_))),
        "nothing is written"
    );
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("the role holds a stored contact's name"), "{message}");
    let screen = tui_common::screen_text(&app, 120, 40);
    assert!(screen.contains("the role holds a stored contact's name"), "{screen}");
    assert!(!screen.to_lowercase().contains("nordmann"), "{screen}");
}
