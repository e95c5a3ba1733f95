//! The terminal UI: a model with an update function (`app`), keys as data
//! (`keymap`), render functions (`view`, `screens`, `widgets`), and the thin
//! loop (`event_loop`) that alone touches the real terminal, fed by input,
//! a file watcher (`watcher`) and a disk worker (`jobs`).

pub mod action;
pub mod app;
pub mod app_jobs;
pub mod background;
pub mod cache;
pub mod compute;
mod confirm;
pub mod cursor;
pub mod effects;
pub mod event_loop;
pub mod input;
pub mod jobs;
pub mod keymap;
mod loading_view;
pub mod screens;
pub mod view;
pub mod watcher;
pub mod widgets;

use crate::domain::StudyData;
use crate::ops::open::{open, open_without_loading, Opened, Opening};
use crate::store::identity::{self, Config};
use crate::store::lock::StudyLock;
use crate::store::Stamps;
use app::App;
use event_loop::Start;
use std::path::Path;
use std::process::ExitCode;

/// Opens the study and runs the TUI until the user quits. The first frame
/// shows at once; the study is read in the background (`event_loop`). The
/// terminal is restored on every way out, a panic included (ratatui's hook
/// does that before the panic message is printed).
pub fn run(study: Option<&Path>, as_user: Option<&str>) -> ExitCode {
    let config = identity::config_path()
        .and_then(|p| identity::load_config(&p).ok())
        .unwrap_or_default();
    let opening = match open_without_loading(study, as_user) {
        Ok(opening) => opening,
        Err(e) => {
            eprintln!("casebook: {e}");
            return ExitCode::from(1);
        }
    };
    let (mut app, start) = match opening {
        Some(opening) => app_while_loading(opening, config),
        // study.ron itself does not read: the full open reports why, as a
        // problem of the load, and the TUI starts with what could be read.
        None => match open(study, as_user) {
            Ok(opened) => (app_opened(opened, config), Start::Loaded),
            Err(e) => {
                eprintln!("casebook: {e}");
                return ExitCode::from(1);
            }
        },
    };
    // One TUI writes a study at a time; a second one only reads.
    let who = app
        .me
        .as_ref()
        .map_or_else(|| "someone".to_string(), |me| me.to_string());
    let _lock = match StudyLock::take(&app.layout, &who) {
        Ok(Ok(lock)) => Some(lock),
        Ok(Err(holder)) => {
            app.read_only = Some(holder.to_string());
            app.message = Some(format!("read-only: {holder} has this study open"));
            None
        }
        Err(e) => {
            app.message = Some(format!(
                "could not take the study's lock ({e}); take care with a second casebook"
            ));
            None
        }
    };
    let mut terminal = ratatui::init();
    let result = event_loop::run(&mut terminal, &mut app, start);
    ratatui::restore();
    // Whatever could not be saved is kept where the user will find it.
    if !app.unsaved.is_empty() {
        for line in effects::keep_unsaved(&app.unsaved, effects::recovery_dir().as_deref()) {
            eprintln!("casebook: {line}");
        }
    }
    match result {
        // Exit 4: quit with unsaved work kept in the recovery folder.
        Ok(()) if !app.unsaved.is_empty() => ExitCode::from(4),
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("casebook: terminal error: {e}");
            ExitCode::from(1)
        }
    }
}

/// The app for a study whose cases are still to be read: `study.ron`, who I
/// am and my contacts are there; the data comes when the load is done.
fn app_while_loading(opening: Opening, config: Config) -> (App, Start) {
    let mut app = App::new(
        StudyData::empty(opening.study),
        opening.layout,
        Stamps::default(),
        Vec::new(),
        opening.identity.map(|i| i.id),
        config,
    );
    app.contacts = opening.contacts;
    app.contacts_path = opening.contacts_path;
    start_messages(
        &mut app,
        opening.identity_error,
        opening.store_notes,
        opening.deletion_warning,
    );
    let start = Start::Load {
        early_problems: opening.problems,
    };
    (app, start)
}

fn app_opened(opened: Opened, config: Config) -> App {
    let mut app = App::new(
        opened.data,
        opened.layout,
        opened.stamps,
        opened.problems,
        opened.identity.map(|i| i.id),
        config,
    );
    app.failed = opened.failed;
    app.contacts = opened.contacts;
    app.contacts_path = opened.contacts_path;
    start_messages(
        &mut app,
        opened.identity_error,
        opened.store_notes,
        opened.deletion_warning,
    );
    app
}

fn start_messages(
    app: &mut App,
    identity_error: Option<String>,
    store_notes: Vec<String>,
    deletion_warning: Option<String>,
) {
    if let Some(e) = identity_error {
        app.message = Some(e);
    }
    if let Some(note) = store_notes.into_iter().last() {
        app.message = Some(note);
    }
    if let Some(warning) = deletion_warning {
        app.message = Some(warning);
    }
}
