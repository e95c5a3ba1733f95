//! The terminal UI: a model with an update function (`app`), keys as data
//! (`keymap`), render functions (`view`, `screens`, `widgets`), and the thin
//! loop here that alone touches the real terminal.

pub mod action;
pub mod app;
pub mod cache;
mod confirm;
pub mod disk_watch;
pub mod effects;
pub mod input;
pub mod keymap;
pub mod screens;
pub mod view;
pub mod widgets;

use crate::ops::open::open;
use crate::store::identity;
use app::App;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::path::Path;
use std::process::ExitCode;

/// Opens the study and runs the TUI until the user quits. The terminal is
/// restored on every way out, a panic included (ratatui's hook does that
/// before the panic message is printed).
pub fn run(study: Option<&Path>, as_user: Option<&str>) -> ExitCode {
    let opened = match open(study, as_user) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("casebook: {e}");
            return ExitCode::from(1);
        }
    };
    let config = identity::config_path()
        .and_then(|p| identity::load_config(&p).ok())
        .unwrap_or_default();
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
    if let Some(e) = opened.identity_error {
        app.message = Some(e);
    }
    if let Some(warning) = opened.deletion_warning {
        app.message = Some(warning);
    }
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, &mut app);
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

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    let mut watch = disk_watch::DiskWatch::scan(&app.layout);
    while !app.should_quit {
        terminal.draw(|frame| view::render(frame, app))?;
        // Every few quiet seconds, look for files changed by someone else.
        if !event::poll(std::time::Duration::from_secs(2))? {
            app.changed_on_disk = watch.changes(&app.layout);
            continue;
        }
        // Resize and every other event simply lead to a redraw.
        if let Event::Key(key) = event::read()? {
            if key.kind != KeyEventKind::Press {
                continue;
            }
            for effect in app.handle_key(key) {
                let reload = effect == app::Effect::Reload;
                effects::carry_out(app, effect);
                if reload {
                    watch = disk_watch::DiskWatch::scan(&app.layout);
                    app.changed_on_disk = 0;
                }
            }
            for path in app.written.drain(..) {
                watch.note_own_write(&path);
            }
        }
    }
    Ok(())
}
