//! Editing the codebook from the Themes screen through the update function:
//! rename, merge and a refused delete write `codebook.ron` alone (no codings
//! file), a new code under another gets an id from its name, a coder's own
//! code is adopted by the lead, and a coder cannot change the lead's codes.

mod common;
#[path = "tui_common.rs"]
mod tui_common;

use casebook::domain::codes::CodeIndex;
use casebook::domain::*;
use casebook::store::identity::Config;
use casebook::store::{load, Layout};
use casebook::tui::action::{Action, Screen};
use casebook::tui::app::{App, Effect};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_common::{demo_app, picker_items};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| app.handle_key(key(KeyCode::Char(c))))
        .collect()
}

fn written(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Apply(change) => Some(change.writes.iter().map(|w| {
                w.path
                    .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap_or(&w.path)
                    .display()
                    .to_string()
            })),
            _ => None,
        })
        .flatten()
        .collect()
}

fn themes(me: &str) -> App {
    let mut app = demo_app(Some(me));
    app.screen = Screen::Themes;
    app
}

fn code(app: &App, id: &str) -> Option<IndexedCode> {
    let index = CodeIndex::new(&app.data);
    index.get(&CodeId::new(id)).map(|i| index.codes[i].clone())
}

use casebook::domain::codes::IndexedCode;

/// Moves the open picker's cursor to the row labelled `label`.
fn pick(app: &mut App, label: &str) -> Vec<Effect> {
    let items = picker_items(app).expect("a picker is open");
    let at = items
        .iter()
        .position(|i| i == label)
        .unwrap_or_else(|| panic!("no {label:?} in {items:?}"));
    for _ in 0..at {
        app.handle_key(key(KeyCode::Down));
    }
    app.handle_key(key(KeyCode::Enter))
}

#[test]
fn the_lead_renames_a_code_and_only_the_codebook_is_written() {
    let mut app = themes("astrid");
    app.edit_codebook(Action::RenameCode, Some(CodeId::new("results.unclear")));
    assert_eq!(
        app.input.as_ref().map(|i| i.text()),
        Some("Results hard to show".to_string())
    );
    // Backspace the old name away; type the new one.
    for _ in 0.."Results hard to show".len() {
        app.handle_key(key(KeyCode::Backspace));
    }
    let mut effects = typed(&mut app, "Results not yet visible");
    effects.extend(app.handle_key(key(KeyCode::Enter)));
    assert_eq!(written(&effects), ["guides/codebook.ron"]);
    assert_eq!(code(&app, "results.unclear").unwrap().name, "Results not yet visible");
}

#[test]
fn merging_records_merged_into_and_rewrites_no_codings_file() {
    let mut app = themes("astrid");
    app.edit_codebook(Action::MergeCode, Some(CodeId::new("results.unclear")));
    let effects = pick(&mut app, "Results and local change › Change in the services");
    assert_eq!(written(&effects), ["guides/codebook.ron"]);
    assert_eq!(
        code(&app, "results.unclear").unwrap().merged_into,
        Some(CodeId::new("results.services"))
    );
    assert!(
        app.message.as_deref().unwrap_or("").contains("coding"),
        "says how many codings: {:?}",
        app.message
    );
}

#[test]
fn deleting_a_code_in_use_is_refused_with_its_count() {
    let mut app = themes("astrid");
    let effects = app.edit_codebook(Action::DeleteCode, Some(CodeId::new("results.services")));
    assert!(effects.is_empty());
    assert!(app.popup.is_none(), "no question asked");
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("in use by") && said.contains("coding(s)"), "{said}");
}

#[test]
fn a_new_code_under_another_gets_an_id_from_its_name() {
    let mut app = themes("astrid");
    app.edit_codebook(Action::NewCode, Some(CodeId::new("results")));
    typed(&mut app, "Schools and kindergartens");
    app.handle_key(key(KeyCode::Enter));
    typed(&mut app, "Cooperation with schools");
    let effects = app.handle_key(key(KeyCode::Enter));
    assert_eq!(written(&effects), ["guides/codebook.ron"]);
    let new = code(&app, "results.schools-and-kindergartens").expect("added");
    assert_eq!(new.name, "Schools and kindergartens");
    assert_eq!(new.description, "Cooperation with schools");
    let index = CodeIndex::new(&app.data);
    let parent = new.parent.map(|p| index.codes[p].id.to_string());
    assert_eq!(parent.as_deref(), Some("results"));
    // The delete of an unused code asks first, then deletes.
    app.edit_codebook(
        Action::DeleteCode,
        Some(CodeId::new("results.schools-and-kindergartens")),
    );
    assert!(app.popup.is_some());
    let effects = app.handle_key(key(KeyCode::Char('y')));
    assert_eq!(written(&effects), ["guides/codebook.ron"]);
    assert!(code(&app, "results.schools-and-kindergartens").is_none());
}

#[test]
fn a_coder_cannot_change_the_leads_codes() {
    let mut app = themes("brage");
    app.edit_codebook(Action::MergeCode, Some(CodeId::new("results.unclear")));
    let effects = pick(&mut app, "Results and local change › Change in the services");
    assert!(written(&effects).is_empty());
    assert!(code(&app, "results.unclear").unwrap().merged_into.is_none());
    assert!(app.message.is_some());
}

#[test]
fn the_lead_adopts_a_coders_own_code_under_a_theme() {
    let study = common::demo_copy();
    let added = common::casebook_as(
        study.path(),
        Some("brage"),
        &[
            "code",
            "add",
            "library",
            "Library as meeting place",
            "--description",
            "The library as the place to meet",
        ],
    );
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    let layout = Layout::new(study.path());
    let loaded = load(&layout);
    let mut app = App::on_loaded(layout, loaded, Some(ResearcherId::new("astrid")), Config::default());
    app.screen = Screen::Themes;
    assert_eq!(
        code(&app, "library").unwrap().proposed_by,
        Some(ResearcherId::new("brage"))
    );
    app.edit_codebook(Action::AdoptCode, Some(CodeId::new("library")));
    let effects = pick(&mut app, "Results and local change");
    let files = written(&effects);
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].ends_with("guides/codebook.ron"), "{files:?}");
    let adopted = code(&app, "library").unwrap();
    assert_eq!(adopted.proposed_by, None);
    let index = CodeIndex::new(&app.data);
    assert_eq!(
        adopted.parent.map(|p| index.codes[p].id.to_string()).as_deref(),
        Some("results")
    );
}
